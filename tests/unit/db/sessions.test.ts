/**
 * Sessions live in the database and expire; the cookie that carries one is HttpOnly,
 * SameSite=Lax, has a Max-Age, and is Secure in production (issue 2, "Sign-in and sessions").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb, migrateToLatest, openDatabase } from '#db/client';
import { deleteExpiredSessions, insertSession } from '~/commands/sessions';
import { findSessionUser, rolesOf } from '#db/queries/sessions';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { endSession, getUser, startSession } from '~/auth/session.server';
import { demoDb, newPostgresDatabase, onPostgres } from '../helpers';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const now = new Date('2026-11-22T12:00:00.000Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('sessions in the database', () => {
  async function setup() {
    const db = await demoDb();
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'viewer@example.gov')
      .executeTakeFirstOrThrow();
    await insertSession(db, {
      idHash: 'expired',
      personId: person.id,
      createdAt: at(-13 * HOUR),
      expiresAt: at(-HOUR),
    });
    await insertSession(db, {
      idHash: 'live',
      personId: person.id,
      createdAt: at(-HOUR),
      expiresAt: at(11 * HOUR),
    });
    return db;
  }

  it('an expired session is refused; a live one is the signed-in person', async () => {
    const db = await setup();
    expect(await findSessionUser(db, 'expired', now.toISOString())).toBeNull();
    expect(await findSessionUser(db, 'live', now.toISOString())).toMatchObject({
      email: 'viewer@example.gov',
    });
    // Expiry is exclusive: at its expiry instant a session is over.
    expect(await findSessionUser(db, 'live', at(11 * HOUR))).toBeNull();
    expect(await findSessionUser(db, 'no-such-session', now.toISOString())).toBeNull();
  });

  it('deleteExpiredSessions removes the expired ones and keeps the live ones', async () => {
    const db = await setup();
    await deleteExpiredSessions(db, now.toISOString());
    const left = await db.selectFrom('sessions').select('id_hash').execute();
    expect(left.map((s) => s.id_hash)).toEqual(['live']);
  });
});

describe('the session cookie', () => {
  /** The cookie's attributes, by lower-case name; `value` is the cookie's own value. */
  function parseSetCookie(header: string) {
    const [pair, ...attributes] = header.split(';').map((p) => p.trim());
    const [name, ...value] = pair!.split('=');
    const attrs = new Map(
      attributes.map((a) => {
        const [k, ...v] = a.split('=');
        return [k!.toLowerCase(), v.join('=')] as const;
      }),
    );
    return { name, value: value.join('='), attrs };
  }

  let personId: number;

  // session.server.ts uses the process's one connection (getDb), so it gets a database of its own.
  beforeEach(async () => {
    let url: string;
    if (onPostgres) {
      url = await newPostgresDatabase('demo');
    } else {
      url = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lew-sessions-')), 'workspace.db');
      const db = openDatabase(url);
      await migrateToLatest(db);
      await seedReferenceData(db);
      await syncDemoAccounts(db, true);
      await db.destroy();
    }
    await closeDb();
    vi.stubEnv('DATABASE_URL', url);
    vi.stubEnv('COOKIE_SECURE', undefined);
    const person = await getDb()
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'team.member@example.gov')
      .executeTakeFirstOrThrow();
    personId = person.id;
  });
  afterEach(async () => {
    await closeDb();
    vi.unstubAllEnvs();
  });

  it('is HttpOnly and SameSite=Lax, lasts 12 hours, and brings the person back', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    const header = await startSession(getDb(), personId);
    const cookie = parseSetCookie(header);
    expect(cookie.name).toBe('lew_session');
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie.attrs.has('httponly')).toBe(true);
    expect(cookie.attrs.get('samesite')).toBe('Lax');
    expect(cookie.attrs.get('max-age')).toBe(String(12 * 60 * 60));
    expect(cookie.attrs.get('path')).toBe('/');
    // Local development runs over plain http, where a Secure cookie would never come back.
    expect(cookie.attrs.has('secure')).toBe(false);

    const request = new Request('http://localhost/', {
      headers: { Cookie: `other=1; lew_session=${cookie.value}` },
    });
    expect(await getUser(getDb(), request)).toMatchObject({
      personId,
      email: 'team.member@example.gov',
    });
    // Only a hash of the token is stored.
    const stored = await getDb().selectFrom('sessions').select('id_hash').execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id_hash).not.toBe(cookie.value);
  });

  it('is Secure in production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const cookie = parseSetCookie(await startSession(getDb(), personId));
    expect(cookie.attrs.has('secure')).toBe(true);
    expect(cookie.attrs.has('httponly')).toBe(true);
    expect(cookie.attrs.get('samesite')).toBe('Lax');
  });

  it('an expired session cookie is refused', async () => {
    const header = await startSession(
      getDb(),
      personId,
      { method: 'password' },
      new Date(Date.now() - 13 * HOUR),
    );
    const { value } = parseSetCookie(header);
    const request = new Request('http://localhost/', {
      headers: { Cookie: `lew_session=${value}` },
    });
    expect(await getUser(getDb(), request)).toBeNull();
  });

  it('a session idle for 30 minutes ends, audited; activity moves the idle clock', async () => {
    const idle = parseSetCookie(
      await startSession(
        getDb(),
        personId,
        { method: 'password' },
        new Date(Date.now() - 31 * MINUTE),
      ),
    );
    const idleRequest = new Request('http://localhost/', {
      headers: { Cookie: `lew_session=${idle.value}` },
    });
    expect(await getUser(getDb(), idleRequest)).toBeNull();
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'session')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('sign_out');
    expect(audit.changes).toContain('idle');

    const active = parseSetCookie(
      await startSession(
        getDb(),
        personId,
        { method: 'password' },
        new Date(Date.now() - 29 * MINUTE),
      ),
    );
    const activeRequest = new Request('http://localhost/', {
      headers: { Cookie: `lew_session=${active.value}` },
    });
    const user = await getUser(getDb(), activeRequest);
    expect(user).not.toBeNull();
    // The request moved the idle clock to now: the session has 30 more minutes.
    expect(Date.now() - new Date(user!.session.lastSeenAt).getTime()).toBeLessThan(MINUTE);
    expect(await getUser(getDb(), activeRequest)).not.toBeNull();
  });

  it('signing out deletes the session and clears the cookie', async () => {
    const { value } = parseSetCookie(await startSession(getDb(), personId));
    const request = new Request('http://localhost/logout', {
      method: 'POST',
      headers: { Cookie: `lew_session=${value}` },
    });
    const cleared = parseSetCookie((await endSession(getDb(), request)).cookie);
    expect(cleared.value).toBe('');
    expect(cleared.attrs.get('max-age')).toBe('0');
    expect(cleared.attrs.has('httponly')).toBe(true);
    expect(await getUser(getDb(), request)).toBeNull();
    expect(await getDb().selectFrom('sessions').select('id_hash').execute()).toEqual([]);
  });
});

describe('rolesOf: a person’s portfolio roles in one statement', () => {
  const people = [
    'omb.lead',
    'portfolio.lead',
    'team.member',
    'viewer',
    'agency.poc',
    'hhs.poc',
    'pmc.member',
  ];
  const byId = <T extends { portfolioId: number; agencyId: number }>(list: readonly T[]) =>
    [...list].sort((a, b) => a.portfolioId - b.portfolioId || a.agencyId - b.agencyId);

  it('reads what each table holds for every demo account, and only current POCs', async () => {
    const db = await demoDb();
    // One POC assignment ended: it is no longer a role.
    const ended = await db
      .selectFrom('agency_pocs')
      .select(['id', 'person_id'])
      .where('ended_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('agency_pocs')
      .set({ ended_at: now.toISOString() })
      .where('id', '=', ended.id)
      .execute();
    const seen = { member: 0, poc: 0, pmc: 0 };
    for (const who of people) {
      const person = await db
        .selectFrom('people')
        .select('id')
        .where('email', '=', `${who}@example.gov`)
        .executeTakeFirstOrThrow();
      const roles = await rolesOf(db, person.id);
      const members = await db
        .selectFrom('portfolio_memberships')
        .select(['portfolio_id', 'role'])
        .where('person_id', '=', person.id)
        .execute();
      const pocs = await db
        .selectFrom('agency_pocs')
        .select(['portfolio_id as portfolioId', 'agency_id as agencyId'])
        .where('person_id', '=', person.id)
        .where('ended_at', 'is', null)
        .execute();
      const pmcs = await db
        .selectFrom('portfolio_agencies')
        .select(['portfolio_id as portfolioId', 'agency_id as agencyId'])
        .where('pmc_member_id', '=', person.id)
        .execute();
      expect(new Map(roles.memberships)).toEqual(
        new Map(members.map((m) => [m.portfolio_id, m.role])),
      );
      expect(byId(roles.pocFor)).toEqual(byId(pocs));
      expect(byId(roles.pmcFor)).toEqual(byId(pmcs));
      seen.member += members.length;
      seen.poc += pocs.length;
      seen.pmc += pmcs.length;
    }
    // The table is not empty for any kind of role, so each kind is really compared.
    expect(seen.member).toBeGreaterThan(0);
    expect(seen.poc).toBeGreaterThan(0);
    expect(seen.pmc).toBeGreaterThan(0);
  });
});
