import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * A pilot's evaluation plans (issue 20, point 2; GAO-12-208G): the questions, design, population
 * and sample, analysis plan and decision rule, set before the data arrives; the research
 * activities it relies on (so their participants count under the PRA as any activity's do); its
 * status, draft → approved → under way → reported; and the findings reported.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_plans')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('project_id', 'integer', (c) =>
      c.notNull().references('projects.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('design', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`design in ('pre_post','comparison_group','randomized','time_series','case_study','other')`,
        ),
    )
    .addColumn('design_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('population', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sample', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('analysis_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision_rule', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft','approved','under_way','reported')`),
    )
    .addColumn('findings', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evaluation_plans_project')
    .on('evaluation_plans')
    .columns(['project_id', 'id'])
    .execute();
  await db.schema
    .createTable('evaluation_plan_activities')
    .addColumn('plan_id', 'integer', (c) =>
      c.notNull().references('evaluation_plans.id').onDelete('cascade'),
    )
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('research_activities.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('evaluation_plan_activities_pk', ['plan_id', 'activity_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_plan_activities').execute();
  await db.schema.dropTable('evaluation_plans').execute();
}
