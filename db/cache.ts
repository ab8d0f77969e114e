/**
 * Results kept in memory until what they were computed from can have changed.
 *
 * Every write leaves an audit row in the same transaction (see queries/audit.ts), carrying its
 * portfolio, or none for workspace-wide changes such as settings. So the newest audit row of a
 * portfolio together with the newest workspace-wide one form a stamp that moves whenever any
 * figure of that portfolio can have moved. The stamp is read from the database (two index
 * lookups in one statement), so a cache stays correct across several app servers; a value
 * computed at an older stamp is never served.
 */
import { BoundedMap } from '~/lib/bounded-map';
import type { DB } from './client';

/** The newest audit row, of one portfolio (`null`: workspace-wide rows), or of all. */
function newestAuditQuery(db: DB, portfolioId?: number | null) {
  const query = db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id'));
  if (portfolioId === undefined) return query;
  return portfolioId === null
    ? query.where('portfolio_id', 'is', null)
    : query.where('portfolio_id', '=', portfolioId);
}

async function newestAuditId(db: DB, portfolioId?: number | null): Promise<number> {
  return Number((await newestAuditQuery(db, portfolioId).executeTakeFirst())?.id ?? 0);
}

export async function changeStamp(db: DB, portfolioId: number): Promise<string> {
  // Both lookups in one statement: a page reads stamps for every portfolio it shows.
  const row = await db
    .selectNoFrom([
      newestAuditQuery(db, portfolioId).as('portfolio'),
      newestAuditQuery(db, null).as('workspace'),
    ])
    .executeTakeFirst();
  return `${Number(row?.portfolio ?? 0)}:${Number(row?.workspace ?? 0)}`;
}

type Cache = BoundedMap<string, { stamp: string; value: unknown }>;

/**
 * Figures are small and many; a page's worth of one record (a journey map's table, say) is
 * larger, so fewer are kept: at most a few megabytes of a server's 192 MB heap.
 */
const LIMITS = { figures: 500, searches: 200, pages: 100 } as const;
type Space = keyof typeof LIMITS;

/**
 * One cache per connection or transaction: a transaction never sees values from outside it.
 * Searches and pages keep theirs apart, so many of them never push out the portfolio figures.
 */
const caches = new WeakMap<object, Record<Space, Cache>>();

/** The value kept for `id` under `stamp`, or `compute`'s, kept under it from now on. */
async function remember<T>(
  db: DB,
  id: string,
  stamp: string,
  compute: () => Promise<T>,
  space: Space = 'figures',
): Promise<T> {
  let spaces = caches.get(db);
  if (!spaces)
    caches.set(
      db,
      (spaces = {
        figures: new BoundedMap(LIMITS.figures),
        searches: new BoundedMap(LIMITS.searches),
        pages: new BoundedMap(LIMITS.pages),
      }),
    );
  const cache = spaces[space];
  const hit = cache.get(id);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = await compute();
  cache.set(id, { stamp, value });
  return value;
}

/**
 * The value of `compute` for `key`, reused while the portfolio's stamp (plus `extra`, such as
 * the day) is unchanged. The stamp is read before computing, so a write that lands meanwhile
 * only makes the next request compute again.
 */
export async function cachedForPortfolio<T>(
  db: DB,
  portfolioId: number,
  key: string,
  compute: () => Promise<T>,
  extra = '',
): Promise<T> {
  const stamp = `${await changeStamp(db, portfolioId)}:${extra}`;
  return remember(db, `${key}:${portfolioId}`, stamp, compute);
}

/**
 * The same for what a page shows of one record, the same for every reader (a journey map's
 * table and diagram, a comparison of two assessments): kept apart from the figures, fewer of
 * them, so reading many records never pushes the portfolio figures out.
 */
export async function cachedPageForPortfolio<T>(
  db: DB,
  portfolioId: number,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const stamp = await changeStamp(db, portfolioId);
  return remember(db, `${key}:${portfolioId}`, stamp, compute, 'pages');
}

/**
 * The same for a figure of the whole program, under the newest audit row of all: any change
 * anywhere recomputes it.
 */
export async function cachedForProgram<T>(
  db: DB,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  return remember(db, key, `program:${await newestAuditId(db)}`, compute);
}

/**
 * What a page shows that draws on the whole program (a page of a draft PMC update), kept with
 * the record pages: recomputed after any change anywhere.
 */
export async function cachedPageForProgram<T>(
  db: DB,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  return remember(db, key, `program:${await newestAuditId(db)}`, compute, 'pages');
}

/**
 * A search's results, reused until anything changes: the search index changes only with an
 * audited change (db/search-index.ts), so the newest audit row is its stamp.
 */
export async function cachedSearch<T>(db: DB, key: string, compute: () => Promise<T>): Promise<T> {
  return remember(db, key, `program:${await newestAuditId(db)}`, compute, 'searches');
}
