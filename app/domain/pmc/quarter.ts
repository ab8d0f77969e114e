/**
 * Fiscal quarters (fiscal years start October 1) and how a milestone reads in a quarter's PMC
 * update: completed in the quarter, in progress, newly added, or missed.
 */
import type { MilestoneStatus } from '../portfolio/types';

/** First and last day of fiscal quarter `q` (1–4) of fiscal year `fy`. */
export function quarterBounds(fy: number, q: number): { start: string; end: string } {
  const months = [
    [fy - 1, '10-01', fy - 1, '12-31'],
    [fy, '01-01', fy, '03-31'],
    [fy, '04-01', fy, '06-30'],
    [fy, '07-01', fy, '09-30'],
  ] as const;
  const [sy, sd, ey, ed] = months[q - 1]!;
  return { start: `${sy}-${sd}`, end: `${ey}-${ed}` };
}

/** The fiscal quarter a date falls in. */
export function quarterOf(isoDate: string): { fy: number; q: number } {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  if (m >= 10) return { fy: y + 1, q: 1 };
  return { fy: y, q: Math.floor((m - 1) / 3) + 2 };
}

export interface MilestoneFacts {
  status: MilestoneStatus;
  timingFy: number | null;
  timingQuarter: number | null;
  dueDate: string | null;
  completedOn: string | null;
  createdAt: string;
}

export type QuarterBucket = 'completed' | 'in_progress' | 'new' | 'missed';

/** In which lists of the quarter's update a milestone appears (it may be new and in progress). */
export function milestoneBuckets(m: MilestoneFacts, fy: number, q: number): QuarterBucket[] {
  const { start, end } = quarterBounds(fy, q);
  const within = (d: string | null) =>
    d !== null && d.slice(0, 10) >= start && d.slice(0, 10) <= end;
  const timedInQuarter =
    within(m.dueDate) || (m.timingFy === fy && (m.timingQuarter === q || m.timingQuarter === null));
  const buckets: QuarterBucket[] = [];
  if (
    m.status === 'completed' &&
    (within(m.completedOn) || (m.completedOn === null && timedInQuarter))
  ) {
    buckets.push('completed');
  }
  if (m.status === 'in_progress') buckets.push('in_progress');
  if (m.status === 'missed' && timedInQuarter) buckets.push('missed');
  if (within(m.createdAt)) buckets.push('new');
  return buckets;
}
