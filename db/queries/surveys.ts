import type { DB } from '../client';
import { DEFAULT_MINIMUM, type Tally } from '~/domain/surveys/figures';

/** One collection with its portfolio, agency and journey step (for its page and policy). */
export async function getCollection(db: DB, id: number) {
  return db
    .selectFrom('survey_collections as c')
    .innerJoin('portfolios as pf', 'pf.id', 'c.portfolio_id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .leftJoin('journey_steps as s', 's.id', 'c.journey_step_id')
    .selectAll('c')
    .select([
      'pf.slug as portfolio_slug',
      'pf.name as portfolio_name',
      'a.code as agency_code',
      'a.name as agency_name',
      's.title as step_title',
      's.map_id as step_map_id',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CollectionRow = NonNullable<Awaited<ReturnType<typeof getCollection>>>;

/** The projects a collection measures. */
export async function collectionProjects(db: DB, collectionId: number) {
  return db
    .selectFrom('survey_collection_projects as cp')
    .innerJoin('projects as p', 'p.id', 'cp.project_id')
    .select(['p.id', 'p.name'])
    .where('cp.collection_id', '=', collectionId)
    .orderBy('p.name')
    .execute();
}

/** The dataset standing for a quarter (not replaced), with who imported it. */
export async function standingDataset(db: DB, collectionId: number, fy: number, q: number) {
  return db
    .selectFrom('survey_datasets as d')
    .leftJoin('people as p', 'p.id', 'd.imported_by')
    .select(['d.id', 'd.respondents', 'd.imported_at', 'p.name as imported_by_name'])
    .where('d.collection_id', '=', collectionId)
    .where('d.fiscal_year', '=', fy)
    .where('d.quarter', '=', q)
    .where('d.replaced_at', 'is', null)
    .executeTakeFirst();
}

export interface DatasetRow {
  id: number;
  collection_id: number;
  fiscal_year: number;
  quarter: number;
  volume_of_customers: number;
  customers_offered: number;
  respondents: number;
  tally: Tally;
  open_text: boolean;
  file_name: string;
  imported_at: string;
  imported_by_name: string | null;
  replaced_at: string | null;
  replaced_by_name: string | null;
}

/**
 * The datasets of some collections, standing and replaced, oldest quarter first and, within a
 * quarter, the newest import first. `standingOnly` leaves out the replaced ones.
 */
export async function datasetsOf(
  db: DB,
  collectionIds: readonly number[],
  options: { standingOnly?: boolean } = {},
): Promise<DatasetRow[]> {
  if (collectionIds.length === 0) return [];
  let query = db
    .selectFrom('survey_datasets as d')
    .leftJoin('people as ip', 'ip.id', 'd.imported_by')
    .leftJoin('people as rp', 'rp.id', 'd.replaced_by')
    .select([
      'd.id',
      'd.collection_id',
      'd.fiscal_year',
      'd.quarter',
      'd.volume_of_customers',
      'd.customers_offered',
      'd.respondents',
      'd.tally',
      'd.open_text',
      'd.file_name',
      'd.imported_at',
      'd.replaced_at',
      'ip.name as imported_by_name',
      'rp.name as replaced_by_name',
    ])
    .where('d.collection_id', 'in', [...collectionIds]);
  if (options.standingOnly) query = query.where('d.replaced_at', 'is', null);
  const rows = await query
    .orderBy('d.fiscal_year')
    .orderBy('d.quarter')
    .orderBy('d.imported_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...r,
    tally: JSON.parse(r.tally) as Tally,
    open_text: r.open_text === 1,
  }));
}

/** A portfolio's collections (or those measuring one project), by service. */
export async function listCollections(
  db: DB,
  where: { portfolioId: number } | { projectId: number },
) {
  let query = db
    .selectFrom('survey_collections as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .selectAll('c')
    .select(['a.code as agency_code', 'a.name as agency_name']);
  query =
    'portfolioId' in where
      ? query.where('c.portfolio_id', '=', where.portfolioId)
      : query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('survey_collection_projects as cp')
              .select('cp.project_id')
              .whereRef('cp.collection_id', '=', 'c.id')
              .where('cp.project_id', '=', where.projectId),
          ),
        );
  return query.orderBy('c.service_name').orderBy('c.id').execute();
}

/** The OMB lead's minimum number of respondents (30 until set); version 0 when never set. */
export async function getSurveyMinimum(db: DB): Promise<{ minimum: number; version: number }> {
  const row = await db
    .selectFrom('workspace_settings')
    .select(['value', 'version'])
    .where('key', '=', 'survey_minimum')
    .executeTakeFirst();
  if (!row) return { minimum: DEFAULT_MINIMUM, version: 0 };
  return { minimum: (JSON.parse(row.value) as { minimum: number }).minimum, version: row.version };
}

/** The steps of a portfolio's journey maps (not archived), for the collection form's list. */
export async function portfolioSteps(db: DB, portfolioId: number) {
  const rows = await db
    .selectFrom('journey_steps as s')
    .innerJoin('journey_maps as m', 'm.id', 's.map_id')
    .select(['s.id', 's.title', 'm.title as map_title'])
    .where('m.portfolio_id', '=', portfolioId)
    .where('m.archived_at', 'is', null)
    .orderBy('m.title')
    .orderBy('s.position')
    .limit(2000)
    .execute();
  return rows.map((r) => ({ id: r.id, label: `${r.map_title}: ${r.title}` }));
}
