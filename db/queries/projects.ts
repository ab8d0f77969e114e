import type { DB } from '../client';

/** One project with its portfolio, involved agencies and milestones in order, or undefined. */
export async function getProject(db: DB, id: number) {
  const project = await db
    .selectFrom('projects')
    .innerJoin('portfolios', 'portfolios.id', 'projects.portfolio_id')
    .leftJoin('agencies', 'agencies.id', 'projects.owner_agency_id')
    .selectAll('projects')
    .select([
      'portfolios.slug as portfolio_slug',
      'portfolios.name as portfolio_name',
      'agencies.code as owner_code',
      'agencies.name as owner_name',
    ])
    .where('projects.id', '=', id)
    .executeTakeFirst();
  if (!project) return undefined;
  const [agencies, milestones] = await Promise.all([
    db
      .selectFrom('project_agencies')
      .innerJoin('agencies', 'agencies.id', 'project_agencies.agency_id')
      .select(['agencies.id', 'agencies.code', 'agencies.name'])
      .where('project_agencies.project_id', '=', id)
      .orderBy('agencies.code')
      .execute(),
    db
      .selectFrom('milestones')
      .selectAll()
      .where('project_id', '=', id)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  return { project, agencies, milestones };
}
