import type { Health, MilestoneStatus, Phase } from './types';

/** The four phases of the Life Experience cycle, in order (A-11 280.16). */
export const PHASES: readonly Phase[] = ['discovery', 'design', 'development', 'measurement'];

export const PHASE_LABELS: Record<Phase, string> = {
  discovery: 'Discovery',
  design: 'Design',
  development: 'Development',
  measurement: 'Measurement',
};

export const PHASE_PURPOSE: Record<Phase, string> = {
  discovery: "Understand people's experiences and opportunities for improvement",
  design: 'Build and test solutions',
  development: 'Scale interventions that work',
  measurement: 'Evaluate that designs achieve outcomes',
};

export const HEALTH_LABELS: Record<Health, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  completed: 'Completed',
  missed: 'Missed',
};

/**
 * A milestone's timing as performance.gov prints it: "FY24 Q3", or a date, or "Not set".
 * Fiscal years start October 1.
 */
export function formatTiming(m: {
  timing_fy: number | null;
  timing_quarter: number | null;
  due_date: string | null;
}): string {
  if (m.due_date) return formatDate(m.due_date);
  if (m.timing_fy !== null) {
    const fy = `FY${String(m.timing_fy % 100).padStart(2, '0')}`;
    return m.timing_quarter !== null ? `${fy} Q${m.timing_quarter}` : fy;
  }
  return 'Not set';
}

const LONG_DATE = { year: 'numeric', month: 'long', day: 'numeric' } as const;
const EASTERN_DAY = new Intl.DateTimeFormat('en-US', {
  ...LONG_DATE,
  timeZone: 'America/New_York',
});
/** Made once: `toLocaleDateString` with options builds a formatter on every call. */
const CALENDAR_DAY = new Intl.DateTimeFormat('en-US', { ...LONG_DATE, timeZone: 'UTC' });

/**
 * One date format for people: "2025-01-31" → "January 31, 2025". A calendar date (YYYY-MM-DD)
 * is shown as written; a moment (an ISO timestamp such as a request's `2026-12-05T00:08:00Z`) is
 * shown as its day in Eastern time, the zone histories use (app/domain/history/time.ts), so a
 * request made at 7 PM Eastern reads as that day everywhere, not as the next day in UTC.
 */
export function formatDate(isoDate: string): string {
  const known = written.get(isoDate);
  if (known !== undefined) return known;
  const text = dateText(isoDate);
  if (written.size >= WRITTEN_MAX) written.clear();
  written.set(isoDate, text);
  return text;
}

/**
 * Dates already written: pages list the same due dates and days again and again, and formatting
 * costs microseconds each (a PMC preview writes hundreds). Bounded; emptied when full.
 */
const WRITTEN_MAX = 20_000;
const written = new Map<string, string>();

function dateText(isoDate: string): string {
  if (isoDate.length > 10) {
    const moment = new Date(isoDate);
    if (!Number.isNaN(moment.getTime())) return EASTERN_DAY.format(moment);
  }
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return CALENDAR_DAY.format(new Date(Date.UTC(y, m - 1, d)));
}
