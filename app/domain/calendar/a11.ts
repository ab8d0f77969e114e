/**
 * The A-11 Section 280 calendar (280.12, 280.14). Quarterly post-transaction feedback data is due
 * the last business day of the month after each quarter ends (fiscal years start October 1), so
 * FY 2025's are January 31, April 30, July 31 and October 31, 2025. Business days skip weekends and
 * federal holidays; the caller supplies the holiday test (a maintained holiday library).
 *
 * The other dates are the text's for FY 2025. Later (and earlier) fiscal years inherit them on the
 * same month and day; an inherited date that falls on a weekend or a federal holiday moves to the
 * previous business day (FY 2027's February 21 is a Sunday: Friday, February 19). The text's own
 * FY 2025 dates stand as printed. An OMB lead may set any of them for a year
 * (docs/decisions/018-calendar-business-days-and-new-marker.md).
 */

import { dateFormat, daysLeft } from '../dates';

export type IsHoliday = (isoDate: string) => boolean;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A weekday that is not a federal holiday (`isHoliday` decides which). */
export const isBusinessDay = (d: Date, isHoliday: IsHoliday) =>
  d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !isHoliday(iso(d));

/** The last business day of a calendar month (month 1–12). */
export function lastBusinessDay(year: number, month: number, isHoliday: IsHoliday): string {
  const d = new Date(Date.UTC(year, month, 0)); // day 0 of the next month = last day of this one
  while (!isBusinessDay(d, isHoliday)) d.setUTCDate(d.getUTCDate() - 1);
  return iso(d);
}

/** `isoDate` if it is a business day, else the business day before it (weekends, holidays). */
export function previousBusinessDay(isoDate: string, isHoliday: IsHoliday): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  while (!isBusinessDay(d, isHoliday)) d.setUTCDate(d.getUTCDate() - 1);
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

/**
 * When each quarter's PMC update is due. A-11 sets no date for it, so this is the workspace's
 * default until an OMB lead sets the year's own: the last business day of the second month after
 * the quarter, a month after that quarter's customer feedback data is due, so the update can
 * report it (FY 2025: February 28, May 30, August 29, November 28, 2025).
 */
export function pmcUpdateDue(fy: number, isHoliday: IsHoliday): { quarter: number; due: string }[] {
  return [
    { quarter: 1, year: fy, month: 2 },
    { quarter: 2, year: fy, month: 5 },
    { quarter: 3, year: fy, month: 8 },
    { quarter: 4, year: fy, month: 11 },
  ].map(({ quarter, year, month }) => ({ quarter, due: lastBusinessDay(year, month, isHoliday) }));
}

/** The fiscal year whose dates the text gives (A-11 280.12, as published for FY 2025). */
export const TEXT_YEAR = 2025;

/** Dates the text gives for FY 2025, by key, as month-day in the fiscal year's calendar year. */
export const DEFAULT_DATES: { key: string; label: string; monthDay: string }[] = [
  { key: 'capacity_assessment', label: 'CX Capacity Assessment due', monthDay: '02-21' },
  { key: 'deep_dive', label: 'Deep Dive', monthDay: '04-23' },
  { key: 'draft_action_plan', label: 'Draft CX Action Plan due', monthDay: '05-30' },
  { key: 'priority_services', label: 'Priority services designated', monthDay: '05-31' },
  { key: 'final_action_plan', label: 'Final CX Action Plan due', monthDay: '09-09' },
];

/** The PMC update's quarterly due dates, by key (`pmcUpdateDue`). */
export const PMC_UPDATE_DATES = [1, 2, 3, 4].map((q) => ({
  key: `pmc_update_q${q}`,
  label: `PMC quarterly update due (Q${q})`,
}));

/** Every date an OMB lead may set for a year: the text's fixed dates and the PMC update's. */
export const SETTABLE_DATES: { key: string; label: string }[] = [
  ...DEFAULT_DATES,
  ...PMC_UPDATE_DATES,
];

/**
 * Who set a date: `text` — A-11 gives it (FY 2025's dates, and the quarterly rule every year);
 * `inherited` — FY 2025's month and day carried to this year (moved to a business day if need be);
 * `workspace` — A-11 gives none, the workspace's default (the PMC update's);
 * `omb` — an OMB lead set it for this year.
 */
export type DateSource = 'text' | 'inherited' | 'workspace' | 'omb';

export interface CalendarEvent {
  key: string;
  label: string;
  date: string;
  source: DateSource;
  /** An inherited date moved off a weekend or holiday: the month and day it would have fallen on. */
  shiftedFrom?: string;
  /** True when an OMB lead set this year's date instead of the default. */
  overridden?: boolean;
  /** For a date an OMB lead set: the text's or inherited date it replaces. */
  replaces?: string;
}

/**
 * One of the text's fixed dates (DEFAULT_DATES `key`) in fiscal year `fy`, before any OMB lead's
 * date: the text's own in FY 2025; otherwise inherited, on the previous business day when the
 * same month and day is a weekend or federal holiday. Undefined for an unknown key.
 */
export function inheritedDate(
  fy: number,
  key: string,
  isHoliday: IsHoliday,
): { date: string; source: 'text' | 'inherited'; shiftedFrom?: string } | undefined {
  const d = DEFAULT_DATES.find((x) => x.key === key);
  if (!d) return undefined;
  const same = `${fy}-${d.monthDay}`;
  if (fy === TEXT_YEAR) return { date: same, source: 'text' };
  const date = previousBusinessDay(same, isHoliday);
  return date === same
    ? { date, source: 'inherited' }
    : { date, source: 'inherited', shiftedFrom: same };
}

/**
 * All A-11 Section 280 dates of a fiscal year, by date, each with who set it: the text, inherited
 * from FY 2025 (on a business day), or an OMB lead (`overrides`: key → YYYY-MM-DD for this year).
 */
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
      source: 'text' as const,
    })),
    ...DEFAULT_DATES.map((d) => ({
      key: d.key,
      label: d.label,
      ...inheritedDate(fy, d.key, isHoliday)!,
    })),
    ...pmcUpdateDue(fy, isHoliday).map((q) => ({
      key: `pmc_update_q${q.quarter}`,
      label: `PMC quarterly update due (FY ${fy} Q${q.quarter})`,
      date: q.due,
      source: 'workspace' as const,
    })),
  ].map((e): CalendarEvent => {
    const set = overrides.get(e.key);
    return set === undefined
      ? e
      : {
          key: e.key,
          label: e.label,
          date: set,
          source: 'omb',
          overridden: true,
          replaces: e.date,
        };
  });
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** "Friday" for 2027-02-19. */
export function weekdayOf(isoDate: string): string {
  return dateFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

const longDate = (isoDate: string) =>
  dateFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

/**
 * Who set a date of fiscal year `fy` and why it falls where it does, in words (the calendar's
 * "Set by" column): the text, inherited from FY 2025 (and why it moved), or an OMB lead (and the
 * inherited date it replaces). `holidayName` names the federal holiday on a date, or gives null.
 */
export function sourceText(
  e: Pick<CalendarEvent, 'key' | 'source' | 'shiftedFrom' | 'replaces'>,
  fy: number,
  holidayName: (isoDate: string) => string | null,
): string {
  if (e.source === 'omb') {
    if (!e.replaces) return `For FY ${fy}`;
    const replaced = e.key.startsWith('pmc_update_') ? 'workspace’s default' : 'inherited';
    return `For FY ${fy}, in place of the ${replaced} ${weekdayOf(e.replaces)}, ${longDate(e.replaces)}`;
  }
  if (e.source === 'workspace')
    return 'The workspace’s default, as A-11 sets no date: the last business day of the second month after the quarter';
  if (e.source === 'text')
    return e.key.startsWith('feedback_')
      ? 'The rule in A-11: the last business day of the month after the quarter'
      : `The date A-11 gives for FY ${TEXT_YEAR}`;
  const monthDay = DEFAULT_DATES.find((d) => d.key === e.key)?.monthDay;
  const from = monthDay ? longDate(`${TEXT_YEAR}-${monthDay}`).replace(`, ${TEXT_YEAR}`, '') : '';
  if (!e.shiftedFrom) return `FY ${TEXT_YEAR}’s ${from}, on the same day`;
  const holiday = holidayName(e.shiftedFrom);
  const why = holiday ? `${holiday}, a federal holiday` : `a ${weekdayOf(e.shiftedFrom)}`;
  return `FY ${TEXT_YEAR}’s ${from}, moved to the business day before: ${longDate(e.shiftedFrom)} is ${why}`;
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

export interface CyclePhase {
  phase: string;
  fy: number;
  start: string;
  end: string;
  /** `today` falls in this phase. */
  current: boolean;
  /** Days from today to the phase's last day (negative once it is over). */
  daysLeft: number;
  /** Days from today to the phase's first day (negative once it has begun). */
  daysToStart: number;
}

export interface CycleDays {
  phases: CyclePhase[];
  /** The phase `today` is in, or null before or after the cycle. */
  currentPhase: string | null;
  /** Days left in the current phase; null outside the cycle. */
  daysLeftInPhase: number | null;
  /** Days from today to the cycle's last day (negative once it is over). */
  daysLeftInCycle: number;
  /** Days from today to the cycle's first day (negative once it has begun). */
  daysToStart: number;
}

/** A portfolio's phase cycle as of `today`: where it stands and the days left in each part. */
export function phaseCycleDays(cycleStartFy: number, today: string): CycleDays {
  const phases = phaseCycle(cycleStartFy).map((c) => ({
    ...c,
    current: c.start <= today && today <= c.end,
    daysLeft: daysLeft(c.end, today),
    daysToStart: daysLeft(c.start, today),
  }));
  const current = phases.find((c) => c.current) ?? null;
  return {
    phases,
    currentPhase: current?.phase ?? null,
    daysLeftInPhase: current?.daysLeft ?? null,
    daysLeftInCycle: phases.at(-1)!.daysLeft,
    daysToStart: phases[0]!.daysToStart,
  };
}

/** Each portfolio's four phases as calendar spans, for the .ics export. */
export function phaseCycleEvents(
  portfolios: { slug: string; name: string; cycleStartFy: number }[],
): IcsEvent[] {
  return portfolios.flatMap((p) =>
    phaseCycle(p.cycleStartFy).map((c) => ({
      key: `phase-${p.slug}-${c.phase.toLowerCase()}`,
      // The same span in every fiscal year's file, so importing several does not repeat it.
      uid: `phase-${p.slug}-${c.phase.toLowerCase()}-fy${c.fy}`,
      label: `${p.name}: ${c.phase} phase (FY ${c.fy})`,
      date: c.start,
      end: c.end,
    })),
  );
}

export interface IcsEvent {
  key: string;
  label: string;
  /** The first day (YYYY-MM-DD). */
  date: string;
  /** The last day, for an event over several days; a one-day event without. */
  end?: string;
  /** The event's UID before the domain; `<key>-fy<fy>` without. */
  uid?: string;
}

/** The calendar as iCalendar (RFC 5545): all-day events, one per date or span of days. */
export function toIcs(events: IcsEvent[], fy: number, stamp: string): string {
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
      `UID:${e.uid ?? `${e.key}-fy${fy}`}@life-experience-workspace`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day(e.date)}`,
      // DTEND is exclusive: the day after the last one.
      `DTEND;VALUE=DATE:${next(e.end ?? e.date)}`,
      `SUMMARY:${esc(e.label)}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

const encoder = new TextEncoder();

/** RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space. */
export function fold(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += ch;
    octets += n;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
