import type { DB } from '../client';

export async function listPlans(db: DB, portfolioId: number) {
  return db
    .selectFrom('action_plans')
    .select(['id', 'fiscal_year', 'title', 'status', 'draft_due', 'final_due', 'updated_at'])
    .where('portfolio_id', '=', portfolioId)
    .orderBy('fiscal_year', 'desc')
    .execute();
}

export async function getPlan(db: DB, id: number) {
  const plan = await db
    .selectFrom('action_plans as a')
    .innerJoin('portfolios as p', 'p.id', 'a.portfolio_id')
    .selectAll('a')
    .select(['p.slug as portfolio_slug', 'p.name as portfolio_name'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!plan) return undefined;
  const versions = await db
    .selectFrom('action_plan_versions as v')
    .leftJoin('people as p', 'p.id', 'v.saved_by')
    .leftJoin('agencies as pa', 'pa.id', 'p.agency_id')
    .select(['v.id', 'v.version', 'v.name', 'v.note', 'v.saved_at', 'p.name as saved_by_name'])
    .select('pa.code as saved_by_agency')
    .where('v.plan_id', '=', id)
    .orderBy('v.version', 'desc')
    .limit(100)
    .execute();
  return { plan, versions };
}

// ---- Evidence and review comments ------------------------------------------------------------

/**
 * What a plan can cite, within its portfolio: journey steps with pain points, research
 * activities, and to-be burden assessments (their savings against their baseline). Archived
 * records are not offered for new citations; citations made before keep working.
 */
export async function citableEvidence(db: DB, portfolioId: number) {
  const [steps, activities, toBe] = await Promise.all([
    db
      .selectFrom('journey_steps as s')
      .innerJoin('journey_maps as m', 'm.id', 's.map_id')
      .select(['s.id', 's.title', 'm.title as map_title'])
      .where('m.portfolio_id', '=', portfolioId)
      .where('m.archived_at', 'is', null)
      .where('s.pain_points', '!=', '')
      .orderBy('m.title')
      .orderBy('s.id')
      .limit(500)
      .execute(),
    db
      .selectFrom('research_activities as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select(['a.id', 'a.title', 'p.name as project_name'])
      .where('p.portfolio_id', '=', portfolioId)
      .where('a.archived_at', 'is', null)
      .orderBy('a.title')
      .limit(500)
      .execute(),
    db
      .selectFrom('burden_assessments')
      .select(['id', 'title'])
      .where('portfolio_id', '=', portfolioId)
      .where('baseline_id', 'is not', null)
      .where('archived_at', 'is', null)
      .orderBy('title')
      .limit(500)
      .execute(),
  ]);
  return { steps, activities, toBe };
}

export async function listCitations(db: DB, planId: number) {
  return db
    .selectFrom('action_plan_citations')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('section')
    .orderBy('id')
    .execute();
}

export async function listComments(db: DB, planId: number) {
  return db
    .selectFrom('action_plan_comments as c')
    .innerJoin('people as a', 'a.id', 'c.author_id')
    .leftJoin('people as r', 'r.id', 'c.resolved_by')
    .select([
      'c.id',
      'c.section',
      'c.body',
      'c.created_at',
      'c.resolved_at',
      'a.name as author',
      'r.name as resolver',
    ])
    .leftJoin('agencies as aa', 'aa.id', 'a.agency_id')
    .leftJoin('agencies as ra', 'ra.id', 'r.agency_id')
    .select(['aa.code as author_agency', 'ra.code as resolver_agency'])
    .where('c.plan_id', '=', planId)
    .orderBy('c.section')
    .orderBy('c.id')
    .execute();
}
