/**
 * Where a success measure's actual values come from (issue 20, point 1), and how a source's
 * figures become the measure's actual values. Pure.
 *
 * - `manual`: administrative data, entered by hand with a date and a note.
 * - `survey_trust`: a post-transaction survey collection's trust figure, one value per standing
 *   quarter, dated the quarter's last day. A quarter with too few respondents for a percentage
 *   gives no value, and says so (figures.ts decides).
 * - `burden_hours` / `burden_dollars`: a burden assessment's time tax per person a year, in
 *   hours or in dollars, computed from the calculator when read and dated today. The burden
 *   calculator has no history of its own, so the series is the figure as it stands.
 */
import { quarterBounds } from '~/domain/pmc/quarter';
import { percentText } from '~/domain/surveys/figures';
import type { QuarterView } from '~/domain/surveys/quarters';
import type { Point } from './status';

export const SOURCE_KINDS = ['manual', 'survey_trust', 'burden_hours', 'burden_dollars'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_LABELS: Record<SourceKind, string> = {
  manual: 'Entered by hand (administrative data)',
  survey_trust: 'A post-transaction survey’s trust figure, each quarter',
  burden_hours: 'A burden assessment’s hours per person a year',
  burden_dollars: 'A burden assessment’s dollars per person a year',
};

/** The unit a sourced measure is read in (a hand-entered one keeps the team's own). */
export const SOURCE_UNITS: Record<Exclude<SourceKind, 'manual'>, string> = {
  survey_trust: '%',
  burden_hours: ' hours',
  burden_dollars: ' dollars',
};

export interface SourcedValue extends Point {
  note: string;
}

/** The trust figure of each standing quarter that shows one; the others, named as skipped. */
export function surveyValues(quarters: readonly QuarterView[]): {
  values: SourcedValue[];
  skipped: string[];
} {
  const values: SourcedValue[] = [];
  const skipped: string[] = [];
  for (const q of quarters) {
    const t = q.figures.trust;
    if (!t.shown) {
      skipped.push(`${q.label}: ${t.count} of ${t.of} (${t.reason})`);
      continue;
    }
    values.push({
      value: Math.round(t.percent * 10) / 10,
      date: quarterBounds(q.dataset.fiscal_year, q.dataset.quarter).end,
      note: `${q.label} survey: ${percentText(t.percent)} of ${t.of.toLocaleString('en-US')} respondents (${q.figures.trustRule}).`,
    });
  }
  return { values, skipped };
}

/** An assessment's time tax per person as hours and dollars a year, to two decimals. */
export function burdenValue(
  kind: 'burden_hours' | 'burden_dollars',
  perPerson: { hours: number; dollars: number },
  today: string,
  assessmentTitle: string,
): SourcedValue {
  const value =
    Math.round((kind === 'burden_hours' ? perPerson.hours : perPerson.dollars) * 100) / 100;
  return {
    value,
    date: today,
    note: `Computed today from the burden assessment “${assessmentTitle}”.`,
  };
}
