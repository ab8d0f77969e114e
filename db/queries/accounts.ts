import type { DB } from '../client';
import { recordAudit } from './audit';

/** The account that signs in with `email` (case-insensitive), with its lock state. */
export async function findAccountByEmail(db: DB, email: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select([
      'accounts.person_id',
      'accounts.password_hash',
      'accounts.failed_attempts',
      'accounts.last_failed_at',
      'accounts.locked_until',
    ])
    .where('people.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function updateLockState(
  db: DB,
  personId: number,
  state: { failedAttempts: number; lastFailedAt: string | null; lockedUntil: string | null },
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({
      failed_attempts: state.failedAttempts,
      last_failed_at: state.lastFailedAt,
      locked_until: state.lockedUntil,
    })
    .where('person_id', '=', personId)
    .execute();
}

export async function recordSignIn(db: DB, personId: number, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ failed_attempts: 0, last_failed_at: null, locked_until: null, last_sign_in_at: at })
    .where('person_id', '=', personId)
    .execute();
}

/** Is any demo account (published password) able to sign in? */
export async function demoAccountsExist(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('person_id')
    .where('is_demo', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The time zone a person reads moments in (app/domain/history/time.ts), audited as a change to
 * their account. Choosing the zone already set changes nothing and records nothing.
 */
export async function setTimeZone(
  db: DB,
  input: { personId: number; timeZone: string; at?: string },
): Promise<void> {
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('people')
      .select(['time_zone', 'name'])
      .where('id', '=', input.personId)
      .executeTakeFirstOrThrow();
    if (person.time_zone === input.timeZone) return;
    await trx
      .updateTable('people')
      .set({ time_zone: input.timeZone })
      .where('id', '=', input.personId)
      .execute();
    await recordAudit(trx, {
      actorId: input.personId,
      action: 'update',
      entityType: 'account',
      entityId: input.personId,
      portfolioId: null,
      before: { time_zone: person.time_zone },
      after: { time_zone: input.timeZone },
      at,
    });
  });
}
