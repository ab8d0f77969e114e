import type { Kysely } from 'kysely';

// The OMB lead's order of milestones within each portfolio of a PMC update (JSON: portfolio slug
// → milestone keys, first to last), beside the portfolio order.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('pmc_updates')
    .addColumn('item_order', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pmc_updates').dropColumn('item_order').execute();
}
