/**
 * Results kept in memory until what they were computed from can have changed.
 *
 * Every write leaves an audit row in the same transaction (see queries/audit.ts), carrying its
 * portfolio, or none for workspace-wide changes such as settings. So the newest audit row of a
 * portfolio together with the newest workspace-wide one form a stamp that moves whenever any
 * figure of that portfolio can have moved. The stamp is read from the database (two index
 * lookups), so a cache stays correct across several app servers; a value computed at an older
 * stamp is never served.
 */
import type { DB } from './client';

export async function changeStamp(db: DB, portfolioId: number): Promise<string> {
  const [portfolio, workspace] = await Promise.all([
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('portfolio_id', '=', portfolioId)
      .executeTakeFirst(),
    db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('portfolio_id', 'is', null)
      .executeTakeFirst(),
  ]);
  return `${portfolio?.id ?? 0}:${workspace?.id ?? 0}`;
}

const ENTRIES = 500;
/** One cache per connection or transaction: a transaction never sees values from outside it. */
const caches = new WeakMap<object, Map<string, { stamp: string; value: unknown }>>();

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
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const id = `${key}:${portfolioId}`;
  const hit = cache.get(id);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = await compute();
  cache.delete(id);
  if (cache.size >= ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(id, { stamp, value });
  return value;
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
  const newest = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const stamp = `program:${newest?.id ?? 0}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit?.stamp === stamp) return hit.value as T;
  const value = await compute();
  cache.delete(key);
  if (cache.size >= ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { stamp, value });
  return value;
}
