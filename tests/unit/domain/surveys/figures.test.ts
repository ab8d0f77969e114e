import { describe, expect, it } from 'vitest';
import {
  addToTally,
  affirmativeLabel,
  changeText,
  emptyTally,
  previousQuarter,
  quarterFigures,
  share,
  shareText,
  trustChange,
  type Tally,
} from '~/domain/surveys/figures';
import { DRIVER_COLUMNS, type SurveyRow } from '~/domain/surveys/format';

function row(q1: number, drivers: Partial<Record<string, 0 | 1 | null>> = {}): SurveyRow {
  const base = Object.fromEntries(DRIVER_COLUMNS.map((c) => [c, null])) as Record<
    string,
    0 | 1 | null
  >;
  return { ...base, ...drivers, question_1: q1, question_4: null } as SurveyRow;
}

function tallyOf(rows: SurveyRow[]): Tally {
  const t = emptyTally();
  for (const r of rows) addToTally(t, r);
  return t;
}

/** `n` respondents answering question_1 with each value in `answers` (cycled). */
function answers(values: number[], n: number): SurveyRow[] {
  return Array.from({ length: n }, (_, i) => row(values[i % values.length]!));
}

describe('trust', () => {
  const thumbs = { scale: 'thumbs' as const, likertAffirmative: [4, 5], minimum: 30 };
  const likert = { scale: 'likert' as const, likertAffirmative: [4, 5], minimum: 30 };
  it.each([
    ['thumbs: 30 of 40 up', thumbs, answers([1, 1, 1, 0], 40), 75],
    ['thumbs: all down', thumbs, answers([0], 30), 0],
    ['Likert 4–5: 1..5 evenly', likert, answers([1, 2, 3, 4, 5], 50), 40],
    ['Likert 5 only', { ...likert, likertAffirmative: [5] }, answers([1, 2, 3, 4, 5], 50), 20],
    ['Likert 3–5', { ...likert, likertAffirmative: [3, 4, 5] }, answers([1, 2, 3, 4, 5], 50), 60],
    ['Likert: a 1 never counts under 4–5', likert, answers([1], 30), 0],
  ])('%s', (_name, settings, rows, percent) => {
    const f = quarterFigures({ tally: tallyOf(rows), offered: 1000 }, settings);
    expect(f.trust).toMatchObject({ shown: true, percent });
  });

  it.each([
    ['thumbs', 'thumbs' as const, [4, 5], 'thumbs up counts as trusting'],
    ['Likert 4–5', 'likert' as const, [5, 4], '4 and 5 on the 1–5 scale count as agreeing'],
    ['Likert 5', 'likert' as const, [5], '5 on the 1–5 scale counts as agreeing'],
    ['Likert 3–5', 'likert' as const, [3, 4, 5], '3, 4 and 5 on the 1–5 scale count as agreeing'],
  ])('names its rule: %s', (_n, scale, points, label) => {
    expect(affirmativeLabel(scale, points)).toBe(label);
  });
});

describe('suppression at the minimum', () => {
  it.each([
    [29, 30, false],
    [30, 30, true],
    [31, 30, true],
    [9, 10, false],
    [10, 10, true],
    [0, 1, false],
  ])('%i respondents, minimum %i → percentage shown: %s', (n, minimum, shown) => {
    const f = quarterFigures(
      { tally: tallyOf(answers([1], n)), offered: 1000 },
      { scale: 'thumbs', likertAffirmative: [4, 5], minimum },
    );
    expect(f.trust.shown).toBe(shown);
    expect(f.responseRate.shown).toBe(shown);
    if (!f.trust.shown) {
      expect(f.trust.count).toBe(n);
      expect(f.trust.reason).toBe(`fewer than ${minimum} respondents: no percentage`);
    }
  });

  it('says the count and why instead of a percentage', () => {
    expect(shareText(share(12, 20, 30, 'respondents'))).toBe(
      '12 of 20 (fewer than 30 respondents: no percentage)',
    );
    expect(shareText(share(35, 40, 30, 'respondents'))).toBe('87.5% (35 of 40)');
  });
});

describe('drivers', () => {
  const settings = { scale: 'thumbs' as const, likertAffirmative: [4, 5], minimum: 2 };
  it.each([
    ['all shown, half chosen', [1, 0, 1, 0], { shown: true, percent: 50, count: 2, of: 4 }],
    [
      'blanks leave the denominator',
      [1, null, null, 0],
      { shown: true, percent: 50, count: 1, of: 2 },
    ],
    [
      'blank everywhere but one: under the minimum',
      [1, null, null, null],
      { shown: false, count: 1, of: 1 },
    ],
    ['never chosen', [0, 0, 0], { shown: true, percent: 0, count: 0, of: 3 }],
  ] as const)('%s', (_n, values, expected) => {
    const rows = values.map((v) => row(1, { positive_ease: v, negative_ease: null }));
    const f = quarterFigures({ tally: tallyOf(rows), offered: 10 }, settings);
    expect(f.drivers.ease.positive).toMatchObject(expected);
    expect(f.drivers.ease.negative).toMatchObject({ shown: false, of: 0 });
  });

  it('counts positive and negative apart', () => {
    const rows = [
      row(1, { positive_humanity: 1, negative_humanity: 0 }),
      row(0, { positive_humanity: 0, negative_humanity: 1 }),
      row(0, { positive_humanity: 0, negative_humanity: 1 }),
      row(1, { positive_humanity: null, negative_humanity: 0 }),
    ];
    const f = quarterFigures({ tally: tallyOf(rows), offered: 10 }, settings);
    expect(f.drivers.humanity.positive).toMatchObject({ count: 1, of: 3 });
    expect(f.drivers.humanity.negative).toMatchObject({ percent: 50, count: 2, of: 4 });
  });
});

describe('response rate', () => {
  const settings = { scale: 'thumbs' as const, likertAffirmative: [4, 5], minimum: 30 };
  it.each([
    [40, 400, { shown: true, percent: 10 }],
    [40, 40, { shown: true, percent: 100 }],
    [40, 0, { shown: false, reason: 'no customers were offered the survey' }],
    [29, 100, { shown: false, count: 29, of: 100 }],
  ])('%i respondents of %i offered', (n, offered, expected) => {
    const f = quarterFigures({ tally: tallyOf(answers([1], n)), offered }, settings);
    expect(f.responseRate).toMatchObject(expected);
  });
});

describe('quarter over quarter', () => {
  it.each([
    [2026, 1, { fy: 2025, q: 4 }],
    [2026, 3, { fy: 2026, q: 2 }],
  ])('before FY%i Q%i', (fy, q, expected) => {
    expect(previousQuarter(fy, q)).toEqual(expected);
  });
  it('is in points, and only between shown percentages', () => {
    const a = share(80, 100, 30, 'respondents');
    const b = share(75, 100, 30, 'respondents');
    expect(trustChange(a, b)).toBe(5);
    expect(trustChange(a, share(5, 10, 30, 'respondents'))).toBeNull();
    expect(trustChange(a, null)).toBeNull();
    expect(changeText(5)).toBe('+5 points');
    expect(changeText(-1)).toBe('−1 point');
    expect(changeText(0)).toBe('no change');
  });
});
