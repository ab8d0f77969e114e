import crypto from 'node:crypto';
import type { DB } from '#db/client';
import { deleteSession, insertSession } from '~/commands/sessions';
import { findSessionUser, type SessionUser } from '#db/queries/sessions';
import { recordAudit } from '#db/audit';

export type { SessionUser };

const COOKIE = 'lew_session';
/** Sessions end 12 hours after sign-in: a working day, then sign in again. */
const SESSION_MS = 12 * 60 * 60 * 1000;

function secureCookies(): boolean {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE !== 'false';
  return process.env.NODE_ENV === 'production';
}

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

function readToken(request: Request): string | null {
  return tokenOf(request.headers.get('Cookie'));
}

function tokenOf(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
    }
  }
  return null;
}

function cookieHeader(value: string, maxAgeSeconds: number): string {
  const parts = [
    `${COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
  ];
  if (secureCookies()) parts.push('Secure');
  return parts.join('; ');
}

/** Starts a session for `personId`; returns the Set-Cookie header to send. */
export async function startSession(db: DB, personId: number, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await insertSession(db, {
    idHash: hashToken(token),
    personId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_MS).toISOString(),
  });
  return cookieHeader(token, SESSION_MS / 1000);
}

/** Ends the request's session (if any), audited; returns the Set-Cookie header that clears it. */
export async function endSession(db: DB, request: Request): Promise<string> {
  const token = readToken(request);
  if (token) {
    await db.transaction().execute(async (trx) => {
      const personId = await deleteSession(trx, hashToken(token));
      if (personId !== null) {
        await recordAudit(trx, {
          actorId: personId,
          action: 'sign_out',
          entityType: 'session',
          entityId: personId,
          portfolioId: null,
          before: null,
          after: null,
        });
      }
    });
  }
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
  return findSessionUser(db, hashToken(token), new Date().toISOString());
}

/** Only same-site paths may be redirect targets (no open redirects). */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}
