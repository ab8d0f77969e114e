import { z } from 'zod';
import { PHASES } from '~/domain/portfolio/labels';
import { CHANGED_WITHIN, MAX_PAGES, SEARCH_KINDS, type ChangedWithin } from '~/domain/search/kinds';
import { MAX_QUERY_LENGTH } from '~/domain/search/query';

/** The search page's query parameters (issue 23), one zod schema each. */
export const SearchFields = {
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `Keep the search to ${MAX_QUERY_LENGTH} characters or fewer.`),
  type: z.enum(SEARCH_KINDS, { error: 'Choose a kind of result from the list.' }),
  portfolio: z.string().regex(/^[a-z0-9-]{1,80}$/, 'Choose a portfolio from the list.'),
  phase: z.enum(PHASES as [string, ...string[]], { error: 'Choose a phase from the list.' }),
  changed: z.enum(Object.keys(CHANGED_WITHIN) as [ChangedWithin, ...ChangedWithin[]], {
    message: 'Choose when from the list.',
  }),
  page: z.coerce
    .number({ error: 'Use the page links to move between pages.' })
    .int('Use the page links to move between pages.')
    .min(1, 'Use the page links to move between pages.')
    .max(MAX_PAGES, 'Use the page links to move between pages.'),
};

type Fields = typeof SearchFields;
export type SearchValues = { [K in keyof Fields]?: z.output<Fields[K]> };
export type SearchErrors = Partial<Record<keyof Fields, string>>;

/**
 * Reads the search from a query string. A bad value is left out and gets a message for its field
 * (a hand-edited URL gives the page with a message, never a 500); a search too long is not run,
 * and the box keeps what was typed.
 */
export function parseSearchParams(params: URLSearchParams): {
  values: SearchValues;
  errors: SearchErrors;
} {
  const values: SearchValues = {};
  const errors: SearchErrors = {};
  for (const key of Object.keys(SearchFields) as (keyof Fields)[]) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    const parsed = SearchFields[key].safeParse(raw);
    if (parsed.success) (values as Record<string, unknown>)[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? 'Not valid.';
  }
  return { values, errors };
}
