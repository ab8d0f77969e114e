/**
 * Fiscal quarters (fiscal years start October 1) and how a milestone reads in a quarter's PMC
 * update: completed in the quarter, in progress, newly added, or missed; and whether it is new or
 * changed since the last published update.
 */
import type { MilestoneStatus } from '../portfolio/types';
import { formatDate } from '../portfolio/labels';

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

/**
 * When a milestone counts as new or changed in an update: since the last published update
 * (`since`, its publication time), or, when none was published, within the update's quarter.
 */
export interface NewWindow {
  since: string | null;
  start: string;
  end: string;
}

/** The window of fiscal quarter `q` of `fy`, after the last published update if there is one. */
export function newWindow(fy: number, q: number, since: string | null): NewWindow {
  return { since, ...quarterBounds(fy, q) };
}

/** Is the audit time `at` (ISO timestamp) inside the window? */
export function inWindow(at: string, w: NewWindow): boolean {
  if (w.since !== null) return at > w.since;
  const day = at.slice(0, 10);
  return day >= w.start && day <= w.end;
}

/** A milestone's audited changes by people: its creation, later updates (action, ISO time). */
export interface MilestoneEvent {
  action: string;
  at: string;
}

/** New (created) or changed (since or in the quarter), with the time it happened. */
export interface Freshness {
  kind: 'new' | 'changed';
  /** When it was created (new) or last changed (changed), an ISO timestamp. */
  at: string;
}

/**
 * Whether a milestone is new or changed in an update (issue 16: "new" means created or changed
 * since the last published update, or in the quarter when none was published). It is read from
 * the audit log, so milestones the workspace was seeded with (public data from earlier years) are
 * neither until a person changes them. Created in the window: new, with the creation time;
 * otherwise changed in the window: changed, with the latest change's time; otherwise null.
 */
export function freshness(events: readonly MilestoneEvent[], w: NewWindow): Freshness | null {
  const within = events.filter((e) => inWindow(e.at, w));
  const created = within.find((e) => e.action === 'create');
  if (created) return { kind: 'new', at: created.at };
  const latest = within
    .filter((e) => e.action !== 'delete')
    .reduce<string | null>((max, e) => (max === null || e.at > max ? e.at : max), null);
  return latest === null ? null : { kind: 'changed', at: latest };
}

/** "New December 4, 2026" / "Changed December 4, 2026", the day in Eastern time. */
export function freshnessText(f: Freshness): string {
  return `${f.kind === 'new' ? 'New' : 'Changed'} ${formatDate(f.at)}`;
}

export interface MilestoneFacts {
  status: MilestoneStatus;
  timingFy: number | null;
  timingQuarter: number | null;
  dueDate: string | null;
  completedOn: string | null;
  /** New or changed in the update's window (see `freshness`). */
  fresh: Freshness | null;
}

export type QuarterBucket = 'completed' | 'in_progress' | 'new' | 'missed';

/**
 * In which lists of the quarter's update a milestone appears (it may be new and in progress). A
 * milestone created in the update's window is listed as new; one only changed is marked where it
 * is listed, and is not listed for that alone.
 */
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
  if (m.fresh?.kind === 'new') buckets.push('new');
  return buckets;
}
