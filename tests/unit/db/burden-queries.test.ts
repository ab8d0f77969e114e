import { describe, expect, it } from 'vitest';
import {
  assessmentEdits,
  copyAssessmentToBe,
  createAssessment,
  editAssessment,
  getAssessment,
  portfolioRollup,
  programReducedHours,
} from '#db/queries/burden';
import { copyJourney } from '#db/queries/journeys';
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
      { id: copy, version: 1, actorId: user.personId, action: 'update_item' },
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
