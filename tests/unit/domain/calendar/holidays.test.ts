import { allForYear } from '@18f/us-federal-holidays';
import { describe, expect, it } from 'vitest';
import {
  fiscalYearCalendar,
  fold,
  inheritedDate,
  previousBusinessDay,
  sourceText,
  lastBusinessDay,
  phaseCycle,
  phaseCycleDays,
  phaseCycleEvents,
  pmcUpdateDue,
  quarterlyFeedbackDue,
  toIcs,
} from '~/domain/calendar/a11';
import { federalHolidayName, isFederalHoliday } from '~/domain/calendar/holidays';

const holidays = new Set(
  [2024, 2025, 2026, 2027, 2028, 2029, 2030].flatMap((y) => allForYear(y).map((h) => h.dateString)),
);
const isHoliday = (d: string) => holidays.has(d);

describe('A-11 280.14: quarterly feedback due the last business day of the month after the quarter', () => {
  it('FY 2025: January 31, April 30, July 31 and October 31, 2025, as the text says', () => {
    expect(quarterlyFeedbackDue(2025, isHoliday).map((q) => q.due)).toEqual([
      '2025-01-31',
      '2025-04-30',
      '2025-07-31',
      '2025-10-31',
    ]);
  });
  it.each([
    {
      name: 'January 31, 2026 is a Saturday → Friday the 30th',
      year: 2026,
      month: 1,
      due: '2026-01-30',
    },
    { name: 'May 31, 2026 is a Sunday → Friday the 29th', year: 2026, month: 5, due: '2026-05-29' },
    {
      name: 'October 31, 2026 is a Saturday → Friday the 30th',
      year: 2026,
      month: 10,
      due: '2026-10-30',
    },
    {
      name: 'January 31, 2027 is a Sunday → Friday the 29th',
      year: 2027,
      month: 1,
      due: '2027-01-29',
    },
    {
      name: 'a holiday on the last weekday: May 31, 2027 is Memorial Day → Friday the 28th',
      year: 2027,
      month: 5,
      due: '2027-05-28',
    },
    {
      name: 'December 31 falls back over Christmas only when needed',
      year: 2028,
      month: 12,
      due: '2028-12-29',
    },
  ])('$name', ({ year, month, due }) => {
    expect(lastBusinessDay(year, month, isHoliday)).toBe(due);
  });
});

describe('the PMC update is due the last business day of the second month after the quarter (the workspace’s default)', () => {
  it.each([
    // November 28, 2025 is the Friday after Thanksgiving, a business day.
    [2025, ['2025-02-28', '2025-05-30', '2025-08-29', '2025-11-28']],
    // May 31, 2026 is a Sunday; November 30, 2026 a Monday.
    [2026, ['2026-02-27', '2026-05-29', '2026-08-31', '2026-11-30']],
  ])('FY %i', (fy, dues) => {
    expect(pmcUpdateDue(fy, isHoliday).map((q) => q.due)).toEqual(dues);
  });
  it('an OMB lead’s date for a quarter replaces it', () => {
    const events = fiscalYearCalendar(2026, isHoliday, new Map([['pmc_update_q2', '2026-05-15']]));
    expect(events.find((e) => e.key === 'pmc_update_q2')).toMatchObject({
      date: '2026-05-15',
      source: 'omb',
      replaces: '2026-05-29',
      label: 'PMC quarterly update due (FY 2026 Q2)',
    });
  });
});

describe('the fiscal year calendar', () => {
  it('FY 2025 in order, with the text’s dates', () => {
    const events = fiscalYearCalendar(2025, isHoliday);
    expect(events.map((e) => `${e.date} ${e.key}`)).toEqual([
      '2025-01-31 feedback_q1',
      '2025-02-21 capacity_assessment',
      '2025-02-28 pmc_update_q1',
      '2025-04-23 deep_dive',
      '2025-04-30 feedback_q2',
      '2025-05-30 draft_action_plan',
      '2025-05-30 pmc_update_q2',
      '2025-05-31 priority_services',
      '2025-07-31 feedback_q3',
      '2025-08-29 pmc_update_q3',
      '2025-09-09 final_action_plan',
      '2025-10-31 feedback_q4',
      '2025-11-28 pmc_update_q4',
    ]);
  });
  it('FY 2025: every A-11 date is the text’s, even May 31, 2025, a Saturday, as printed; the PMC update’s are the workspace’s', () => {
    const events = fiscalYearCalendar(2025, isHoliday);
    expect(new Set(events.filter((e) => !e.key.startsWith('pmc_')).map((e) => e.source))).toEqual(
      new Set(['text']),
    );
    expect(new Set(events.filter((e) => e.key.startsWith('pmc_')).map((e) => e.source))).toEqual(
      new Set(['workspace']),
    );
    expect(events.find((e) => e.key === 'priority_services')!.date).toBe('2025-05-31');
  });
  it('an OMB lead’s date for the year replaces the default', () => {
    const events = fiscalYearCalendar(2026, isHoliday, new Map([['deep_dive', '2026-04-28']]));
    expect(events.find((e) => e.key === 'deep_dive')).toMatchObject({
      date: '2026-04-28',
      overridden: true,
      source: 'omb',
      replaces: '2026-04-23',
    });
    // An OMB lead's date stands as set, even on a weekend (their decision, not a default).
    const sunday = fiscalYearCalendar(2027, isHoliday, new Map([['deep_dive', '2027-04-25']]));
    expect(sunday.find((e) => e.key === 'deep_dive')).toMatchObject({
      date: '2027-04-25',
      source: 'omb',
    });
  });
  it('a portfolio’s phase cycle: four fiscal years, each October 1 to September 30', () => {
    expect(phaseCycle(2022)[0]).toEqual({
      phase: 'Discovery',
      fy: 2022,
      start: '2021-10-01',
      end: '2022-09-30',
    });
    expect(phaseCycle(2022)[3]).toEqual({
      phase: 'Measurement',
      fy: 2025,
      start: '2024-10-01',
      end: '2025-09-30',
    });
  });
  it('exports all-day iCalendar events', () => {
    const ics = toIcs(
      [{ key: 'deep_dive', label: 'Deep Dive; with OMB, agencies', date: '2025-04-23' }],
      2025,
      '20261122T000000Z',
    );
    expect(ics).toContain('DTSTART;VALUE=DATE:20250423\r\nDTEND;VALUE=DATE:20250424');
    expect(ics).toContain('SUMMARY:Deep Dive\\; with OMB\\, agencies');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });
  it('days left in a portfolio’s phase cycle: in the current phase and in the whole cycle', () => {
    const during = phaseCycleDays(2024, '2025-09-20');
    expect(during).toMatchObject({
      currentPhase: 'Design',
      daysLeftInPhase: 10,
      daysLeftInCycle: 10 + 365 + 365, // to September 30, 2027
    });
    expect(during.phases.map((p) => [p.phase, p.current, p.daysLeft])).toEqual([
      ['Discovery', false, -355],
      ['Design', true, 10],
      ['Development', false, 375],
      ['Measurement', false, 740],
    ]);
    expect(during.phases[2]!.daysToStart).toBe(11);
    expect(phaseCycleDays(2022, '2026-11-22')).toMatchObject({
      currentPhase: null,
      daysLeftInPhase: null,
      daysLeftInCycle: -418,
    });
    expect(phaseCycleDays(2030, '2029-09-20')).toMatchObject({
      currentPhase: null,
      daysToStart: 11,
    });
  });
  it('exports each portfolio’s phases as all-day spans, the same UID in every year’s file', () => {
    const spans = phaseCycleEvents([
      { slug: 'a', name: 'Approaching Retirement', cycleStartFy: 2022 },
    ]);
    expect(spans).toHaveLength(4);
    const ics = toIcs(spans, 2025, '20261122T000000Z');
    expect(ics).toContain(
      'UID:phase-a-discovery-fy2022@life-experience-workspace\r\nDTSTAMP:20261122T000000Z\r\nDTSTART;VALUE=DATE:20211001\r\nDTEND;VALUE=DATE:20221001\r\nSUMMARY:Approaching Retirement: Discovery phase (FY 2022)',
    );
    expect(toIcs(spans, 2026, '20261122T000000Z')).toContain(
      'UID:phase-a-discovery-fy2022@life-experience-workspace',
    );
  });
  it('folds lines longer than 75 octets', () => {
    const line = `SUMMARY:${'Navigating the Transition to Civilian Life: ’'.repeat(3)}`;
    const folded = fold(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => new TextEncoder().encode(p).length <= 75)).toBe(true);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(fold('SUMMARY:short')).toBe('SUMMARY:short');
  });
});

/*
 * A-11 280.12 gives these dates for FY 2025; later years inherit them, moved to the previous
 * business day when they fall on a weekend or federal holiday. Each row checked against a printed
 * calendar (`date -d`): weekday of the inherited month-day, the holiday observed that day (OPM:
 * Washington's Birthday = third Monday of February, Memorial Day = last Monday of May).
 */
describe('inherited dates move to the previous business day (FY 2026–2029)', () => {
  const table: [string, number, string, string][] = [
    // key, FY, same month-day (weekday / holiday), date used
    ['capacity_assessment', 2026, '2026-02-21 Saturday', '2026-02-20'],
    ['deep_dive', 2026, '2026-04-23 Thursday', '2026-04-23'],
    ['draft_action_plan', 2026, '2026-05-30 Saturday', '2026-05-29'],
    ['priority_services', 2026, '2026-05-31 Sunday', '2026-05-29'],
    ['final_action_plan', 2026, '2026-09-09 Wednesday', '2026-09-09'],
    ['capacity_assessment', 2027, '2027-02-21 Sunday', '2027-02-19'],
    ['deep_dive', 2027, '2027-04-23 Friday', '2027-04-23'],
    ['draft_action_plan', 2027, '2027-05-30 Sunday', '2027-05-28'],
    ['priority_services', 2027, '2027-05-31 Monday, Memorial Day', '2027-05-28'],
    ['final_action_plan', 2027, '2027-09-09 Thursday', '2027-09-09'],
    ['capacity_assessment', 2028, "2028-02-21 Monday, Washington's Birthday", '2028-02-18'],
    ['deep_dive', 2028, '2028-04-23 Sunday', '2028-04-21'],
    ['draft_action_plan', 2028, '2028-05-30 Tuesday (Memorial Day is the 29th)', '2028-05-30'],
    ['priority_services', 2028, '2028-05-31 Wednesday', '2028-05-31'],
    ['final_action_plan', 2028, '2028-09-09 Saturday', '2028-09-08'],
    ['capacity_assessment', 2029, '2029-02-21 Wednesday', '2029-02-21'],
    ['deep_dive', 2029, '2029-04-23 Monday', '2029-04-23'],
    ['draft_action_plan', 2029, '2029-05-30 Wednesday', '2029-05-30'],
    ['priority_services', 2029, '2029-05-31 Thursday', '2029-05-31'],
    ['final_action_plan', 2029, '2029-09-09 Sunday', '2029-09-07'],
  ];
  it.each(table)('%s, FY %i: %s → %s', (key, fy, same, date) => {
    const sameDay = same.slice(0, 10);
    const moved = sameDay !== date;
    expect(inheritedDate(fy, key, isFederalHoliday)).toEqual(
      moved ? { date, source: 'inherited', shiftedFrom: sameDay } : { date, source: 'inherited' },
    );
    const event = fiscalYearCalendar(fy, isFederalHoliday).find((e) => e.key === key)!;
    expect(event).toMatchObject({ date, source: 'inherited' });
    // The date used is a business day: a weekday and no federal holiday.
    expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
    expect(isFederalHoliday(date)).toBe(false);
  });
  it('the weekdays and holidays in the table are the real calendar’s', () => {
    for (const [, , same] of table) {
      const [day, rest] = [same.slice(0, 10), same.slice(11)];
      const weekday = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
        weekday: 'long',
        timeZone: 'UTC',
      });
      expect(rest.startsWith(weekday)).toBe(true);
      const holiday = /, (.+)$/.exec(rest)?.[1] ?? null;
      expect(federalHolidayName(day)).toBe(holiday);
    }
  });
  it('the previous business day skips a weekend and a Monday holiday together', () => {
    // Memorial Day 2027 (Monday, May 31) → Sunday → Saturday → Friday, May 28.
    expect(previousBusinessDay('2027-05-31', isFederalHoliday)).toBe('2027-05-28');
    // Washington's Birthday 2028 (Monday, February 21) → Friday, February 18.
    expect(previousBusinessDay('2028-02-21', isFederalHoliday)).toBe('2028-02-18');
    expect(previousBusinessDay('2027-02-19', isFederalHoliday)).toBe('2027-02-19');
  });
  it('a New Year’s Day observed on December 31 is a holiday in the old year too', () => {
    // January 1, 2028 is a Saturday: observed Friday, December 31, 2027.
    expect(isFederalHoliday('2027-12-31')).toBe(true);
    expect(federalHolidayName('2027-12-31')).toBe("New Year's Day");
    expect(isFederalHoliday('2027-12-30')).toBe(false);
  });
  it('says who set each date, and why an inherited one moved', () => {
    const events = fiscalYearCalendar(
      2027,
      isFederalHoliday,
      new Map([['deep_dive', '2027-04-28']]),
    );
    const text = (key: string) =>
      sourceText(
        events.find((e) => e.key === key)!,
        2027,
        federalHolidayName,
      );
    expect(text('capacity_assessment')).toBe(
      'FY 2025’s February 21, moved to the business day before: February 21, 2027 is a Sunday',
    );
    expect(text('priority_services')).toBe(
      'FY 2025’s May 31, moved to the business day before: May 31, 2027 is Memorial Day, a federal holiday',
    );
    expect(text('final_action_plan')).toBe('FY 2025’s September 9, on the same day');
    expect(text('deep_dive')).toBe('For FY 2027, in place of the inherited Friday, April 23, 2027');
    expect(text('feedback_q1')).toBe(
      'The rule in A-11: the last business day of the month after the quarter',
    );
    expect(
      sourceText(
        fiscalYearCalendar(2027, isFederalHoliday, new Map([['pmc_update_q3', '2027-08-20']])).find(
          (e) => e.key === 'pmc_update_q3',
        )!,
        2027,
        federalHolidayName,
      ),
    ).toBe('For FY 2027, in place of the workspace’s default Tuesday, August 31, 2027');
    expect(text('pmc_update_q1')).toBe(
      'The workspace’s default, as A-11 sets no date: the last business day of the second month after the quarter',
    );
    expect(
      sourceText(
        fiscalYearCalendar(2025, isFederalHoliday).find((e) => e.key === 'deep_dive')!,
        2025,
        federalHolidayName,
      ),
    ).toBe('The date A-11 gives for FY 2025');
  });
});
