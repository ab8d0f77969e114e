/**
 * A save based on an old version of a row: refused, with the row as it is now so the person can
 * compare it with what they typed. Nothing was written.
 */
export class StaleWriteError extends Error {
  constructor(
    readonly current: Record<string, unknown>,
    readonly currentVersion: number,
  ) {
    super('This record was changed by someone else after you opened it.');
  }
}

/** A request the current data forbids or contradicts (mapped to 400/403/409 by routes). */
export class RefusedError extends Error {
  constructor(
    readonly code: 'invalid' | 'forbidden' | 'conflict' | 'not_found',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
