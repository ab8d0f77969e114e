import type { z } from 'zod';
import { notFound } from './http.server';

/**
 * Parses a URL path segment. A malformed id names nothing, so it is a 404 like an unknown one.
 */
export function pathParam<T extends z.ZodType>(schema: T, value: string | undefined): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}
