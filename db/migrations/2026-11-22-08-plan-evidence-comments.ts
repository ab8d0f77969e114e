import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // Evidence an action cites: a journey step's pain points, a research activity, burden savings.
  await db.schema
    .createTable('action_plan_citations')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) =>
      c.notNull().references('action_plans.id').onDelete('cascade'),
    )
    .addColumn('section', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('journey_step','research_activity','burden_savings')`),
    )
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('action_plan_citations_plan')
    .on('action_plan_citations')
    .columns(['plan_id', 'section'])
    .execute();

  await db.schema
    .createTable('action_plan_comments')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) =>
      c.notNull().references('action_plans.id').onDelete('cascade'),
    )
    .addColumn('section', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'integer', (c) => c.references('people.id'))
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('action_plan_comments_plan')
    .on('action_plan_comments')
    .columns(['plan_id', 'section'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_plan_comments').execute();
  await db.schema.dropTable('action_plan_citations').execute();
}
