import { describe, expect, it } from 'vitest';
import { assess, type BurdenItemInput, type SegmentInput } from '~/domain/burden/calc';
import { compareAssessments } from '~/domain/burden/compare';
import { hours, perPersonDollars, perPersonMinutes } from '~/domain/burden/display';

const item = (over: Partial<BurdenItemInput> = {}): BurdenItemInput => ({
  id: 1,
  category: 'compliance',
  stepId: null,
  peoplePerYear: 1000,
  occurrencesHundredths: 100,
  secondsPerOccurrence: 3600,
  outOfPocketCents: 0,
  timeEquivalentSeconds: null,
  ratings: { stress: null, stigma: null, frustration: null, autonomy: null },
  ...over,
});
const wage = { wageCents: 3000, multiplierMilli: 1000 };
const minutes = (m: number) => m * 60;

// The base: 100 minutes to apply and 30 to find out = 130 minutes per person.
const items = [
  item({ id: 1, secondsPerOccurrence: minutes(100) }),
  item({ id: 2, category: 'learning', secondsPerOccurrence: minutes(30) }),
];
const segment = (over: Partial<SegmentInput> = {}): SegmentInput => ({
  id: 7,
  key: 'lep',
  name: 'Limited English proficiency',
  shareBp: 1800,
  wageCents: null,
  overrides: new Map(),
  ...over,
});
// People with limited English proficiency take 175 minutes to apply: 205 minutes per person.
const lep205 = (shareBp: number) =>
  segment({
    shareBp,
    overrides: new Map([[1, { secondsPerOccurrence: minutes(175), outOfPocketCents: null }]]),
  });

describe('burden: the per-person time tax is population-weighted across segments', () => {
  it.each([
    // 0.82 × 130 + 0.18 × 205 = 106.6 + 36.9 = 143.5 (issue 16)
    { case: '18% at 205, the rest at 130', segments: [lep205(1800)], weighted: '143.5' },
    { case: 'no segment: the base figure', segments: [], weighted: '130.0' },
    { case: 'a segment of 0%: the base figure', segments: [lep205(0)], weighted: '130.0' },
    { case: 'half and half: 65 + 102.5', segments: [lep205(5000)], weighted: '167.5' },
    {
      case: 'a segment of everyone: its own figure',
      segments: [lep205(10_000)],
      weighted: '205.0',
    },
    {
      // 0.72 × 130 + 0.18 × 205 + 0.10 × (160% of 130 = 208) = 93.6 + 36.9 + 20.8 = 151.3
      case: 'two segments, one as +60% of the base time',
      segments: [
        lep205(1800),
        segment({ id: 8, key: 'older', name: 'Older adults', shareBp: 1000, timePercent: 160 }),
      ],
      weighted: '151.3',
    },
    {
      // 0.82 × 130 + 0.18 × 205 = 143.5 minutes; in money at $30/h: 0.82 × $65 + 0.18 × $102.50
      // = $53.30 + $18.45 = $71.75.
      case: 'the weighted money follows the same weights',
      segments: [lep205(1800)],
      weighted: '143.5',
      money: '$71.75',
    },
  ])('$case: $weighted minutes', ({ segments, weighted, money }) => {
    const r = assess(items, wage, segments);
    expect(perPersonMinutes(r.perPerson)).toBe(weighted);
    expect(perPersonMinutes(r.basePerPerson)).toBe('130.0');
    if (money) expect(perPersonDollars(r.perPerson)).toBe(money);
    // The breakdowns add up to the weighted figure, exactly.
    const byItem = [...r.perPersonByItem.values()].reduce((t, p) => t + p.time, 0n);
    const byCategory = Object.values(r.perPersonByCategory).reduce((t, p) => t + p.money, 0n);
    expect(byItem).toBe(r.perPerson.time);
    expect(byCategory).toBe(r.perPerson.money);
  });

  it('shows each segment’s own figure beside the weighted one: base and each segment', () => {
    const r = assess(items, wage, [lep205(1800)]);
    expect(r.bySegment.map((s) => [s.name, s.shareBp, perPersonMinutes(s.perPerson)])).toEqual([
      ['Limited English proficiency', 1800, '205.0'],
      ['Everyone else', 8200, '130.0'],
    ]);
    // Totals: 180 people × 205 min + 820 × 130 min = 615 + 1,776.67 = 2,391.67 hours.
    expect(hours(r.total.time)).toBe('2,391.67');
  });
});

describe('burden: a segment as a percentage of the base item follows edits to it', () => {
  const older = segment({ name: 'Older adults', timePercent: 160 });

  it.each([
    {
      case: '+60% of 100 + 30 minutes',
      base: [100, 30],
      segment: older,
      own: '208.0',
    },
    {
      case: 'a to-be edit to the base carries into the segment: +60% of 70 + 30',
      base: [70, 30],
      segment: older,
      own: '160.0',
    },
    {
      case: 'unless the segment has its own minutes for the item: 175 + 160% of 30',
      base: [100, 30],
      segment: segment({
        timePercent: 160,
        overrides: new Map([[1, { secondsPerOccurrence: minutes(175), outOfPocketCents: null }]]),
      }),
      own: '223.0',
    },
    {
      case: '…which the base edit leaves alone: still 175 + 48',
      base: [70, 30],
      segment: segment({
        timePercent: 160,
        overrides: new Map([[1, { secondsPerOccurrence: minutes(175), outOfPocketCents: null }]]),
      }),
      own: '223.0',
    },
    {
      case: 'a share below 100%: 80% of 130',
      base: [100, 30],
      segment: segment({ timePercent: 80 }),
      own: '104.0',
    },
    {
      case: 'exact with a minute that is not a whole number: 101% of 0.1 + 0 minutes',
      base: [0.1, 0],
      segment: segment({ timePercent: 101 }),
      own: '0.1',
    },
  ])('$case = $own minutes', ({ base, segment: seg, own }) => {
    const list = items.map((i, n) => ({ ...i, secondsPerOccurrence: Math.round(base[n]! * 60) }));
    const r = assess(list, wage, [seg]);
    expect(perPersonMinutes(r.bySegment[0]!.perPerson)).toBe(own);
  });

  it('psychological time-equivalents are not scaled by a segment’s time percentage', () => {
    const worry = item({
      id: 3,
      category: 'psychological',
      secondsPerOccurrence: 0,
      timeEquivalentSeconds: minutes(10),
    });
    const r = assess([worry], wage, [older]);
    expect(perPersonMinutes(r.bySegment[0]!.perPerson)).toBe('10.0');
  });

  it('the compare page: savings per segment, matched by the key a to-be copy keeps', () => {
    const asIs = assess(items, wage, [older]);
    const toBe = assess(
      items.map((i) => (i.id === 1 ? { ...i, secondsPerOccurrence: minutes(70) } : i)),
      wage,
      [{ ...older, id: 99 }],
    );
    const c = compareAssessments(asIs, toBe, { before: String, after: String });
    expect(
      c.bySegment.map((s) => [
        s.name,
        perPersonMinutes(s.perPersonBefore),
        perPersonMinutes(s.perPersonAfter),
        perPersonMinutes(s.perPersonSaved),
        s.saved ? hours(s.saved.time) : null,
      ]),
    ).toEqual([
      // 18% of 1,000 people save 48 minutes each (160% of 30): 144 hours.
      ['Older adults', '208.0', '160.0', '48.0', '144.00'],
      // 820 people save 30 minutes each: 410 hours.
      ['Everyone else', '130.0', '100.0', '30.0', '410.00'],
    ]);
    // The weighted headline: 0.18 × 48 + 0.82 × 30 = 8.64 + 24.6 = 33.24 minutes saved.
    expect(perPersonMinutes(c.total.perPersonSaved)).toBe('33.2');
  });
});
