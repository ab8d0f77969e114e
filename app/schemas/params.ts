import { z } from 'zod';

/**
 * The largest whole number a database column of the workspace holds: PostgreSQL's `integer`
 * (SQLite's are wider). A larger id or version cannot name a row, and PostgreSQL would refuse to
 * even compare it, so it is refused as input.
 */
export const INT_MAX = 2_147_483_647;

/** A row id in a URL or form: a positive integer a column can hold. */
export const IdParam = z.coerce.number().int().positive().max(INT_MAX);

/** A portfolio slug in a URL. */
export const SlugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

/** A page number in a URL (?page=), up to a thousand pages. */
export const PageParam = z.coerce.number().int().min(1).max(1000);
