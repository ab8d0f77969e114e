import type { Kysely } from 'kysely';

/**
 * Journey maps, burden assessments and research activities can be archived (issue 16, point 9):
 * when and by whom. An archived record leaves the lists but is kept, readable and cited; only
 * an OMB lead deletes one for good. Archiving someone who is later removed keeps the date.
 */
const TABLES = ['journey_maps', 'burden_assessments', 'research_activities'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('archived_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
      .execute();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).dropColumn('archived_by').execute();
    await db.schema.alterTable(table).dropColumn('archived_at').execute();
  }
}
