import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspace_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('burden_assessments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('journey_map_id', 'integer', (c) =>
      c.references('journey_maps.id').onDelete('set null'),
    )
    .addColumn('service_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('wage_cents', 'integer')
    .addColumn('wage_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('multiplier_milli', 'integer', (c) => c.notNull().defaultTo(1000))
    // A to-be assessment points at the as-is one it was copied from.
    .addColumn('baseline_id', 'integer', (c) =>
      c.references('burden_assessments.id').onDelete('set null'),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('burden_assessments_portfolio')
    .on('burden_assessments')
    .columns(['portfolio_id', 'id'])
    .execute();
  await db.schema
    .createIndex('burden_assessments_map')
    .on('burden_assessments')
    .column('journey_map_id')
    .execute();

  await db.schema
    .createTable('burden_items')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('burden_assessments.id').onDelete('cascade'),
    )
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('step_id', 'integer', (c) => c.references('journey_steps.id').onDelete('set null'))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('learning','compliance','psychological')`),
    )
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('people_per_year', 'integer', (c) => c.notNull())
    .addColumn('occurrences_hundredths', 'integer', (c) => c.notNull())
    .addColumn('seconds_per_occurrence', 'integer', (c) => c.notNull())
    .addColumn('out_of_pocket_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stress', 'integer')
    .addColumn('stigma', 'integer')
    .addColumn('frustration', 'integer')
    .addColumn('autonomy', 'integer')
    .addColumn('time_equivalent_seconds', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('burden_items_assessment')
    .on('burden_items')
    .columns(['assessment_id', 'position'])
    .execute();

  await db.schema
    .createTable('burden_segments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('burden_assessments.id').onDelete('cascade'),
    )
    .addColumn('segment_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('share_bp', 'integer', (c) => c.notNull())
    .addColumn('wage_cents', 'integer')
    .execute();
  await db.schema
    .createIndex('burden_segments_assessment')
    .on('burden_segments')
    .column('assessment_id')
    .execute();

  await db.schema
    .createTable('burden_segment_overrides')
    .addColumn('segment_id', 'integer', (c) =>
      c.notNull().references('burden_segments.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'integer', (c) =>
      c.notNull().references('burden_items.id').onDelete('cascade'),
    )
    .addColumn('seconds_per_occurrence', 'integer')
    .addColumn('out_of_pocket_cents', 'integer')
    .addPrimaryKeyConstraint('burden_segment_overrides_pk', ['segment_id', 'item_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'burden_segment_overrides',
    'burden_segments',
    'burden_items',
    'burden_assessments',
    'workspace_settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
