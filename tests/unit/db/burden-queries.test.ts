import { describe, expect, it } from 'vitest';
import { getAssessment, portfolioRollup, programReducedHours } from '#db/queries/burden';
import {
  assessmentEdits,
  copyAssessmentToBe,
  createAssessment,
  editAssessment,
} from '~/commands/burden';
import { setArchived } from '~/commands/archive';
import { describeAuditRows } from '~/presenters/history.server';
import { StaleWriteError } from '#db/errors';
import { copyJourney } from '~/commands/journeys';
import { seedJourneys } from '#seeds/journeys';
import { totalMoney } from '~/domain/burden/calc';
import { dollars, hours, perPersonMinutes } from '~/domain/burden/display';
import { demoDb, userFor, FORM_ITEM } from '../helpers';

const base = FORM_ITEM;

async function setup() {
  const db = await demoDb();
  await seedJourneys(db);
  const user = await userFor(db, 'team.member@example.gov');
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  const map = await db
    .selectFrom('journey_maps')
    .select('id')
    .where('portfolio_id', '=', portfolio.id)
    .executeTakeFirstOrThrow();
  const steps = await db
    .selectFrom('journey_steps')
    .select(['id', 'title', 'step_key'])
    .where('map_id', '=', map.id)
    .execute();
  const id = await createAssessment(db, {
    portfolioId: portfolio.id,
    actorId: user.personId,
    title: 'As-is',
    journeyMapId: map.id,
    serviceName: '',
    wageCents: 3000,
    wageSource: 'test',
    multiplierMilli: 1000,
  });
  const step = steps.find((s) => s.title === 'Apply for WIC')!;
  await editAssessment(
    db,
    { id, version: 1, actorId: user.personId, action: 'add_item' },
    (trx, a) =>
      assessmentEdits.addItem(trx, a, { ...base, category: 'compliance', step_id: step.id }),
  );
  return { db, user, portfolio, map, steps, id, step };
}

describe('burden assessments in the database', () => {
  it('rollup in SQL equals the item-by-item computation, with and without segments', async () => {
    const { db, user, portfolio, id } = await setup();
    let rollup = await portfolioRollup(db, portfolio.id);
    const detail = (await getAssessment(db, id))!;
    expect(rollup.baseline).toEqual(detail.result.total);
    expect(hours(rollup.baseline.time)).toBe('750.00');
    expect(dollars(totalMoney(rollup.baseline))).toBe('$35,000.00');

    await editAssessment(
      db,
      { id, version: 2, actorId: user.personId, action: 'add_segment' },
      (trx, a) =>
        assessmentEdits.addSegment(trx, a, { name: 'Rural', shareBp: 2000, wageCents: 2500 }),
    );
    rollup = await portfolioRollup(db, portfolio.id);
    expect(rollup.baseline).toEqual((await getAssessment(db, id))!.result.total);
  });

  it('the rollup stays exact at the largest figures a form accepts', async () => {
    // 340 million people × 1,000 times a year × $1,000,000 overflows 64-bit integers: SQLite's
    // sum turns to a float and the rollup falls back to exact per-item arithmetic; PostgreSQL
    // sums in numeric (db/dialect.ts). Either way the figures equal the item-by-item ones.
    const { db, user, portfolio, id, step } = await setup();
    const huge = {
      ...base,
      people_per_year: 340_000_000,
      occurrences_hundredths: 100_000,
      seconds_per_occurrence: 31_536,
      out_of_pocket_cents: 100_000_000,
    };
    await editAssessment(
      db,
      { id, version: 2, actorId: user.personId, action: 'add_item' },
      (trx, a) =>
        assessmentEdits.addItem(trx, a, { ...huge, category: 'compliance', step_id: step.id }),
    );
    const rollup = await portfolioRollup(db, portfolio.id);
    expect(rollup.baseline).toEqual((await getAssessment(db, id))!.result.total);
    expect(rollup.baseline.time).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('segment shares cannot add up to more than 100%', async () => {
    const { db, user, id } = await setup();
    await editAssessment(
      db,
      { id, version: 2, actorId: user.personId, action: 'add_segment' },
      (trx, a) => assessmentEdits.addSegment(trx, a, { name: 'A', shareBp: 6000, wageCents: null }),
    );
    await expect(
      editAssessment(
        db,
        { id, version: 3, actorId: user.personId, action: 'add_segment' },
        (trx, a) =>
          assessmentEdits.addSegment(trx, a, { name: 'B', shareBp: 5000, wageCents: null }),
      ),
    ).rejects.toMatchObject({ code: 'invalid', field: 'sharePercent' });
  });

  it('a segment as +60% of the base: stored, copied to the to-be, following its base edits; refused past a year', async () => {
    const { db, user, id } = await setup();
    await editAssessment(
      db,
      { id, version: 2, actorId: user.personId, action: 'add_segment' },
      (trx, a) =>
        assessmentEdits.addSegment(trx, a, {
          name: 'LEP',
          shareBp: 1800,
          wageCents: null,
          timePercent: 160,
        }),
    );
    const asIs = (await getAssessment(db, id))!;
    // 45 minutes; LEP 160% = 72. Weighted: 0.82 × 45 + 0.18 × 72 = 36.9 + 12.96 = 49.86.
    expect(asIs.result.bySegment.map((s) => perPersonMinutes(s.perPerson))).toEqual([
      '72.0',
      '45.0',
    ]);
    expect(perPersonMinutes(asIs.result.perPerson)).toBe('49.9');
    const toBeId = await copyAssessmentToBe(db, { id, actorId: user.personId, title: 'To-be' });
    const toBe = (await getAssessment(db, toBeId))!;
    await editAssessment(
      db,
      { id: toBeId, version: 1, actorId: user.personId, action: 'save_item' },
      (trx, a) =>
        assessmentEdits.updateItem(trx, a, toBe.items[0]!.id, {
          ...base,
          category: 'compliance',
          step_id: toBe.items[0]!.step_id,
          seconds_per_occurrence: 1800,
        }),
    );
    const after = (await getAssessment(db, toBeId))!;
    // The base edit (45 → 30 minutes) carries into the segment: 160% of 30 = 48.
    expect(after.segments[0]!.time_percent).toBe(160);
    expect(after.result.bySegment.map((s) => perPersonMinutes(s.perPerson))).toEqual([
      '48.0',
      '30.0',
    ]);
    // A whole day, 365 times a year, is exactly a year; 1% more time is refused.
    await editAssessment(
      db,
      { id, version: 3, actorId: user.personId, action: 'add_item' },
      (trx, a) =>
        assessmentEdits.addItem(trx, a, {
          ...base,
          category: 'compliance',
          step_id: null,
          occurrences_hundredths: 36_500,
          seconds_per_occurrence: 86_400,
        }),
    );
    await expect(
      editAssessment(
        db,
        { id, version: 4, actorId: user.personId, action: 'add_segment' },
        (trx, a) =>
          assessmentEdits.addSegment(trx, a, {
            name: 'Slower',
            shareBp: 100,
            wageCents: null,
            timePercent: 101,
          }),
      ),
    ).rejects.toMatchObject({ code: 'invalid', field: 'timePercent' });
  });

  it('a segment is edited after it was made: stale forms refused, audited, figures follow', async () => {
    const { db, user, id, step } = await setup();
    const actor = { actorId: user.personId };
    // The base item at 90 minutes (5,400 seconds), once a year, for 1,000 people.
    const item = (await getAssessment(db, id))!.items[0]!;
    await editAssessment(db, { id, version: 2, ...actor, action: 'save_item' }, (trx, a) =>
      assessmentEdits.updateItem(trx, a, item.id, {
        ...base,
        category: 'compliance',
        step_id: step.id,
        seconds_per_occurrence: 5400,
      }),
    );
    await editAssessment(db, { id, version: 3, ...actor, action: 'add_segment' }, (trx, a) =>
      assessmentEdits.addSegment(trx, a, {
        name: 'LEP',
        shareBp: 1800,
        wageCents: null,
        timePercent: 160,
      }),
    );
    const before = (await getAssessment(db, id))!;
    const segmentId = before.segments[0]!.id;
    // 160% of 90 minutes = 144.
    expect(before.result.bySegment.map((s) => perPersonMinutes(s.perPerson))).toEqual([
      '144.0',
      '90.0',
    ]);
    const edit = (version: number, v: { name?: string; shareBp?: number; timePercent?: number }) =>
      editAssessment(db, { id, version, ...actor, action: 'update_segment' }, (trx, a) =>
        assessmentEdits.updateSegment(trx, a, segmentId, {
          name: v.name ?? 'LEP',
          shareBp: v.shareBp ?? 1800,
          wageCents: null,
          timePercent: v.timePercent ?? 160,
        }),
      );

    // A form read before the segment was added (version 3) is stale: nothing changes.
    await expect(edit(3, { timePercent: 200 })).rejects.toBeInstanceOf(StaleWriteError);
    expect((await getAssessment(db, id))!.segments[0]!.time_percent).toBe(160);

    await edit(4, { name: 'Limited English', timePercent: 200 });
    const after = (await getAssessment(db, id))!;
    expect(after.assessment.version).toBe(5);
    expect(after.segments[0]).toMatchObject({ name: 'Limited English', time_percent: 200 });
    // 200% of 90 minutes = 180; weighted 0.82 × 90 + 0.18 × 180 = 73.8 + 32.4 = 106.2.
    expect(after.result.bySegment.map((s) => perPersonMinutes(s.perPerson))).toEqual([
      '180.0',
      '90.0',
    ]);
    expect(perPersonMinutes(after.result.perPerson)).toBe('106.2');

    // Audited in the same edit, and told in plain words.
    const row = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'burden_assessment')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'update_segment')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.changes)).toMatchObject({
      name: { before: 'LEP', after: 'Limited English' },
      time_percent: { before: 160, after: 200 },
    });
    const [sentence] = await describeAuditRows(db, [row]);
    expect(sentence!.sentence).toContain(
      'edited the segment “LEP” in burden assessment “As-is”: renamed it “Limited English” and time on each item 160% → 200% of the base',
    );

    // Its own share does not count against it; another segment's does (at most 100% together).
    await edit(5, { shareBp: 4000, timePercent: 200 });
    await editAssessment(db, { id, version: 6, ...actor, action: 'add_segment' }, (trx, a) =>
      assessmentEdits.addSegment(trx, a, { name: 'Rural', shareBp: 5000, wageCents: null }),
    );
    await expect(edit(7, { shareBp: 5001 })).rejects.toMatchObject({
      code: 'invalid',
      field: 'sharePercent',
    });
    // A whole day, 365 times a year, is exactly a year: 101% of it is refused.
    await editAssessment(db, { id, version: 7, ...actor, action: 'add_item' }, (trx, a) =>
      assessmentEdits.addItem(trx, a, {
        ...base,
        category: 'compliance',
        step_id: null,
        occurrences_hundredths: 36_500,
        seconds_per_occurrence: 86_400,
      }),
    );
    await expect(edit(8, { shareBp: 4000, timePercent: 101 })).rejects.toMatchObject({
      code: 'invalid',
      field: 'timePercent',
    });
    expect((await getAssessment(db, id))!.assessment.version).toBe(8);

    // An archived assessment keeps its segments as they are.
    await setArchived(db, { kind: 'burden_assessment', id, version: 8, ...actor, archive: true });
    await expect(edit(9, { timePercent: 100 })).rejects.toMatchObject({ code: 'conflict' });
    expect((await getAssessment(db, id))!.segments[0]!.time_percent).toBe(200);
  });

  it('an item on a step of another map is refused', async () => {
    const { db, user, id } = await setup();
    const foreign = await db
      .selectFrom('journey_steps as s')
      .innerJoin('journey_maps as m', 'm.id', 's.map_id')
      .innerJoin('portfolios as p', 'p.id', 'm.portfolio_id')
      .select('s.id')
      .where('p.slug', '=', 'recovering-from-a-disaster')
      .executeTakeFirstOrThrow();
    await expect(
      editAssessment(db, { id, version: 2, actorId: user.personId, action: 'add_item' }, (trx, a) =>
        assessmentEdits.addItem(trx, a, { ...base, category: 'learning', step_id: foreign.id }),
      ),
    ).rejects.toMatchObject({ code: 'invalid', field: 'stepId' });
  });

  it('a to-be copy moves onto the journey’s to-be version, step by step, and counts as reduction', async () => {
    const { db, user, portfolio, map, id, step } = await setup();
    const toBeMap = await copyJourney(db, {
      mapId: map.id,
      actorId: user.personId,
      versionLabel: 'to_be',
      versionName: '',
    });
    const copy = await copyAssessmentToBe(db, { id, actorId: user.personId, title: 'To-be' });
    const detail = (await getAssessment(db, copy))!;
    expect(detail.assessment.journey_map_id).toBe(toBeMap);
    const toBeStep = detail.steps.find((s) => s.id === detail.items[0]!.step_id)!;
    expect(toBeStep.step_key).toBe(step.step_key);
    await editAssessment(
      db,
      { id: copy, version: 1, actorId: user.personId, action: 'save_item' },
      (trx, a) =>
        assessmentEdits.updateItem(trx, a, detail.items[0]!.id, {
          ...base,
          category: 'compliance',
          step_id: toBeStep.id,
          seconds_per_occurrence: 900,
        }),
    );
    const rollup = await portfolioRollup(db, portfolio.id);
    expect(hours(rollup.reduced.time)).toBe('500.00');
    expect(dollars(totalMoney(rollup.reduced))).toBe('$15,000.00');
    expect(await programReducedHours(db)).toBe(500);
  });

  it('an assessment comes with its burden by journey stage', async () => {
    const { db, id, step } = await setup();
    const detail = (await getAssessment(db, id))!;
    const stage = detail.steps.find((s) => s.id === step.id)!.stage;
    expect(detail.byStage.map((s) => [s.stage, hours(s.burden.time)])).toEqual([[stage, '750.00']]);
  });
});
