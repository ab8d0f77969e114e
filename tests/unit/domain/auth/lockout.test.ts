import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  isLocked,
  LOCK_AFTER_FAILURES,
  LOCK_MS,
  type LockState,
} from '~/domain/auth/lockout';

const now = new Date('2026-11-22T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const state = (failedAttempts: number, lastFailedAt: Date | null = minutesAgo(1)): LockState => ({
  failedAttempts,
  lastFailedAt,
  lockedUntil: null,
});

describe('sign-in lockout', () => {
  it.each([
    { before: 0, attempts: 1, delayMs: 0 },
    { before: 2, attempts: 3, delayMs: 0 },
    { before: 3, attempts: 4, delayMs: 250 },
    { before: 4, attempts: 5, delayMs: 500 },
    { before: 5, attempts: 6, delayMs: 1000 },
    { before: 8, attempts: 9, delayMs: 1000 },
  ])(
    'failure after $before in a row: attempt $attempts waits $delayMs ms',
    ({ before, attempts, delayMs }) => {
      const result = afterFailure(state(before), now);
      expect(result.next.failedAttempts).toBe(attempts);
      expect(result.delayMs).toBe(delayMs);
      expect(result.lockedNow).toBe(false);
      expect(isLocked(result.next, now)).toBe(false);
    },
  );

  it(`the ${LOCK_AFTER_FAILURES}th wrong password in a row locks the account for 15 minutes`, () => {
    const result = afterFailure(state(LOCK_AFTER_FAILURES - 1), now);
    expect(result.lockedNow).toBe(true);
    expect(result.next.lockedUntil?.toISOString()).toBe(
      new Date(now.getTime() + LOCK_MS).toISOString(),
    );
    expect(isLocked(result.next, new Date(now.getTime() + LOCK_MS - 1))).toBe(true);
    expect(isLocked(result.next, new Date(now.getTime() + LOCK_MS))).toBe(false);
  });

  it('a streak older than the lock window starts again from one', () => {
    const result = afterFailure(state(9, minutesAgo(16)), now);
    expect(result.next.failedAttempts).toBe(1);
    expect(result.lockedNow).toBe(false);
  });
});
