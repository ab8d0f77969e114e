/**
 * Archiving, restoring and deleting for good the three kinds of research record (journey maps,
 * burden assessments, research activities): see app/domain/archive.ts and docs/decisions/023.
 * Archiving and restoring are versioned edits of the record (editVersioned: stale check, change,
 * version, audit in one transaction); a deletion checks again, inside its transaction, everything
 * that would refuse it, and leaves an audit row with the reason. Audit rows are never deleted.
 */
import {
  deleteRefusals,
  KIND_NOUNS,
  snapshotCites,
  type ArchiveKind,
  type DeleteFacts,
  type PublishedRef,
} from '~/domain/archive';
import type { DB } from '../client';
import { RefusedError } from '../errors';
import { editVersioned, type ChangeRecord, type Trx } from '../versioning';
import { recordAudit } from './audit';
import { loadAssessmentRoot } from './burden';
import { editJourney } from './journeys';
import { publishedSnapshot } from './pmc';
import { loadActivityRoot } from './research';
import type { AuditAction } from '~/domain/audit';

const TABLES = {
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
    .selectFrom(`${TABLES[kind]} as r` as 'journey_maps as r')
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
    .selectFrom(TABLES[kind] as 'burden_assessments')
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
 * Archives (or restores) a record as one versioned edit: refused when the page was stale, when
 * it is already in that state, and audited with who and when.
 */
export async function setArchived(
  db: DB,
  input: { kind: ArchiveKind; id: number; version: number; actorId: number; archive: boolean },
): Promise<void> {
  const at = new Date().toISOString();
  const action: AuditAction = input.archive ? 'archive' : 'restore';
  const noun = KIND_NOUNS[input.kind];
  const change = async (trx: Trx, r: { id: number }): Promise<ChangeRecord> => {
    const table = TABLES[input.kind] as 'journey_maps';
    const row = await trx
      .selectFrom(table)
      .select(['archived_at', 'archived_by'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    if (input.archive === (row.archived_at !== null)) {
      throw new RefusedError(
        'conflict',
        input.archive ? `This ${noun} is already archived.` : `This ${noun} is not archived.`,
      );
    }
    const next = input.archive
      ? { archived_at: at, archived_by: input.actorId }
      : { archived_at: null, archived_by: null };
    await trx.updateTable(table).set(next).where('id', '=', r.id).execute();
    return { before: { ...row }, after: next };
  };
  const edit = { version: input.version, actorId: input.actorId, action };
  if (input.kind === 'journey_map') await editJourney(db, { ...edit, mapId: input.id }, change);
  // The same versioned edit as the areas' commands (app/commands/burden.ts editAssessment,
  // research.ts editActivity), which db/ may not import.
  else if (input.kind === 'burden_assessment')
    await editVersioned(
      db,
      {
        ...edit,
        id: input.id,
        table: 'burden_assessments',
        entityType: 'burden_assessment',
        notFoundMessage: 'We could not find that assessment.',
      },
      loadAssessmentRoot,
      change,
    );
  else
    await editVersioned(
      db,
      {
        ...edit,
        id: input.id,
        table: 'research_activities',
        entityType: 'research_activity',
        notFoundMessage: 'We could not find that research activity.',
      },
      loadActivityRoot,
      change,
    );
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
    .selectFrom(`${TABLES[kind]} as r` as 'journey_maps as r')
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

/**
 * Deletes a record for good: only an OMB lead, only with a reason, only when nothing refuses
 * it (checked again inside the transaction, so nothing can start citing it in between). Its
 * stages, steps, items, segments and sessions go with it; its audit rows stay, and one more
 * records the deletion, the reason and the title.
 */
export async function deletePermanently(
  db: DB,
  input: { kind: ArchiveKind; id: number; actorId: number; reason: string },
): Promise<{ portfolioId: number; projectId: number | null; title: string }> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const actor = await trx
      .selectFrom('people')
      .select('is_omb_lead')
      .where('id', '=', input.actorId)
      .executeTakeFirst();
    if (actor?.is_omb_lead !== 1)
      throw new RefusedError('forbidden', 'Only an OMB lead can delete a record for good.');
    const check = await deletionCheck(trx, input.kind, input.id);
    if (!check)
      throw new RefusedError('not_found', `We could not find that ${KIND_NOUNS[input.kind]}.`);
    if (check.refusals.length > 0) {
      throw new RefusedError('conflict', `Not deleted. ${check.refusals.join(' ')}`);
    }
    const { record } = check;
    await trx
      .deleteFrom(TABLES[input.kind] as 'journey_maps')
      .where('id', '=', record.id)
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'delete',
      entityType: input.kind,
      entityId: record.id,
      portfolioId: record.portfolio_id,
      projectId: record.project_id,
      before: {
        title: record.title,
        archived_at: record.archived_at,
        archived_by: record.archived_by,
      },
      after: { reason: input.reason },
      at,
    });
    return { portfolioId: record.portfolio_id, projectId: record.project_id, title: record.title };
  });
}
