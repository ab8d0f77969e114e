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

const CATEGORIES = ['learning', 'compliance', 'psychological'] as const;

/**
 * The `i`-th synthetic burden item of an assessment: categories in turn, populations and minutes
 * spread out, a to-be version's minutes scaled by `factor`.
 */
export function burdenItem(
  assessmentId: number,
  key: string,
  i: number,
  factor: number,
  stepId: number | null,
): Insertable<Database['burden_items']> {
  const category = CATEGORIES[i % 3]!;
  const psych = category === 'psychological';
  return {
    assessment_id: assessmentId,
    item_key: key,
    step_id: stepId,
    category,
    description: `Benchmark ${category} item ${i + 1}`,
    people_per_year: 1000 + i * 37,
    occurrences_hundredths: 100 + (i % 4) * 50,
    seconds_per_occurrence: psych ? 0 : Math.round(60 * (5 + (i % 50)) * factor),
    out_of_pocket_cents: (i % 7) * 250,
    stress: psych ? 3 : null,
    stigma: null,
    frustration: psych ? 4 : null,
    autonomy: null,
    time_equivalent_seconds: psych ? 600 : null,
    position: i,
  };
}

/**
 * An as-is burden assessment and its to-be copy (the copy names the as-is as its baseline),
 * made from the same `base` columns; returns their ids.
 */
export async function insertAssessmentPair(
  db: Kysely<Database>,
  base: Omit<Insertable<Database['burden_assessments']>, 'title' | 'baseline_id'>,
  name: string,
): Promise<[number, number]> {
  const [asIs] = await insertMany(db, 'burden_assessments', [
    { ...base, title: `${name} (as-is)`, baseline_id: null },
  ]);
  const [toBe] = await insertMany(db, 'burden_assessments', [
    { ...base, title: `${name} (to-be)`, baseline_id: asIs! },
  ]);
  return [asIs!, toBe!];
}
