import { z } from 'zod';

/** A row id in a URL: a positive integer in SQLite's safe range. */
export const IdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A portfolio slug in a URL. */
export const SlugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(80);

/** A page number in a URL (?page=), up to a thousand pages. */
export const PageParam = z.coerce.number().int().min(1).max(1000);
