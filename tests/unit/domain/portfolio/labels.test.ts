import { describe, expect, it } from 'vitest';
import { formatDate, formatTiming } from '~/domain/portfolio/labels';

describe('milestone timing as performance.gov prints it', () => {
  it.each([
    { m: { timing_fy: 2024, timing_quarter: 3, due_date: null }, out: 'FY24 Q3' },
    { m: { timing_fy: 2025, timing_quarter: null, due_date: null }, out: 'FY25' },
    {
      m: { timing_fy: null, timing_quarter: null, due_date: '2025-01-31' },
      out: 'January 31, 2025',
    },
    { m: { timing_fy: null, timing_quarter: null, due_date: null }, out: 'Not set' },
  ])('$out', ({ m, out }) => {
    expect(formatTiming(m)).toBe(out);
  });

  it('dates do not shift with the time zone', () => {
    expect(formatDate('2024-10-01')).toBe('October 1, 2024');
  });

  // A moment is shown as its Eastern day, as the histories show it (issue 16: one date per event).
  it.each([
    ['2026-12-05T00:08:00.000Z', 'December 4, 2026'], // 7:08 PM EST the evening before
    ['2026-12-05T05:00:00.000Z', 'December 5, 2026'], // midnight EST
    ['2026-07-01T03:59:00Z', 'June 30, 2026'], // 11:59 PM EDT
    ['2026-07-01T04:00:00Z', 'July 1, 2026'], // midnight EDT
    ['not a date at all', 'not a date at all'],
  ])('the moment %s reads %s', (iso, out) => {
    expect(formatDate(iso)).toBe(out);
  });
});
