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

/** "2025-01-31" → "January 31, 2025" (dates are calendar dates: no time zone shift). */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
