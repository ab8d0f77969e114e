import { describe, expect, it } from 'vitest';
import { assess, burdenByStage, type BurdenItemInput } from '~/domain/burden/calc';
import {
  assessmentView,
  comparisonView,
  itemDefaults,
  itemMinutes,
  itemRemoval,
  segmentFigures,
  segmentRemoval,
} from '~/presenters/burden';
import type { AssessmentDetail } from '#db/queries/burden';

type ItemRow = AssessmentDetail['items'][number];

const row = (over: Partial<ItemRow>): ItemRow =>
  ({
    id: 1,
    assessment_id: 1,
    category: 'compliance',
    description: 'Fill in the form',
    step_id: null,
    people_per_year: 1000,
    occurrences_hundredths: 100,
    seconds_per_occurrence: 600,
    out_of_pocket_cents: 0,
    stress: null,
    stigma: null,
    frustration: null,
    autonomy: null,
    time_equivalent_seconds: null,
    ...over,
  }) as ItemRow;

const input = (r: ItemRow): BurdenItemInput => ({
  id: r.id,
  category: r.category,
  stepId: r.step_id,
  peoplePerYear: r.people_per_year,
  occurrencesHundredths: r.occurrences_hundredths,
  secondsPerOccurrence: r.seconds_per_occurrence,
  outOfPocketCents: r.out_of_pocket_cents,
  timeEquivalentSeconds: r.time_equivalent_seconds,
  ratings: { stress: r.stress, stigma: r.stigma, frustration: r.frustration, autonomy: r.autonomy },
});

/** An assessment as getAssessment returns it, computed from `items` with no segments. */
function detail(id: number, items: ItemRow[], steps: { id: number; key: string }[] = []) {
  const wage = { wageCents: 3000, multiplierMilli: 1000 };
  const result = assess(items.map(input), wage, []);
  const stepRows = steps.map((s, i) => ({
    id: s.id,
    step_key: s.key,
    title: `Step ${s.key}`,
    stage: 'Apply',
    position: i,
  }));
  return {
    assessment: {
      id,
      title: `Assessment ${id}`,
      portfolio_id: 1,
      portfolio_slug: 'p',
      portfolio_name: 'Portfolio',
      wage_cents: null,
      multiplier_milli: 1000,
    },
    items,
    segments: [],
    steps: stepRows,
    wage,
    defaultWage: { cents: 3000, source: 'BLS', year: 2023, version: 0 },
    result,
    byStage: burdenByStage(items.map(input), result, new Map(stepRows.map((s) => [s.id, s.stage]))),
  } as unknown as AssessmentDetail;
}

describe('itemMinutes', () => {
  it.each([
    [{ category: 'compliance', seconds_per_occurrence: 90, time_equivalent_seconds: null }, '1.5'],
    [{ category: 'learning', seconds_per_occurrence: 600, time_equivalent_seconds: 60 }, '10'],
    [{ category: 'psychological', seconds_per_occurrence: 0, time_equivalent_seconds: null }, '—'],
    [
      { category: 'psychological', seconds_per_occurrence: 0, time_equivalent_seconds: 300 },
      '5 (estimate)',
    ],
  ] as const)('%o shows %s', (item, shown) => {
    expect(itemMinutes(item)).toBe(shown);
  });
});

describe('removals', () => {
  it.each([
    [
      { name: 'Rural', share: '20', overrides: 0 },
      ['its share of the people affected (20%), which goes back to the base figures'],
    ],
    [
      { name: 'LEP', share: '12.5', overrides: 2 },
      [
        'its share of the people affected (12.5%), which goes back to the base figures',
        'its own figures on 2 items',
      ],
    ],
  ])('a segment %o takes %o', (s, takes) => {
    const r = segmentRemoval(s);
    expect(r.what).toBe(`the segment “${s.name}”`);
    expect(r.takes).toEqual(takes);
    expect(r.confirm).toBe('Yes, remove the segment');
  });

  it.each([
    [[], []],
    [['Rural'], ['its own figures for 1 segment: Rural']],
    [['Rural', 'LEP'], ['its own figures for 2 segments: Rural, LEP']],
  ])('an item with figures for %o takes %o', (segments, takes) => {
    expect(itemRemoval({ description: 'Apply' }, segments)).toEqual({
      what: 'the burden item “Apply”',
      takes,
      confirm: 'Yes, remove the item',
    });
  });
});

describe('segmentFigures', () => {
  const item = { id: 7, category: 'compliance', seconds_per_occurrence: 600 };
  it.each([
    // No own figures: the segment follows its percentage of the item's minutes.
    [
      150,
      new Map(),
      {
        followsBase: 'Empty: 150% of the item’s minutes, now 15 minutes.',
        minutes: '',
        dollars: '',
      },
    ],
    [
      100,
      new Map([[7, { secondsPerOccurrence: 1200, outOfPocketCents: 250 }]]),
      {
        followsBase: 'Empty: 100% of the item’s minutes, now 10 minutes.',
        minutes: '20',
        dollars: '2.5',
      },
    ],
    [
      100,
      new Map([[8, { secondsPerOccurrence: 1200, outOfPocketCents: null }]]),
      {
        followsBase: 'Empty: 100% of the item’s minutes, now 10 minutes.',
        minutes: '',
        dollars: '',
      },
    ],
  ])('at %i%% with %o', (timePercent, overrides, shown) => {
    expect(
      segmentFigures({ id: 3, name: 'LEP', time_percent: timePercent, overrides }, item),
    ).toEqual({ id: 3, name: 'LEP', ...shown });
  });

  it('a psychological item follows nothing', () => {
    const s = { id: 3, name: 'LEP', time_percent: 100, overrides: new Map() };
    expect(segmentFigures(s, { ...item, category: 'psychological' }).followsBase).toBeNull();
  });
});

describe('itemDefaults', () => {
  it.each([
    [
      row({ seconds_per_occurrence: 90, out_of_pocket_cents: 1250, step_id: 4 }),
      { minutesPerOccurrence: '1.5', outOfPocketDollars: '12.5', stepId: '4', stress: '' },
    ],
    [
      row({
        category: 'psychological',
        seconds_per_occurrence: 0,
        stress: 4,
        time_equivalent_seconds: 600,
      }),
      {
        minutesPerOccurrence: '',
        outOfPocketDollars: '',
        timeEquivalentMinutes: '10',
        stress: '4',
      },
    ],
  ])('%#: the form shows the stored figures as typed', (item, shown) => {
    expect(itemDefaults(item)).toMatchObject({
      peoplePerYear: '1000',
      occurrencesPerPerson: '1',
      ...shown,
    });
  });
});

describe('assessmentView', () => {
  it('totals, breakdowns and item rows from the exact figures', () => {
    const d = detail(
      1,
      [
        row({ id: 1, seconds_per_occurrence: 600, out_of_pocket_cents: 500, step_id: 10 }),
        row({ id: 2, category: 'learning', seconds_per_occurrence: 1200 }),
      ],
      [{ id: 10, key: 'a' }],
    );
    const v = assessmentView(d);
    // 1,000 people × (10 + 20) minutes = 500 hours; at $30 an hour, $15,000, plus $5,000.
    expect(v.total).toMatchObject({
      hours: '500.00',
      timeMoney: '$15,000.00',
      outOfPocket: '$5,000.00',
    });
    expect(v.total.total).toBe('$20,000.00');
    expect(v.weighted).toBe(false);
    expect(v.wage).toMatchObject({ cents: 3000, isDefault: true });
    expect(v.byCategory.map((c) => [c.category, c.hours])).toEqual([
      ['learning', '333.33'],
      ['compliance', '166.67'],
      ['psychological', '0.00'],
    ]);
    expect(v.byStep.map((s) => s.title).sort()).toEqual(['Apply: Step a', 'Not on a step']);
    expect(v.items.map((i) => [i.id, i.step, i.minutes, i.oopPerOccurrence, i.people])).toEqual([
      [1, 'Apply: Step a', '10', '$5.00', '1,000'],
      [2, '—', '20', '$0.00', '1,000'],
    ]);
    expect(v.stageChart.map((s) => s.label).sort()).toEqual(['Apply', 'Not on a step']);
  });
});

describe('comparisonView', () => {
  it('matches steps by key and shows what was saved', () => {
    const before = detail(
      1,
      [row({ id: 1, step_id: 10, seconds_per_occurrence: 1200 })],
      [{ id: 10, key: 'a' }],
    );
    const after = detail(
      2,
      [row({ id: 2, step_id: 20, seconds_per_occurrence: 600 })],
      [{ id: 20, key: 'a' }],
    );
    const v = comparisonView(before, after);
    expect(v.before).toMatchObject({ id: 1, title: 'Assessment 1', slug: 'p' });
    expect(v.after).toEqual({ id: 2, title: 'Assessment 2' });
    expect(v.total).toMatchObject({
      beforeHours: '333.33',
      afterHours: '166.67',
      savedHoursPct: '50.0%',
    });
    expect(v.byStep).toEqual([expect.objectContaining({ key: 'a', title: 'Apply: Step a' })]);
    expect(v.chart.map((c) => c.label)).toContain('Compliance, before');
    expect(v.perPerson).toEqual({ before: '20.0', after: '10.0', weighted: false });
  });
});
