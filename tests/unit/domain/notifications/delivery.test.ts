import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS } from '~/domain/notifications/delivery';

const now = new Date('2026-12-07T15:00:00Z');
const MINUTE = 60_000;

describe('after a failed send', () => {
  it.each([
    [1, '2026-12-07T15:01:00.000Z'],
    [2, '2026-12-07T15:05:00.000Z'],
    [3, '2026-12-07T15:30:00.000Z'],
    [4, '2026-12-07T17:00:00.000Z'],
    [5, '2026-12-07T21:00:00.000Z'],
  ])('try %i failed: tried again at %s', (attempts, at) => {
    expect(afterFailure(attempts, now, MINUTE)).toEqual({
      status: 'pending',
      nextAt: new Date(at),
    });
  });

  it('the last try failed: given up, for an OMB lead to see', () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(afterFailure(6, now, MINUTE)).toEqual({ status: 'failed' });
    expect(afterFailure(7, now, MINUTE)).toEqual({ status: 'failed' });
  });

  it('the waits scale with the base (tests use a short one)', () => {
    expect(afterFailure(2, now, 100)).toEqual({
      status: 'pending',
      nextAt: new Date(now.getTime() + 500),
    });
  });
});
