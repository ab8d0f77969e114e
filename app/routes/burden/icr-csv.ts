import type { Route } from './+types/icr-csv';
import { requireAssessment } from '~/routes/burden/find.server';
import { icrCsvRows } from '~/domain/burden/icr-csv';
import { toCsv } from '~/domain/csv';

/**
 * The assessment as an ICR supporting statement's tables: item 12 (hour burden: learning and
 * compliance time), item 13 (out-of-pocket money), and psychological costs listed apart, in
 * neither total (they are not Paperwork Reduction Act burden). See `domain/burden/icr-csv.ts`.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    'portfolio.read',
  );
  const csv = toCsv(
    icrCsvRows(
      detail.inputs.items,
      detail.wage,
      detail.inputs.segments,
      new Map(detail.items.map((i) => [i.id, i.description])),
    ),
  );
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="burden-${detail.assessment.id}-icr.csv"`,
    },
  });
}
