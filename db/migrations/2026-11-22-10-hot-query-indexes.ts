import type { Kysely } from 'kysely';

// Found by the benchmark (scripts/bench.mjs) on a million-row audit log: the PMC update counts a
// portfolio's changes since the last published update by time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_log_portfolio_at')
    .on('audit_log')
    .columns(['portfolio_id', 'at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_portfolio_at').execute();
}
