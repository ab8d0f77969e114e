/**
 * The A-11 Section 280 calendar (280.12, 280.14). Quarterly post-transaction feedback data is due
 * the last business day of the month after each quarter ends (fiscal years start October 1), so
 * FY 2025's are January 31, April 30, July 31 and October 31, 2025. Business days skip weekends and
 * federal holidays; the caller supplies the holiday test (a maintained holiday library).
 *
 * The other dates come from the text for FY 2025 and are defaults, editable per year.
 */

export type IsHoliday = (isoDate: string) => boolean;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last business day of a calendar month (month 1–12). */
export function lastBusinessDay(year: number, month: number, isHoliday: IsHoliday): string {
  const d = new Date(Date.UTC(year, month, 0)); // day 0 of the next month = last day of this one
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || isHoliday(iso(d)))
    d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}

/** Quarterly feedback due dates of fiscal year `fy`: Q1 (Oct–Dec) is due at the end of January. */
export function quarterlyFeedbackDue(
  fy: number,
  isHoliday: IsHoliday,
): { quarter: number; due: string }[] {
  // Quarter q ends in month 12, 3, 6, 9; data is due at the end of the month after.
  return [
    { quarter: 1, year: fy, month: 1 },
    { quarter: 2, year: fy, month: 4 },
    { quarter: 3, year: fy, month: 7 },
    { quarter: 4, year: fy, month: 10 },
  ].map(({ quarter, year, month }) => ({ quarter, due: lastBusinessDay(year, month, isHoliday) }));
}

/** Dates the text gives for FY 2025, by key, as month-day in the fiscal year's calendar year. */
export const DEFAULT_DATES: { key: string; label: string; monthDay: string }[] = [
  { key: 'capacity_assessment', label: 'CX Capacity Assessment due', monthDay: '02-21' },
  { key: 'deep_dive', label: 'Deep Dive', monthDay: '04-23' },
  { key: 'draft_action_plan', label: 'Draft CX Action Plan due', monthDay: '05-30' },
  { key: 'priority_services', label: 'Priority services designated', monthDay: '05-31' },
  { key: 'final_action_plan', label: 'Final CX Action Plan due', monthDay: '09-09' },
];

export interface CalendarEvent {
  key: string;
  label: string;
  date: string;
  /** True when an OMB lead set this year's date instead of the default. */
  overridden?: boolean;
}

/** All A-11 Section 280 dates of a fiscal year, with this year's overrides applied, by date. */
export function fiscalYearCalendar(
  fy: number,
  isHoliday: IsHoliday,
  overrides: ReadonlyMap<string, string> = new Map(),
): CalendarEvent[] {
  const events: CalendarEvent[] = [
    ...quarterlyFeedbackDue(fy, isHoliday).map((q) => ({
      key: `feedback_q${q.quarter}`,
      label: `Quarterly customer feedback data due (FY ${fy} Q${q.quarter})`,
      date: q.due,
    })),
    ...DEFAULT_DATES.map((d) => ({ key: d.key, label: d.label, date: `${fy}-${d.monthDay}` })),
  ].map((e) =>
    overrides.has(e.key) ? { ...e, date: overrides.get(e.key)!, overridden: true } : e,
  );
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A portfolio's phase cycle: four fiscal years from its first (A-11 280.16). */
export function phaseCycle(
  cycleStartFy: number,
): { phase: string; fy: number; start: string; end: string }[] {
  return ['Discovery', 'Design', 'Development', 'Measurement'].map((phase, i) => {
    const fy = cycleStartFy + i;
    return { phase, fy, start: `${fy - 1}-10-01`, end: `${fy}-09-30` };
  });
}

/** The calendar as iCalendar (RFC 5545), one all-day event per date. */
export function toIcs(
  events: { key: string; label: string; date: string }[],
  fy: number,
  stamp: string,
): string {
  const esc = (t: string) =>
    t.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
  const day = (isoDate: string) => isoDate.replaceAll('-', '');
  const next = (isoDate: string) => {
    const d = new Date(`${isoDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return day(iso(d));
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Life Experience Workspace//A-11 Section 280 calendar//EN',
    'CALSCALE:GREGORIAN',
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.key}-fy${fy}@life-experience-workspace`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(e.date)}`,
      `DTEND;VALUE=DATE:${next(e.date)}`,
      `SUMMARY:${esc(e.label)}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
