import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Each edit of the charter text bumps the revision; signatures of older revisions need renewal.
  await db.schema
    .alterTable('portfolios')
    .addColumn('charter_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('charter_signatures')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('charter_revision', 'integer', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('charter_signatures_portfolio')
    .on('charter_signatures')
    .columns(['portfolio_id', 'agency_id', 'id'])
    .execute();

  await db.schema
    .createTable('phase_requests')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('advance','move_back')`))
    .addColumn('from_phase', 'text', (c) => c.notNull())
    .addColumn('to_phase', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending','advanced','held','moved_back','superseded')`),
    )
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('people.id'))
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema
    .createIndex('phase_requests_project')
    .on('phase_requests')
    .columns(['project_id', 'id'])
    .execute();
  // At most one open request per project, enforced by the database too.
  await db.schema
    .createIndex('phase_requests_one_pending')
    .on('phase_requests')
    .column('project_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('phase_requests_status')
    .on('phase_requests')
    .columns(['status', 'project_id'])
    .execute();

  await db.schema
    .createTable('phase_request_agencies')
    .addColumn('request_id', 'integer', (c) =>
      c.notNull().references('phase_requests.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('phase_request_agencies_pk', ['request_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('phase_answers')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('request_id', 'integer', (c) =>
      c.notNull().references('phase_requests.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('answer', 'text', (c) =>
      c.notNull().check(sql`answer in ('concur','concur_with_comments','non_concur')`),
    )
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  // One answer per agency per request: a double-submitted answer cannot land twice.
  await db.schema
    .createIndex('phase_answers_one_per_agency')
    .on('phase_answers')
    .columns(['request_id', 'agency_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('phase_reaffirmations')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('phase_reaffirmations_project')
    .on('phase_reaffirmations')
    .columns(['project_id', 'agency_id'])
    .execute();

  // The change log per project reads the audit log by project.
  await db.schema.alterTable('audit_log').addColumn('project_id', 'integer').execute();
  await db.schema
    .createIndex('audit_log_project')
    .on('audit_log')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema
    .createIndex('projects_filters')
    .on('projects')
    .columns(['health', 'phase'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('projects_filters').execute();
  await db.schema.dropIndex('audit_log_project').execute();
  await db.schema.alterTable('audit_log').dropColumn('project_id').execute();
  for (const t of [
    'phase_reaffirmations',
    'phase_answers',
    'phase_request_agencies',
    'phase_requests',
    'charter_signatures',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('portfolios').dropColumn('charter_revision').execute();
}
