import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * A-11 §280.14 post-transaction survey data (issue 20, point 3), in the columns GSA's
 * Touchpoints and performance.gov use:
 *
 * - `survey_collections`: one survey of one service (Touchpoints' collection detail: channel,
 *   service stage, survey type, trust question text, OMB control number), its agency, the
 *   journey step it sits on where it fits, and the Likert points that count as agreeing.
 * - `survey_collection_projects`: the projects it measures.
 * - `survey_datasets`: one quarter's import: the customer volumes, the respondents, and the tally
 *   every figure is computed from (app/domain/surveys/figures.ts). Re-importing a quarter marks
 *   the old dataset replaced (kept, with its rows, as history); one standing dataset per quarter.
 * - `survey_responses`: the rows, as imported; open text only when asked for, masked.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_collections')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('journey_step_id', 'integer', (c) =>
      c.references('journey_steps.id').onDelete('set null'),
    )
    .addColumn('survey_title', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('service_stage', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull().check(sql`scale in ('thumbs','likert')`))
    .addColumn('trust_question_text', 'text', (c) => c.notNull())
    .addColumn('omb_control_number', 'text', (c) => c.notNull().defaultTo(''))
    // The Likert points that count as agreeing, as "4,5"; unused on a thumbs collection.
    .addColumn('likert_affirmative', 'text', (c) => c.notNull().defaultTo('4,5'))
    // Marks the collection illustrative (seeded examples), said wherever its figures show.
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_collections_portfolio')
    .on('survey_collections')
    .columns(['portfolio_id', 'id'])
    .execute();
  await db.schema
    .createTable('survey_collection_projects')
    .addColumn('collection_id', 'integer', (c) =>
      c.notNull().references('survey_collections.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('survey_collection_projects_pk', ['collection_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('survey_collection_projects_project')
    .on('survey_collection_projects')
    .columns(['project_id'])
    .execute();
  await db.schema
    .createTable('survey_datasets')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('collection_id', 'integer', (c) =>
      c.notNull().references('survey_collections.id').onDelete('cascade'),
    )
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('volume_of_customers', 'integer', (c) => c.notNull())
    .addColumn('customers_offered', 'integer', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('tally', 'text', (c) => c.notNull())
    .addColumn('open_text', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('replaced_at', 'text')
    .addColumn('replaced_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('survey_datasets_standing')
    .on('survey_datasets')
    .columns(['collection_id', 'fiscal_year', 'quarter'])
    .unique()
    .where(sql.ref('replaced_at'), 'is', null)
    .execute();
  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('dataset_id', 'integer', (c) =>
      c.notNull().references('survey_datasets.id').onDelete('cascade'),
    )
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('question_1', 'integer', (c) => c.notNull())
    .addColumn('positive_effectiveness', 'integer')
    .addColumn('negative_effectiveness', 'integer')
    .addColumn('positive_ease', 'integer')
    .addColumn('negative_ease', 'integer')
    .addColumn('positive_efficiency', 'integer')
    .addColumn('negative_efficiency', 'integer')
    .addColumn('positive_transparency', 'integer')
    .addColumn('negative_transparency', 'integer')
    .addColumn('positive_humanity', 'integer')
    .addColumn('negative_humanity', 'integer')
    .addColumn('positive_employee', 'integer')
    .addColumn('negative_employee', 'integer')
    .addColumn('positive_other', 'integer')
    .addColumn('negative_other', 'integer')
    .addColumn('question_4', 'text')
    .execute();
  await db.schema
    .createIndex('survey_responses_dataset')
    .on('survey_responses')
    .columns(['dataset_id', 'line'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_responses').execute();
  await db.schema.dropTable('survey_datasets').execute();
  await db.schema.dropTable('survey_collection_projects').execute();
  await db.schema.dropTable('survey_collections').execute();
}
