/**
 * The success-measure status rule (issue 20): the straight line from baseline to target, the
 * direction, the tolerance boundary, and data too old for the cadence.
 */
import { describe, expect, it } from 'vitest';
import {
  expectedOn,
  measureStatus,
  monthsBefore,
  type MeasureForStatus,
  type MeasureStatus,
} from '~/domain/measures/status';

/** Satisfaction from 60 % (October 1, 2025) to 80 % (October 1, 2026): 20 points in 365 days. */
const higher: MeasureForStatus = {
  direction: 'higher',
  baseline: { value: 60, date: '2025-10-01' },
  target: { value: 80, date: '2026-10-01' },
  cadence: 'quarterly',
  tolerance: null,
  unit: '%',
  actuals: [],
};
/** Days to a decision from 90 down to 30 over the same year: 60 days in 365. */
const lower: MeasureForStatus = {
  ...higher,
  direction: 'lower',
  baseline: { value: 90, date: '2025-10-01' },
  target: { value: 30, date: '2026-10-01' },
  unit: ' days',
};

describe('expectedOn', () => {
  it.each([
    ['before the baseline date: the baseline', '2025-01-01', 60],
    ['on the baseline date', '2025-10-01', 60],
    ['half way (April 1, 2026 is day 182 of 365)', '2026-04-01', 60 + (20 * 182) / 365],
    ['on the target date', '2026-10-01', 80],
    ['after the target date: the target', '2027-06-01', 80],
  ])('%s', (_, date, value) => {
    expect(expectedOn(higher, date)).toBeCloseTo(value, 10);
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-12-06', 3, '2026-09-06'],
    ['2026-03-31', 1, '2026-02-28'],
    ['2024-03-31', 1, '2024-02-29'],
    ['2026-01-15', 12, '2025-01-15'],
    ['2026-02-10', 6, '2025-08-10'],
  ])('%s minus %i months → %s', (from, months, to) => {
    expect(monthsBefore(from, months)).toBe(to);
  });
});

describe('measureStatus', () => {
  // On the target date the line expects the target itself: 80 % (higher) or 30 days (lower).
  // The tolerance is 10 % of the distance: 2 points, or 6 days.
  const onTarget = (m: MeasureForStatus, value: number, tolerance: number | null = null) =>
    measureStatus({ ...m, tolerance, actuals: [{ value, date: '2026-10-01' }] }, '2026-12-06')
      .status;

  it.each<[string, MeasureForStatus, number, number | null, MeasureStatus]>([
    ['higher: beats the line', higher, 85, null, 'on_track'],
    ['higher: meets it exactly', higher, 80, null, 'on_track'],
    ['higher: short by 1 of 2 allowed', higher, 79, null, 'at_risk'],
    ['higher: short by exactly the tolerance', higher, 78, null, 'at_risk'],
    ['higher: just beyond the tolerance', higher, 77.99, null, 'off_track'],
    ['higher: a tolerance of 25 % allows 5 points', higher, 75, 0.25, 'at_risk'],
    ['higher: no tolerance at all', higher, 79.99, 0, 'off_track'],
    ['lower: fewer days than the line', lower, 25, null, 'on_track'],
    ['lower: meets it exactly', lower, 30, null, 'on_track'],
    ['lower: 6 days over, exactly the tolerance', lower, 36, null, 'at_risk'],
    ['lower: 6.5 days over', lower, 36.5, null, 'off_track'],
  ])('%s', (_, m, value, tolerance, status) => {
    expect(onTarget(m, value, tolerance)).toBe(status);
  });

  it('compares the latest actual with the line on its own date, not today’s', () => {
    // April 1, 2026: the line expects about 69.97 %; 69 is short by under 2 points.
    const m = {
      ...higher,
      actuals: [
        { value: 90, date: '2026-01-01' },
        { value: 69, date: '2026-04-01' },
      ],
    };
    const result = measureStatus(m, '2026-05-01');
    expect(result.status).toBe('at_risk');
    expect(result.latest).toEqual({ value: 69, date: '2026-04-01' });
    expect(result.reason).toBe(
      'Short by 0.97 points, within the tolerance of 2 points (10% of the way from baseline to target): 69% on April 1, 2026, against 69.97% expected by then.',
    );
  });

  it.each<[string, string[], string, MeasureStatus, string]>([
    ['nothing recorded', [], '2026-12-06', 'no_recent_data', 'No actual value recorded yet.'],
    [
      'only a future-dated value',
      ['2027-01-01'],
      '2026-12-06',
      'no_recent_data',
      'No actual value recorded yet.',
    ],
    [
      'the last is older than a quarter',
      ['2026-09-05'],
      '2026-12-06',
      'no_recent_data',
      'No actual value since September 6, 2026 (quarterly cadence); the last was 80% on September 5, 2026, against 78.58% expected by then.',
    ],
    [
      'exactly a quarter old still counts',
      ['2026-09-06'],
      '2026-12-06',
      'on_track',
      'Meets or beats the line: 80% on September 6, 2026, against 78.63% expected by then.',
    ],
  ])('%s', (_, dates, today, status, reason) => {
    const m = { ...higher, actuals: dates.map((date) => ({ value: 80, date })) };
    expect(measureStatus(m, today)).toMatchObject({ status, reason });
  });

  it('says how far beyond the tolerance, in the measure’s unit', () => {
    const m = { ...lower, actuals: [{ value: 45, date: '2026-10-01' }] };
    expect(measureStatus(m, '2026-10-02').reason).toBe(
      'Short by 15 days, beyond the tolerance of 6 days (10% of the way from baseline to target): 45 days on October 1, 2026, against 30 days expected by then.',
    );
  });
});
