import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft','in_review','final')`),
    )
    .addColumn('draft_due', 'text', (c) => c.notNull())
    .addColumn('final_due', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('action_plans_one_per_year', ['portfolio_id', 'fiscal_year'])
    .execute();

  // Every saved version of the text: the history, named versions (with a note) among them.
  await db.schema
    .createTable('action_plan_versions')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('plan_id', 'integer', (c) =>
      c.notNull().references('action_plans.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) => c.references('people.id'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('action_plan_versions_plan')
    .on('action_plan_versions')
    .columns(['plan_id', 'version'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_plan_versions').execute();
  await db.schema.dropTable('action_plans').execute();
}
