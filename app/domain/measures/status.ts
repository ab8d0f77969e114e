/**
 * Whether a project's success measure is on track (issue 20; A-11 §280.16: the Measurement phase
 * exists "to evaluate and ensure designs are working to achieve outcomes"). The rule:
 *
 * - The expected value on a date is the straight line from the baseline (value, date) to the
 *   target (value, date): the baseline before its date, the target after its date.
 * - The latest actual, compared with the expected value on its own date, in the measure's
 *   direction: meets or beats it → on track; falls short by no more than the tolerance → at risk;
 *   beyond it → off track. The tolerance is a share of the baseline-to-target distance that the
 *   team sets (10 % unless they say otherwise).
 * - No actual within the measure's cadence (a month, a quarter, half a year, a year) before
 *   today → no recent data, whatever the last one said.
 *
 * Pure: values in, the status and the sentence that says why out.
 */
import { formatDate } from '~/domain/portfolio/labels';
import { upToTwoDecimals } from '~/domain/numbers';

export type Direction = 'higher' | 'lower';
export type Cadence = 'monthly' | 'quarterly' | 'semiannual' | 'annual';
export type MeasureStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_recent_data';

export const DEFAULT_TOLERANCE = 0.1;

/** Months in each cadence: an actual must fall within that many months before today. */
export const CADENCE_MONTHS: Record<Cadence, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
};

export const STATUS_LABELS: Record<MeasureStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_recent_data: 'No recent data',
};

export interface Point {
  value: number;
  /** YYYY-MM-DD. */
  date: string;
}

export interface MeasureForStatus {
  direction: Direction;
  baseline: Point;
  target: Point;
  cadence: Cadence;
  /** A share of the baseline-to-target distance, 0 to 1; null for the default. */
  tolerance: number | null;
  /** Written after each figure: "%", " hours", " days". */
  unit: string;
  actuals: readonly Point[];
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The value the line from baseline to target expects on `date`. */
export function expectedOn(m: Pick<MeasureForStatus, 'baseline' | 'target'>, date: string): number {
  const from = day(m.baseline.date);
  const to = day(m.target.date);
  const at = day(date);
  if (to <= from || at >= to) return at < from ? m.baseline.value : m.target.value;
  if (at <= from) return m.baseline.value;
  return m.baseline.value + ((m.target.value - m.baseline.value) * (at - from)) / (to - from);
}

/** `months` calendar months before `iso` (the 31st of a short month falls back to its end). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A figure as people read it: at most two decimals, thousands separated, with its unit. */
export function figure(value: number, unit: string): string {
  const n = upToTwoDecimals(value);
  return unit === '%' ? `${n}%` : `${n}${unit}`;
}

/** A difference between two figures: percentage points for a percentage, else as a figure. */
export function difference(value: number, unit: string): string {
  if (unit !== '%') return figure(value, unit);
  const n = upToTwoDecimals(value);
  return `${n} ${value === 1 ? 'point' : 'points'}`;
}

export interface StatusResult {
  status: MeasureStatus;
  reason: string;
  /** The latest actual, and what the line expected on its date (null without one). */
  latest: Point | null;
  expected: number | null;
}

export function measureStatus(m: MeasureForStatus, today: string): StatusResult {
  const past = m.actuals.filter((a) => a.date <= today);
  const latest = past.reduce<Point | null>(
    (best, a) => (best === null || a.date >= best.date ? a : best),
    null,
  );
  const since = monthsBefore(today, CADENCE_MONTHS[m.cadence]);
  if (latest === null)
    return {
      status: 'no_recent_data',
      reason: 'No actual value recorded yet.',
      latest,
      expected: null,
    };
  const expected = expectedOn(m, latest.date);
  const f = (v: number) => figure(v, m.unit);
  const said = `${f(latest.value)} on ${formatDate(latest.date)}, against ${f(expected)} expected by then`;
  if (latest.date < since)
    return {
      status: 'no_recent_data',
      reason: `No actual value since ${formatDate(since)} (${m.cadence} cadence); the last was ${said}.`,
      latest,
      expected,
    };
  const shortfall = m.direction === 'higher' ? expected - latest.value : latest.value - expected;
  const distance = Math.abs(m.target.value - m.baseline.value);
  const share = m.tolerance ?? DEFAULT_TOLERANCE;
  const allowed = share * distance;
  // Compared in whole hundred-thousandths, so 0.1 × 20 is exactly 2 at the boundary.
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  if (round(shortfall) <= 0)
    return { status: 'on_track', reason: `Meets or beats the line: ${said}.`, latest, expected };
  const tolerance = `the tolerance of ${difference(round(allowed), m.unit)} (${figure(share * 100, '%')} of the way from baseline to target)`;
  if (round(shortfall) <= round(allowed))
    return {
      status: 'at_risk',
      reason: `Short by ${difference(round(shortfall), m.unit)}, within ${tolerance}: ${said}.`,
      latest,
      expected,
    };
  return {
    status: 'off_track',
    reason: `Short by ${difference(round(shortfall), m.unit)}, beyond ${tolerance}: ${said}.`,
    latest,
    expected,
  };
}
