import { allForYear } from '@18f/us-federal-holidays';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, daysWaiting, reviewDueOn } from '~/domain/phases/review';

const holidays = new Set([2025, 2026, 2027].flatMap((y) => allForYear(y).map((h) => h.dateString)));
const isHoliday = (d: string) => holidays.has(d);

describe('a phase request is due ten business days after the day it was made', () => {
  it.each([
    { name: 'a Monday with no holiday → two weeks later', on: '2026-09-14', due: '2026-09-28' },
    // Veterans Day (Wednesday, November 11, 2026) is skipped: 2 → 16 would be 10 days with it.
    {
      name: 'Monday, November 2, 2026 counts past Veterans Day',
      on: '2026-11-02',
      due: '2026-11-17',
    },
    { name: 'a Friday: Columbus Day is skipped', on: '2026-10-02', due: '2026-10-19' },
    {
      name: 'Thanksgiving and the weekend are skipped',
      on: '2026-11-20',
      due: '2026-12-07',
    },
    {
      name: 'Christmas and New Year’s Day are skipped',
      on: '2026-12-21',
      due: '2027-01-06',
    },
    {
      name: 'a request made on a Saturday counts from Monday',
      on: '2026-11-14',
      due: '2026-11-30',
    },
  ])('$name: $on → $due', ({ on, due }) => {
    expect(reviewDueOn(on, isHoliday)).toBe(due);
  });

  it('without holidays, ten business days are two calendar weeks from a weekday', () => {
    expect(addBusinessDays('2026-11-02', 10, () => false)).toBe('2026-11-16');
    expect(addBusinessDays('2026-11-02', 0, () => false)).toBe('2026-11-02');
  });

  it.each([
    { on: '2026-11-16T14:05:00.000Z', today: '2026-11-16', days: 0 },
    { on: '2026-11-16', today: '2026-11-17', days: 1 },
    { on: '2026-10-31', today: '2026-11-16', days: 16 },
    { on: '2026-11-20', today: '2026-11-16', days: 0 },
  ])('asked $on, today $today: $days days waiting', ({ on, today, days }) => {
    expect(daysWaiting(on, today)).toBe(days);
  });
});
