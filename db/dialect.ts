/**
 * Where SQLite and PostgreSQL differ, and nowhere else: queries are written once with Kysely,
 * and the few spots where the two databases disagree ask this module. Tested on both
 * (tests/unit/db/dialect.test.ts runs under `TEST_DATABASE=postgres` too).
 *
 * What needs no adapter, by the schema's own conventions: dates and times are ISO-8601 text (text
 * sorts and compares the same in both); JSON is stored as text and parsed in TypeScript; booleans
 * are 0/1 integers; upserts use `onConflict`, which both dialects compile; emails are stored
 * lower-cased, so sign-in needs no case-insensitive comparison.
 */
import type SQLite from 'better-sqlite3';
import { HIT_END, HIT_START } from '~/domain/search/markers';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresDriver } from 'kysely';
import {
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  CompiledQuery,
  sql,
  type DatabaseConnection,
  type Driver,
  type Expression,
  type Kysely,
  type RawBuilder,
  type TransactionSettings,
} from 'kysely';

// Kysely<any>: migrations are typed that way, and only the executor is read here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf(db: AnyDb): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The column type for bytes: SQLite's blob, PostgreSQL's bytea (both read back as a Buffer). */
export function binaryType(db: AnyDb): 'blob' | 'bytea' {
  return dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
}

/** A floating-point column: SQLite's `real`, PostgreSQL's `double precision` (both 8 bytes). */
export function realType(db: AnyDb): 'real' | 'double precision' {
  return dialectOf(db) === 'postgres' ? 'double precision' : 'real';
}

/** A `postgres://` or `postgresql://` DATABASE_URL; anything else names a SQLite file. */
export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url);
}

/** The key of the advisory lock every PostgreSQL transaction takes (an arbitrary constant). */
export const WRITE_LOCK_KEY = 280_0280;

/**
 * PostgreSQL, like SQLite, runs one writing transaction at a time. Every Kysely transaction
 * first takes one transaction-scoped advisory lock, held until commit or rollback. The
 * workspace's transactions are short writes made by people, so nothing is lost in throughput,
 * and every rule that reads and then writes (the PRA tenth participant, sign-in lockout, the
 * version checks, the next audit id) holds on PostgreSQL for the same reason it holds on SQLite:
 * nobody else writes in between. It also keeps audit ids in commit order, which the change
 * stamps of db/cache.ts rely on. Plain reads take no lock. See docs/decisions/013.
 */
export class WorkspacePostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    const driver = super.createDriver() as PostgresDriver;
    const begin = driver.beginTransaction.bind(driver);
    driver.beginTransaction = async (
      connection: DatabaseConnection,
      settings: TransactionSettings,
    ) => {
      await begin(connection, settings);
      await connection.executeQuery(
        CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`),
      );
    };
    return driver;
  }
}

/**
 * SQLite transactions take the write lock when they begin (`begin immediate`). A deferred
 * transaction that reads and then writes fails at once with "database is locked" when another
 * connection wrote in between (SQLite cannot wait there without risking a deadlock), which
 * happens with two app servers, or a command such as create-admin, on one file. Waiting for the
 * lock is done here, between tries, without blocking the event loop: busy_timeout would block the
 * whole process, including the connection that holds the lock when both are in one process.
 */
export class WorkspaceSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = () => beginImmediate(this.sqlite, this.busyTimeoutMs);
    return driver;
  }
}

async function beginImmediate(sqlite: SQLite.Database, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      try {
        sqlite.exec('begin immediate');
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (!code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw error;
      }
      await sleep(wait * (0.5 + Math.random()));
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${timeoutMs}`);
  }
}

/**
 * A product of integer columns whose sum must stay exact. SQLite multiplies 64-bit integers and
 * turns an overflow into a float (detected with `sumIsExact`); PostgreSQL's `integer` would raise
 * an error, so there the first factor becomes `numeric` and the arithmetic is exact throughout.
 */
export function exactProduct(db: AnyDb, ...factors: Expression<unknown>[]): RawBuilder<unknown> {
  const [first, ...rest] = factors;
  const head = dialectOf(db) === 'postgres' ? sql`cast(${first} as numeric)` : sql`${first}`;
  return rest.reduce<RawBuilder<unknown>>((acc, f) => sql`${acc} * ${f}`, head);
}

/** `sum(expr)` as decimal text, for BigInt. */
export function sumAsText(expr: Expression<unknown>): RawBuilder<string> {
  return sql<string>`cast(sum(${expr}) as text)`;
}

/** Whether `sum(expr)` stayed an exact integer (always, on PostgreSQL's numeric). */
export function sumIsExact(db: AnyDb, expr: Expression<unknown>): RawBuilder<number> {
  return dialectOf(db) === 'postgres'
    ? sql<number>`1`
    : sql<number>`(typeof(sum(${expr})) = 'integer')`;
}

/** The values of `expr` in a group joined by `separator` (SQLite's group_concat, PostgreSQL's string_agg). */
export function joinedText(
  db: AnyDb,
  expr: Expression<unknown>,
  separator: string,
): RawBuilder<string> {
  return dialectOf(db) === 'postgres'
    ? sql<string>`string_agg(${expr}, ${separator})`
    : sql<string>`group_concat(${expr}, ${separator})`;
}

/** A unique constraint refused the write (a double submit racing another, a taken name). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** Refresh the planner's statistics after a bulk load (both dialects spell it `analyze`). */
export async function analyze(db: AnyDb): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * After rows were inserted with their ids given (a copy from another database), the next id the
 * database hands out must come after them. SQLite's autoincrement keeps up by itself; a
 * PostgreSQL identity column's sequence is moved past the largest id.
 */
export async function afterExplicitIds(db: AnyDb, table: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  const { rows } = await sql<{
    seq: string | null;
  }>`select pg_get_serial_sequence(table_name, column_name) as seq from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = 'id'`.execute(
    db,
  );
  const seq = rows[0]?.seq;
  if (!seq) return;
  await sql`select setval(${seq}, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}

/** The key of the advisory lock start-up holds while it migrates and seeds. */
const STARTUP_LOCK_KEY = 280_0281;

/**
 * Runs start-up's migrate-and-seed with no other server doing the same: on PostgreSQL, several
 * app servers starting together would otherwise each find the demo accounts missing and create
 * them. A session advisory lock on one reserved connection; `fn` uses the pool as usual. SQLite
 * serves one app server, so there is nothing to wait for.
 */
export async function duringStartup<T>(db: AnyDb, fn: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return fn();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(STARTUP_LOCK_KEY)})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(STARTUP_LOCK_KEY)})`.execute(conn);
    }
  });
}

/**
 * The search index's tables (issue 23). `search_entries` is derived from the records and rebuilt
 * by `npm run db:reindex`, so a copy between databases leaves it out and rebuilds it, and the
 * hostile-input fingerprint does not count it (its audit row is counted). SQLite's FTS5 table
 * and the shadow tables it keeps (`search_fts_data`, `_idx`, `_docsize`, `_config`) exist on
 * SQLite only, so the schema check leaves those out too.
 */
export function isSearchTable(table: string): boolean {
  return table.startsWith('search_');
}

export function isSqliteSearchIndexTable(table: string): boolean {
  return table.startsWith('search_fts');
}

/**
 * PostgreSQL's English text vector of a search entry, titles weighing more than bodies. The GIN
 * index (migration 25) is built on exactly this expression, so a query using it uses the index.
 */
export function searchVector(table?: string): RawBuilder<unknown> {
  const col = (c: string) => (table ? sql.ref(`${table}.${c}`) : sql.ref(c));
  return sql`setweight(to_tsvector('english', ${col('title')}), 'A') || setweight(to_tsvector('english', ${col('body')}), 'B')`;
}

/** A search as each database asks it: FTS5's MATCH text and PostgreSQL's websearch text. */
export interface FullTextQuery {
  fts5: string;
  websearch: string;
}

/**
 * The full-text parts of a search over `search_entries` as `e`: what to select from, the match
 * condition, a rank where higher is better (FTS5's bm25 with titles weighing 4, PostgreSQL's
 * ts_rank on the weighted vector), the snippet of the body and the whole title, with the matching
 * words between HIT_START and HIT_END.
 */
export function fullText(
  db: AnyDb,
  q: FullTextQuery,
): {
  from: RawBuilder<unknown>;
  match: RawBuilder<boolean>;
  rank: RawBuilder<number>;
  snippet: RawBuilder<string>;
  title: RawBuilder<string>;
} {
  if (dialectOf(db) === 'postgres') {
    const query = sql`websearch_to_tsquery('english', ${q.websearch})`;
    const options = `StartSel="${HIT_START}", StopSel="${HIT_END}", MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
    return {
      from: sql`search_entries e`,
      match: sql<boolean>`(${searchVector('e')}) @@ ${query}`,
      rank: sql<number>`ts_rank(${searchVector('e')}, ${query})`,
      snippet: sql<string>`ts_headline('english', e.body, ${query}, ${options})`,
      title: sql<string>`ts_headline('english', e.title, ${query}, ${`StartSel="${HIT_START}", StopSel="${HIT_END}", HighlightAll=true`})`,
    };
  }
  return {
    from: sql`search_fts join search_entries e on e.id = search_fts.rowid`,
    match: sql<boolean>`search_fts match ${q.fts5}`,
    rank: sql<number>`-bm25(search_fts, 4.0, 1.0)`,
    snippet: sql<string>`snippet(search_fts, 1, ${HIT_START}, ${HIT_END}, '…', 24)`,
    title: sql<string>`highlight(search_fts, 0, ${HIT_START}, ${HIT_END})`,
  };
}
