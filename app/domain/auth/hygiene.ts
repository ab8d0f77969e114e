/**
 * Account hygiene (issue 21, point 4; NIST SP 800-53 AC-2(3), AC-11, AC-12; decision 037). Pure
 * so the limits can be tested as a table; the defaults are the and a deployment may
 * change them (app/server/config.ts).
 */

export interface SessionLimits {
  /** A session with no request for this long ends (AC-11). Default 30 minutes. */
  idleMs: number;
  /** A session ends this long after sign-in, active or not (AC-12). Default 12 hours. */
  absoluteMs: number;
}

export const DEFAULT_LIMITS: SessionLimits = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
};

/** How long before the idle end the page warns, with a button to stay signed in. */
export const IDLE_WARNING_MS = 2 * 60 * 1000;

/**
 * Activity moves the idle clock only when it is at least this old, so a burst of requests writes
 * once a minute, not once a request. The idle end is therefore late by at most a minute.
 */
export const TOUCH_EVERY_MS = 60 * 1000;

export type SessionStatus = 'active' | 'idle' | 'expired';

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

/** When the session ends if the person does nothing more: the idle end or the absolute end. */
export function sessionEndsAt(session: SessionTimes, limits: SessionLimits): Date {
  return new Date(
    Math.min(
      session.lastSeenAt.getTime() + limits.idleMs,
      session.createdAt.getTime() + limits.absoluteMs,
    ),
  );
}

export function sessionStatus(
  session: SessionTimes,
  now: Date,
  limits: SessionLimits,
): SessionStatus {
  if (now.getTime() >= session.createdAt.getTime() + limits.absoluteMs) return 'expired';
  if (now.getTime() >= session.lastSeenAt.getTime() + limits.idleMs) return 'idle';
  return 'active';
}

/** Should this request move the idle clock (write `last_seen_at`)? */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS;
}

/** Default: an account unused this long is turned off (AC-2(3)). */
export const DEFAULT_DORMANT_DAYS = 90;

export interface DormancyFacts {
  /** The last sign-in; null when the person never signed in. */
  lastSignInAt: Date | null;
  /** When the account was made (the clock for someone who never signed in). */
  createdAt: Date;
  deactivated: boolean;
  /** Demo accounts (published password) are not people and are never turned off for disuse. */
  demo: boolean;
}

export function isDormant(facts: DormancyFacts, now: Date, dormantDays: number): boolean {
  if (facts.deactivated || facts.demo) return false;
  const since = facts.lastSignInAt ?? facts.createdAt;
  return now.getTime() - since.getTime() >= dormantDays * 24 * 60 * 60 * 1000;
}

/** Default: an invitation is good for this many days. */
export const INVITATION_DAYS = 14;

export type InvitationStatus = 'open' | 'accepted' | 'revoked' | 'expired';

export function invitationStatus(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (now.getTime() >= invitation.expiresAt.getTime()) return 'expired';
  return 'open';
}
