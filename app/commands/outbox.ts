/**
 * The email outbox (issue 22, point 4; decision 038): notifications waiting to be sent are
 * claimed a batch at a time, then marked sent or failed. A claim flips each row to `sending` with
 * a lease in one transaction, so with several app servers each row is claimed by one of them
 * (PostgreSQL serializes the workspace's transactions, decision 013, and the claim also skips
 * rows another transaction has locked). A server that dies while sending leaves its rows to be
 * claimed again when the lease ends: nothing is lost.
 */
import crypto from 'node:crypto';
import type { DB } from '#db/client';
import { dialectOf } from '#db/dialect';
import { afterFailure } from '~/domain/notifications/delivery';
import { DIGEST_KIND } from '~/domain/notifications/digest';

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
  unsubscribeToken: string | null;
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
        'notifications.unsubscribe_token',
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
      unsubscribeToken: r.unsubscribe_token,
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

/**
 * Gathers into one digest per person every notification waiting for the digest that was written
 * before the digest moment `at` (app/domain/notifications/digest.ts), and queues the digest for
 * email. One transaction, and the digest's source names its moment (`key`, the day for the daily
 * digest): run by several servers, or again after a crash, each person gets one digest per moment
 * and each notification is gathered once.
 */
export async function gatherDigests(db: DB, input: { at: Date; key: string }): Promise<number> {
  const cutoff = input.at.toISOString();
  return db.transaction().execute(async (trx) => {
    const waiting = await trx
      .selectFrom('notifications')
      .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('email_status', '=', 'digest')
      .where('created_at', '<', cutoff)
      .groupBy('person_id')
      .orderBy('person_id')
      .execute();
    let made = 0;
    for (const { person_id: personId, n } of waiting) {
      const count = Number(n);
      const digest = await trx
        .insertInto('notifications')
        .values({
          person_id: personId,
          kind: DIGEST_KIND,
          source: `digest:${input.key}`,
          title: `Your Life Experience Workspace summary: ${count} ${count === 1 ? 'notification' : 'notifications'}`,
          body: '',
          link: '/notifications',
          portfolio_id: null,
          created_at: cutoff,
          // Never listed in the workspace: what it gathers is.
          read_at: cutoff,
          email_status: 'pending',
          email_next_at: cutoff,
          unsubscribe_token: crypto.randomBytes(24).toString('base64url'),
        })
        .onConflict((oc) => oc.columns(['person_id', 'kind', 'source']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!digest) continue;
      await trx
        .updateTable('notifications')
        .set({ email_status: 'digested', digest_id: digest.id })
        .where('person_id', '=', personId)
        .where('email_status', '=', 'digest')
        .where('created_at', '<', cutoff)
        .execute();
      made += 1;
    }
    return made;
  });
}
