import { describe, expect, it } from 'vitest';
import { assess, totalMoney, type BurdenItemInput } from '~/domain/burden/calc';
import { compareAssessments, type BurdenChange } from '~/domain/burden/compare';
import {
  dollars,
  hours,
  percent,
  perPersonDollars,
  perPersonMinutes,
} from '~/domain/burden/display';

const item = (over: Partial<BurdenItemInput>): BurdenItemInput => ({
  id: 1,
  category: 'compliance',
  stepId: null,
  peoplePerYear: 1000,
  occurrencesHundredths: 100,
  secondsPerOccurrence: 0,
  outOfPocketCents: 0,
  timeEquivalentSeconds: null,
  ratings: { stress: null, stigma: null, frustration: null, autonomy: null },
  ...over,
});
const wage = { wageCents: 3000, multiplierMilli: 1000 };

// An as-is on steps 10 and 11, and its to-be on a copied journey whose steps 20, 21 keep the
// keys "a" and "b" and add step 22 ("c"). The application drops from 45 to 15 minutes; the
// to-be adds a 5-minute check-in on the new step.
const before = assess(
  [
    item({ id: 1, category: 'learning', stepId: 10, secondsPerOccurrence: 1200 }),
    item({ id: 2, stepId: 11, secondsPerOccurrence: 2700, outOfPocketCents: 1500 }),
    item({ id: 3, category: 'psychological', stepId: 11, timeEquivalentSeconds: 600 }),
    item({ id: 4, category: 'learning', peoplePerYear: 100, secondsPerOccurrence: 360 }),
  ],
  wage,
);
const after = assess(
  [
    item({ id: 11, category: 'learning', stepId: 20, secondsPerOccurrence: 1200 }),
    item({ id: 12, stepId: 21, secondsPerOccurrence: 900, outOfPocketCents: 1500 }),
    item({ id: 13, category: 'psychological', stepId: 21, timeEquivalentSeconds: 600 }),
    item({ id: 14, category: 'learning', peoplePerYear: 100, secondsPerOccurrence: 360 }),
    item({ id: 15, stepId: 22, secondsPerOccurrence: 300 }),
  ],
  wage,
);
const keys = new Map([
  [10, 'a'],
  [11, 'b'],
  [20, 'a'],
  [21, 'b'],
  [22, 'c'],
]);
const keyOf = (stepId: number | null) => (stepId === null ? '' : keys.get(stepId)!);
const comparison = compareAssessments(before, after, { before: keyOf, after: keyOf });

/** Hours, dollars and per-person minutes saved, each with its percent of the before. */
const shown = (c: BurdenChange) => ({
  hours: `${hours(c.saved.time)} (${percent(c.saved.time, c.before.time)})`,
  dollars: `${dollars(totalMoney(c.saved))} (${percent(totalMoney(c.saved), totalMoney(c.before))})`,
  minutesPerPerson: `${perPersonMinutes(c.perPersonSaved)} (${percent(c.perPersonSaved.time, c.perPersonBefore.time)})`,
});

describe('burden before and after', () => {
  it('saves hours, dollars and per-person minutes in total', () => {
    // 1,000 people save 30 minutes and the new step costs them 5: 25 minutes, 416.67 hours, at
    // $30 an hour $12,500 of $52,800 (1,260 h × $30 + $15,000 out of pocket).
    expect(hours(comparison.total.before.time)).toBe('1,260.00');
    expect(hours(comparison.total.after.time)).toBe('843.33');
    expect(shown(comparison.total)).toEqual({
      hours: '416.67 (33.1%)',
      dollars: '$12,500.00 (23.7%)',
      minutesPerPerson: '25.0 (30.9%)',
    });
    expect(perPersonMinutes(comparison.total.perPersonBefore)).toBe('81.0');
    expect(perPersonMinutes(comparison.total.perPersonAfter)).toBe('56.0');
    expect(perPersonDollars(comparison.total.perPersonSaved)).toBe('$12.50');
  });

  it('by category', () => {
    expect(shown(comparison.byCategory.compliance)).toEqual({
      hours: '416.67 (55.6%)',
      dollars: '$12,500.00 (33.3%)',
      minutesPerPerson: '25.0 (55.6%)',
    });
    expect(shown(comparison.byCategory.learning)).toEqual({
      hours: '0.00 (0.0%)',
      dollars: '$0.00 (0.0%)',
      minutesPerPerson: '0.0 (0.0%)',
    });
    expect(shown(comparison.byCategory.psychological).minutesPerPerson).toBe('0.0 (0.0%)');
  });

  it('by step, matched by the key a to-be journey keeps, new steps last', () => {
    expect(comparison.byStep.map((s) => s.key)).toEqual(['a', 'b', '', 'c']);
    const step = (key: string) => comparison.byStep.find((s) => s.key === key)!.change;
    // Step b: 45 + 10 minutes before, 15 + 10 after; $27,500 + $15,000 out of pocket before.
    expect(shown(step('b'))).toEqual({
      hours: '500.00 (54.5%)',
      dollars: '$15,000.00 (35.3%)',
      minutesPerPerson: '30.0 (54.5%)',
    });
    expect(perPersonDollars(step('b').perPersonSaved)).toBe('$15.00');
    // A step only the to-be has adds burden: negative savings, no percent of nothing.
    expect(shown(step('c'))).toEqual({
      hours: '-83.33 (—)',
      dollars: '-$2,500.00 (—)',
      minutesPerPerson: '-5.0 (—)',
    });
    expect(shown(step('')).minutesPerPerson).toBe('0.0 (0.0%)');
  });

  it('adds up: the steps’ savings are the total savings, exactly', () => {
    const sum = comparison.byStep.reduce(
      (s, r) => ({
        time: s.time + r.change.saved.time,
        money: s.money + totalMoney(r.change.saved),
        perPerson: s.perPerson + r.change.perPersonSaved.time,
      }),
      { time: 0n, money: 0n, perPerson: 0n },
    );
    expect(sum).toEqual({
      time: comparison.total.saved.time,
      money: totalMoney(comparison.total.saved),
      perPerson: comparison.total.perPersonSaved.time,
    });
  });
});
