/**
 * How fast one connection may change a shared document (issue 18, point 7): a token bucket. A
 * connection starts with `burst` tokens; each change takes one; tokens come back at `perSecond`,
 * up to `burst` again. A change that finds no token is refused. Pure: the caller passes the time,
 * so the rule is tested without clocks.
 */

export interface RateLimit {
  /** Changes a connection may send at once, from rest. */
  burst: number;
  /** Changes per second a connection may keep sending. */
  perSecond: number;
}

export interface Bucket {
  /** Changes the connection may still send now (fractional between refills). */
  tokens: number;
  /** When `tokens` was counted, in milliseconds (any clock, the same one every call). */
  at: number;
}

/**
 * Generous on purpose: tiptap sends one change per keystroke or paste (a paste is one change,
 * whatever its size; the size limit is separate), and even a very fast typist makes about 15
 * keystrokes a second. 50 a second sustained and a burst of 200 (a connection replaying what it
 * kept offline sends it as one change) leave real people far below the limit, and stop a script
 * flooding the server, which stores every change before acknowledging it.
 */
export const DEFAULT_UPDATE_RATE: RateLimit = { burst: 200, perSecond: 50 };

/**
 * Takes one token for a change at `now` (ms). Returns whether the change is allowed and the
 * bucket to keep; a refused change takes nothing. A clock that goes back refills nothing.
 */
export function takeToken(
  limit: RateLimit,
  bucket: Bucket | null,
  now: number,
): { allowed: boolean; bucket: Bucket } {
  const from = bucket ?? { tokens: limit.burst, at: now };
  const elapsed = Math.max(0, now - from.at) / 1000;
  const tokens = Math.min(limit.burst, from.tokens + elapsed * limit.perSecond);
  const at = Math.max(now, from.at);
  return tokens >= 1
    ? { allowed: true, bucket: { tokens: tokens - 1, at } }
    : { allowed: false, bucket: { tokens, at } };
}
