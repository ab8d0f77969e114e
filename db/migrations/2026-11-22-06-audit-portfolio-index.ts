import type { Kysely } from 'kysely';

// The PRA status cache reads the newest audit row of a portfolio on every request.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_log_portfolio')
    .on('audit_log')
    .columns(['portfolio_id', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_portfolio').execute();
}
