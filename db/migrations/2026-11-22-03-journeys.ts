import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey_maps')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'integer', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('personas', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version_label', 'text', (c) =>
      c.notNull().check(sql`version_label in ('as_is','to_be','other')`),
    )
    .addColumn('version_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('copied_from_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journey_maps_portfolio')
    .on('journey_maps')
    .columns(['portfolio_id', 'id'])
    .execute();
  await db.schema
    .createIndex('journey_maps_project')
    .on('journey_maps')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('journey_stages')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('map_id', 'integer', (c) =>
      c.notNull().references('journey_maps.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journey_stages_map')
    .on('journey_stages')
    .columns(['map_id', 'position'])
    .execute();

  await db.schema
    .createTable('journey_steps')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('map_id', 'integer', (c) =>
      c.notNull().references('journey_maps.id').onDelete('cascade'),
    )
    .addColumn('stage_id', 'integer', (c) =>
      c.notNull().references('journey_stages.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    // Kept when a map is copied to a new version, so versions can be compared step by step.
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('actors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('touchpoint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pain_points', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opportunities', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('journey_steps_stage')
    .on('journey_steps')
    .columns(['stage_id', 'position'])
    .execute();
  await db.schema.createIndex('journey_steps_map').on('journey_steps').column('map_id').execute();

  await db.schema
    .createTable('journey_step_projects')
    .addColumn('step_id', 'integer', (c) =>
      c.notNull().references('journey_steps.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('journey_step_projects_pk', ['step_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('journey_step_projects_project')
    .on('journey_step_projects')
    .column('project_id')
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['journey_step_projects', 'journey_steps', 'journey_stages', 'journey_maps']) {
    await db.schema.dropTable(t).execute();
  }
}
