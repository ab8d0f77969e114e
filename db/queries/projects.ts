import type { DB } from '../client';

/** One project with its portfolio, involved agencies and milestones in order, or undefined. */
/** A project's id and portfolio, for authorizing before the whole project is read. */
export function projectPortfolio(db: DB, id: number) {
  return db
    .selectFrom('projects')
    .select(['id', 'portfolio_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

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

export async function getMilestone(db: DB, projectId: number, milestoneId: number) {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('id', '=', milestoneId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

/** The project's change log: its audit rows (project, milestones, phase), newest first. */
export async function getProjectChangeLog(db: DB, projectId: number, limit = 50) {
  return db
    .selectFrom('audit_log')
    .leftJoin('people', 'people.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.changes',
      'audit_log.actor_id',
      'audit_log.portfolio_id',
      'audit_log.project_id',
      'people.name as actor_name',
    ])
    .where('audit_log.project_id', '=', projectId)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}

export interface ProjectFilter {
  portfolioId?: number;
  phase?: string;
  agencyId?: number;
  health?: string;
  limit: number;
  offset: number;
}

/** Projects matching the filters, by name, one page, with the total. */
export async function findProjects(db: DB, f: ProjectFilter) {
  let q = db
    .selectFrom('projects')
    .innerJoin('portfolios', 'portfolios.id', 'projects.portfolio_id')
    .leftJoin('agencies', 'agencies.id', 'projects.owner_agency_id');
  if (f.portfolioId !== undefined) q = q.where('projects.portfolio_id', '=', f.portfolioId);
  if (f.phase) q = q.where('projects.phase', '=', f.phase as never);
  if (f.health) q = q.where('projects.health', '=', f.health as never);
  if (f.agencyId !== undefined) {
    const agencyId = f.agencyId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_agencies')
          .select('project_agencies.project_id')
          .whereRef('project_agencies.project_id', '=', 'projects.id')
          .where('project_agencies.agency_id', '=', agencyId),
      ),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select([
        'projects.id',
        'projects.name',
        'projects.phase',
        'projects.health',
        'projects.health_reason',
        'portfolios.name as portfolio_name',
        'portfolios.slug as portfolio_slug',
        'agencies.code as owner_code',
      ])
      .orderBy('projects.name')
      .orderBy('projects.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
