import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assess,
  TIME_PER_SECOND,
  totalMoney,
  type BurdenItemInput,
  type SegmentInput,
} from '~/domain/burden/calc';
import {
  exactDecimal,
  hoursPerResponse,
  icrCells,
  icrCostCells,
  minutes,
  plainHours,
  plainMoney,
} from '~/domain/burden/display';
import {
  ITEM_12_HEADING,
  ITEM_13_HEADING,
  PSYCHOLOGICAL_HEADING,
  icrCsvRows,
} from '~/domain/burden/icr-csv';
import { icrRows, icrSections, icrTotal, type IcrRow } from '~/domain/burden/icr';

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

/** The item 12 columns of a row, as the CSV shows them, from respondents to cost of time. */
const line = (r: IcrRow) => {
  const c = icrCells(r);
  return [
    c.respondents,
    c.responsesPerRespondent,
    c.totalResponses,
    c.hoursPerResponse,
    c.totalHours,
    c.wage,
    c.costOfTime,
  ].join(',');
};

/** respondents × responses per respondent × hours per response = total hours, exactly. */
function expectRowAddsUp(r: IcrRow) {
  expect(r.totalResponses).toBe(r.respondents * r.responsesPerRespondent);
  expect(r.burden.time).toBe(r.totalResponses * r.hundredthSecondsPerResponse);
  expect(r.burden.timeMoney).toBe(r.burden.time * r.wage);
}

describe('burden ICR rows: the real rows (docs/rules.md#holistic-burden)', () => {
  it.each([
    {
      icr: '202402-3137-006',
      people: 650,
      seconds: 3600,
      wage: 2910,
      csv: '650,1,650,1.0000,650.00,29.10,18915.00',
    },
    {
      icr: '201908-0584-004 (a)',
      people: 90,
      seconds: 1800,
      wage: 1719,
      csv: '90,1,90,0.5000,45.00,17.19,773.55',
    },
    {
      icr: '201908-0584-004 (b)',
      people: 90,
      seconds: 3600,
      wage: 4331,
      csv: '90,1,90,1.0000,90.00,43.31,3897.90',
    },
  ])('ICR $icr: $csv', ({ people, seconds, wage, csv }) => {
    const [row, ...more] = icrRows(
      [item({ peoplePerYear: people, secondsPerOccurrence: seconds })],
      noLoad(wage),
    );
    expect(more).toEqual([]);
    expect(line(row!)).toBe(csv);
    expectRowAddsUp(row!);
  });

  it('ICR 202306-1902-004: 300 × 5 minutes is exactly 25 hours, though 5 minutes shows as 0.0833 h', () => {
    const [row] = icrRows([item({ peoplePerYear: 300, secondsPerOccurrence: 300 })], noLoad(0));
    expect(row!.burden.time).toBe(25n * 3_600n * TIME_PER_SECOND);
    expect(minutes(row!.burden.time)).toBe('1,500.0');
    expect(line(row!)).toBe('300,1,300,0.0833,25.00,0.00,0.00');
    expectRowAddsUp(row!);
  });
});

describe('burden ICR rows: responses and segments', () => {
  it('total responses are exact: 3 people × 0.5 occurrences = 1.5 responses', () => {
    const [row] = icrRows(
      [item({ peoplePerYear: 3, occurrencesHundredths: 50, secondsPerOccurrence: 3600 })],
      noLoad(2000),
    );
    expect(icrCells(row!).totalResponses).toBe('1.5');
    expect(line(row!)).toBe('3,0.5,1.5,1.0000,1.50,20.00,30.00');
    expectRowAddsUp(row!);
  });

  it('exact decimals and four-decimal hours per response', () => {
    expect(exactDecimal(1_500_000n, 1_000_000n)).toBe('1.5');
    expect(exactDecimal(499_500n, 10_000n)).toBe('49.95');
    expect(exactDecimal(10_000_000n, 10_000n)).toBe('1000');
    expect(exactDecimal(7n, 1n)).toBe('7');
    expect(hoursPerResponse(2_700n)).toBe('0.7500');
    expect(hoursPerResponse(600n)).toBe('0.1667');
    // In hundredths of a second: 160% of 45 minutes is 72 minutes.
    expect(hoursPerResponse(2_700n * 160n, 100n)).toBe('1.2000');
  });

  // The end-to-end test's WIC assessment: three items, and 15% with limited English proficiency
  // who take 90 instead of 45 minutes on the application. Default wage $31.48.
  const wic = [
    item({ id: 1, category: 'learning', peoplePerYear: 1000, secondsPerOccurrence: 1800 }),
    item({
      id: 2,
      category: 'compliance',
      peoplePerYear: 1000,
      secondsPerOccurrence: 2700,
      outOfPocketCents: 1250,
    }),
    item({
      id: 3,
      category: 'psychological',
      peoplePerYear: 1000,
      secondsPerOccurrence: 0,
      timeEquivalentSeconds: 600,
      ratings: { stress: 4, stigma: null, frustration: 5, autonomy: null },
    }),
  ];
  const lep: SegmentInput = {
    id: 7,
    name: 'Limited English proficiency',
    shareBp: 1500,
    wageCents: null,
    overrides: new Map([[2, { secondsPerOccurrence: 5400, outOfPocketCents: null }]]),
  };

  it('an item whose segment takes its own minutes gets a row per segment, each adding up', () => {
    const s = icrSections(wic, noLoad(3148), [lep]);
    // Item 12: learning and compliance time only; the psychological item is not in it.
    expect(s.hourBurden.map((r) => [r.itemId, r.segment, line(r)])).toEqual([
      [1, null, '1000,1,1000,0.5000,500.00,31.48,15740.00'],
      [2, 'Limited English proficiency', '150,1,150,1.5000,225.00,31.48,7083.00'],
      [2, 'Everyone else', '850,1,850,0.7500,637.50,31.48,20068.50'],
    ]);
    s.hourBurden.forEach(expectRowAddsUp);
    expect([plainHours(s.hourBurdenTotal.time), plainMoney(totalMoney(s.hourBurdenTotal))]).toEqual(
      ['1362.50', '42891.50'],
    );
    // Item 13: the $12.50 fee, on one row (every segment pays the same).
    expect(
      s.costBurden.map((r) => [r.itemId, r.segment, ...Object.values(icrCostCells(r))]),
    ).toEqual([[2, null, '1000', '1', '1000', '12.50', '12500.00']]);
    // Psychological: beside, in neither total.
    expect(s.psychological.map((r) => [r.itemId, line(r)])).toEqual([
      [3, '1000,1,1000,0.1667,166.67,31.48,5246.67'],
    ]);
    // The three parts are the whole assessment, exactly: 1,529.1666… h, $12,500 out of pocket.
    const total = assess(wic, noLoad(3148), [lep]).total;
    expect(s.hourBurdenTotal.time + icrTotal(s.psychological).time).toBe(total.time);
    expect(s.costBurdenTotal + (s.psychologicalOutOfPocket.get(3) ?? 0n)).toBe(total.outOfPocket);
    expect(plainHours(total.time)).toBe('1529.17');
  });

  it('a segment with its own wage gets its own rows, with a fraction of a person where shares give one', () => {
    const rural: SegmentInput = {
      id: 8,
      name: 'Rural residents',
      shareBp: 1500,
      wageCents: 2500,
      overrides: new Map(),
    };
    const items = [item({ id: 1, peoplePerYear: 333, secondsPerOccurrence: 1800 })];
    const wage = { wageCents: 3000, multiplierMilli: 1600 };
    const rows = icrRows(items, wage, [rural]);
    expect(rows.map((r) => [r.segment, line(r)])).toEqual([
      // 333 × 15% = 49.95 people × 0.5 h = 24.975 h × $25 × 1.6 = $999.00
      ['Rural residents', '49.95,1,49.95,0.5000,24.98,40.00,999.00'],
      ['Everyone else', '283.05,1,283.05,0.5000,141.53,48.00,6793.20'],
    ]);
    rows.forEach(expectRowAddsUp);
    expect(icrTotal(rows)).toEqual(assess(items, wage, [rural]).total);
  });

  it('a segment with only its own out-of-pocket cost keeps the item on one row', () => {
    const cheaper: SegmentInput = {
      ...lep,
      overrides: new Map([[2, { secondsPerOccurrence: null, outOfPocketCents: 0 }]]),
    };
    const rows = icrRows(wic, noLoad(3148), [cheaper]);
    expect(rows).toHaveLength(3);
    rows.forEach(expectRowAddsUp);
    expect(icrTotal(rows).time).toBe(assess(wic, noLoad(3148), [cheaper]).total.time);
    // Item 13 splits instead: the segment pays nothing, everyone else $12.50.
    const cost = icrSections(wic, noLoad(3148), [cheaper]).costBurden;
    expect(cost.map((r) => [r.segment, icrCostCells(r).totalCost])).toEqual([
      ['Limited English proficiency', '0.00'],
      ['Everyone else', '10625.00'],
    ]);
  });

  it('every row adds up and the rows add up to the assessment, whatever the inputs (property)', () => {
    const arbItem = fc.record({
      category: fc.constantFrom('learning', 'compliance', 'psychological'),
      peoplePerYear: fc.integer({ min: 0, max: 340_110_988 }),
      occurrencesHundredths: fc.integer({ min: 0, max: 1_000_000 }),
      secondsPerOccurrence: fc.integer({ min: 0, max: 5_256 }).map((x) => x * 6),
      outOfPocketCents: fc.integer({ min: 0, max: 100_000_000 }),
      timeEquivalentSeconds: fc.option(fc.integer({ min: 0, max: 31_536_000 }), { nil: null }),
    });
    const arbSegment = fc.record({
      shareBp: fc.integer({ min: 0, max: 5_000 }),
      wageCents: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
      timePercent: fc.integer({ min: 1, max: 1_000 }),
      overrides: fc.array(
        fc.record({
          index: fc.nat(9),
          secondsPerOccurrence: fc.option(fc.integer({ min: 0, max: 31_536_000 }), { nil: null }),
          outOfPocketCents: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 10 }),
        fc.array(arbSegment, { maxLength: 2 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1_000, max: 3_000 }),
        (rawItems, rawSegments, wageCents, multiplierMilli) => {
          const items = rawItems.map((x, i) => item({ ...x, id: i + 1 }));
          const segments: SegmentInput[] = rawSegments.map((s, i) => ({
            id: 100 + i,
            name: `Segment ${i + 1}`,
            shareBp: s.shareBp,
            wageCents: s.wageCents,
            timePercent: s.timePercent,
            overrides: new Map(s.overrides.map(({ index, ...o }) => [index + 1, o])),
          }));
          const wage = { wageCents, multiplierMilli };
          const rows = icrRows(items, wage, segments);
          rows.forEach(expectRowAddsUp);
          const total = assess(items, wage, segments).total;
          expect(icrTotal(rows).time).toBe(total.time);
          expect(icrTotal(rows).timeMoney).toBe(total.timeMoney);
          // Item 12 + psychological = all the time; item 13 + psychological money = all the money.
          const s = icrSections(items, wage, segments);
          s.hourBurden.forEach(expectRowAddsUp);
          s.costBurden.forEach((r) =>
            expect(r.totalResponses).toBe(r.respondents * r.responsesPerRespondent),
          );
          expect(s.hourBurden.every((r) => r.category !== 'psychological')).toBe(true);
          expect(s.hourBurdenTotal.time + icrTotal(s.psychological).time).toBe(total.time);
          const psychMoney = [...s.psychologicalOutOfPocket.values()].reduce((a, b) => a + b, 0n);
          expect(s.costBurdenTotal + psychMoney).toBe(total.outOfPocket);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('burden ICR: item 12, item 13 and psychological costs apart', () => {
  // 100 people, once a year, at $20.00 an hour.
  it.each([
    {
      case: 'a 45-minute form with a $12.50 fee: its time in item 12, its fee in item 13',
      x: { category: 'compliance', secondsPerOccurrence: 2700, outOfPocketCents: 1250 },
      item12: ['75.00', '1500.00'],
      item13: '1250.00',
      psychological: '0.00',
    },
    {
      case: 'finding out about the service (30 minutes): item 12 only',
      x: { category: 'learning', secondsPerOccurrence: 1800 },
      item12: ['50.00', '1000.00'],
      item13: '0.00',
      psychological: '0.00',
    },
    {
      case: 'a $25 notary fee and no time: item 13 only',
      x: { category: 'compliance', secondsPerOccurrence: 0, outOfPocketCents: 2500 },
      item12: ['0.00', '0.00'],
      item13: '2500.00',
      psychological: '0.00',
    },
    {
      case: 'stress worth 10 minutes: in neither total, listed apart',
      x: { category: 'psychological', secondsPerOccurrence: 0, timeEquivalentSeconds: 600 },
      item12: ['0.00', '0.00'],
      item13: '0.00',
      psychological: '16.67',
    },
    {
      case: 'stigma with $40 of counseling: in neither total, listed apart',
      x: {
        category: 'psychological',
        secondsPerOccurrence: 0,
        timeEquivalentSeconds: 600,
        outOfPocketCents: 4000,
      },
      item12: ['0.00', '0.00'],
      item13: '0.00',
      psychological: '16.67',
    },
  ] as const)('$case', ({ x, item12, item13, psychological }) => {
    const s = icrSections([item({ peoplePerYear: 100, ...x })], noLoad(2000));
    expect([plainHours(s.hourBurdenTotal.time), plainMoney(s.hourBurdenTotal.timeMoney)]).toEqual(
      item12,
    );
    expect(s.hourBurdenTotal.outOfPocket).toBe(0n);
    expect(plainMoney(s.costBurdenTotal)).toBe(item13);
    expect(plainHours(icrTotal(s.psychological).time)).toBe(psychological);
  });

  it('the CSV has three labelled sections; only items 12 and 13 have totals', () => {
    const items = [
      item({ id: 1, category: 'learning', peoplePerYear: 1000, secondsPerOccurrence: 1800 }),
      item({ id: 2, peoplePerYear: 1000, secondsPerOccurrence: 2700, outOfPocketCents: 1250 }),
      item({
        id: 3,
        category: 'psychological',
        peoplePerYear: 1000,
        secondsPerOccurrence: 0,
        timeEquivalentSeconds: 600,
        ratings: { stress: 4, stigma: null, frustration: 5, autonomy: null },
      }),
    ];
    const names = new Map([
      [1, 'Find out'],
      [2, 'Apply'],
      [3, 'Worry'],
    ]);
    const rows = icrCsvRows(items, noLoad(3148), [], names);
    const at = (heading: string) => rows.findIndex((r) => r[0] === heading);
    const [i12, i13, psych] = [at(ITEM_12_HEADING), at(ITEM_13_HEADING), at(PSYCHOLOGICAL_HEADING)];
    expect(0 <= i12 && i12 < i13 && i13 < psych).toBe(true);
    const section12 = rows.slice(i12, i13);
    expect(section12.map((r) => r[0])).toEqual([
      ITEM_12_HEADING,
      'Item',
      'Find out',
      'Apply',
      'Item 12 total',
      undefined,
    ]);
    // 500 + 750 hours; $15,740.00 + $23,610.00. The worry's 166.67 hours are not in it.
    expect(section12[4]).toEqual(['Item 12 total', '', '', '', '', '', '1250.00', '', '39350.00']);
    expect(rows.slice(i13, psych).find((r) => r[0] === 'Item 13 total')).toEqual([
      'Item 13 total',
      '',
      '',
      '',
      '',
      '',
      '12500.00',
    ]);
    const psychRows = rows.slice(psych);
    expect(psychRows.map((r) => r[0])).toEqual([PSYCHOLOGICAL_HEADING, 'Item', 'Worry']);
    expect(psychRows[2]).toEqual([
      'Worry',
      '1000',
      '1',
      '1000',
      '0.1667',
      '166.67',
      '31.48',
      '5246.67',
      '0.00',
      '4',
      '',
      '5',
      '',
    ]);
    expect(rows.some((r) => /^total$/i.test(r[0] ?? ''))).toBe(false);
  });
});
