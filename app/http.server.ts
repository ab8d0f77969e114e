import { data } from 'react-router';

/**
 * Throws a 404 or 403 response that the error boundary renders in plain language.
 * Routes call these instead of letting a missing row or a refused action become a 500.
 */
export function notFound(message = 'We could not find that page.'): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = 'You do not have permission to do that.'): never {
  throw data({ message }, { status: 403 });
}

export function badRequest(message: string): never {
  throw data({ message }, { status: 400 });
}

/** `value` or a 404: for rows looked up by an id from the URL. */
export function found<T>(value: T | undefined | null, message?: string): T {
  if (value === undefined || value === null) notFound(message);
  return value;
}
