import type { JourneyDiagram } from '~/domain/journey/types';
import type { DB } from '../client';

/**
 * Other versions of a map, to compare it with: maps copied from it, the map it was copied from
 * and that map's other copies, and maps of the same project. Newest first, at most 50, so the
 * journey page does not list a whole portfolio.
 */
export async function otherVersions(
  db: DB,
  map: {
    id: number;
    portfolio_id: number;
    project_id: number | null;
    copied_from_id: number | null;
  },
) {
  return db
    .selectFrom('journey_maps as m')
    .select(['m.id', 'm.title', 'm.version_label', 'm.version_name', 'm.created_at'])
    .where('m.portfolio_id', '=', map.portfolio_id)
    .where('m.id', '!=', map.id)
    .where((eb) => {
      const related = [eb('m.copied_from_id', '=', map.id)];
      if (map.copied_from_id !== null) {
        related.push(eb('m.id', '=', map.copied_from_id));
        related.push(eb('m.copied_from_id', '=', map.copied_from_id));
      }
      if (map.project_id !== null) related.push(eb('m.project_id', '=', map.project_id));
      return eb.or(related);
    })
    .orderBy('m.id', 'desc')
    .limit(50)
    .execute();
}

/**
 * Journey maps of a portfolio, newest first, with their step counts. Archived maps are left
 * out unless asked for (the list's "Show archived" filter); pickers never ask.
 */
export async function listJourneys(
  db: DB,
  portfolioId: number,
  options: { includeArchived?: boolean } = {},
) {
  let query = db
    .selectFrom('journey_maps as m')
    .leftJoin('projects as p', 'p.id', 'm.project_id')
    .select([
      'm.id',
      'm.title',
      'm.version_label',
      'm.version_name',
      'm.illustrative',
      'm.created_at',
      'm.updated_at',
      'm.archived_at',
      'p.name as project_name',
      (eb) =>
        eb
          .selectFrom('journey_steps as s')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('s.map_id', '=', 'm.id')
          .as('steps'),
    ])
    .where('m.portfolio_id', '=', portfolioId);
  if (!options.includeArchived) query = query.where('m.archived_at', 'is', null);
  return query.orderBy('m.id', 'desc').execute();
}

export type JourneyDetail = NonNullable<Awaited<ReturnType<typeof getJourney>>>;

/** A map with its stages and steps in order, each step with its actors and linked projects. */
/** A journey map's id and portfolio, for authorizing before the whole map is read. */
export function journeyPortfolio(db: DB, mapId: number) {
  return db
    .selectFrom('journey_maps')
    .select(['id', 'portfolio_id'])
    .where('id', '=', mapId)
    .executeTakeFirst();
}

export async function getJourney(db: DB, mapId: number) {
  const map = await db
    .selectFrom('journey_maps as m')
    .innerJoin('portfolios as pf', 'pf.id', 'm.portfolio_id')
    .leftJoin('projects as p', 'p.id', 'm.project_id')
    .selectAll('m')
    .select(['pf.slug as portfolio_slug', 'pf.name as portfolio_name', 'p.name as project_name'])
    .where('m.id', '=', mapId)
    .executeTakeFirst();
  if (!map) return undefined;
  const [stages, steps, links] = await Promise.all([
    db
      .selectFrom('journey_stages')
      .selectAll()
      .where('map_id', '=', mapId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('journey_steps')
      .selectAll()
      .where('map_id', '=', mapId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('journey_step_projects as l')
      .innerJoin('journey_steps as s', 's.id', 'l.step_id')
      .innerJoin('projects as p', 'p.id', 'l.project_id')
      .select(['l.step_id', 'p.id', 'p.name'])
      .where('s.map_id', '=', mapId)
      .orderBy('p.name')
      .execute(),
  ]);
  return {
    map,
    stages: stages.map((stage) => ({
      ...stage,
      steps: steps
        .filter((s) => s.stage_id === stage.id)
        .map((s) => ({
          ...s,
          actors: JSON.parse(s.actors) as string[],
          projects: links
            .filter((l) => l.step_id === s.id)
            .map((l) => ({ id: l.id, name: l.name })),
        })),
    })),
  };
}

/** The diagram part of a loaded map. */
export function toDiagram(j: JourneyDetail): JourneyDiagram {
  return {
    title: j.map.title,
    description: j.map.description,
    stages: j.stages.map((s) => ({
      name: s.name,
      steps: s.steps.map((st) => ({ title: st.title, score: st.score, actors: st.actors })),
    })),
  };
}

/** Journey steps whose pain points a project addresses (for the project page). */
export async function stepsForProject(db: DB, projectId: number) {
  return db
    .selectFrom('journey_step_projects as l')
    .innerJoin('journey_steps as s', 's.id', 'l.step_id')
    .innerJoin('journey_stages as st', 'st.id', 's.stage_id')
    .innerJoin('journey_maps as m', 'm.id', 's.map_id')
    .select([
      's.id',
      's.title',
      's.score',
      's.pain_points',
      'st.name as stage',
      'm.id as map_id',
      'm.title as map_title',
      'm.version_label',
    ])
    .where('l.project_id', '=', projectId)
    .orderBy('m.title')
    .orderBy('st.position')
    .orderBy('s.position')
    .execute();
}
