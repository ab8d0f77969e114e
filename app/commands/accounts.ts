/**
 * Changes to a person's account: the lock state after a failed sign-in (app/domain/auth/lockout.ts),
 * a successful sign-in, and the time zone they read moments in.
 */
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';

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

/**
 * A password sign-in: the failure count is cleared and the sign-in recorded on the person too,
 * where the access review reads it and the dormant-account rule counts from it.
 */
export async function recordSignIn(db: DB, personId: number, at: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ failed_attempts: 0, last_failed_at: null, locked_until: null, last_sign_in_at: at })
    .where('person_id', '=', personId)
    .execute();
  await db.updateTable('people').set({ last_sign_in_at: at }).where('id', '=', personId).execute();
}

/** A person's change to their own account settings, in the audit log (the history says what). */
export async function auditOwnAccount(
  trx: DB,
  personId: number,
  change: { before: Record<string, unknown>; after: Record<string, unknown>; at: string },
): Promise<void> {
  await recordAudit(trx, {
    actorId: personId,
    action: 'update',
    entityType: 'account',
    entityId: personId,
    portfolioId: null,
    ...change,
  });
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
    await auditOwnAccount(trx, input.personId, {
      before: { time_zone: person.time_zone },
      after: { time_zone: input.timeZone },
      at,
    });
  });
}
