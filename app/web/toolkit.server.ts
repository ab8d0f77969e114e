/**
 * The route toolkit: what every loader and action uses to answer in plain language. Not found
 * and forbidden pages, path parameters, and a refused write turned into the form's answer.
 */
import type { SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { z } from 'zod';
import { can, type Action, type Target, type UserRoles } from '~/domain/policy';
import { RefusedError, StaleWriteError } from '#db/errors';

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

const PAGE_TITLES: Record<number, string> = {
  400: 'Not done',
  403: 'Not allowed',
  404: 'Page not found',
};

/**
 * For a resource route that answers with a page of its own (a print-friendly HTML export): a
 * 404 or 403 thrown while loading becomes a small page in plain language, with a title and a
 * language like every page, instead of the bare message a resource route would answer with.
 */
async function asHtmlPage(load: () => Promise<Response>): Promise<Response> {
  try {
    return await load();
  } catch (error) {
    const thrown = error as {
      type?: string;
      data?: { message?: unknown };
      init?: { status?: number };
    };
    const status = thrown?.type === 'DataWithResponseInit' ? thrown.init?.status : undefined;
    const title = status === undefined ? undefined : PAGE_TITLES[status];
    if (status === undefined || !title) throw error;
    const message = typeof thrown.data?.message === 'string' ? thrown.data.message : '';
    const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    return plainPage(
      status,
      title,
      `<h1>${title}</h1><p>${esc(message)}</p><p><a href="/">Back to the workspace</a></p>`,
    );
  }
}

/**
 * A small page of its own, outside the workspace's layout, for an export route that cannot give
 * its file: titled, in English, nothing run. `main` is trusted markup (escape what it quotes).
 */
export function plainPage(status: number, title: string, main: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | Life Experience Workspace</title></head><body><main>${main}</main></body></html>`,
    {
      status,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'",
      },
    },
  );
}

/**
 * An export route's answer by the URL's extension (`.docx`, `.html`…). The print-friendly HTML
 * is a page, so a refusal while loading it answers with a page too (asHtmlPage).
 */
export function byExtension(
  request: Request,
  load: (format: string | undefined) => Promise<Response>,
): Promise<Response> {
  const format = new URL(request.url).pathname.split('.').pop();
  return format === 'html' ? asHtmlPage(() => load(format)) : load(format);
}

/** Refuses with a 403 page unless the policy allows `action` on `target`. */
export function authorize(user: UserRoles, action: Action, target: Target = {}): void {
  if (!can(user, action, target)) forbidden();
}

/** `value` or a 404: for rows looked up by an id from the URL. */
export function found<T>(value: T | undefined | null, message?: string): T {
  if (value === undefined || value === null) notFound(message);
  return value;
}

/**
 * Parses a URL path segment. A malformed id names nothing, so it is a 404 like an unknown one.
 */
export function pathParam<T extends z.ZodType>(schema: T, value: string | undefined): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

export const STALE_MESSAGE =
  'Someone saved a newer version while you were editing, so your changes were not saved. Your text is still in the form; the saved values are shown beside it. Review them, then save again.';

export interface StaleInfo {
  current: Record<string, unknown>;
  version: number;
}

interface Reply {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
  }): SubmissionResult<string[]>;
}

/**
 * Turns a refused write into the answer the form shows: a stale save (409, with the saved
 * values), a refusal tied to a field (400), a conflict (409); unknown rows and forbidden acts
 * become the 404 and 403 pages. Anything else is a real error and is rethrown.
 */
export function refusal<E extends object = object>(error: unknown, submission: Reply, extra?: E) {
  if (error instanceof StaleWriteError) {
    return data(
      {
        ...(extra as E),
        result: submission.reply({ formErrors: [STALE_MESSAGE] }),
        stale: { current: error.current, version: error.currentVersion } as StaleInfo | null,
      },
      { status: 409 },
    );
  }
  if (error instanceof RefusedError) {
    if (error.code === 'not_found') notFound(error.message);
    if (error.code === 'forbidden') forbidden(error.message);
    const result = error.field
      ? submission.reply({ fieldErrors: { [error.field]: [error.message] } })
      : submission.reply({ formErrors: [error.message] });
    return data(
      { ...(extra as E), result, stale: null as StaleInfo | null },
      { status: error.code === 'conflict' ? 409 : 400 },
    );
  }
  throw error;
}

/**
 * The shape of most edit actions: parse the form with `schema`, apply the edit (which may be
 * refused), then redirect. Invalid input and refusals come back to the form with the `intent`
 * that says which form on the page they belong to.
 */
export async function submitEdit<T>(
  formData: FormData,
  intent: string,
  schema: z.ZodType<T>,
  apply: (value: T) => Promise<unknown>,
  redirectTo: string,
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    return data(
      { intent, result: submission.reply(), stale: null as StaleInfo | null },
      { status: 400 },
    );
  }
  try {
    await apply(submission.value);
  } catch (error) {
    return refusal(error, submission, { intent });
  }
  throw redirect(redirectTo);
}

/** What every action that answers a form returns: which form, conform's result, a stale save. */
export interface ActionReply {
  intent: string;
  result: SubmissionResult<string[]>;
  stale: StaleInfo | null;
}

export const UNKNOWN_INTENT =
  'This page sent an action it does not know. Reload the page and try again.';

type Handlers<T extends { intent: string }> = {
  [K in T['intent']]: (value: Extract<T, { intent: K }>) => Promise<string>;
};

/**
 * The one way a form with several buttons is handled. `schema` is the page's
 * `z.discriminatedUnion('intent', …)` from `app/schemas/<area>.ts`; each handler runs the
 * command for its intent and returns where to go next. Invalid input, an unknown intent and a
 * refused command all come back as an {@link ActionReply} for the form that sent them.
 */
export async function dispatch<T extends { intent: string }>(
  formData: FormData,
  schema: z.ZodType<T>,
  handlers: Handlers<T>,
) {
  const intent = String(formData.get('intent') ?? '');
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== 'success') {
    const unknown = submission.error && 'intent' in submission.error;
    const result = unknown
      ? submission.reply({ formErrors: [UNKNOWN_INTENT] })
      : submission.reply();
    return data<ActionReply>({ intent, result, stale: null }, { status: 400 });
  }
  const value = submission.value;
  const handler = handlers[value.intent as T['intent']] as (value: T) => Promise<string>;
  let to: string;
  try {
    to = await handler(value);
  } catch (error) {
    return refusal(error, submission, { intent });
  }
  throw redirect(to);
}
