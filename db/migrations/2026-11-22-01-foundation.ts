import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// Frozen in time: takes Kysely<any> and never changes once landed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('is_omb_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('person_id', 'integer', (c) =>
      c.primaryKey().references('people.id').onDelete('cascade'),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failed_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_sign_in_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('people.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();

  await db.schema
    .createTable('portfolios')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('lead_agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('cycle_start_fy', 'integer', (c) => c.notNull())
    .addColumn('charter_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('portfolio_agencies')
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('pmc_member_id', 'integer', (c) => c.references('people.id'))
    .addPrimaryKeyConstraint('portfolio_agencies_pk', ['portfolio_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('portfolio_memberships')
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('people.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','member','viewer')`))
    .addPrimaryKeyConstraint('portfolio_memberships_pk', ['portfolio_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_memberships_person')
    .on('portfolio_memberships')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('agency_pocs')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  // Exactly one current POC per agency per portfolio (A-11 280.16: "a single agency point of contact").
  await db.schema
    .createIndex('agency_pocs_current')
    .on('agency_pocs')
    .columns(['portfolio_id', 'agency_id'])
    .unique()
    .where(sql.ref('ended_at'), 'is', null)
    .execute();
  await db.schema.createIndex('agency_pocs_person').on('agency_pocs').column('person_id').execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pain_points', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcomes_short_term', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outcomes_long_term', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theory_of_change', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phase', 'text', (c) =>
      c.notNull().check(sql`phase in ('discovery','design','development','measurement')`),
    )
    .addColumn('health', 'text', (c) =>
      c.notNull().check(sql`health in ('on_track','at_risk','off_track')`),
    )
    .addColumn('health_reason', 'text')
    .addColumn('owner_agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('projects_portfolio')
    .on('projects')
    .columns(['portfolio_id', 'phase'])
    .execute();

  await db.schema
    .createTable('project_agencies')
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('project_agencies_pk', ['project_id', 'agency_id'])
    .execute();
  await db.schema
    .createIndex('project_agencies_agency')
    .on('project_agencies')
    .column('agency_id')
    .execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('timing_fy', 'integer')
    .addColumn('timing_quarter', 'integer', (c) =>
      c.check(sql`timing_quarter is null or timing_quarter between 1 and 4`),
    )
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned','in_progress','completed','missed')`),
    )
    .addColumn('completed_on', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('milestones_project')
    .on('milestones')
    .columns(['project_id', 'position'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('people.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('portfolio_id', 'integer')
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('audit_log_entity')
    .on('audit_log')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_actor')
    .on('audit_log')
    .columns(['actor_id', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'milestones',
    'project_agencies',
    'projects',
    'agency_pocs',
    'portfolio_memberships',
    'portfolio_agencies',
    'portfolios',
    'sessions',
    'accounts',
    'people',
    'agencies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
