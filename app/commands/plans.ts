/**
 * Every change to a CX Action Plan: creating it, saving its text (each save a version), moving
 * it along its statuses, its due dates, citations and review comments. Each checks its rule,
 * changes the rows and writes the audit entry in one transaction; a refusal is a RefusedError
 * or StaleWriteError the page turns into the form's answer.
 */
import { isFederalHoliday } from '~/domain/calendar/holidays';
import { changeLive } from '~/collab/live.server';
import { fieldJson, PLAN_FIELD, replaceField } from '~/collab/yjs.server';
import { planTemplate, sanitizeDoc, type DocNode } from '~/domain/plans/document';
import { fromMarkdown, toMarkdown } from '~/domain/plans/markdown';
import { mergeBySection, type SectionMerge } from '~/domain/plans/section-merge';
import {
  canMove,
  dueDatesEditable,
  isEditable,
  planDueDates,
  type PlanStatus,
} from '~/domain/plans/status';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { ombLeadIds, portfolioTeam } from '#db/queries/notifications';
import { planCommented, planMoved } from '~/domain/notifications/plans';
import { PLAN_SECTIONS } from '~/domain/plans/document';
import { notify } from './notifications';
import { getCalendarOverrides } from '#db/queries/calendar';
import { citableEvidence } from '#db/queries/plans';
import { editVersioned, pick } from '#db/versioning';

/**
 * Creates the plan of a fiscal year from the A-11 280.15 template; one per portfolio and year.
 * Its due dates are the fiscal year's A-11 calendar dates (as OMB leads set them for that year,
 * else the 280.12 defaults on business days), read in the same transaction.
 */
export async function createPlan(
  db: DB,
  input: { portfolioId: number; fiscalYear: number; title: string; actorId: number },
) {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('action_plans')
      .select('id')
      .where('portfolio_id', '=', input.portfolioId)
      .where('fiscal_year', '=', input.fiscalYear)
      .executeTakeFirst();
    if (exists)
      throw new RefusedError(
        'conflict',
        `This portfolio already has a plan for FY ${input.fiscalYear}.`,
        'fiscalYear',
      );
    const doc = JSON.stringify(planTemplate());
    const { draftDue, finalDue } = planDueDates(
      input.fiscalYear,
      isFederalHoliday,
      await getCalendarOverrides(trx, input.fiscalYear),
    );
    const row = await trx
      .insertInto('action_plans')
      .values({
        portfolio_id: input.portfolioId,
        fiscal_year: input.fiscalYear,
        title: input.title,
        doc,
        status: 'draft',
        draft_due: draftDue,
        final_due: finalDue,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('action_plan_versions')
      .values({
        plan_id: row.id,
        version: 1,
        name: 'Template',
        note: '',
        doc,
        saved_by: input.actorId,
        saved_at: at,
      })
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'action_plan',
      entityId: row.id,
      portfolioId: input.portfolioId,
      before: null,
      after: {
        title: input.title,
        fiscal_year: input.fiscalYear,
        draft_due: draftDue,
        final_due: finalDue,
      },
      at,
    });
    return row.id;
  });
}

/** The plan, refused when it is final: its text changes only while it is a draft or in review. */
async function editablePlan(db: DB, id: number) {
  const plan = await db
    .selectFrom('action_plans')
    .select(['id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!plan) throw new RefusedError('not_found', 'We could not find that plan.');
  if (!isEditable(plan.status)) throw new RefusedError('conflict', READ_ONLY);
  return plan;
}

/** A version's stored text, or a refusal when the plan has no such version. */
async function versionDoc(db: DB, planId: number, version: number): Promise<DocNode> {
  const row = await db
    .selectFrom('action_plan_versions')
    .select('doc')
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new RefusedError('not_found', 'That version does not exist.');
  return sanitizeDoc(JSON.parse(row.doc));
}

const planDocument = (id: number) => ({ kind: 'action_plan' as const, id });

/**
 * Restores an earlier version's text: an edit of the shared document, which everyone editing
 * the plan sees at once, stored as a new version named for the one restored (history is never
 * rewritten).
 */
export async function restorePlanVersion(
  db: DB,
  input: { id: number; fromVersion: number; actorId: number },
): Promise<void> {
  await editablePlan(db, input.id);
  const old = await versionDoc(db, input.id, input.fromVersion);
  const versionName = `Restored version ${input.fromVersion}`;
  await changeLive(db, planDocument(input.id), { actorId: input.actorId, versionName }, (doc) =>
    replaceField(doc, PLAN_FIELD, old),
  );
}

/**
 * Names the plan's text as it is now (a named version), from the shared document, so what
 * the editors see at that moment is what the version holds.
 */
export async function namePlanVersion(
  db: DB,
  input: { id: number; actorId: number; name: string; note?: string },
): Promise<void> {
  await editablePlan(db, input.id);
  await changeLive(
    db,
    planDocument(input.id),
    { actorId: input.actorId, versionName: input.name, versionNote: input.note },
    () => undefined,
  );
}

/**
 * A save from the plain-text form (no JavaScript), merged by section into the plan as it is now
 * (app/domain/plans/section-merge.ts): sections the person changed take their text unless
 * someone else changed them too since `baseVersion`, the version their page showed; those are
 * left as they are and returned as conflicts, with both texts.
 */
export async function savePlanMarkdown(
  db: DB,
  input: {
    id: number;
    baseVersion: number;
    markdown: string;
    actorId: number;
    name?: string;
    note?: string;
  },
): Promise<SectionMerge> {
  await editablePlan(db, input.id);
  const base = await versionDoc(db, input.id, input.baseVersion);
  const mine = sanitizeDoc(fromMarkdown(input.markdown));
  const asMarkdown = (nodes: DocNode[]) => toMarkdown({ type: 'doc', content: nodes });
  return changeLive(
    db,
    planDocument(input.id),
    { actorId: input.actorId, versionName: input.name, versionNote: input.note },
    (doc) => {
      const merge = mergeBySection(base, mine, fieldJson(doc, PLAN_FIELD), asMarkdown);
      if (merge.applied.length > 0) replaceField(doc, PLAN_FIELD, merge.doc);
      return merge;
    },
  );
}

/** Moves the plan along draft → in review → final (or back), as the status rules allow. */
export async function movePlan(
  db: DB,
  input: { id: number; version: number; to: PlanStatus; actorId: number; mayReopen: boolean },
): Promise<void> {
  await editVersioned(db, {
    ...planEdit(input),
    action: (plan) => (plan.status === 'final' ? 'reopen' : 'status'),
    staleFields: ['status', 'updated_at'],
    change: async (trx, plan) => {
      if (!canMove(plan.status, input.to, input.mayReopen)) {
        throw new RefusedError(
          plan.status === 'final' ? 'forbidden' : 'invalid',
          plan.status === 'final'
            ? 'Only an OMB lead can reopen a final plan.'
            : 'That status change is not allowed from here.',
        );
      }
      await trx
        .updateTable('action_plans')
        .set({ status: input.to })
        .where('id', '=', plan.id)
        .execute();
      await notify(
        trx,
        planMoved({
          plan: {
            id: plan.id,
            title: plan.title,
            fiscalYear: plan.fiscal_year,
            portfolioId: plan.portfolio_id,
            version: input.version + 1,
          },
          from: plan.status,
          to: input.to,
          team: await portfolioTeam(trx, plan.portfolio_id),
          ombLeadIds: await ombLeadIds(trx),
          actorId: input.actorId,
        }),
        new Date().toISOString(),
      );
      return { before: { status: plan.status }, after: { status: input.to } };
    },
  });
}

/**
 * Changes the plan's due dates (from the year's A-11 280.12 calendar when it was created), not on
 * a final plan. Who may is the caller's check (policy: plan.set_due_dates, an OMB lead).
 */
export async function setPlanDueDates(
  db: DB,
  input: { id: number; version: number; draftDue: string; finalDue: string; actorId: number },
): Promise<void> {
  await editVersioned(db, {
    ...planEdit(input),
    action: 'update',
    staleFields: ['draft_due', 'final_due'],
    guard: (plan) => {
      if (!dueDatesEditable(plan.status))
        throw new RefusedError(
          'conflict',
          'This plan is final: its due dates cannot change. An OMB lead can reopen it.',
        );
    },
    change: async (trx, plan) => {
      const next = { draft_due: input.draftDue, final_due: input.finalDue };
      await trx.updateTable('action_plans').set(next).where('id', '=', plan.id).execute();
      return { before: pick(plan, ['draft_due', 'final_due']), after: next };
    },
  });
}

const READ_ONLY = 'This plan is final and read-only. An OMB lead can reopen it.';

/** What every edit of a plan shares. */
function planEdit(input: { id: number; version: number; actorId: number }) {
  return {
    table: 'action_plans',
    entityType: 'action_plan',
    notFoundMessage: 'We could not find that plan.',
    id: input.id,
    version: input.version,
    actorId: input.actorId,
  } as const;
}

// ---- Evidence and review comments ------------------------------------------------------------

async function checkCitable(
  db: DB,
  portfolioId: number,
  kind: string,
  refId: number,
): Promise<boolean> {
  const evidence = await citableEvidence(db, portfolioId);
  const list =
    kind === 'journey_step'
      ? evidence.steps
      : kind === 'research_activity'
        ? evidence.activities
        : evidence.toBe;
  return list.some((x) => x.id === refId);
}

export async function addCitation(
  db: DB,
  input: {
    planId: number;
    section: number;
    kind: 'journey_step' | 'research_activity' | 'burden_savings';
    refId: number;
    note: string;
    actorId: number;
  },
) {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('action_plans')
      .select(['id', 'portfolio_id', 'status'])
      .where('id', '=', input.planId)
      .executeTakeFirstOrThrow();
    if (!isEditable(plan.status)) throw new RefusedError('conflict', READ_ONLY);
    if (!(await checkCitable(trx, plan.portfolio_id, input.kind, input.refId))) {
      throw new RefusedError('invalid', 'Choose evidence from this portfolio.', 'refId');
    }
    await trx
      .insertInto('action_plan_citations')
      .values({
        plan_id: plan.id,
        section: input.section,
        kind: input.kind,
        ref_id: input.refId,
        note: input.note,
        created_by: input.actorId,
        created_at: at,
      })
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'cite',
      entityType: 'action_plan',
      entityId: plan.id,
      portfolioId: plan.portfolio_id,
      before: null,
      after: { section: input.section, kind: input.kind, ref_id: input.refId, note: input.note },
      at,
    });
  });
}

export async function addComment(
  db: DB,
  input: { planId: number; section: number; body: string; actorId: number },
) {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const plan = await trx
      .selectFrom('action_plans')
      .select(['id', 'portfolio_id', 'title', 'fiscal_year'])
      .where('id', '=', input.planId)
      .executeTakeFirstOrThrow();
    const comment = await trx
      .insertInto('action_plan_comments')
      .values({
        plan_id: plan.id,
        section: input.section,
        body: input.body,
        author_id: input.actorId,
        created_at: at,
        resolved_by: null,
        resolved_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const team = await portfolioTeam(trx, plan.portfolio_id);
    await notify(
      trx,
      planCommented({
        plan: {
          id: plan.id,
          title: plan.title,
          fiscalYear: plan.fiscal_year,
          portfolioId: plan.portfolio_id,
        },
        commentId: comment.id,
        section: PLAN_SECTIONS[input.section] ?? `Section ${input.section + 1}`,
        body: input.body,
        writerIds: [...team.leadIds, ...team.memberIds],
        actorId: input.actorId,
      }),
      at,
    );
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'comment',
      entityType: 'action_plan',
      entityId: plan.id,
      portfolioId: plan.portfolio_id,
      before: null,
      after: { section: input.section, body: input.body },
      at,
    });
  });
}

export async function resolveComment(
  db: DB,
  input: { planId: number; commentId: number; actorId: number },
) {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom('action_plan_comments as c')
      .innerJoin('action_plans as p', 'p.id', 'c.plan_id')
      .select(['c.id', 'c.resolved_at', 'p.portfolio_id'])
      .where('c.id', '=', input.commentId)
      .where('c.plan_id', '=', input.planId)
      .executeTakeFirst();
    if (!comment) throw new RefusedError('not_found', 'That comment is not on this plan.');
    if (comment.resolved_at)
      throw new RefusedError('conflict', 'That comment is already resolved.');
    await trx
      .updateTable('action_plan_comments')
      .set({ resolved_at: at, resolved_by: input.actorId })
      .where('id', '=', comment.id)
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'resolve_comment',
      entityType: 'action_plan',
      entityId: input.planId,
      portfolioId: comment.portfolio_id,
      before: { comment: comment.id, resolved: false },
      after: { comment: comment.id, resolved: true },
      at,
    });
  });
}
