/**
 * The writes of burden assessments (5 CFR 1320.3(b), A-11 280): creating one, each versioned and
 * audited edit of its items, segments and wage, the to-be copy, and the workspace's default wage.
 */
import crypto from 'node:crypto';
import type { AuditAction } from '~/domain/audit';
import { exceedsYear } from '~/domain/burden/calc';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { getDefaultWage, loadAssessmentRoot, loadItems, loadSegments } from '#db/queries/burden';
import { saveSetting } from './settings';
import { editVersioned, type ChangeRecord, type Trx } from '#db/versioning';

export async function setDefaultWage(
  db: DB,
  input: { cents: number; source: string; year: number; version: number; actorId: number },
): Promise<void> {
  await saveSetting(db, {
    key: 'default_wage',
    read: getDefaultWage,
    value: { cents: input.cents, source: input.source, year: input.year },
    version: input.version,
    actorId: input.actorId,
  });
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
  await editVersioned(db, {
    ...input,
    table: 'burden_assessments',
    entityType: 'burden_assessment',
    notFoundMessage: 'We could not find that assessment.',
    load: loadAssessmentRoot,
    change,
  });
}

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
