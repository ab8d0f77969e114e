import type { Action } from '~/domain/policy';
import { generateMermaid } from '~/domain/journey/mermaid';
import { burdenColumn, tableStages } from '~/presenters/journeys';
import { cachedPageForPortfolio } from '#db/cache';
import type { DB } from '#db/client';
import { burdenForMap } from '#db/queries/burden';
import { getJourney, otherVersions, toDiagram } from '#db/queries/journeys';
import { findProjects } from '#db/queries/projects';
import { found } from '~/web/toolkit.server';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the journey map named by the URL, authorized for `action`. */
export async function requireJourney(
  args: RequestArgs,
  mapIdParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    mapIdParam,
    action,
    getJourney,
    (j) => j.map.portfolio_id,
  );
  return { user, journey: record };
}

/**
 * What a journey map's page shows of it: the map, its table, diagram, burden per step and other
 * versions. The same for every reader, so worked out again only when something in the portfolio
 * (or the workspace) has changed.
 */
export function journeyView(db: DB, map: { id: number; portfolio_id: number }) {
  return cachedPageForPortfolio(db, map.portfolio_id, `journey-view:${map.id}`, async () => {
    const journey = found(await getJourney(db, map.id));
    const [others, burden] = await Promise.all([
      otherVersions(db, journey.map),
      burdenForMap(db, journey.map.id),
    ]);
    return {
      journey: { map: journey.map, stages: tableStages(journey.stages) },
      burden: burden ? burdenColumn(burden) : null,
      source: generateMermaid(toDiagram(journey)),
      others,
    };
  });
}

/** The portfolio's projects a map can belong to, for its details form. */
export async function projectChoices(db: DB, portfolioId: number) {
  const projects = await findProjects(db, { portfolioId, limit: 500, offset: 0 });
  return projects.rows.map((p) => ({ id: p.id, name: p.name }));
}
