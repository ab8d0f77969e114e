import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pmc_updates')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published')`))
    // JSON: { program: doc, portfolios: { slug: doc } } (tiptap documents, sanitized).
    .addColumn('highlights', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('excluded', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('annotations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('portfolio_order', 'text', (c) => c.notNull().defaultTo('[]'))
    // The frozen update, written once at publishing; later edits to projects do not change it.
    .addColumn('snapshot', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'integer', (c) => c.references('people.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pmc_updates_one_per_quarter', ['fiscal_year', 'quarter'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pmc_updates').execute();
}
