import { allForYear } from '@18f/us-federal-holidays';
import { describe, expect, it } from 'vitest';
import {
  fiscalYearCalendar,
  fold,
  lastBusinessDay,
  phaseCycle,
  phaseCycleDays,
  phaseCycleEvents,
  quarterlyFeedbackDue,
  toIcs,
} from '~/domain/calendar/a11';

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

describe('the fiscal year calendar', () => {
  it('FY 2025 in order, with the text’s dates', () => {
    const events = fiscalYearCalendar(2025, isHoliday);
    expect(events.map((e) => `${e.date} ${e.key}`)).toEqual([
      '2025-01-31 feedback_q1',
      '2025-02-21 capacity_assessment',
      '2025-04-23 deep_dive',
      '2025-04-30 feedback_q2',
      '2025-05-30 draft_action_plan',
      '2025-05-31 priority_services',
      '2025-07-31 feedback_q3',
      '2025-09-09 final_action_plan',
      '2025-10-31 feedback_q4',
    ]);
  });
  it('an OMB lead’s date for the year replaces the default', () => {
    const events = fiscalYearCalendar(2026, isHoliday, new Map([['deep_dive', '2026-04-28']]));
    expect(events.find((e) => e.key === 'deep_dive')).toMatchObject({
      date: '2026-04-28',
      overridden: true,
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
