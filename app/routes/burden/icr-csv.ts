import type { Route } from './+types/icr-csv';
import { loadAssessmentFor } from '~/burden.server';
import { totalMoney } from '~/domain/burden/calc';
import { plainHours, plainMoney, icrCells } from '~/domain/burden/display';
import { icrRows, icrTotal } from '~/domain/burden/icr';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { toCsv } from '~/domain/csv';

/**
 * The assessment as an ICR supporting statement's item 12 table: one row per item (or per item
 * and segment, where a segment's time or wage differs), with respondents, responses per
 * respondent, total responses, hours per response, total hours, wage and cost; out-of-pocket
 * money in its own column (item 13 territory), then a total row.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { detail } = await loadAssessmentFor(request, params.assessmentId, 'portfolio.read');
  const rows = icrRows(detail.inputs.items, detail.wage, detail.inputs.segments);
  const described = new Map(detail.items.map((i) => [i.id, i.description]));
  const total = icrTotal(rows);
  const csv = toCsv([
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
    ...rows.map((r) => {
      const c = icrCells(r);
      const description = described.get(r.itemId) ?? '';
      return [
        r.segment === null ? description : `${description} (${r.segment})`,
        CATEGORY_LABELS[r.category],
        c.respondents,
        c.responsesPerRespondent,
        c.totalResponses,
        c.hoursPerResponse,
        c.totalHours,
        c.wage,
        c.costOfTime,
        c.outOfPocket,
        c.totalCost,
      ];
    }),
    [
      'Total',
      '',
      '',
      '',
      '',
      '',
      plainHours(total.time),
      '',
      plainMoney(total.timeMoney),
      plainMoney(total.outOfPocket),
      plainMoney(totalMoney(total)),
    ],
  ]);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="burden-${detail.assessment.id}-icr.csv"`,
    },
  });
}
