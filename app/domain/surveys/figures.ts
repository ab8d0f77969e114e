/**
 * The figures of one collection's quarter of post-transaction survey data (A-11 §280.14; issue
 * 20, point 3). The rules, in one place:
 *
 * - Respondents: the rows imported. Response rate: respondents ÷ customers offered the survey.
 * - Trust: the share of respondents who answered the trust question (`question_1`)
 *   affirmatively: thumbs up (1) on a thumbs collection; on a Likert collection, the points the
 *   collection counts as agreeing (4 and 5 unless it says otherwise), always named beside it.
 * - Each driver: the share of respondents shown that question who chose it, positive and
 *   negative apart. A blank means the question was not shown: it leaves the denominator.
 * - Suppression: no percentage for fewer than the minimum number of respondents the OMB lead
 *   sets (30 unless set): the count is shown instead, and why. A driver's percentage is
 *   suppressed on its own denominator, the respondents shown it; the response rate and the
 *   quarter-over-quarter change on the respondents.
 * - Quarter over quarter: trust minus the previous fiscal quarter's trust, in percentage points,
 *   when both quarters show a percentage.
 *
 * Pure. The tally is counted once, when a file is imported (`addToTally`); every figure is
 * computed from it, so changing the Likert points or the minimum needs no re-import.
 */
import { DRIVERS, type Driver, type Scale, type SurveyRow } from './format';
import { upToOneDecimal } from '../numbers';

export const DEFAULT_MINIMUM = 30;
export const DEFAULT_LIKERT_AFFIRMATIVE = [4, 5] as const;

export interface DriverCount {
  /** Respondents shown the positive (negative) question: a 0 or 1 in its column. */
  positiveShown: number;
  positive: number;
  negativeShown: number;
  negative: number;
}

export interface Tally {
  respondents: number;
  /** Respondents per answer to question_1: index 0–5 (0 and 1 on thumbs, 1–5 on Likert). */
  question1: number[];
  drivers: Record<Driver, DriverCount>;
  /** Rows with open text kept (masked). */
  openText: number;
}

export function emptyTally(): Tally {
  const drivers = {} as Record<Driver, DriverCount>;
  for (const d of DRIVERS)
    drivers[d] = { positiveShown: 0, positive: 0, negativeShown: 0, negative: 0 };
  return { respondents: 0, question1: [0, 0, 0, 0, 0, 0], drivers, openText: 0 };
}

/** Counts one row into the tally (mutates it: a million rows are counted in one pass). */
export function addToTally(t: Tally, row: SurveyRow): void {
  t.respondents += 1;
  t.question1[row.question_1] = (t.question1[row.question_1] ?? 0) + 1;
  for (const d of DRIVERS) {
    const c = t.drivers[d];
    const p = row[`positive_${d}`];
    const n = row[`negative_${d}`];
    if (p !== null) {
      c.positiveShown += 1;
      c.positive += p;
    }
    if (n !== null) {
      c.negativeShown += 1;
      c.negative += n;
    }
  }
  if (row.question_4 !== null) t.openText += 1;
}

/** The answers that count as trusting: thumbs up, or the collection's Likert points. */
export function affirmativePoints(scale: Scale, likert: readonly number[]): number[] {
  return scale === 'thumbs' ? [1] : [...likert].sort((a, b) => a - b);
}

/** "4 and 5", "5", "3, 4 and 5"; "thumbs up" on a thumbs collection. */
export function affirmativeLabel(scale: Scale, likert: readonly number[]): string {
  if (scale === 'thumbs') return 'thumbs up counts as trusting';
  const p = affirmativePoints(scale, likert).map(String);
  const list = p.length === 1 ? p[0]! : `${p.slice(0, -1).join(', ')} and ${p.at(-1)}`;
  return `${list} on the 1–5 scale ${p.length === 1 ? 'counts' : 'count'} as agreeing`;
}

/** A share, or the count and why it is not shown as a percentage. */
export type Share =
  | { shown: true; percent: number; count: number; of: number }
  | { shown: false; count: number; of: number; reason: string };

export function share(count: number, of: number, minimum: number, ofWhat: string): Share {
  if (of < minimum || of === 0)
    return {
      shown: false,
      count,
      of,
      reason: `fewer than ${minimum.toLocaleString('en-US')} ${ofWhat}: no percentage`,
    };
  return { shown: true, percent: (100 * count) / of, count, of };
}

export interface CollectionSettings {
  scale: Scale;
  likertAffirmative: readonly number[];
  minimum: number;
}

export interface QuarterInput {
  tally: Tally;
  /** Customers offered the survey this quarter (Touchpoints' volume_of_customers_provided_survey_opportunity). */
  offered: number;
}

export interface QuarterFigures {
  respondents: number;
  responseRate: Share;
  trust: Share;
  trustRule: string;
  drivers: Record<Driver, { positive: Share; negative: Share }>;
}

export function quarterFigures(q: QuarterInput, s: CollectionSettings): QuarterFigures {
  const { tally } = q;
  const points = affirmativePoints(s.scale, s.likertAffirmative);
  const affirmative = points.reduce((sum, p) => sum + (tally.question1[p] ?? 0), 0);
  const drivers = {} as QuarterFigures['drivers'];
  for (const d of DRIVERS) {
    const c = tally.drivers[d];
    drivers[d] = {
      positive: share(c.positive, c.positiveShown, s.minimum, 'shown the question'),
      negative: share(c.negative, c.negativeShown, s.minimum, 'shown the question'),
    };
  }
  const n = tally.respondents;
  const responseRate: Share =
    q.offered <= 0
      ? { shown: false, count: n, of: q.offered, reason: 'no customers were offered the survey' }
      : n < s.minimum
        ? { ...share(n, n, s.minimum, 'respondents'), of: q.offered }
        : { shown: true, percent: (100 * n) / q.offered, count: n, of: q.offered };
  return {
    respondents: tally.respondents,
    responseRate,
    trust: share(affirmative, tally.respondents, s.minimum, 'respondents'),
    trustRule: affirmativeLabel(s.scale, s.likertAffirmative),
    drivers,
  };
}

/** The fiscal quarter before FY `fy` Q`q`. */
export function previousQuarter(fy: number, q: number): { fy: number; q: number } {
  return q === 1 ? { fy: fy - 1, q: 4 } : { fy, q: q - 1 };
}

/** Trust this quarter minus last quarter, in percentage points; null when either is not shown. */
export function trustChange(now: Share, before: Share | null): number | null {
  if (!now.shown || !before?.shown) return null;
  return Math.round((now.percent - before.percent) * 10) / 10;
}

/** A percentage as read: one decimal, no trailing zero ("87.5%", "90%"). */
export function percentText(value: number): string {
  return `${upToOneDecimal(value)}%`;
}

/**
 * A share as a person reads it: "87.5% (35 of 40)"; under the minimum, the count and why there
 * is no percentage: "8 of 15 (fewer than 30: no percentage)".
 */
export function shareText(s: Share): string {
  const n = (v: number) => v.toLocaleString('en-US');
  if (s.shown) return `${percentText(s.percent)} (${n(s.count)} of ${n(s.of)})`;
  return `${n(s.count)} of ${n(s.of)} (${s.reason})`;
}

/** "+3.2 points", "−1 point", "no change". */
export function changeText(points: number): string {
  if (points === 0) return 'no change';
  const abs = upToOneDecimal(Math.abs(points));
  return `${points > 0 ? '+' : '−'}${abs} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
}
