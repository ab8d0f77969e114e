import { sql, type Kysely } from 'kysely';
import { realType } from '../dialect';
import { idColumn } from './columns';

/**
 * A project's success measures (issue 20, point 1; A-11 §280.16, the Measurement phase): what
 * it measures, in which direction, from which baseline to which target, how often, and the
 * series of actual values with their dates and notes. The status is computed from them
 * (app/domain/measures/status.ts), never stored.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('success_measures')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('higher','lower')`))
    .addColumn('baseline_value', realType(db), (c) => c.notNull())
    .addColumn('baseline_date', 'text', (c) => c.notNull())
    .addColumn('target_value', realType(db), (c) => c.notNull())
    .addColumn('target_date', 'text', (c) => c.notNull())
    // Where the actual values come from: administrative data entered by hand, named here.
    .addColumn('data_source', 'text', (c) => c.notNull())
    .addColumn('cadence', 'text', (c) =>
      c.notNull().check(sql`cadence in ('monthly','quarterly','semiannual','annual')`),
    )
    // A share of the baseline-to-target distance; null means the default (10 %).
    .addColumn('tolerance', realType(db))
    .addColumn('owner_agency_id', 'integer', (c) =>
      c.references('agencies.id').onDelete('set null'),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('success_measures_project')
    .on('success_measures')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema
    .createTable('measure_actuals')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('measure_id', 'integer', (c) =>
      c.notNull().references('success_measures.id').onDelete('cascade'),
    )
    .addColumn('value', realType(db), (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_actuals_measure')
    .on('measure_actuals')
    .columns(['measure_id', 'on_date'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('measure_actuals').execute();
  await db.schema.dropTable('success_measures').execute();
}
