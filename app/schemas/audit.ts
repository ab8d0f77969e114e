import { z } from 'zod';
import { IdParam } from './params';

const CHOOSE_KIND = 'Choose a kind of record from the list.';

/** The audit log's filters, one zod schema per query parameter. */
export const AuditFilterFields = {
  /** The kind of record: a table-like name such as `project` or `journey_map`. */
  entity: z.string().regex(/^[a-z_]{1,40}$/, CHOOSE_KIND),
  /**
   * One record of that kind, by the id an entry's details show: a row id (`12`) or a key
   * (`default_wage`, `3:7`, `demo-accounts`).
   */
  record: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_.:-]{1,100}$/,
      'Enter the record’s id as an entry’s details show it, for example 12.',
    ),
  person: IdParam,
  before: IdParam,
};

type Fields = typeof AuditFilterFields;
export type AuditFilterValues = { [K in keyof Fields]?: z.output<Fields[K]> };
export type AuditFilterErrors = Partial<Record<keyof Fields, string>>;

const MESSAGES: Partial<Record<keyof Fields, string>> = {
  person: 'Choose a person from the list.',
  before: 'Use the “Older entries” link to see earlier entries.',
};

/**
 * Reads the audit filters from a query string. A bad value is left out of the filter and gets a
 * message for its field, so a hand-edited URL gives the page with a message, never a 500. With
 * `listed`, the kinds and people the page's lists offer, a well-formed value that is not in its
 * list is refused the same way: the page never filters by something its list cannot show. A
 * record id needs its kind: ids repeat across kinds (project 3 and milestone 3).
 */
export function parseAuditFilters(
  params: URLSearchParams,
  listed?: { kinds: readonly string[]; people: readonly number[] },
): {
  values: AuditFilterValues;
  errors: AuditFilterErrors;
} {
  const values: AuditFilterValues = {};
  const errors: AuditFilterErrors = {};
  for (const key of Object.keys(AuditFilterFields) as (keyof Fields)[]) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    const parsed = AuditFilterFields[key].safeParse(raw);
    if (parsed.success) {
      (values as Record<string, unknown>)[key] = parsed.data;
    } else {
      errors[key] = MESSAGES[key] ?? parsed.error.issues[0]?.message ?? 'Not valid.';
    }
  }
  if (listed && values.entity !== undefined && !listed.kinds.includes(values.entity)) {
    delete values.entity;
    errors.entity = CHOOSE_KIND;
  }
  if (listed && values.person !== undefined && !listed.people.includes(values.person)) {
    delete values.person;
    errors.person = MESSAGES.person;
  }
  if (values.record !== undefined && values.entity === undefined) {
    delete values.record;
    if (!errors.entity) errors.record = 'Choose a kind of record to look up a record by its id.';
  }
  return { values, errors };
}
