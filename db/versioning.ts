import { StaleWriteError } from './errors';

/**
 * Refuses a save whose form was opened at an older version of the row, so a stale save never
 * overwrites newer work. Throws with the row's current values for the named fields.
 */
export function assertFresh<T extends { version: number }>(
  current: T,
  expectedVersion: number,
  fields: readonly (keyof T)[],
): void {
  if (current.version === expectedVersion) return;
  const values: Record<string, unknown> = {};
  for (const f of fields) values[String(f)] = current[f];
  throw new StaleWriteError(values, current.version);
}

/** The named fields of a row, for audit before/after. */
export function pick<T extends object, K extends keyof T>(
  row: T,
  fields: readonly K[],
): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const f of fields) out[f] = row[f];
  return out;
}
