import type { Route } from './+types/export-mmd';
import { generateMermaid } from '~/domain/journey/mermaid';
import { loadJourneyFor } from '~/journeys.server';
import { toDiagram } from '#db/queries/journeys';

/** The map's Mermaid source, as a download. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { journey } = await loadJourneyFor(request, params.mapId, 'portfolio.read');
  return new Response(generateMermaid(toDiagram(journey)), {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="journey-${journey.map.id}.mmd"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
