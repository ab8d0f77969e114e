import { sql, type Kysely } from 'kysely';

/**
 * Where a success measure's actual values come from (issue 20, point 1): entered by hand
 * (administrative data, as before), a survey collection's trust figure per quarter, or a burden
 * assessment's hours or dollars per person, computed when read (app/domain/measures/sources.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('success_measures')
    .addColumn('source_kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('manual')
        .check(sql`source_kind in ('manual','survey_trust','burden_hours','burden_dollars')`),
    )
    .execute();
  await db.schema
    .alterTable('success_measures')
    .addColumn('source_collection_id', 'integer', (c) =>
      c.references('survey_collections.id').onDelete('set null'),
    )
    .execute();
  await db.schema
    .alterTable('success_measures')
    .addColumn('source_assessment_id', 'integer', (c) =>
      c.references('burden_assessments.id').onDelete('set null'),
    )
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['source_assessment_id', 'source_collection_id', 'source_kind'])
    await db.schema.alterTable('success_measures').dropColumn(column).execute();
}
