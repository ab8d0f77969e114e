/**
 * The schema check: the tables and columns a migrated database has, described the same way on
 * SQLite and PostgreSQL, compared with db/schema.snapshot.ts. A database migrated on either
 * passes it (tests/unit/db/schema-check.test.ts, run on both); `node server.js check-schema`
 * runs it against a live database.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf, isSqliteSearchIndexTable } from './dialect';
import { SCHEMA } from './schema.snapshot';

export type ColumnShape = { type: 'integer' | 'text' | 'real' | string; nullable: boolean };
export type SchemaShape = Record<string, Record<string, ColumnShape>>;

const TYPES: Record<string, ColumnShape['type']> = {
  integer: 'integer',
  int4: 'integer',
  int8: 'integer',
  bigint: 'integer',
  text: 'text',
  varchar: 'text',
  real: 'real',
  float8: 'real',
  blob: 'bytes',
  bytea: 'bytes',
};

/** Tables, columns, their kind of value and whether they take null, in name order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function describeSchema(db: Kysely<any>): Promise<SchemaShape> {
  const tables = await db.introspection.getTables();
  const shape: SchemaShape = {};
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // SQLite's full-text tables (search_fts and its shadows) have no PostgreSQL counterpart.
    if (table.isView || isSqliteSearchIndexTable(table.name)) continue;
    const keys = await sqlitePrimaryKey(db, table.name);
    const columns: Record<string, ColumnShape> = {};
    for (const c of [...table.columns].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const type = c.dataType.toLowerCase();
      columns[c.name] = { type: TYPES[type] ?? type, nullable: c.isNullable && !keys.has(c.name) };
    }
    shape[table.name] = columns;
  }
  return shape;
}

/**
 * SQLite reports primary-key columns as nullable unless declared `not null`; PostgreSQL makes
 * every key column not null. An integer key cannot hold null in SQLite either (it is the rowid),
 * and the workspace always writes its two text keys, so keys are described as not null on both.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sqlitePrimaryKey(db: Kysely<any>, table: string): Promise<Set<string>> {
  if (dialectOf(db) !== 'sqlite') return new Set();
  const { rows } = await sql<{
    name: string;
  }>`select name from pragma_table_info(${table}) where pk > 0`.execute(db);
  return new Set(rows.map((r) => r.name));
}

/** What differs from the expected schema, in words; empty when the database matches. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function checkSchema(db: Kysely<any>): Promise<string[]> {
  return compareSchemas(SCHEMA, await describeSchema(db));
}

export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(expected)) {
    const found = actual[table];
    if (!found) {
      problems.push(`missing table ${table}`);
      continue;
    }
    for (const [name, want] of Object.entries(columns)) {
      const got = found[name];
      if (!got) problems.push(`missing column ${table}.${name}`);
      else if (got.type !== want.type || got.nullable !== want.nullable)
        problems.push(`${table}.${name} is ${describe(got)}, expected ${describe(want)}`);
    }
    for (const name of Object.keys(found))
      if (!(name in columns)) problems.push(`unexpected column ${table}.${name}`);
  }
  for (const table of Object.keys(actual))
    if (!(table in expected)) problems.push(`unexpected table ${table}`);
  return problems;
}

function describe(c: ColumnShape): string {
  return `${c.type}${c.nullable ? ' null' : ' not null'}`;
}
