import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_RATE, takeToken, type Bucket, type RateLimit } from '~/domain/collab/rate';

const limit: RateLimit = { burst: 3, perSecond: 2 };

/** Changes at these times (ms), from a fresh bucket: which were allowed. */
function run(times: number[], rate = limit): boolean[] {
  let bucket: Bucket | null = null;
  return times.map((now) => {
    const result = takeToken(rate, bucket, now);
    bucket = result.bucket;
    return result.allowed;
  });
}

describe('takeToken', () => {
  it.each([
    ['a fresh connection may send its whole burst at once', [0, 0, 0], [true, true, true]],
    ['one more at the same moment is refused', [0, 0, 0, 0], [true, true, true, false]],
    [
      'half a second later one token is back (2 a second)',
      [0, 0, 0, 499, 500],
      [true, true, true, false, true],
    ],
    [
      'a refused change takes nothing: the refill still counts',
      [0, 0, 0, 100, 200, 500],
      [true, true, true, false, false, true],
    ],
    [
      'a steady 2 a second is always allowed',
      [0, 500, 1000, 1500, 2000, 2500, 3000],
      Array(7).fill(true),
    ],
    [
      'a long rest refills only up to the burst',
      [0, 0, 0, 60_000, 60_000, 60_000, 60_000],
      [true, true, true, true, true, true, false],
    ],
    [
      'a clock going back refills nothing',
      [1000, 1000, 1000, 0, 500],
      [true, true, true, false, false],
    ],
  ])('%s', (_what, times, expected) => {
    expect(run(times)).toEqual(expected);
  });

  it('the defaults: 200 at once, then 50 a second', () => {
    expect(run(Array(201).fill(0), DEFAULT_UPDATE_RATE).filter(Boolean)).toHaveLength(200);
    // Typing at 20 keystrokes a second for ten minutes is never refused.
    const typing = Array.from({ length: 12_000 }, (_, i) => i * 50);
    expect(run(typing, DEFAULT_UPDATE_RATE).every(Boolean)).toBe(true);
    // A script sending 1000 a second for two seconds is refused after about 200 + 50·t.
    const flood = Array.from({ length: 2000 }, (_, i) => i);
    const allowed = run(flood, DEFAULT_UPDATE_RATE).filter(Boolean).length;
    expect(allowed).toBeGreaterThanOrEqual(295);
    expect(allowed).toBeLessThanOrEqual(301);
  });
});
