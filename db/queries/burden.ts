import type { AuditAction } from '~/domain/audit';
import { sql } from 'kysely';
import crypto from 'node:crypto';
import {
  add,
  assess,
  burdenByStage,
  burdenFromSums,
  exceedsYear,
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
import { RefusedError } from '../errors';
import { assertFresh, editVersioned, type ChangeRecord, type Trx } from '../versioning';
import { recordAudit } from './audit';

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

export async function setDefaultWage(
  db: DB,
  input: { cents: number; source: string; year: number; version: number; actorId: number },
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const current = await getDefaultWage(trx);
    assertFresh({ ...current, version: current.version || 1 }, input.version || 1, [
      'cents',
      'source',
      'year',
    ]);
    const value = JSON.stringify({ cents: input.cents, source: input.source, year: input.year });
    if (current.version === 0) {
      await trx
        .insertInto('workspace_settings')
        .values({ key: 'default_wage', value, updated_at: at })
        .execute();
    } else {
      await trx
        .updateTable('workspace_settings')
        .set({ value, version: current.version + 1, updated_at: at })
        .where('key', '=', 'default_wage')
        .where('version', '=', current.version)
        .execute();
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'update',
      entityType: 'setting',
      entityId: 'default_wage',
      portfolioId: null,
      before: { cents: current.cents, source: current.source, year: current.year },
      after: { cents: input.cents, source: input.source, year: input.year },
      at,
    });
  });
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

async function loadItems(db: DB, assessmentIds: number[]) {
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

async function loadSegments(db: DB, assessmentIds: number[]) {
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

/** Creates an assessment for a journey map (of the portfolio) or a named service. */
export async function createAssessment(
  db: DB,
  input: {
    portfolioId: number;
    actorId: number;
    title: string;
    journeyMapId: number | null;
    serviceName: string;
    wageCents: number | null;
    wageSource: string;
    multiplierMilli: number;
  },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    if (input.journeyMapId !== null) {
      const map = await trx
        .selectFrom('journey_maps')
        .select('id')
        .where('id', '=', input.journeyMapId)
        .where('portfolio_id', '=', input.portfolioId)
        .where('archived_at', 'is', null)
        .executeTakeFirst();
      if (!map)
        throw new RefusedError(
          'invalid',
          'Choose a journey map of this portfolio.',
          'journeyMapId',
        );
    }
    const row = await trx
      .insertInto('burden_assessments')
      .values({
        portfolio_id: input.portfolioId,
        journey_map_id: input.journeyMapId,
        service_name: input.serviceName,
        title: input.title,
        wage_cents: input.wageCents,
        wage_source: input.wageSource,
        multiplier_milli: input.multiplierMilli,
        baseline_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'burden_assessment',
      entityId: row.id,
      portfolioId: input.portfolioId,
      before: null,
      after: {
        title: input.title,
        journey_map_id: input.journeyMapId,
        service_name: input.serviceName,
      },
      at,
    });
    return row.id;
  });
}

/** One edit of an assessment: version check, change, version bump and audit, in one transaction. */
export async function editAssessment(
  db: DB,
  input: { id: number; version: number; actorId: number; action: AuditAction },
  change: (
    trx: Trx,
    a: { id: number; portfolio_id: number; journey_map_id: number | null },
  ) => Promise<ChangeRecord>,
): Promise<void> {
  await editVersioned<AssessmentRoot>(
    db,
    {
      ...input,
      table: 'burden_assessments',
      entityType: 'burden_assessment',
      notFoundMessage: 'We could not find that assessment.',
    },
    loadAssessmentRoot,
    change,
  );
}

const loadAssessmentRoot = (trx: Trx, id: number) =>
  trx
    .selectFrom('burden_assessments')
    .selectAll()
    .select((eb) => eb.val(null).$castTo<number | null>().as('project_id'))
    .where('id', '=', id)
    .executeTakeFirst();
type AssessmentRoot = NonNullable<Awaited<ReturnType<typeof loadAssessmentRoot>>>;

async function checkStep(trx: Trx, mapId: number | null, stepId: number | null) {
  if (stepId === null) return;
  const ok =
    mapId !== null &&
    (await trx
      .selectFrom('journey_steps')
      .select('id')
      .where('id', '=', stepId)
      .where('map_id', '=', mapId)
      .executeTakeFirst());
  if (!ok)
    throw new RefusedError('invalid', 'Choose a step of this assessment’s journey map.', 'stepId');
}

async function itemOf(trx: Trx, assessmentId: number, itemId: number) {
  const item = await trx
    .selectFrom('burden_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  if (!item) throw new RefusedError('not_found', 'That item is not part of this assessment.');
  return item;
}

type ItemColumns = {
  category: 'learning' | 'compliance' | 'psychological';
  description: string;
  step_id: number | null;
  people_per_year: number;
  occurrences_hundredths: number;
  seconds_per_occurrence: number;
  out_of_pocket_cents: number;
  stress: number | null;
  stigma: number | null;
  frustration: number | null;
  autonomy: number | null;
  time_equivalent_seconds: number | null;
};

/**
 * Refuses a segment (new, or `segmentId` edited) whose share would push the segments past 100%
 * of the people affected (they do not overlap), or whose percentage of an item's time would come
 * to more than a year per person, as an item's own minutes may not (items where the segment has
 * its own minutes do not follow the percentage, so they are not checked).
 */
async function checkSegmentFits(
  trx: Trx,
  assessmentId: number,
  v: { shareBp: number; timePercent: number; segmentId?: number },
) {
  let others = trx
    .selectFrom('burden_segments')
    .select((eb) => eb.fn.sum<number>('share_bp').as('total'))
    .where('assessment_id', '=', assessmentId);
  if (v.segmentId !== undefined) others = others.where('id', '!=', v.segmentId);
  const current = await others.executeTakeFirst();
  if (Number(current?.total ?? 0) + v.shareBp > 10_000) {
    throw new RefusedError(
      'invalid',
      'Segments do not overlap, so their shares cannot add up to more than 100%.',
      'sharePercent',
    );
  }
  let items = trx
    .selectFrom('burden_items as i')
    .select(['i.description', 'i.occurrences_hundredths', 'i.seconds_per_occurrence'])
    .where('i.assessment_id', '=', assessmentId)
    .where('i.category', '!=', 'psychological');
  if (v.segmentId !== undefined) {
    const segmentId = v.segmentId;
    items = items.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('burden_segment_overrides as o')
            .select('o.item_id')
            .whereRef('o.item_id', '=', 'i.id')
            .where('o.segment_id', '=', segmentId)
            .where('o.seconds_per_occurrence', 'is not', null),
        ),
      ),
    );
  }
  const over = (await items.execute()).find((i) =>
    exceedsYear(i.occurrences_hundredths, i.seconds_per_occurrence, v.timePercent),
  );
  if (over) {
    throw new RefusedError(
      'invalid',
      `At ${v.timePercent}% of the time, “${over.description}” comes to more minutes per person than a year has (525,600). Lower the percentage.`,
      'timePercent',
    );
  }
}

/** One segment of an assessment, or a refusal when it belongs to none or to another. */
async function segmentOf(trx: Trx, assessmentId: number, segmentId: number) {
  const seg = await trx
    .selectFrom('burden_segments')
    .selectAll()
    .where('id', '=', segmentId)
    .where('assessment_id', '=', assessmentId)
    .executeTakeFirst();
  if (!seg) throw new RefusedError('not_found', 'That segment is not part of this assessment.');
  return seg;
}

export const assessmentEdits = {
  details: async (
    trx: Trx,
    a: { id: number },
    v: { title: string; wageCents: number | null; wageSource: string; multiplierMilli: number },
  ) => {
    const current = await trx
      .selectFrom('burden_assessments')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const next = {
      title: v.title,
      wage_cents: v.wageCents,
      wage_source: v.wageSource,
      multiplier_milli: v.multiplierMilli,
    };
    await trx.updateTable('burden_assessments').set(next).where('id', '=', a.id).execute();
    const { title, wage_cents, wage_source, multiplier_milli } = current;
    return { before: { title, wage_cents, wage_source, multiplier_milli }, after: next };
  },

  addItem: async (
    trx: Trx,
    a: { id: number; journey_map_id: number | null },
    columns: ItemColumns,
  ) => {
    await checkStep(trx, a.journey_map_id, columns.step_id);
    const last = await trx
      .selectFrom('burden_items')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('assessment_id', '=', a.id)
      .executeTakeFirst();
    await trx
      .insertInto('burden_items')
      .values({
        assessment_id: a.id,
        item_key: crypto.randomUUID(),
        position: Number(last?.p ?? -1) + 1,
        ...columns,
      })
      .execute();
    return { before: null, after: columns };
  },

  updateItem: async (
    trx: Trx,
    a: { id: number; journey_map_id: number | null },
    itemId: number,
    columns: ItemColumns,
  ) => {
    const item = await itemOf(trx, a.id, itemId);
    await checkStep(trx, a.journey_map_id, columns.step_id);
    await trx.updateTable('burden_items').set(columns).where('id', '=', item.id).execute();
    const { id: _id, assessment_id: _a, item_key: _k, position: _p, ...before } = item;
    return { before, after: columns };
  },

  deleteItem: async (trx: Trx, a: { id: number }, itemId: number) => {
    const item = await itemOf(trx, a.id, itemId);
    await trx.deleteFrom('burden_items').where('id', '=', item.id).execute();
    // Every figure of the item, so the audit log keeps what was removed (issue 16).
    const { id: _id, assessment_id: _a, item_key: _k, position: _p, ...before } = item;
    return { before, after: null };
  },

  addSegment: async (
    trx: Trx,
    a: { id: number },
    v: { name: string; shareBp: number; wageCents: number | null; timePercent?: number },
  ) => {
    const timePercent = v.timePercent ?? 100;
    await checkSegmentFits(trx, a.id, { shareBp: v.shareBp, timePercent });
    await trx
      .insertInto('burden_segments')
      .values({
        assessment_id: a.id,
        segment_key: crypto.randomUUID(),
        name: v.name,
        share_bp: v.shareBp,
        wage_cents: v.wageCents,
        time_percent: timePercent,
      })
      .execute();
    return {
      before: null,
      after: {
        segment: v.name,
        share_bp: v.shareBp,
        wage_cents: v.wageCents,
        time_percent: timePercent,
      },
    };
  },

  deleteSegment: async (trx: Trx, a: { id: number }, segmentId: number) => {
    const seg = await segmentOf(trx, a.id, segmentId);
    await trx.deleteFrom('burden_segments').where('id', '=', seg.id).execute();
    return { before: { segment: seg.name, share_bp: seg.share_bp }, after: null };
  },

  updateSegment: async (
    trx: Trx,
    a: { id: number },
    segmentId: number,
    v: { name: string; shareBp: number; wageCents: number | null; timePercent: number },
  ) => {
    const seg = await segmentOf(trx, a.id, segmentId);
    await checkSegmentFits(trx, a.id, { ...v, segmentId: seg.id });
    const next = {
      name: v.name,
      share_bp: v.shareBp,
      wage_cents: v.wageCents,
      time_percent: v.timePercent,
    };
    await trx.updateTable('burden_segments').set(next).where('id', '=', seg.id).execute();
    // `segment` names it in every history (the audit keeps changed fields only, so it is
    // recorded as new); `name` appears only when it was renamed.
    return {
      before: {
        name: seg.name,
        share_bp: seg.share_bp,
        wage_cents: seg.wage_cents,
        time_percent: seg.time_percent,
      },
      after: { segment: v.name, ...next },
    };
  },

  setOverride: async (
    trx: Trx,
    a: { id: number },
    itemId: number,
    segmentId: number,
    v: { seconds: number | null; oopCents: number | null },
  ) => {
    await itemOf(trx, a.id, itemId);
    const seg = await trx
      .selectFrom('burden_segments')
      .select(['id', 'name'])
      .where('id', '=', segmentId)
      .where('assessment_id', '=', a.id)
      .executeTakeFirst();
    if (!seg)
      throw new RefusedError('invalid', 'Choose a segment of this assessment.', 'segmentId');
    await trx
      .deleteFrom('burden_segment_overrides')
      .where('segment_id', '=', seg.id)
      .where('item_id', '=', itemId)
      .execute();
    if (v.seconds !== null || v.oopCents !== null) {
      await trx
        .insertInto('burden_segment_overrides')
        .values({
          segment_id: seg.id,
          item_id: itemId,
          seconds_per_occurrence: v.seconds,
          out_of_pocket_cents: v.oopCents,
        })
        .execute();
    }
    return {
      before: null,
      after: {
        segment: seg.name,
        item_id: itemId,
        seconds_per_occurrence: v.seconds,
        out_of_pocket_cents: v.oopCents,
      },
    };
  },
};

/**
 * Copies an assessment as the "to-be" of it: same items, segments and overrides. If its journey
 * map has a to-be version, the copy attaches to that version, with items moved to the matching
 * steps (by step key).
 */
export async function copyAssessmentToBe(
  db: DB,
  input: { id: number; actorId: number; title: string },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const source = await trx
      .selectFrom('burden_assessments')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!source) throw new RefusedError('not_found', 'We could not find that assessment.');
    let mapId = source.journey_map_id;
    let stepMap = new Map<number, number>();
    if (mapId !== null) {
      const toBe = await trx
        .selectFrom('journey_maps')
        .select('id')
        .where('copied_from_id', '=', mapId)
        .where('version_label', '=', 'to_be')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (toBe) {
        const [from, to] = await Promise.all([
          trx
            .selectFrom('journey_steps')
            .select(['id', 'step_key'])
            .where('map_id', '=', mapId)
            .execute(),
          trx
            .selectFrom('journey_steps')
            .select(['id', 'step_key'])
            .where('map_id', '=', toBe.id)
            .execute(),
        ]);
        const byKey = new Map(to.map((s) => [s.step_key, s.id]));
        stepMap = new Map(
          from.flatMap((s) =>
            byKey.has(s.step_key) ? [[s.id, byKey.get(s.step_key)!] as const] : [],
          ),
        );
        mapId = toBe.id;
      } else {
        stepMap = new Map(
          (
            await trx.selectFrom('journey_steps').select('id').where('map_id', '=', mapId).execute()
          ).map((s) => [s.id, s.id]),
        );
      }
    }
    const copy = await trx
      .insertInto('burden_assessments')
      .values({
        portfolio_id: source.portfolio_id,
        journey_map_id: mapId,
        service_name: source.service_name,
        title: input.title,
        wage_cents: source.wage_cents,
        wage_source: source.wage_source,
        multiplier_milli: source.multiplier_milli,
        baseline_id: source.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await loadItems(trx, [source.id]);
    const itemIds = new Map<number, number>();
    for (const item of items) {
      const { id, assessment_id: _a, ...rest } = item;
      const row = await trx
        .insertInto('burden_items')
        .values({
          ...rest,
          assessment_id: copy.id,
          step_id: item.step_id === null ? null : (stepMap.get(item.step_id) ?? null),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      itemIds.set(id, row.id);
    }
    for (const seg of await loadSegments(trx, [source.id])) {
      const s = await trx
        .insertInto('burden_segments')
        .values({
          assessment_id: copy.id,
          segment_key: seg.segment_key,
          name: seg.name,
          share_bp: seg.share_bp,
          wage_cents: seg.wage_cents,
          time_percent: seg.time_percent,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [itemId, o] of seg.overrides) {
        await trx
          .insertInto('burden_segment_overrides')
          .values({
            segment_id: s.id,
            item_id: itemIds.get(itemId)!,
            seconds_per_occurrence: o.secondsPerOccurrence,
            out_of_pocket_cents: o.outOfPocketCents,
          })
          .execute();
      }
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'copy',
      entityType: 'burden_assessment',
      entityId: copy.id,
      portfolioId: source.portfolio_id,
      before: null,
      after: { baseline_id: source.id, title: input.title, journey_map_id: mapId },
      at,
    });
    return copy.id;
  });
}

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
  for (const a of assessments) {
    const t = totals.get(a.id)!;
    if (a.baseline_id === null) baseline = add(baseline, t);
    else if (totals.has(a.baseline_id))
      reduced = add(reduced, savings(totals.get(a.baseline_id)!, t));
  }
  return { assessments: assessments.length, items: itemCount, baseline, reduced };
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
