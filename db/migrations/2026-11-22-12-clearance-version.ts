import type { Kysely } from 'kysely';

// Clearances are edited (a pending one gets its OMB control number and expiration date later):
// a row version, so a stale edit form is refused instead of overwriting a newer save.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pra_clearances')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pra_clearances').dropColumn('version').execute();
}
