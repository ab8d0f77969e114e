import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  invitationStatus,
  isDormant,
  sessionEndsAt,
  sessionStatus,
  shouldTouch,
} from '~/domain/auth/hygiene';

const T0 = new Date('2026-12-01T14:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('a session’s idle and absolute limits (AC-11, AC-12)', () => {
  const cases: [string, number, number, ReturnType<typeof sessionStatus>][] = [
    // [what, last seen after start, now after start, status]
    ['just started', 0, 1 * MIN, 'active'],
    ['29 minutes idle', 0, 29 * MIN, 'active'],
    ['30 minutes idle: over', 0, 30 * MIN, 'idle'],
    ['active an hour ago, idle since', 60 * MIN, 91 * MIN, 'idle'],
    ['active all day, at 11 h 59', 11 * HOUR + 50 * MIN, 11 * HOUR + 59 * MIN, 'active'],
    ['active all day, at 12 h: over whatever the activity', 12 * HOUR - MIN, 12 * HOUR, 'expired'],
  ];
  it.each(cases)('%s', (_, seen, now, expected) => {
    expect(sessionStatus({ createdAt: T0, lastSeenAt: at(seen) }, at(now), DEFAULT_LIMITS)).toBe(
      expected,
    );
  });

  it('the session ends at the earlier of the two limits', () => {
    expect(sessionEndsAt({ createdAt: T0, lastSeenAt: at(HOUR) }, DEFAULT_LIMITS)).toEqual(
      at(HOUR + 30 * MIN),
    );
    expect(
      sessionEndsAt({ createdAt: T0, lastSeenAt: at(11 * HOUR + 50 * MIN) }, DEFAULT_LIMITS),
    ).toEqual(at(12 * HOUR));
  });

  it('activity is written at most once a minute', () => {
    expect(shouldTouch(T0, at(59_999))).toBe(false);
    expect(shouldTouch(T0, at(MIN))).toBe(true);
  });
});

describe('accounts unused for the dormant period (AC-2(3))', () => {
  const cases: [string, Parameters<typeof isDormant>[0], number, boolean][] = [
    [
      'signed in 89 days ago',
      { lastSignInAt: at(-89 * DAY), createdAt: at(-400 * DAY), deactivated: false, demo: false },
      90,
      false,
    ],
    [
      'signed in 90 days ago',
      { lastSignInAt: at(-90 * DAY), createdAt: at(-400 * DAY), deactivated: false, demo: false },
      90,
      true,
    ],
    [
      'never signed in, made 91 days ago',
      { lastSignInAt: null, createdAt: at(-91 * DAY), deactivated: false, demo: false },
      90,
      true,
    ],
    [
      'never signed in, made yesterday',
      { lastSignInAt: null, createdAt: at(-DAY), deactivated: false, demo: false },
      90,
      false,
    ],
    [
      'already turned off',
      { lastSignInAt: null, createdAt: at(-400 * DAY), deactivated: true, demo: false },
      90,
      false,
    ],
    [
      'a demo account (not a person)',
      { lastSignInAt: null, createdAt: at(-400 * DAY), deactivated: false, demo: true },
      90,
      false,
    ],
    [
      'a shorter period set by the deployment',
      { lastSignInAt: at(-31 * DAY), createdAt: at(-400 * DAY), deactivated: false, demo: false },
      30,
      true,
    ],
  ];
  it.each(cases)('%s', (_, facts, days, expected) => {
    expect(isDormant(facts, T0, days)).toBe(expected);
  });
});

describe('an invitation’s status', () => {
  const open = { acceptedAt: null, revokedAt: null, expiresAt: at(DAY) };
  const cases: [string, Parameters<typeof invitationStatus>[0], Date, string][] = [
    ['before it expires', open, T0, 'open'],
    ['at its expiry', open, at(DAY), 'expired'],
    [
      'accepted (even after it would have expired)',
      { ...open, acceptedAt: T0 },
      at(2 * DAY),
      'accepted',
    ],
    ['revoked', { ...open, revokedAt: T0 }, T0, 'revoked'],
  ];
  it.each(cases)('%s', (_, invitation, now, expected) => {
    expect(invitationStatus(invitation, now)).toBe(expected);
  });
});
