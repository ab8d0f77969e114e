/**
 * Notifications (issue 22): written by the command that causes them, in its transaction, so a
 * person is told of exactly the changes that happened; read and marked read by their person.
 */
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import type { NotificationDraft } from '~/domain/notifications/kinds';

/**
 * Writes `drafts` in the caller's transaction: each person is told once of each thing (a repeat
 * of the same kind and source is ignored), and no one whose access is turned off. Each is also
 * queued for email (the outbox, `email_status` pending).
 */
export async function notify(trx: DB, drafts: readonly NotificationDraft[], at: string) {
  if (drafts.length === 0) return;
  const active = new Set(
    (
      await trx
        .selectFrom('people')
        .select('id')
        .where(
          'id',
          'in',
          drafts.map((d) => d.personId),
        )
        .where('deactivated_at', 'is', null)
        .execute()
    ).map((p) => p.id),
  );
  const rows = drafts
    .filter((d) => active.has(d.personId))
    .map((d) => ({
      person_id: d.personId,
      kind: d.kind,
      source: d.source,
      title: d.title,
      body: d.body,
      link: d.link,
      portfolio_id: d.portfolioId,
      created_at: at,
      read_at: null,
      email_status: 'pending',
      email_next_at: at,
      email_error: null,
      emailed_at: null,
    }));
  if (rows.length === 0) return;
  await trx
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'source']).doNothing())
    .execute();
}

/** Marks one of a person's notifications read (again is fine); another person's is not found. */
export async function markRead(
  db: DB,
  input: { personId: number; id: number; now?: Date },
): Promise<void> {
  const own = await db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', input.id)
    .where('person_id', '=', input.personId)
    .executeTakeFirst();
  if (!own) throw new RefusedError('not_found', 'We could not find that notification.');
  if (own.read_at !== null) return;
  await db
    .updateTable('notifications')
    .set({ read_at: (input.now ?? new Date()).toISOString() })
    .where('id', '=', input.id)
    .execute();
}

/** Marks every one of a person's unread notifications read. */
export async function markAllRead(db: DB, input: { personId: number; now?: Date }) {
  await db
    .updateTable('notifications')
    .set({ read_at: (input.now ?? new Date()).toISOString() })
    .where('person_id', '=', input.personId)
    .where('read_at', 'is', null)
    .execute();
}
