import type { Route } from './+types/export-mmd';
import { generateMermaid } from '~/domain/journey/mermaid';
import { requireJourney } from '~/routes/journeys/find.server';
import { toDiagram } from '#db/queries/journeys';

/** The map's Mermaid source, as a download. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { journey } = await requireJourney({ request, context }, params.mapId, 'portfolio.read');
  return new Response(generateMermaid(toDiagram(journey)), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="journey-${journey.map.id}.mmd"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
