import type { Route } from './+types/icr-csv';
import { loadAssessmentFor } from '~/burden.server';
import { totalMoney } from '~/domain/burden/calc';
import { cents, hours, plainDollars } from '~/domain/burden/display';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { fromScaled } from '~/domain/burden/units';
import { toCsv } from '~/domain/csv';

/**
 * The assessment as an ICR supporting statement's item 12 table: one row per item, with
 * respondents, responses per respondent, total responses, hours per response, total hours, wage
 * and cost; out-of-pocket money in its own column (item 13 territory), then a total row.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { detail } = await loadAssessmentFor(request, params.assessmentId, 'portfolio.read');
  const { items, result, wage } = detail;
  const wageText = plainDollars(Math.round((wage.wageCents * wage.multiplierMilli) / 1000));
  const rows: unknown[][] = [
    [
      'Item',
      'Category',
      'Respondents',
      'Responses per respondent',
      'Total responses',
      'Hours per response',
      'Total hours',
      'Hourly wage ($)',
      'Cost of time ($)',
      'Out-of-pocket ($)',
      'Total cost ($)',
    ],
  ];
  for (const i of items) {
    const b = result.byItem.get(i.id)!;
    const seconds =
      i.category === 'psychological' ? (i.time_equivalent_seconds ?? 0) : i.seconds_per_occurrence;
    const totalResponses = (BigInt(i.people_per_year) * BigInt(i.occurrences_hundredths)) / 100n;
    rows.push([
      i.description,
      CATEGORY_LABELS[i.category],
      i.people_per_year,
      fromScaled(i.occurrences_hundredths, 2),
      totalResponses.toString(),
      (seconds / 3600).toFixed(4),
      hours(b.time).replaceAll(',', ''),
      wageText,
      plainDollars(cents(b.timeMoney)),
      plainDollars(cents(b.outOfPocket)),
      plainDollars(cents(totalMoney(b))),
    ]);
  }
  const t = result.total;
  rows.push([
    'Total',
    '',
    '',
    '',
    '',
    '',
    hours(t.time).replaceAll(',', ''),
    '',
    plainDollars(cents(t.timeMoney)),
    plainDollars(cents(t.outOfPocket)),
    plainDollars(cents(totalMoney(t))),
  ]);
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="burden-${detail.assessment.id}-icr.csv"`,
    },
  });
}
