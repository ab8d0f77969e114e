import crypto from 'node:crypto';
import type { DB } from '#db/client';
import { deleteSession, insertSession, touchSession } from '~/commands/sessions';
import { findSessionUser, type SessionUser } from '#db/queries/sessions';
import { recordAudit } from '#db/audit';
import { sessionStatus, shouldTouch } from '~/domain/auth/hygiene';
import { authConfig } from './config.server';

export type { SessionUser };

const COOKIE = 'lew_session';

export function secureCookies(): boolean {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE !== 'false';
  return process.env.NODE_ENV === 'production';
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

function readToken(request: Request): string | null {
  return tokenOf(request.headers.get('Cookie'));
}

/** The 32-byte token a workspace cookie named `cookie` holds in `header`, or null. */
export function tokenOf(header: string | null | undefined, cookie = COOKIE): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

/** An httpOnly, SameSite=Lax cookie for the whole site (Secure in production). */
export function cookieHeader(value: string, maxAgeSeconds: number, cookie = COOKIE): string {
  const parts = [
    `${cookie}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (secureCookies()) parts.push('Secure');
  return parts.join('; ');
}

/** How a session began: by password, or through the OpenID provider with what it asserted. */
export interface SessionStart {
  method: 'password' | 'oidc';
  acr?: string | null;
  x509Presented?: boolean | null;
}

/**
 * Starts a session for `personId`; returns the Set-Cookie header to send. The session ends at the
 * absolute limit (SESSION_MAX_HOURS) whatever happens; the idle limit is checked per request.
 */
export async function startSession(
  db: DB,
  personId: number,
  start: SessionStart = { method: 'password' },
  now = new Date(),
): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const { absoluteMs } = authConfig().limits;
  await insertSession(db, {
    idHash: hashToken(token),
    personId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + absoluteMs).toISOString(),
    method: start.method,
    acr: start.acr ?? null,
    x509Presented: start.x509Presented ?? null,
  });
  return cookieHeader(token, Math.floor(absoluteMs / 1000));
}

/**
 * Ends the request's session (if any), audited. Returns the Set-Cookie header that clears it and
 * how the session had begun (a provider's session is ended at the provider too).
 */
export async function endSession(
  db: DB,
  request: Request,
): Promise<{ cookie: string; method: 'password' | 'oidc' | null }> {
  const token = readToken(request);
  let method: 'password' | 'oidc' | null = null;
  if (token) {
    method = await endSessionByHash(db, hashToken(token), null);
  }
  return { cookie: cookieHeader('', 0), method };
}

/** Deletes one session and records why: signed out (`reason` null) or the idle limit. */
async function endSessionByHash(
  db: DB,
  idHash: string,
  reason: 'idle' | null,
): Promise<'password' | 'oidc' | null> {
  return db.transaction().execute(async (trx) => {
    const ended = await deleteSession(trx, idHash);
    if (ended === null) return null;
    await recordAudit(trx, {
      actorId: ended.personId,
      action: 'sign_out',
      entityType: 'session',
      entityId: ended.personId,
      portfolioId: null,
      before: null,
      after: reason ? { reason } : null,
    });
    return ended.method;
  });
}

/** The cookie that clears the session cookie (a session that ended while the person was away). */
export function clearedSessionCookie(): string {
  return cookieHeader('', 0);
}

/**
 * The person whose session the request's cookie names, or null. Read once per request by the
 * root middleware (app/web/context.server.ts); routes take the person from the context.
 */
export async function getUser(db: DB, request: Request): Promise<SessionUser | null> {
  return userFromCookie(db, request.headers.get('Cookie'));
}

/** The person whose session a `Cookie` header names (a socket's opening request), or null. */
export async function userFromCookie(
  db: DB,
  header: string | null | undefined,
): Promise<SessionUser | null> {
  const token = tokenOf(header);
  if (!token) return null;
  return liveSessionUser(db, hashToken(token), new Date());
}

/**
 * The person of a session that is still within both limits. A session past the idle limit is
 * ended (audited); activity moves the idle clock, at most once a minute (TOUCH_EVERY_MS).
 */
async function liveSessionUser(db: DB, idHash: string, now: Date): Promise<SessionUser | null> {
  const user = await findSessionUser(db, idHash, now.toISOString());
  if (!user) return null;
  const times = {
    createdAt: new Date(user.session.createdAt),
    lastSeenAt: new Date(user.session.lastSeenAt),
  };
  const status = sessionStatus(times, now, authConfig().limits);
  if (status !== 'active') {
    await endSessionByHash(db, idHash, 'idle');
    return null;
  }
  if (shouldTouch(times.lastSeenAt, now)) {
    await touchSession(db, idHash, now.toISOString());
    user.session.lastSeenAt = now.toISOString();
  }
  return user;
}

/**
 * "Stay signed in": the person answered the idle warning, so the idle clock starts again now.
 * Returns the session's person, or null when it had already ended.
 */
export async function extendSession(db: DB, request: Request): Promise<SessionUser | null> {
  const token = readToken(request);
  if (!token) return null;
  const idHash = hashToken(token);
  const user = await liveSessionUser(db, idHash, new Date());
  if (!user) return null;
  const at = new Date().toISOString();
  await touchSession(db, idHash, at);
  user.session.lastSeenAt = at;
  return user;
}

/** Only same-site paths may be redirect targets (no open redirects). */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
