import { describe, expect, it } from 'vitest';
import { signIn } from '~/auth/sign-in.server';
import { LOCK_AFTER_FAILURES } from '~/domain/auth/lockout';
import { syncDemoAccounts } from '#seeds/index';
import { freshDb } from '../helpers';

const noWait = async () => undefined;
const now = new Date('2026-11-22T12:00:00Z');

async function setup() {
  const db = await freshDb({ seed: true });
  await syncDemoAccounts(db, true);
  return db;
}

describe('sign-in', () => {
  it('accepts the right password (any letter case in the email) and audits it', async () => {
    const db = await setup();
    const result = await signIn(db, ' OMB.Lead@example.gov ', 'workspace-demo', now, noWait);
    expect(result.ok).toBe(true);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'sign_in')
      .execute();
    expect(audit).toHaveLength(1);
    // Recorded on the person: the access review shows it, the dormant-account rule counts from it.
    const person = await db
      .selectFrom('people')
      .select('last_sign_in_at')
      .where('email', '=', 'omb.lead@example.gov')
      .executeTakeFirstOrThrow();
    expect(person.last_sign_in_at).toBe(now.toISOString());
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const db = await setup();
    expect(await signIn(db, 'omb.lead@example.gov', 'wrong', now, noWait)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await signIn(db, 'nobody@example.gov', 'wrong', now, noWait)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  // Twelve password checks (scrypt, deliberately slow): a loaded machine needs more than 5 s.
  it(`locks the account after ${LOCK_AFTER_FAILURES} wrong passwords, even against the right one, then lets it in later`, async () => {
    const db = await setup();
    const waits: number[] = [];
    const record = async (ms: number) => void waits.push(ms);
    let last;
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      last = await signIn(
        db,
        'viewer@example.gov',
        `wrong-${i}`,
        new Date(now.getTime() + i * 1000),
        record,
      );
    }
    expect(last).toMatchObject({ ok: false, reason: 'locked' });
    expect(waits.length).toBeGreaterThan(0);
    const during = await signIn(
      db,
      'viewer@example.gov',
      'workspace-demo',
      new Date(now.getTime() + 60_000),
      noWait,
    );
    expect(during).toMatchObject({ ok: false, reason: 'locked' });
    const later = await signIn(
      db,
      'viewer@example.gov',
      'workspace-demo',
      new Date(now.getTime() + 16 * 60_000),
      noWait,
    );
    expect(later.ok).toBe(true);
    const locked = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'account_locked')
      .execute();
    expect(locked).toHaveLength(1);
  }, 30_000);
});
