import type { Kysely } from 'kysely';

// A segment's time on every learning and compliance item as a whole percentage of the base
// item's (issue 16: "+60% time for LEP"), so an edit to the base item carries into the segment
// unless the segment has its own minutes for that item. 100 = the same as everyone else.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('burden_segments')
    .addColumn('time_percent', 'integer', (c) => c.notNull().defaultTo(100))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('burden_segments').dropColumn('time_percent').execute();
}
