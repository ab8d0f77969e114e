/**
 * Notifications (issue 22): written by the command that causes them, in its transaction, so a
 * person is told of exactly the changes that happened; read and marked read by their person.
 */
import crypto from 'node:crypto';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { auditOwnAccount } from './accounts';
import { emailPreferences, onlyPocAnywhere, unsubscribeTarget } from '#db/queries/notifications';
import {
  KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationDraft,
  type NotificationKind,
} from '~/domain/notifications/kinds';
import {
  DELIVERY_LABELS,
  emailStatusFor,
  mayChoose,
  type Delivery,
} from '~/domain/notifications/preferences';

/** A random, unguessable token: the authority of a one-click unsubscribe. */
const newToken = () => crypto.randomBytes(24).toString('base64url');

/**
 * Writes `drafts` in the caller's transaction: each person is told once of each thing (a repeat
 * of the same kind and source is ignored), and no one whose access is turned off. Each is also
 * queued for email as the person chose for its kind (the outbox: pending, digest or off).
 */
export async function notify(trx: DB, drafts: readonly NotificationDraft[], at: string) {
  if (drafts.length === 0) return;
  const personIds = [...new Set(drafts.map((d) => d.personId))];
  const [active, chosen] = await Promise.all([
    trx
      .selectFrom('people')
      .select('id')
      .where('id', 'in', personIds)
      .where('deactivated_at', 'is', null)
      .execute(),
    trx
      .selectFrom('notification_preferences')
      .select(['person_id', 'kind', 'delivery'])
      .where('person_id', 'in', personIds)
      .execute(),
  ]);
  const activeIds = new Set(active.map((p) => p.id));
  const delivery = new Map(chosen.map((c) => [`${c.person_id}|${c.kind}`, c.delivery as Delivery]));
  const rows = drafts
    .filter((d) => activeIds.has(d.personId))
    .map((d) => {
      const status = emailStatusFor(
        delivery.get(`${d.personId}|${d.kind}`) ?? 'immediate',
        d.required ?? false,
      );
      return {
        person_id: d.personId,
        kind: d.kind,
        source: d.source,
        title: d.title,
        body: d.body,
        link: d.link,
        portfolio_id: d.portfolioId,
        created_at: at,
        read_at: null,
        email_status: status,
        email_next_at: status === 'pending' ? at : null,
        email_error: null,
        emailed_at: null,
        unsubscribe_token: newToken(),
      };
    });
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

/**
 * A person's email choices, one per kind: audited as a change to their account. A choice the
 * rules refuse (turning off a request only they can answer) is refused, and nothing changes.
 */
export async function setEmailPreferences(
  db: DB,
  input: { personId: number; choices: Partial<Record<NotificationKind, Delivery>>; at?: string },
): Promise<void> {
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const onlyPoc = await onlyPocAnywhere(trx, input.personId);
    for (const [kind, delivery] of Object.entries(input.choices) as [NotificationKind, Delivery][])
      if (!mayChoose(kind, delivery, onlyPoc))
        throw new RefusedError(
          'invalid',
          `“${KIND_LABELS[kind]}” cannot be turned off while you are the only point of contact of an agency.`,
        );
    const current = await emailPreferences(trx, input.personId);
    const changed = NOTIFICATION_KINDS.filter(
      (k) => input.choices[k] !== undefined && input.choices[k] !== current[k],
    );
    if (changed.length === 0) return;
    for (const kind of changed) {
      const delivery = input.choices[kind]!;
      await trx
        .deleteFrom('notification_preferences')
        .where('person_id', '=', input.personId)
        .where('kind', '=', kind)
        .execute();
      if (delivery !== 'immediate')
        await trx
          .insertInto('notification_preferences')
          .values({ person_id: input.personId, kind, delivery, updated_at: at })
          .execute();
    }
    const words = (choice: Partial<Record<NotificationKind, Delivery>>) =>
      Object.fromEntries(changed.map((k) => [KIND_LABELS[k], DELIVERY_LABELS[choice[k]!]]));
    await auditOwnAccount(trx, input.personId, {
      before: { email_notifications: words(current) },
      after: { email_notifications: words(input.choices) },
      at,
    });
  });
}

/**
 * One-click unsubscribe (RFC 8058) from a notification's email: the kinds it names stop being
 * emailed, except one the person may not turn off, which keeps its choice. Returns what it did;
 * an unknown token is not found.
 */
export async function unsubscribe(db: DB, input: { token: string; at?: string }) {
  const target = await unsubscribeTarget(db, input.token);
  if (!target) throw new RefusedError('not_found', 'This unsubscribe link is not known.');
  await setEmailPreferences(db, {
    personId: target.personId,
    choices: Object.fromEntries(target.toStop.map((k) => [k, 'off'])),
    at: input.at,
  });
  return target;
}
