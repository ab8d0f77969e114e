import type { DB } from '../client';

export interface AuditFilter {
  entityType?: string;
  /** One record's history: its id as stored (text), with `entityType` (ids repeat across kinds). */
  entityId?: string;
  actorId?: number;
  /** Keyset pagination: rows with id below this. */
  beforeId?: number;
  limit: number;
}

/** Newest first, filtered, one page (keyset, so deep pages stay fast on a large log). */
export async function listAudit(db: DB, filter: AuditFilter) {
  let q = db
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
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.entityType) q = q.where('audit_log.entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined) q = q.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.actorId !== undefined) q = q.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.beforeId !== undefined) q = q.where('audit_log.id', '<', filter.beforeId);
  const rows = await q.execute();
  const hasMore = rows.length > filter.limit;
  return { rows: rows.slice(0, filter.limit), hasMore };
}

/** The entity types and people that appear in the log, for the filter menus. */
export async function auditFilterOptions(db: DB) {
  const [types, actors] = await Promise.all([
    db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute(),
    db
      .selectFrom('people')
      .select(['id', 'name'])
      .where((eb) =>
        eb.exists(
          eb.selectFrom('audit_log').select('id').whereRef('audit_log.actor_id', '=', 'people.id'),
        ),
      )
      .orderBy('name')
      .execute(),
  ]);
  return { entityTypes: types.map((t) => t.entity_type), actors };
}

/** The columns of an audit row that its plain-language sentence needs. */
export interface AuditRowForSentence {
  action: string;
  entity_type: string;
  entity_id: string;
  changes: string;
  actor_id: number | null;
  portfolio_id: number | null;
  project_id: number | null;
}

/** Names that turn audit rows into sentences: people with their agencies, records, portfolios. */
export interface AuditNames {
  actors: Map<number, { name: string; agency: string | null }>;
  people: Map<number, string>;
  agencies: Map<number, string>;
  projects: Map<number, string>;
  portfolios: Map<number, { slug: string; name: string }>;
  /** `${entity_type}:${entity_id}` → the record's current name. */
  records: Map<string, string>;
}

const PERSON_FIELDS = ['poc_person_id', 'pmc_member_id', 'person_id'];

function numericIds(values: Iterable<string>): number[] {
  const ids = new Set<number>();
  for (const v of values) if (/^\d{1,15}$/.test(v)) ids.add(Number(v));
  return [...ids];
}

/**
 * Loads, in a few batched reads, every name the given audit rows mention: the actors and their
 * agencies, people and agencies inside the changes, projects, portfolios and each record's
 * current name (a deleted record keeps the name its row recorded).
 */
export async function loadAuditNames(
  db: DB,
  rows: readonly AuditRowForSentence[],
): Promise<AuditNames> {
  const idsOf = (type: string) =>
    numericIds(rows.filter((r) => r.entity_type === type).map((r) => r.entity_id));
  const personIds = new Set<number>();
  for (const r of rows) {
    if (r.actor_id !== null) personIds.add(r.actor_id);
    if (r.entity_type === 'account' || r.entity_type === 'session') {
      for (const id of numericIds([r.entity_id])) personIds.add(id);
    }
    if (!PERSON_FIELDS.some((f) => r.changes.includes(`"${f}"`))) continue;
    try {
      const parsed = JSON.parse(r.changes) as Record<string, { before?: unknown; after?: unknown }>;
      for (const f of PERSON_FIELDS) {
        for (const v of [parsed[f]?.before, parsed[f]?.after]) {
          if (typeof v === 'number') personIds.add(v);
        }
      }
    } catch {
      // A row that is not JSON names nobody.
    }
  }
  const projectIds = [
    ...new Set([
      ...rows.flatMap((r) => (r.project_id === null ? [] : [r.project_id])),
      ...idsOf('project'),
      ...idsOf('project_phase'),
    ]),
  ];
  const portfolioIds = [
    ...new Set(rows.flatMap((r) => (r.portfolio_id === null ? [] : [r.portfolio_id]))),
  ];
  const titled = async (
    type: string,
    table:
      | 'milestones'
      | 'journey_maps'
      | 'burden_assessments'
      | 'research_activities'
      | 'action_plans'
      | 'evaluation_plans'
      | 'pra_clearances',
  ) => {
    const ids = idsOf(type);
    if (ids.length === 0) return [] as [string, string][];
    const found = await db
      .selectFrom(table)
      .select(['id', 'title'])
      .where('id', 'in', ids)
      .execute();
    return found.map((f) => [`${type}:${f.id}`, f.title] as [string, string]);
  };
  const pmcIds = idsOf('pmc_update');
  const measureIds = idsOf('success_measure');
  const surveyIds = idsOf('survey_collection');
  const [people, agencies, projects, portfolios, pmc, measures, surveys, ...titles] =
    await Promise.all([
      personIds.size === 0
        ? Promise.resolve([])
        : db
            .selectFrom('people as p')
            .innerJoin('agencies as a', 'a.id', 'p.agency_id')
            .select(['p.id', 'p.name', 'a.code'])
            .where('p.id', 'in', [...personIds])
            .execute(),
      db.selectFrom('agencies').select(['id', 'code']).execute(),
      projectIds.length === 0
        ? Promise.resolve([])
        : db.selectFrom('projects').select(['id', 'name']).where('id', 'in', projectIds).execute(),
      portfolioIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('portfolios')
            .select(['id', 'slug', 'name'])
            .where('id', 'in', portfolioIds)
            .execute(),
      pmcIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('pmc_updates')
            .select(['id', 'fiscal_year', 'quarter'])
            .where('id', 'in', pmcIds)
            .execute(),
      measureIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('success_measures')
            .select(['id', 'name'])
            .where('id', 'in', measureIds)
            .execute(),
      surveyIds.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('survey_collections')
            .select(['id', 'service_name', 'survey_title'])
            .where('id', 'in', surveyIds)
            .execute(),
      titled('milestone', 'milestones'),
      titled('journey_map', 'journey_maps'),
      titled('burden_assessment', 'burden_assessments'),
      titled('research_activity', 'research_activities'),
      titled('action_plan', 'action_plans'),
      titled('pra_clearance', 'pra_clearances'),
      titled('evaluation_plan', 'evaluation_plans'),
    ]);
  const records = new Map<string, string>(titles.flat());
  for (const m of measures) records.set(`success_measure:${m.id}`, m.name);
  for (const c of surveys)
    records.set(`survey_collection:${c.id}`, `${c.service_name}: ${c.survey_title}`);
  for (const u of pmc) records.set(`pmc_update:${u.id}`, `FY ${u.fiscal_year} Q${u.quarter}`);
  for (const p of people) records.set(`account:${p.id}`, p.name);
  return {
    actors: new Map(people.map((p) => [p.id, { name: p.name, agency: p.code }])),
    people: new Map(people.map((p) => [p.id, p.name])),
    agencies: new Map(agencies.map((a) => [a.id, a.code])),
    projects: new Map(projects.map((p) => [p.id, p.name])),
    portfolios: new Map(portfolios.map((p) => [p.id, { slug: p.slug, name: p.name }])),
    records,
  };
}
