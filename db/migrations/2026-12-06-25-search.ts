import { sql, type Kysely } from 'kysely';
import { dialectOf, searchVector } from '../dialect';
import { idColumn } from './columns';

/**
 * The workspace's search index (issue 23): one row per searchable thing (a project, a journey
 * step, a section of a CX Action Plan…), written by db/search-index.ts in the transaction of the
 * change it follows, and the database's own full-text index over it: SQLite's FTS5 table reading
 * these rows (porter stemming), PostgreSQL's GIN index on their English `tsvector`. The rows are
 * derived: `npm run db:reindex` rebuilds them from the records.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_entries')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    // The audited record whose change rewrites this row (a journey map for its steps).
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('portfolio_id', 'integer')
    .addColumn('project_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Where it sits, said on the results page ("Journey map: Applying for benefits"); not searched.
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // Who may find it: 'signed_in', or 'pmc_draft' for a PMC update not yet published.
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_entries_owner')
    .on('search_entries')
    .columns(['owner_type', 'owner_id'])
    .execute();
  if (dialectOf(db) === 'postgres') {
    await sql`create index search_entries_text on search_entries using gin ((${searchVector()}))`.execute(
      db,
    );
    return;
  }
  // External content: the FTS table keeps only its index and reads the text from search_entries;
  // the triggers keep the two together.
  await sql`create virtual table search_fts using fts5(title, body, content='search_entries', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`create trigger search_entries_ai after insert on search_entries begin
    insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
  end`.execute(db);
  await sql`create trigger search_entries_ad after delete on search_entries begin
    insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
  end`.execute(db);
  await sql`create trigger search_entries_au after update on search_entries begin
    insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
  end`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    for (const t of ['search_entries_ai', 'search_entries_ad', 'search_entries_au'])
      await sql`drop trigger if exists ${sql.id(t)}`.execute(db);
    await sql`drop table if exists search_fts`.execute(db);
  }
  await db.schema.dropTable('search_entries').execute();
}
