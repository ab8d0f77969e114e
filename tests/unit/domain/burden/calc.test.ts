import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assess,
  burdenByStage,
  heatLevels,
  itemBurden,
  savings,
  TIME_PER_SECOND,
  totalMoney,
  ZERO,
  type BurdenItemInput,
} from '~/domain/burden/calc';
import {
  dollars,
  hours,
  minutes,
  percent,
  perPersonDollars,
  perPersonMinutes,
} from '~/domain/burden/display';

const item = (over: Partial<BurdenItemInput> = {}): BurdenItemInput => ({
  id: 1,
  category: 'compliance',
  stepId: null,
  peoplePerYear: 1,
  occurrencesHundredths: 100,
  secondsPerOccurrence: 3600,
  outOfPocketCents: 0,
  timeEquivalentSeconds: null,
  ratings: { stress: null, stigma: null, frustration: null, autonomy: null },
  ...over,
});
const noLoad = (wageCents: number) => ({ wageCents, multiplierMilli: 1000 });

describe('burden: the real ICR rows (docs/rules.md#holistic-burden)', () => {
  it.each([
    {
      icr: '202402-3137-006',
      people: 650,
      occ: 100,
      seconds: 3600,
      wage: 2910,
      hours: '650.00',
      cost: '$18,915.00',
    },
    {
      icr: '201908-0584-004 (a)',
      people: 90,
      occ: 100,
      seconds: 1800,
      wage: 1719,
      hours: '45.00',
      cost: '$773.55',
    },
    {
      icr: '201908-0584-004 (b)',
      people: 90,
      occ: 100,
      seconds: 3600,
      wage: 4331,
      hours: '90.00',
      cost: '$3,897.90',
    },
    // Printed as 0.083 h per response; minutes kept exact give exactly 25 hours.
    {
      icr: '202306-1902-004',
      people: 300,
      occ: 100,
      seconds: 300,
      wage: 0,
      hours: '25.00',
      cost: '$0.00',
    },
  ])(
    'ICR $icr: $people × $occ/100 × $seconds s = $hours h, $cost',
    ({ people, occ, seconds, wage, hours: h, cost }) => {
      const b = itemBurden(
        item({ peoplePerYear: people, occurrencesHundredths: occ, secondsPerOccurrence: seconds }),
        10_000,
        noLoad(wage),
      );
      expect(hours(b.time)).toBe(h);
      expect(dollars(totalMoney(b))).toBe(cost);
    },
  );

  it('out-of-pocket money is added, not multiplied by the wage', () => {
    const b = itemBurden(
      item({ peoplePerYear: 100, secondsPerOccurrence: 1800, outOfPocketCents: 2550 }),
      10_000,
      noLoad(2000),
    );
    // 50 h × $20 = $1,000 of time, plus 100 × $25.50 = $2,550 out of pocket.
    expect(dollars(b.timeMoney)).toBe('$1,000.00');
    expect(dollars(b.outOfPocket)).toBe('$2,550.00');
    expect(dollars(totalMoney(b))).toBe('$3,550.00');
  });

  it.each([
    { name: 'federal fringe +60%', multiplier: 1600, cost: '$30,264.00' },
    { name: 'EPA-style +110%', multiplier: 2100, cost: '$39,721.50' },
  ])('a loaded wage multiplies the wage only: $name', ({ multiplier, cost }) => {
    const b = itemBurden(item({ peoplePerYear: 650, outOfPocketCents: 0 }), 10_000, {
      wageCents: 2910,
      multiplierMilli: multiplier,
    });
    expect(dollars(totalMoney(b))).toBe(cost);
  });
});

describe('burden: categories, segments, psychological costs', () => {
  const items: BurdenItemInput[] = [
    item({
      id: 1,
      category: 'learning',
      stepId: 10,
      peoplePerYear: 1000,
      secondsPerOccurrence: 1200,
    }),
    item({
      id: 2,
      category: 'compliance',
      stepId: 11,
      peoplePerYear: 1000,
      secondsPerOccurrence: 2700,
      outOfPocketCents: 1500,
    }),
    item({
      id: 3,
      category: 'psychological',
      stepId: 11,
      peoplePerYear: 1000,
      secondsPerOccurrence: 0,
      timeEquivalentSeconds: 600,
      ratings: { stress: 4, stigma: 2, frustration: 5, autonomy: 3 },
    }),
    item({
      id: 4,
      category: 'psychological',
      stepId: 11,
      peoplePerYear: 1000,
      secondsPerOccurrence: 0,
      ratings: { stress: 2, stigma: null, frustration: 3, autonomy: null },
    }),
  ];

  it('totals by category and step; psychological counts only with a time-equivalent', () => {
    const r = assess(items, noLoad(3000));
    expect(hours(r.byCategory.learning.time)).toBe('333.33');
    expect(hours(r.byCategory.compliance.time)).toBe('750.00');
    expect(hours(r.byCategory.psychological.time)).toBe('166.67');
    expect(hours(r.total.time)).toBe('1,250.00');
    expect(dollars(r.byCategory.compliance.outOfPocket)).toBe('$15,000.00');
    expect(dollars(totalMoney(r.total))).toBe('$52,500.00');
    expect(hours(r.byStep.get(11)!.time)).toBe('916.67');
    expect(r.psychological).toEqual({
      items: 2,
      averages: { stress: 3, stigma: 2, frustration: 4, autonomy: 3 },
    });
    // One person going through it all: 20 + 45 + 10 minutes, $37.50 of time + $15 out of pocket.
    expect(perPersonMinutes(r.perPerson)).toBe('75.0');
    expect(perPersonDollars(r.perPerson)).toBe('$52.50');
  });

  it('a segment with its own minutes shows where burden falls, and changes the total exactly', () => {
    const limitedEnglish = {
      id: 7,
      name: 'Limited English proficiency',
      shareBp: 1500,
      wageCents: null,
      overrides: new Map([[2, { secondsPerOccurrence: 5400, outOfPocketCents: null }]]),
    };
    const r = assess(items, noLoad(3000), [limitedEnglish]);
    const [lep, rest] = r.bySegment;
    expect(lep!.name).toBe('Limited English proficiency');
    expect(perPersonMinutes(lep!.perPerson)).toBe('120.0');
    expect(perPersonMinutes(rest!.perPerson)).toBe('75.0');
    expect(rest!.shareBp).toBe(8500);
    // 150 people spend 90 instead of 45 minutes on item 2: +112.5 hours.
    expect(hours(r.total.time)).toBe('1,362.50');
    expect(hours(lep!.burden.time + rest!.burden.time)).toBe('1,362.50');
  });

  it('before and after: savings in total and percent', () => {
    const before = assess(items, noLoad(3000)).total;
    const after = assess(
      items.map((i) => (i.id === 2 ? { ...i, secondsPerOccurrence: 900 } : i)),
      noLoad(3000),
    ).total;
    const saved = savings(before, after);
    expect(hours(saved.time)).toBe('500.00');
    expect(dollars(totalMoney(saved))).toBe('$15,000.00');
    expect(percent(saved.time, before.time)).toBe('40.0%');
  });

  it('300 × 5 minutes is exactly 25 hours and 1,500.0 minutes', () => {
    const b = itemBurden(
      item({ peoplePerYear: 300, secondsPerOccurrence: 300 }),
      10_000,
      noLoad(0),
    );
    expect(minutes(b.time)).toBe('1,500.0');
  });
});

describe('burden: by stage, per person by category and step, and the heat on the journey', () => {
  const items: BurdenItemInput[] = [
    item({
      id: 1,
      category: 'learning',
      stepId: 10,
      peoplePerYear: 1000,
      secondsPerOccurrence: 1200,
    }),
    item({
      id: 2,
      stepId: 11,
      peoplePerYear: 1000,
      secondsPerOccurrence: 2700,
      outOfPocketCents: 1500,
    }),
    item({
      id: 3,
      category: 'psychological',
      stepId: 12,
      peoplePerYear: 1000,
      secondsPerOccurrence: 0,
      timeEquivalentSeconds: 600,
    }),
    item({ id: 4, stepId: null, peoplePerYear: 300, secondsPerOccurrence: 300 }),
  ];
  const stages = new Map([
    [10, 'Find out'],
    [11, 'Apply'],
    [12, 'Apply'],
    [13, 'Wait'],
  ]);
  const r = assess(items, noLoad(3000));

  it('sums each stage exactly, in the journey’s order, with items on no step last', () => {
    const byStage = burdenByStage(items, r, stages);
    expect(
      byStage.map((s) => [
        s.stage,
        hours(s.burden.time),
        dollars(totalMoney(s.burden)),
        perPersonMinutes(s.perPerson),
        perPersonDollars(s.perPerson),
      ]),
    ).toEqual([
      ['Find out', '333.33', '$10,000.00', '20.0', '$10.00'],
      ['Apply', '916.67', '$42,500.00', '55.0', '$42.50'],
      [null, '25.00', '$750.00', '5.0', '$2.50'],
    ]);
    const apply = byStage[1]!;
    expect(hours(apply.byCategory.compliance.time)).toBe('750.00');
    expect(hours(apply.byCategory.psychological.time)).toBe('166.67');
    expect(apply.byCategory.learning).toEqual(ZERO);
    const sum = byStage.reduce((t, s) => t + totalMoney(s.burden), 0n);
    expect(sum).toBe(totalMoney(r.total));
  });

  it('adds exact figures, not rounded ones: three 20-minute items are 1.00 hour, not 0.99', () => {
    const thirds = [1, 2, 3].map((id) => item({ id, stepId: 10, secondsPerOccurrence: 1200 }));
    const [stage] = burdenByStage(thirds, assess(thirds, noLoad(3000)), stages);
    expect(stage!.burden.time).toBe(3_600n * TIME_PER_SECOND);
    expect(hours(stage!.burden.time)).toBe('1.00');
    expect(dollars(totalMoney(stage!.burden))).toBe('$30.00');
  });

  it('splits the per-person time tax by category and by step, adding up to the whole', () => {
    expect(perPersonMinutes(r.perPersonByCategory.compliance)).toBe('50.0');
    expect(perPersonDollars(r.perPersonByCategory.compliance)).toBe('$40.00');
    expect(perPersonMinutes(r.perPersonByCategory.learning)).toBe('20.0');
    expect(perPersonMinutes(r.perPersonByStep.get(11)!)).toBe('45.0');
    expect(perPersonMinutes(r.perPersonByStep.get(null)!)).toBe('5.0');
    const byCategory = Object.values(r.perPersonByCategory).reduce((t, p) => t + p.money, 0n);
    const byStep = [...r.perPersonByStep.values()].reduce((t, p) => t + p.time, 0n);
    expect(byCategory).toBe(r.perPerson.money);
    expect(byStep).toBe(r.perPerson.time);
    expect(perPersonMinutes(r.perPerson)).toBe('80.0');
  });

  it('heat is in fifths of the worst step, compared exactly; items on no step are left out', () => {
    expect(heatLevels(r.byStep)).toEqual(
      new Map([
        [10, 2], // 333.33 of 750 hours
        [11, 4],
        [12, 1], // 166.67 of 750
      ]),
    );
    const at = (time: bigint) => ({ ...ZERO, time });
    const exact = heatLevels(
      new Map([
        [1, at(1000n)],
        [2, at(200n)], // exactly a fifth
        [3, at(199n)],
        [4, at(0n)],
        [null, at(5000n)],
      ]),
    );
    expect([...exact.values()]).toEqual([4, 1, 0, 0]);
    expect(heatLevels(new Map([[1, ZERO]]))).toEqual(new Map([[1, 0]]));
  });
});

describe('burden: exact arithmetic (property)', () => {
  it('a total equals the sum of its parts, whatever the inputs, with no drift', () => {
    const arbItem = fc.record({
      id: fc.nat(),
      category: fc.constantFrom('learning', 'compliance', 'psychological'),
      stepId: fc.constant(null),
      peoplePerYear: fc.integer({ min: 0, max: 340_110_988 }),
      occurrencesHundredths: fc.integer({ min: 0, max: 1_000_000 }),
      secondsPerOccurrence: fc.integer({ min: 0, max: 31_536_000 }),
      outOfPocketCents: fc.integer({ min: 0, max: 100_000_000 }),
      timeEquivalentSeconds: fc.option(fc.integer({ min: 0, max: 31_536_000 }), { nil: null }),
      ratings: fc.constant({ stress: null, stigma: null, frustration: null, autonomy: null }),
    }) as fc.Arbitrary<BurdenItemInput>;
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 20 }),
        fc.integer({ min: 1, max: 100_000 }),
        (list, wage) => {
          const withIds = list.map((x, i) => ({ ...x, id: i }));
          const r = assess(withIds, noLoad(wage));
          const sum = [...r.byItem.values()].reduce((a, b) => a + totalMoney(b), 0n);
          expect(totalMoney(r.total)).toBe(sum);
          const byCat = Object.values(r.byCategory).reduce((a, b) => a + b.time, 0n);
          expect(r.total.time).toBe(byCat);
        },
      ),
      { numRuns: 300 },
    );
  });
});
