import SQLite from 'better-sqlite3';
import { Kysely, Migrator, type Transaction } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BoundedMap } from '~/lib/bounded-map';
import { isPostgresUrl, WorkspacePostgresDialect, WorkspaceSqliteDialect } from './dialect';
import { migrations } from './migrations';
import type { Database } from './schema';

export type DB = Kysely<Database> | Transaction<Database>;

/** The SQLite file a DATABASE_URL names: a path, `file:` URL, or nothing for the default. */
export function sqlitePathFromUrl(url: string | undefined): string {
  if (!url) return 'data/workspace.db';
  if (url.startsWith('file:')) return url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
  return url;
}

type OpenOptions = {
  log?: (sql: string, parameters: readonly unknown[]) => void;
  /** PostgreSQL connections kept by this process (DATABASE_POOL_SIZE, default 10). */
  poolSize?: number;
};

/**
 * Opens the database `url` names: `postgres://…` for PostgreSQL, otherwise a SQLite file (see
 * db/dialect.ts for where the two differ).
 */
export function openDatabase(url: string | undefined, options: OpenOptions = {}): Kysely<Database> {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url, options);
}

// PostgreSQL's bigint (count(*), sum of integers) arrives as text from `pg`; the workspace's
// counts and sums of integer columns are far below 2^53, so they are read as numbers, as SQLite
// gives them. numeric stays text (exact burden sums are cast to text anyway).
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function openPostgres(url: string, { log, poolSize }: OpenOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize ?? (Number(process.env.DATABASE_POOL_SIZE) || 10),
    types: pgTypes,
    allowExitOnIdle: true,
  });
  // An idle connection the server drops (restart, failover) must not take the process down;
  // the pool replaces it on next use.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Database>({
    dialect: new WorkspacePostgresDialect({ pool }),
    log: log ? (e) => log(e.query.sql, e.query.parameters) : undefined,
  });
}

/** How long a SQLite write waits for another connection's write to finish. */
export const BUSY_TIMEOUT_MS = 5000;

/** The SQLite file with the pragmas the workspace relies on. */
function openSqlite(url: string | undefined, { log }: OpenOptions): Kysely<Database> {
  const file = sqlitePathFromUrl(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  cacheStatements(sqlite);
  return new Kysely<Database>({
    dialect: new WorkspaceSqliteDialect(sqlite, BUSY_TIMEOUT_MS),
    log: log ? (e) => log(e.query.sql, e.query.parameters) : undefined,
  });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Kysely prepares every query it runs; preparing is a measurable share of a page's time
 * (scripts/bench.mjs), and a page runs the same few shapes of SQL each time. Statements are kept
 * by their text, the least recently used dropped past a few hundred. Reuse is safe because
 * better-sqlite3 runs each statement to completion synchronously.
 */
function cacheStatements(sqlite: SQLite.Database, limit = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new BoundedMap<string, SQLite.Statement>(limit);
  sqlite.prepare = ((source: string) =>
    cache.getOrSet(source, () => prepare(source))) as typeof sqlite.prepare;
}

let instance: Kysely<Database> | undefined;

/** The process's one connection, opened on first use from DATABASE_URL. */
export function getDb(): Kysely<Database> {
  instance ??= openDatabase(process.env.DATABASE_URL);
  return instance;
}

export async function closeDb(): Promise<void> {
  await instance?.destroy();
  instance = undefined;
}
