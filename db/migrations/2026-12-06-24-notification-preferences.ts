import type { Kysely } from 'kysely';

/**
 * How each person hears of each kind of notification by email (issue 22, point 3): at once (no
 * row: the default), in a daily digest, or not at all. A notification waiting for the digest has
 * `email_status` 'digest' until the day's digest gathers it ('digested', `digest_id` naming the
 * digest, itself a notification of kind 'daily_digest'). Each notification carries its own
 * random unsubscribe token, the authority of a one-click unsubscribe from its email.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'kind'])
    .execute();
  await db.schema
    .alterTable('notifications')
    // No foreign key: the digest is written after what it gathers, and a copy between databases
    // (db/copy.ts) inserts rows in id order.
    .addColumn('digest_id', 'integer')
    .execute();
  await db.schema.alterTable('notifications').addColumn('unsubscribe_token', 'text').execute();
  await db.schema
    .createIndex('notifications_unsubscribe')
    .on('notifications')
    .column('unsubscribe_token')
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_digest')
    .on('notifications')
    .column('digest_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notifications_digest').execute();
  await db.schema.dropIndex('notifications_unsubscribe').execute();
  await db.schema.alterTable('notifications').dropColumn('unsubscribe_token').execute();
  await db.schema.alterTable('notifications').dropColumn('digest_id').execute();
  await db.schema.dropTable('notification_preferences').execute();
}
