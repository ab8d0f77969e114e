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
});
