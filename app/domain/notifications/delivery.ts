/**
 * Email delivery of notifications (issue 22, point 4): when a failed send is tried again, and
 * when the workspace gives up and shows it to an OMB lead instead.
 */

/** Waits before each retry, as multiples of the base delay (a minute by default). */
export const RETRY_STEPS = [1, 5, 30, 120, 360] as const;

/** Tries in all: the first, then one after each step. */
export const MAX_ATTEMPTS = RETRY_STEPS.length + 1;

export type AfterFailure = { status: 'pending'; nextAt: Date } | { status: 'failed' };

/**
 * What follows a failed send, `attempts` counting this one: another try after the next step's
 * wait, or, after the last, failed (shown on the outbox page).
 */
export function afterFailure(attempts: number, now: Date, baseMs: number): AfterFailure {
  const step = RETRY_STEPS[attempts - 1];
  if (step === undefined) return { status: 'failed' };
  return { status: 'pending', nextAt: new Date(now.getTime() + step * baseMs) };
}
