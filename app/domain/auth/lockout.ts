/**
 * Sign-in throttling: wrong passwords slow down, then lock the account for a while.
 * Pure so the thresholds can be tested as a table.
 */

/** Wrong passwords in a row that lock the account. */
export const LOCK_AFTER_FAILURES = 10;
/** How long a lock lasts, and how long a failure streak is remembered, in milliseconds. */
export const LOCK_MS = 15 * 60 * 1000;
/** Failures allowed before answers slow down. */
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 1000;

export interface LockState {
  failedAttempts: number;
  lastFailedAt: Date | null;
  lockedUntil: Date | null;
}

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more wrong password at `now`, and how long to wait before answering. */
export function afterFailure(
  state: LockState,
  now: Date,
): { next: LockState; delayMs: number; lockedNow: boolean } {
  const streakExpired =
    state.lastFailedAt === null || now.getTime() - state.lastFailedAt.getTime() > LOCK_MS;
  const attempts = (streakExpired ? 0 : state.failedAttempts) + 1;
  if (attempts >= LOCK_AFTER_FAILURES) {
    return {
      next: {
        failedAttempts: 0,
        lastFailedAt: now,
        lockedUntil: new Date(now.getTime() + LOCK_MS),
      },
      delayMs: MAX_DELAY_MS,
      lockedNow: true,
    };
  }
  const delayMs =
    attempts <= FREE_FAILURES
      ? 0
      : Math.min(MAX_DELAY_MS, 250 * 2 ** (attempts - FREE_FAILURES - 1));
  return {
    next: { failedAttempts: attempts, lastFailedAt: now, lockedUntil: null },
    delayMs,
    lockedNow: false,
  };
}
