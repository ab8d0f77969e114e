/**
 * Copies a SQLite workspace into another database, normally PostgreSQL, row for row with the
 * same ids: `node server.js copy <sqlite file> <postgres url>` (docs/postgresql.md).
 *
 * The target is migrated to the same schema and must hold no rows yet. Tables are copied parents
 * first (by their foreign keys), each in id order so rows that point at earlier rows of the same
 * table (agency parents, baselines) find them, all in one transaction: a failed copy leaves the
 * target empty. The search index is not copied but rebuilt on the target from what was copied.
 * Afterwards every table's row count is compared.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from './client';
import { migrateToLatest } from './client';
import { afterExplicitIds, dialectOf, isSearchTable } from './dialect';
import { rebuildSearchIndex } from './search-index';
import type { Database } from './schema';

export type CopyReport = { table: string; source: number; target: number }[];

/** Rows per insert: well under both databases' limits on bound parameters. */
const PARAMETERS_PER_INSERT = 30_000;

export async function copyWorkspace(
  source: Kysely<Database>,
  target: Kysely<Database>,
  log: (line: string) => void = () => {},
): Promise<CopyReport> {
  if (dialectOf(source) !== 'sqlite') throw new Error('The source must be a SQLite workspace.');
  await migrateToLatest(target);
  const tables = await tablesParentsFirst(source);
  for (const table of tables) {
    if ((await countRows(target, table)) > 0)
      throw new Error(`The target already has rows in ${table}; copy into an empty database.`);
  }
  await target.transaction().execute(async (trx) => {
    for (const table of tables) {
      const copied = await copyTable(source, trx, table);
      await afterExplicitIds(trx, table);
      log(`${table}: ${copied.toLocaleString('en-US')} rows`);
    }
  });
  const entries = await rebuildSearchIndex(target);
  log(`search index: rebuilt, ${entries.toLocaleString('en-US')} entries`);
  const report: CopyReport = [];
  for (const table of tables) {
    report.push({
      table,
      source: await countRows(source, table),
      target: await countRows(target, table),
    });
  }
  return report;
}

/** The workspace's tables, each after the tables its foreign keys point to. */
async function tablesParentsFirst(source: Kysely<Database>): Promise<string[]> {
  // The search index is derived from the records: rebuilt after the copy, not copied.
  const tables = (await source.introspection.getTables())
    .map((t) => t.name)
    .filter((t) => !isSearchTable(t))
    .sort();
  const parents = new Map<string, string[]>();
  for (const t of tables) {
    const { rows } = await sql<{
      table: string;
    }>`select "table" from pragma_foreign_key_list(${t})`.execute(source);
    parents.set(
      t,
      rows.map((r) => r.table).filter((p) => p !== t),
    );
  }
  const ordered: string[] = [];
  const visit = (t: string, path: string[]) => {
    if (ordered.includes(t)) return;
    if (path.includes(t)) throw new Error(`Foreign keys form a cycle: ${[...path, t].join(' → ')}`);
    for (const p of parents.get(t) ?? []) visit(p, [...path, t]);
    ordered.push(t);
  };
  for (const t of tables) visit(t, []);
  return ordered;
}

async function countRows(db: DB, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

async function copyTable(source: Kysely<Database>, target: DB, table: string): Promise<number> {
  const columns = (await source.introspection.getTables())
    .find((t) => t.name === table)!
    .columns.map((c) => c.name);
  const batch = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
  let after = 0;
  let copied = 0;
  for (;;) {
    const { rows } = await sql<
      Record<string, unknown> & { _rowid: number }
    >`select rowid as _rowid, ${sql.join(
      columns.map((c) => sql.ref(c)),
    )} from ${sql.table(table)} where rowid > ${after} order by rowid limit ${batch}`.execute(
      source,
    );
    if (rows.length === 0) return copied;
    after = rows[rows.length - 1]!._rowid;
    const values = rows.map(({ _rowid, ...row }) => row);
    // Kysely's insert types do not narrow over a table chosen at run time.
    await target
      .insertInto(table as never)
      .values(values as never)
      .execute();
    copied += rows.length;
  }
}
