/**
 * Archiving, restoring and deleting for good the three kinds of research record (journey maps,
 * burden assessments, research activities): see app/domain/archive.ts and docs/decisions/023.
 * These are the reads; archiving, restoring and deleting are commands (app/commands/archive.ts).
 */
import {
  deleteRefusals,
  snapshotCites,
  type ArchiveKind,
  type DeleteFacts,
  type PublishedRef,
} from '~/domain/archive';
import type { DB } from '../client';
import { publishedSnapshot } from './pmc';

/** The table each kind of archivable record lives in. */
export const ARCHIVE_TABLES = {
  journey_map: 'journey_maps',
  burden_assessment: 'burden_assessments',
  research_activity: 'research_activities',
} as const;

/** When and by whom a record was archived, or null while it is not. */
export interface ArchiveInfo {
  archivedAt: string;
  byName: string | null;
  byAgency: string | null;
}

export async function archiveInfo(
  db: DB,
  kind: ArchiveKind,
  id: number,
): Promise<ArchiveInfo | null> {
  const row = await db
    .selectFrom(`${ARCHIVE_TABLES[kind]} as r` as 'journey_maps as r')
    .leftJoin('people as p', 'p.id', 'r.archived_by')
    .leftJoin('agencies as ag', 'ag.id', 'p.agency_id')
    .select(['r.archived_at', 'p.name', 'ag.code'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row?.archived_at) return null;
  return { archivedAt: row.archived_at, byName: row.name, byAgency: row.code };
}

/** How many journey maps or burden assessments of a portfolio are archived. */
export async function countArchived(
  db: DB,
  kind: 'journey_map' | 'burden_assessment',
  portfolioId: number,
): Promise<number> {
  const row = await db
    .selectFrom(ARCHIVE_TABLES[kind] as 'burden_assessments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('portfolio_id', '=', portfolioId)
    .where('archived_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many research activities of a project are archived. */
export async function countArchivedActivities(db: DB, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('research_activities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('archived_at', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The record as the archive and delete pages need it: title, version, state, and where it
 * lives (portfolio, project), or undefined for an unknown id.
 */
export async function archivableRecord(db: DB, kind: ArchiveKind, id: number) {
  if (kind === 'research_activity') {
    return db
      .selectFrom('research_activities as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .innerJoin('portfolios as pf', 'pf.id', 'p.portfolio_id')
      .select(['r.id', 'r.title', 'r.version', 'r.archived_at', 'r.archived_by'])
      .select(['p.portfolio_id', 'pf.slug as portfolio_slug', 'pf.name as portfolio_name'])
      .select((eb) => eb.ref('r.project_id').$castTo<number | null>().as('project_id'))
      .where('r.id', '=', id)
      .executeTakeFirst();
  }
  return db
    .selectFrom(`${ARCHIVE_TABLES[kind]} as r` as 'journey_maps as r')
    .innerJoin('portfolios as pf', 'pf.id', 'r.portfolio_id')
    .select(['r.id', 'r.title', 'r.version', 'r.archived_at', 'r.archived_by'])
    .select(['r.portfolio_id', 'pf.slug as portfolio_slug', 'pf.name as portfolio_name'])
    .select((eb) => eb.val(null).$castTo<number | null>().as('project_id'))
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Published PMC updates whose frozen snapshot names the record. */
async function publishedCiting(db: DB, kind: ArchiveKind, id: number): Promise<PublishedRef[]> {
  const updates = await db
    .selectFrom('pmc_updates')
    .select(['id', 'fiscal_year', 'quarter', 'snapshot'])
    .where('status', '=', 'published')
    .where('snapshot', 'is not', null)
    .orderBy('fiscal_year')
    .orderBy('quarter')
    .execute();
  return updates
    .filter((u) => snapshotCites(publishedSnapshot(u.id, u.snapshot!), kind, id))
    .map((u) => ({ id: u.id, fiscalYear: u.fiscal_year, quarter: u.quarter }));
}

const list = (titles: readonly string[]) =>
  titles.length <= 3
    ? titles.map((t) => `“${t}”`).join(', ')
    : `${titles
        .slice(0, 3)
        .map((t) => `“${t}”`)
        .join(', ')} and ${titles.length - 3} more`;

/** Records that would lose a link or a figure if this one went, in sentences. */
async function dependentsOf(db: DB, kind: ArchiveKind, id: number): Promise<string[]> {
  const out: string[] = [];
  const plans = (
    planKind: 'journey_step' | 'research_activity' | 'burden_savings',
    ids: number[],
  ) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('action_plan_citations as c')
          .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
          .select('p.title')
          .distinct()
          .where('c.kind', '=', planKind)
          .where('c.ref_id', 'in', ids)
          .execute();
  if (kind === 'journey_map') {
    const [assessments, copies, steps] = await Promise.all([
      db
        .selectFrom('burden_assessments')
        .select('title')
        .where('journey_map_id', '=', id)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('journey_maps')
        .select('title')
        .where('copied_from_id', '=', id)
        .orderBy('id')
        .execute(),
      db.selectFrom('journey_steps').select('id').where('map_id', '=', id).execute(),
    ]);
    const cited = await plans(
      'journey_step',
      steps.map((s) => s.id),
    );
    if (assessments.length > 0)
      out.push(
        `Burden assessments are drawn on this map: ${list(assessments.map((a) => a.title))}. They would lose their steps.`,
      );
    if (copies.length > 0)
      out.push(
        `Other versions were copied from this map: ${list(copies.map((c) => c.title))}. They are compared with it.`,
      );
    if (cited.length > 0)
      out.push(`CX Action Plans cite its steps: ${list(cited.map((p) => p.title))}.`);
  } else if (kind === 'burden_assessment') {
    const [toBe, cited] = await Promise.all([
      db
        .selectFrom('burden_assessments')
        .select('title')
        .where('baseline_id', '=', id)
        .orderBy('id')
        .execute(),
      plans('burden_savings', [id]),
    ]);
    if (toBe.length > 0)
      out.push(
        `To-be assessments measure their savings against this one: ${list(toBe.map((a) => a.title))}.`,
      );
    if (cited.length > 0)
      out.push(`CX Action Plans cite its savings: ${list(cited.map((p) => p.title))}.`);
  } else {
    const cited = await plans('research_activity', [id]);
    if (cited.length > 0)
      out.push(`CX Action Plans cite this activity: ${list(cited.map((p) => p.title))}.`);
  }
  return out;
}

async function participantsOf(db: DB, kind: ArchiveKind, id: number): Promise<number> {
  if (kind !== 'research_activity') return 0;
  const row = await db
    .selectFrom('research_participants as p')
    .innerJoin('research_sessions as s', 's.id', 'p.session_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.activity_id', '=', id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The record with everything that refuses its deletion (empty `refusals`: it may go). */
export async function deletionCheck(db: DB, kind: ArchiveKind, id: number) {
  const record = await archivableRecord(db, kind, id);
  if (!record) return undefined;
  const [citedBy, dependents, participants] = await Promise.all([
    publishedCiting(db, kind, id),
    dependentsOf(db, kind, id),
    participantsOf(db, kind, id),
  ]);
  const facts: DeleteFacts = {
    kind,
    archived: record.archived_at !== null,
    citedBy,
    dependents,
    participants,
  };
  return { record, facts, refusals: deleteRefusals(facts) };
}
