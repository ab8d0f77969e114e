import { sql } from 'kysely';
import {
  add,
  assess,
  burdenByStage,
  burdenFromSums,
  savings,
  ZERO,
  type Burden,
  type BurdenItemInput,
  type SegmentInput,
} from '~/domain/burden/calc';
import { cachedForPortfolio, cachedForProgram } from '../cache';
import { hoursNumber } from '~/domain/burden/display';
import type { DB } from '../client';
import { exactProduct, sumAsText, sumIsExact } from '../dialect';
import type { Trx } from '../versioning';

export interface DefaultWage {
  cents: number;
  source: string;
  year: number;
  version: number;
}

/** The workspace's default hourly wage when no one has set one. */
export const FALLBACK_WAGE = {
  cents: 3148,
  source:
    'BLS Occupational Employment and Wage Statistics, May 2023: mean hourly wage, all occupations',
  year: 2023,
};

export async function getDefaultWage(db: DB): Promise<DefaultWage> {
  const row = await db
    .selectFrom('workspace_settings')
    .selectAll()
    .where('key', '=', 'default_wage')
    .executeTakeFirst();
  if (!row) return { ...FALLBACK_WAGE, version: 0 };
  return { ...(JSON.parse(row.value) as Omit<DefaultWage, 'version'>), version: row.version };
}

/** Assessments of a portfolio, newest first; archived ones only when asked for. */
export async function listAssessments(
  db: DB,
  portfolioId: number,
  options: { includeArchived?: boolean } = {},
) {
  let query = db
    .selectFrom('burden_assessments as a')
    .leftJoin('journey_maps as m', 'm.id', 'a.journey_map_id')
    .select([
      'a.id',
      'a.title',
      'a.service_name',
      'a.baseline_id',
      'a.journey_map_id',
      'a.updated_at',
      'a.archived_at',
      'm.title as map_title',
      'm.version_label',
    ])
    .where('a.portfolio_id', '=', portfolioId);
  if (!options.includeArchived) query = query.where('a.archived_at', 'is', null);
  return query.orderBy('a.id', 'desc').execute();
}

type ItemRow = Awaited<ReturnType<typeof loadItems>>[number];

export async function loadItems(db: DB, assessmentIds: number[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom('burden_items')
    .selectAll()
    .where('assessment_id', 'in', assessmentIds)
    .orderBy('assessment_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function toItemInput(r: ItemRow): BurdenItemInput {
  return {
    id: r.id,
    category: r.category,
    stepId: r.step_id,
    peoplePerYear: r.people_per_year,
    occurrencesHundredths: r.occurrences_hundredths,
    secondsPerOccurrence: r.seconds_per_occurrence,
    outOfPocketCents: r.out_of_pocket_cents,
    timeEquivalentSeconds: r.time_equivalent_seconds,
    ratings: {
      stress: r.stress,
      stigma: r.stigma,
      frustration: r.frustration,
      autonomy: r.autonomy,
    },
  };
}

export async function loadSegments(db: DB, assessmentIds: number[]) {
  if (assessmentIds.length === 0) return [];
  const [segments, overrides] = await Promise.all([
    db
      .selectFrom('burden_segments')
      .selectAll()
      .where('assessment_id', 'in', assessmentIds)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('burden_segment_overrides as o')
      .innerJoin('burden_segments as s', 's.id', 'o.segment_id')
      .selectAll('o')
      .where('s.assessment_id', 'in', assessmentIds)
      .execute(),
  ]);
  return segments.map((s) => ({
    ...s,
    overrides: new Map(
      overrides
        .filter((o) => o.segment_id === s.id)
        .map((o) => [
          o.item_id,
          {
            secondsPerOccurrence: o.seconds_per_occurrence,
            outOfPocketCents: o.out_of_pocket_cents,
          },
        ]),
    ),
  }));
}

const toSegmentInput = (s: Awaited<ReturnType<typeof loadSegments>>[number]): SegmentInput => ({
  id: s.id,
  key: s.segment_key,
  name: s.name,
  shareBp: s.share_bp,
  wageCents: s.wage_cents,
  timePercent: s.time_percent,
  overrides: s.overrides,
});

export type AssessmentDetail = NonNullable<Awaited<ReturnType<typeof getAssessment>>>;

/** Which portfolio each of these assessments belongs to (missing ids are left out). */
export async function assessmentPortfolios(db: DB, ids: number[]): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('burden_assessments')
    .select(['id', 'portfolio_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.portfolio_id]));
}

/** An assessment with its items, segments, journey steps and computed results. */
export async function getAssessment(db: DB, id: number) {
  const assessment = await db
    .selectFrom('burden_assessments as a')
    .innerJoin('portfolios as p', 'p.id', 'a.portfolio_id')
    .leftJoin('journey_maps as m', 'm.id', 'a.journey_map_id')
    .selectAll('a')
    .select([
      'p.slug as portfolio_slug',
      'p.name as portfolio_name',
      'm.title as map_title',
      'm.version_label',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!assessment) return undefined;
  const [items, segments, defaultWage, steps] = await Promise.all([
    loadItems(db, [id]),
    loadSegments(db, [id]),
    getDefaultWage(db),
    assessment.journey_map_id === null
      ? Promise.resolve([])
      : db
          .selectFrom('journey_steps as s')
          .innerJoin('journey_stages as st', 'st.id', 's.stage_id')
          .select([
            's.id',
            's.title',
            's.step_key',
            'st.name as stage',
            'st.position as stage_position',
            's.position',
          ])
          .where('s.map_id', '=', assessment.journey_map_id)
          .orderBy('st.position')
          .orderBy('s.position')
          .execute(),
  ]);
  const wage = {
    wageCents: assessment.wage_cents ?? defaultWage.cents,
    multiplierMilli: assessment.multiplier_milli,
  };
  const inputs = { items: items.map(toItemInput), segments: segments.map(toSegmentInput) };
  const result = assess(inputs.items, wage, inputs.segments);
  const byStage = burdenByStage(inputs.items, result, new Map(steps.map((s) => [s.id, s.stage])));
  return { assessment, items, segments, steps, wage, defaultWage, inputs, result, byStage };
}

/** The row an edit of an assessment loads, locks and checks the version of. */
export const loadAssessmentRoot = (trx: Trx, id: number) =>
  trx
    .selectFrom('burden_assessments')
    .selectAll()
    .select((eb) => eb.val(null).$castTo<number | null>().as('project_id'))
    .where('id', '=', id)
    .executeTakeFirst();
export type AssessmentRoot = NonNullable<Awaited<ReturnType<typeof loadAssessmentRoot>>>;

/**
 * Hours a year of burden reduced across every portfolio (kept until anything changes): the
 * portfolios' exact savings added up, rounded once for display.
 */
export async function programReducedHours(db: DB): Promise<number> {
  return cachedForProgram(db, 'program-reduced-hours', async () => {
    const portfolios = await db.selectFrom('portfolios').select('id').execute();
    const rollups = await Promise.all(portfolios.map((p) => portfolioRollup(db, p.id)));
    return hoursNumber(rollups.reduce((sum, r) => add(sum, r.reduced), ZERO).time);
  });
}

/**
 * A portfolio's burden: the total of its baseline assessments (those not copied from another),
 * and the burden reduced so far (each to-be against its baseline).
 *
 * Assessments without segments are summed in SQL (exact integer sums, read as text so no digit
 * is lost); any sum SQLite could not keep as an integer, and any assessment with segments, is
 * computed item by item in exact BigInt arithmetic instead.
 */
export async function portfolioRollup(db: DB, portfolioId: number) {
  return cachedForPortfolio(db, portfolioId, 'burden-rollup', () =>
    computePortfolioRollup(db, portfolioId),
  );
}

async function computePortfolioRollup(db: DB, portfolioId: number) {
  const perOccurrence = sql`(case when i.category = 'psychological' then coalesce(i.time_equivalent_seconds, 0) else i.seconds_per_occurrence end)`;
  const timeProduct = exactProduct(
    db,
    sql.ref('i.people_per_year'),
    sql.ref('i.occurrences_hundredths'),
    perOccurrence,
  );
  const oopProduct = exactProduct(
    db,
    sql.ref('i.people_per_year'),
    sql.ref('i.occurrences_hundredths'),
    sql.ref('i.out_of_pocket_cents'),
  );
  const [assessments, defaultWage, sums] = await Promise.all([
    db
      .selectFrom('burden_assessments as a')
      .select([
        'a.id',
        'a.title',
        'a.baseline_id',
        'a.wage_cents',
        'a.multiplier_milli',
        (eb) =>
          eb
            .exists(
              eb
                .selectFrom('burden_segments as s')
                .select('s.id')
                .whereRef('s.assessment_id', '=', 'a.id'),
            )
            .as('has_segments'),
      ])
      .where('a.portfolio_id', '=', portfolioId)
      // Archived assessments are out of the portfolio's current figures (docs/decisions/023).
      .where('a.archived_at', 'is', null)
      .execute(),
    getDefaultWage(db),
    db
      .selectFrom('burden_items as i')
      .innerJoin('burden_assessments as a', 'a.id', 'i.assessment_id')
      .select([
        'i.assessment_id',
        sumAsText(timeProduct).as('time_sum'),
        sumIsExact(db, timeProduct).as('time_exact'),
        sumAsText(oopProduct).as('oop_sum'),
        sumIsExact(db, oopProduct).as('oop_exact'),
        sql<number>`count(*)`.as('n'),
      ])
      .where('a.portfolio_id', '=', portfolioId)
      .groupBy('i.assessment_id')
      .execute()
      .catch(() => [] as never[]), // an integer overflow in SUM: fall back to exact per-item arithmetic
  ]);
  const sumBy = new Map(sums.map((s) => [s.assessment_id, s]));
  const totals = new Map<number, Burden>();
  const slow: typeof assessments = [];
  let itemCount = 0;
  for (const a of assessments) {
    const wage = {
      wageCents: a.wage_cents ?? defaultWage.cents,
      multiplierMilli: a.multiplier_milli,
    };
    const s = sumBy.get(a.id);
    if (
      !a.has_segments &&
      (s === undefined || (Number(s.time_exact) === 1 && Number(s.oop_exact) === 1))
    ) {
      totals.set(a.id, s ? burdenFromSums(BigInt(s.time_sum), BigInt(s.oop_sum), wage) : ZERO);
      itemCount += Number(s?.n ?? 0);
    } else {
      slow.push(a);
    }
  }
  if (slow.length > 0) {
    const ids = slow.map((a) => a.id);
    const [items, segments] = await Promise.all([loadItems(db, ids), loadSegments(db, ids)]);
    itemCount += items.length;
    for (const a of slow) {
      const wage = {
        wageCents: a.wage_cents ?? defaultWage.cents,
        multiplierMilli: a.multiplier_milli,
      };
      const own = items.filter((i) => i.assessment_id === a.id).map(toItemInput);
      const segs = segments.filter((s) => s.assessment_id === a.id).map(toSegmentInput);
      totals.set(a.id, assess(own, wage, segs).total);
    }
  }
  let baseline = ZERO;
  let reduced = ZERO;
  // Each assessment measured against a baseline, with what it saves (the PMC update's changes).
  const reductions: {
    id: number;
    title: string;
    baselineId: number;
    baselineTitle: string;
    reduced: Burden;
  }[] = [];
  const titles = new Map(assessments.map((a) => [a.id, a.title]));
  for (const a of assessments) {
    const t = totals.get(a.id)!;
    if (a.baseline_id === null) baseline = add(baseline, t);
    else if (totals.has(a.baseline_id)) {
      const saved = savings(totals.get(a.baseline_id)!, t);
      reduced = add(reduced, saved);
      reductions.push({
        id: a.id,
        title: a.title,
        baselineId: a.baseline_id,
        baselineTitle: titles.get(a.baseline_id) ?? '',
        reduced: saved,
      });
    }
  }
  return { assessments: assessments.length, items: itemCount, baseline, reduced, reductions };
}

/** Burden per journey step from the newest assessment of a map not archived, or null. */
export async function burdenForMap(db: DB, mapId: number) {
  const latest = await db
    .selectFrom('burden_assessments')
    .select('id')
    .where('journey_map_id', '=', mapId)
    .where('archived_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!latest) return null;
  const detail = await getAssessment(db, latest.id);
  if (!detail) return null;
  return { assessmentId: latest.id, title: detail.assessment.title, byStep: detail.result.byStep };
}
