import type { Route } from './+types/export-csv';
import { toCsv } from '~/domain/csv';
import { requireJourney } from '~/routes/journeys/find.server';

/** The map's table as CSV, one row per step, with formula injection neutralized. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { journey } = await requireJourney({ request, context }, params.mapId, 'portfolio.read');
  const rows: unknown[][] = [
    [
      'Stage',
      'Step',
      'Score',
      'Actors',
      'Channel',
      'Agency touchpoint',
      'Pain points',
      'Opportunities',
      'Notes',
      'Projects',
    ],
  ];
  for (const stage of journey.stages) {
    for (const s of stage.steps) {
      rows.push([
        stage.name,
        s.title,
        s.score,
        s.actors.join('; '),
        s.channel,
        s.touchpoint,
        s.pain_points,
        s.opportunities,
        s.notes,
        s.projects.map((p) => p.name).join('; '),
      ]);
    }
  }
  return new Response(toCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="journey-${journey.map.id}.csv"`,
    },
  });
}
