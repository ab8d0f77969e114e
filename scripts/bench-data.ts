/**
 * Helpers the benchmark's data generators share (scripts/bench-generate.ts for the pages,
 * scripts/bench-features.ts for the figures the feature issues name).
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type Table = keyof Database;

/** Inserts rows in chunks that stay under SQLite's and PostgreSQL's limits on bound parameters. */
export async function insertMany<T extends Table>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!).length;
  const chunk = Math.max(1, Math.floor(30_000 / columns));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    // Kysely's generic insert types do not narrow over a table union; the rows are typed above.
    const q = db.insertInto(table).values(part as never);
    if (!NO_ID.has(table)) {
      const out = (await q.returning(sql<number>`id`.as('id')).execute()) as { id: number }[];
      for (const r of out) ids.push(r.id);
    } else {
      await q.execute();
    }
  }
  return ids;
}
const NO_ID = new Set<Table>([
  'portfolio_agencies',
  'project_agencies',
  'portfolio_memberships',
  'research_activity_clearances',
  'journey_step_projects',
  'phase_request_agencies',
  'workspace_settings',
  'accounts',
  'sessions',
]);

export async function count(db: Kysely<Database>, table: Table): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A date `daysAgo` before `now`, as YYYY-MM-DD. */
export function day(now: Date, daysAgo: number): string {
  return new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}
