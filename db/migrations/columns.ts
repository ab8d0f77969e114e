import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * The `id` column every table starts with: SQLite's `integer primary key autoincrement` (ids
 * never reused), PostgreSQL's identity column. Existing SQLite databases see the same DDL as
 * before this helper existed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function idColumn(db: Kysely<any>) {
  return (c: ColumnDefinitionBuilder) =>
    dialectOf(db) === 'postgres'
      ? c.primaryKey().generatedByDefaultAsIdentity()
      : c.primaryKey().autoIncrement();
}
