import type { DB } from '../client';

/** One evaluation plan with its project and portfolio (page, breadcrumbs, policy). */
export async function getEvaluation(db: DB, id: number) {
  return db
    .selectFrom('evaluation_plans as e')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .innerJoin('portfolios as pf', 'pf.id', 'p.portfolio_id')
    .selectAll('e')
    .select([
      'p.name as project_name',
      'p.portfolio_id',
      'pf.slug as portfolio_slug',
      'pf.name as portfolio_name',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

/**
 * The research activities a plan relies on, with their PRA standing (how many members of the
 * public they involve is counted on the activity's own page and the portfolio's PRA page).
 */
export async function evaluationActivities(db: DB, planId: number) {
  return db
    .selectFrom('evaluation_plan_activities as l')
    .innerJoin('research_activities as a', 'a.id', 'l.activity_id')
    .select(['a.id', 'a.title', 'a.method'])
    .where('l.plan_id', '=', planId)
    .orderBy('a.title')
    .execute();
}

/** The research activities of a project a plan may rely on (not archived). */
export async function projectActivities(db: DB, projectId: number) {
  return db
    .selectFrom('research_activities')
    .select(['id', 'title'])
    .where('project_id', '=', projectId)
    .where('archived_at', 'is', null)
    .orderBy('title')
    .execute();
}

/** A project's evaluation plans, for its page. */
export async function evaluationsOf(db: DB, projectId: number) {
  return db
    .selectFrom('evaluation_plans')
    .select(['id', 'title', 'design', 'status', 'updated_at'])
    .where('project_id', '=', projectId)
    .orderBy('id')
    .execute();
}
