import { describe, expect, it } from 'vitest';
import { burdenValue, surveyValues } from '~/domain/measures/sources';
import { addToTally, emptyTally } from '~/domain/surveys/figures';
import { DRIVER_COLUMNS, type SurveyRow } from '~/domain/surveys/format';
import { collectionQuarters } from '~/domain/surveys/quarters';

function dataset(fy: number, q: number, answers: number[]) {
  const tally = emptyTally();
  const blank = Object.fromEntries(DRIVER_COLUMNS.map((c) => [c, null]));
  for (const a of answers)
    addToTally(tally, { ...blank, question_1: a, question_4: null } as SurveyRow);
  return { fiscal_year: fy, quarter: q, customers_offered: 1000, volume_of_customers: 2000, tally };
}

describe('survey values of a measure', () => {
  const thumbs = { scale: 'thumbs' as const, likert_affirmative: '4,5' };
  it.each([
    [
      'one value per quarter that shows a percentage, dated its last day',
      [dataset(2026, 1, [1, 1, 1, 0, ...Array(36).fill(1)]), dataset(2026, 2, Array(40).fill(0))],
      [
        { value: 97.5, date: '2025-12-31' },
        { value: 0, date: '2026-03-31' },
      ],
      [],
    ],
    [
      'a quarter under the minimum is skipped and named',
      [dataset(2025, 4, [1, 0, 1]), dataset(2026, 1, Array(30).fill(1))],
      [{ value: 100, date: '2025-12-31' }],
      ['FY 2025 Q4: 2 of 3 (fewer than 30 respondents: no percentage)'],
    ],
  ])('%s', (_n, datasets, values, skipped) => {
    const result = surveyValues(collectionQuarters(thumbs, datasets, 30));
    expect(result.values.map(({ value, date }) => ({ value, date }))).toEqual(values);
    expect(result.skipped).toEqual(skipped);
  });
});

describe('burden values of a measure', () => {
  it.each([
    ['burden_hours' as const, 12.345, 12.35],
    ['burden_dollars' as const, 250.004, 250],
  ])('%s', (kind, _raw, rounded) => {
    const v = burdenValue(kind, { hours: 12.345, dollars: 250.004 }, '2026-12-06', 'As-is');
    expect(v).toMatchObject({ value: rounded, date: '2026-12-06' });
    expect(v.note).toBe('Computed today from the burden assessment “As-is”.');
  });
});
