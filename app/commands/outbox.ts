/**
 * The email outbox (issue 22, point 4; decision 038): notifications waiting to be sent are
 * claimed a batch at a time, then marked sent or failed. A claim flips each row to `sending` with
 * a lease in one transaction, so with several app servers each row is claimed by one of them
 * (PostgreSQL serializes the workspace's transactions, decision 013, and the claim also skips
 * rows another transaction has locked). A server that dies while sending leaves its rows to be
 * claimed again when the lease ends: nothing is lost.
 */
import type { DB } from '#db/client';
import { dialectOf } from '#db/dialect';
import { afterFailure } from '~/domain/notifications/delivery';

export interface Claimed {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string;
  /** Tries so far, this one included. */
  attempts: number;
  email: string;
  name: string;
  /** The person's access was turned off after the notification was written. */
  deactivated: boolean;
}

/** Claims up to `limit` notifications due for sending, oldest first. */
export async function claimOutbox(
  db: DB,
  input: { now: Date; limit: number; leaseMs: number },
): Promise<Claimed[]> {
  const at = input.now.toISOString();
  return db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('notifications')
      .innerJoin('people', 'people.id', 'notifications.person_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.title',
        'notifications.body',
        'notifications.link',
        'notifications.email_attempts as attempts',
        'people.email',
        'people.name',
        'people.deactivated_at',
      ])
      .where('notifications.email_status', 'in', ['pending', 'sending'])
      .where('notifications.email_next_at', '<=', at)
      .orderBy('notifications.id')
      .limit(input.limit);
    if (dialectOf(db) === 'postgres') query = query.forUpdate('notifications').skipLocked();
    const rows = await query.execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('notifications')
      .set((eb) => ({
        email_status: 'sending',
        email_next_at: new Date(input.now.getTime() + input.leaseMs).toISOString(),
        email_attempts: eb('email_attempts', '+', 1),
      }))
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      attempts: r.attempts + 1,
      email: r.email,
      name: r.name,
      deactivated: r.deactivated_at !== null,
    }));
  });
}

/** The message was accepted by the mail server (or, `off`, is not to be sent). */
export async function markSent(db: DB, id: number, now: Date, status: 'sent' | 'off' = 'sent') {
  await db
    .updateTable('notifications')
    .set({ email_status: status, emailed_at: now.toISOString(), email_error: null })
    .where('id', '=', id)
    .where('email_status', '=', 'sending')
    .execute();
}

/** A try failed: try again later, or, after the last, failed for an OMB lead to see. */
export async function markFailed(
  db: DB,
  input: { id: number; attempts: number; error: string; now: Date; retryBaseMs: number },
) {
  const next = afterFailure(input.attempts, input.now, input.retryBaseMs);
  await db
    .updateTable('notifications')
    .set({
      email_status: next.status,
      email_next_at: next.status === 'pending' ? next.nextAt.toISOString() : null,
      email_error: input.error.slice(0, 500),
    })
    .where('id', '=', input.id)
    .where('email_status', '=', 'sending')
    .execute();
}
