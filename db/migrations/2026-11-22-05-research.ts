import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pra_clearances')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('generic','standard','fast_track','emergency')`),
    )
    .addColumn('omb_control_number', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // An OMB control number and its expiration date come together, or not at all.
    .addCheckConstraint(
      'pra_clearances_number_and_date',
      sql`(omb_control_number is null) = (expires_on is null)`,
    )
    .execute();
  await db.schema
    .createIndex('pra_clearances_portfolio')
    .on('pra_clearances')
    .column('portfolio_id')
    .execute();

  await db.schema
    .createTable('research_activities')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('questions_fingerprint', 'text')
    .addColumn('unscripted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('screening_questions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('incentive_cents', 'integer')
    .addColumn('incentive_kind', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('counsel_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'integer', (c) => c.references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('research_activities_project')
    .on('research_activities')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('research_activity_clearances')
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('research_activities.id').onDelete('cascade'),
    )
    .addColumn('clearance_id', 'integer', (c) =>
      c.notNull().references('pra_clearances.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('research_activity_clearances_pk', ['activity_id', 'clearance_id'])
    .execute();

  await db.schema
    .createTable('research_sessions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('research_activities.id').onDelete('cascade'),
    )
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('research_sessions_activity')
    .on('research_sessions')
    .columns(['activity_id', 'held_on'])
    .execute();

  // Pseudonymous codes only: the workspace has no field for a participant's name or contact.
  await db.schema
    .createTable('research_participants')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('research_sessions.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('public','federal_employee','contractor')`),
    )
    .execute();
  await db.schema
    .createIndex('research_participants_session_code')
    .on('research_participants')
    .columns(['session_id', 'code'])
    .unique()
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'research_participants',
    'research_sessions',
    'research_activity_clearances',
    'research_activities',
    'pra_clearances',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
