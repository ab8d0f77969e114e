import type { Route } from './+types/export';
import { toCsv } from '~/domain/csv';
import { FIGURE_COLUMNS, figureRecords } from '~/presenters/surveys';
import { loadCollectionFigures } from '~/routes/surveys/figures.server';

/**
 * A collection's figures per quarter as CSV or JSON, with the same column names in both
 * (Touchpoints' where it has them). A suppressed percentage is empty (null) and named in
 * `suppressed`.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { collection, quarters, minimum } = await loadCollectionFigures(
    { request, context },
    params.collectionId,
  );
  const records = figureRecords(collection, quarters, minimum);
  const name = `survey-${collection.id}-figures`;
  if (new URL(request.url).pathname.endsWith('.json'))
    return new Response(JSON.stringify(records, null, 2), {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.json"`,
      },
    });
  const rows = [[...FIGURE_COLUMNS], ...records.map((r) => FIGURE_COLUMNS.map((c) => r[c]))];
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}.csv"`,
    },
  });
}
