import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * Notifications (issue 22): what a person is told of, in the workspace and by email. A row is
 * written in the same transaction as the change that causes it, so it is never lost and never
 * told of a change that was rolled back; it is also the email outbox (`email_status`), which a
 * worker drains. `source` names what caused it (`phase_request:12`): one person is told of one
 * thing once, however often the change is retried.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('portfolio_id', 'integer', (c) => c.references('portfolios.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // The outbox: pending until sent (or given up on); off when the person chose no email.
    .addColumn('email_status', 'text', (c) => c.notNull())
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_next_at', 'text')
    .addColumn('email_error', 'text')
    .addColumn('emailed_at', 'text')
    .addUniqueConstraint('notifications_once', ['person_id', 'kind', 'source'])
    .execute();
  await db.schema
    .createIndex('notifications_person')
    .on('notifications')
    .columns(['person_id', 'read_at'])
    .execute();
  await db.schema
    .createIndex('notifications_outbox')
    .on('notifications')
    .columns(['email_status', 'email_next_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
