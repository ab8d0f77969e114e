/**
 * The writes of research activities, their sessions and decisions, PRA clearances and the
 * workspace's PRA setting: each checks its rule (A-11 280.8, 5 CFR 1320), changes the rows and
 * writes its audit entry in one transaction.
 */
import type { AuditAction } from '~/domain/audit';
import { checkActivityChange, checkAddition } from '~/domain/pra/rules';
import type { DecisionRecord } from '~/domain/pra/labels';
import type { ActivityInput, ClearanceEditInput } from '~/schemas/research';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import {
  fingerprint,
  getPraSettings,
  linkedActivities,
  loadActivityRoot,
  loadPortfolioPra,
  parseDecision,
} from '#db/queries/research';
import { editVersioned, pick, type ChangeRecord, type Trx } from '#db/versioning';
import { portfolioTeam } from '#db/queries/notifications';
import { collectionNotifications } from '~/domain/notifications/research';
import { notify } from './notifications';

export async function setCountContractors(db: DB, value: boolean, actorId: number): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await getPraSettings(trx);
    await trx
      .insertInto('workspace_settings')
      .values({ key: 'pra_count_contractors', value: JSON.stringify(value), updated_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: at }),
      )
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'update',
      entityType: 'setting',
      entityId: 'pra_count_contractors',
      portfolioId: null,
      before: { count_contractors: before.countContractors },
      after: { count_contractors: value },
      at,
    });
  });
}

function activityColumns(v: ActivityInput) {
  return {
    title: v.title,
    method: v.method,
    purpose: v.purpose,
    questions: v.questions,
    questions_fingerprint: fingerprint(v.questions),
    unscripted: v.unscripted ? 1 : 0,
    phase: v.phase,
    screening_questions: v.screeningQuestions,
    incentive_cents: v.incentiveDollars,
    incentive_kind: v.incentiveKind,
    counsel_approved: v.counselApproved ? 1 : 0,
  };
}

export async function createActivity(
  db: DB,
  input: { projectId: number; portfolioId: number; actorId: number; values: ActivityInput },
) {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const columns = activityColumns(input.values);
    const row = await trx
      .insertInto('research_activities')
      .values({
        project_id: input.projectId,
        ...columns,
        decision: '{}',
        override_reason: null,
        override_by: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'research_activity',
      entityId: row.id,
      portfolioId: input.portfolioId,
      projectId: input.projectId,
      before: null,
      after: columns,
      at,
    });
    return row.id;
  });
}

/** One versioned, audited change to an activity (its sessions included). */
export async function editActivity(
  db: DB,
  input: { id: number; version: number; actorId: number; action: AuditAction },
  change: (
    trx: Trx,
    a: { id: number; project_id: number; portfolio_id: number },
  ) => Promise<ChangeRecord>,
): Promise<void> {
  await editVersioned(db, {
    ...input,
    table: 'research_activities',
    entityType: 'research_activity',
    notFoundMessage: 'We could not find that research activity.',
    load: loadActivityRoot,
    change,
  });
}

type DecisionField =
  'tenOrMore' | 'membersOfPublic' | 'sameQuestions' | 'observationOnly' | 'outcome';

export const activityEdits = {
  /** Saves an activity's fields, unless the PRA guard refuses what the change would count. */
  update: async (trx: Trx, a: { id: number; portfolio_id: number }, v: ActivityInput) => {
    const [current, beforeChange, settings] = await Promise.all([
      trx
        .selectFrom('research_activities')
        .selectAll()
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow(),
      loadPortfolioPra(trx, a.portfolio_id),
      getPraSettings(trx),
    ]);
    const next = activityColumns(v);
    await trx.updateTable('research_activities').set(next).where('id', '=', a.id).execute();
    const afterChange = await loadPortfolioPra(trx, a.portfolio_id);
    const guard = checkActivityChange(
      beforeChange.activities,
      afterChange.activities,
      afterChange.clearanceMap,
      settings,
      a.id,
    );
    // Throwing rolls the transaction back: the activity keeps its old fields.
    if (!guard.allowed) throw new RefusedError('conflict', guard.explanation, 'purpose');
    const before = Object.fromEntries(
      Object.keys(next).map((k) => [k, current[k as keyof typeof current]]),
    );
    return { before, after: next };
  },

  /**
   * Logs a session, unless the PRA guard refuses it: the rules run inside the transaction on the
   * portfolio's current data, so two people logging sessions at once cannot both slip under.
   */
  addSession: async (
    trx: Trx,
    a: { id: number; portfolio_id: number },
    v: {
      heldOn: string;
      participants: { code: string; category: 'public' | 'federal_employee' | 'contractor' }[];
      /** Who logs it: the portfolio's team hears when the count nears the limit, not them. */
      actorId?: number;
    },
  ) => {
    const [loaded, settings] = await Promise.all([
      loadPortfolioPra(trx, a.portfolio_id),
      getPraSettings(trx),
    ]);
    const addition = { activityId: a.id, date: v.heldOn };
    const guard = checkAddition(loaded.activities, loaded.clearanceMap, settings, {
      ...addition,
      participants: v.participants,
    });
    if (!guard.allowed) throw new RefusedError('conflict', guard.explanation, 'publicCodes');
    const before = checkAddition(loaded.activities, loaded.clearanceMap, settings, {
      ...addition,
      participants: [],
    }).countAfter;
    const activity = loaded.activities.find((x) => x.id === a.id);
    const team = await portfolioTeam(trx, a.portfolio_id);
    await notify(
      trx,
      collectionNotifications({
        activity: { id: a.id, title: activity?.title ?? 'A research activity' },
        portfolioId: a.portfolio_id,
        before,
        after: guard.countAfter,
        teamIds: [...team.leadIds, ...team.memberIds],
        actorId: v.actorId ?? 0,
      }),
      new Date().toISOString(),
    );
    const session = await trx
      .insertInto('research_sessions')
      .values({ activity_id: a.id, held_on: v.heldOn, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('research_participants')
      .values(
        v.participants.map((p) => ({
          session_id: session.id,
          code: p.code.toUpperCase(),
          category: p.category,
        })),
      )
      .execute();
    const count = (c: string) => v.participants.filter((p) => p.category === c).length;
    return {
      before: null,
      after: {
        session_on: v.heldOn,
        public: count('public'),
        federal_employees: count('federal_employee'),
        contractors: count('contractor'),
      },
    };
  },

  deleteSession: async (trx: Trx, a: { id: number }, sessionId: number) => {
    const s = await trx
      .selectFrom('research_sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .where('activity_id', '=', a.id)
      .executeTakeFirst();
    if (!s) throw new RefusedError('not_found', 'That session is not part of this activity.');
    // The participants go with the session: the audit log keeps their codes (issue 16).
    const participants = await trx
      .selectFrom('research_participants')
      .select(['code', 'category'])
      .where('session_id', '=', s.id)
      .orderBy('id')
      .execute();
    await trx.deleteFrom('research_sessions').where('id', '=', s.id).execute();
    const codes = (c: string) => participants.filter((p) => p.category === c).map((p) => p.code);
    return {
      before: {
        session_on: s.held_on,
        public: codes('public'),
        federal_employees: codes('federal_employee'),
        contractors: codes('contractor'),
      },
      after: null,
    };
  },

  linkClearance: async (trx: Trx, a: { id: number; portfolio_id: number }, clearanceId: number) => {
    const c = await trx
      .selectFrom('pra_clearances')
      .selectAll()
      .where('id', '=', clearanceId)
      .where('portfolio_id', '=', a.portfolio_id)
      .executeTakeFirst();
    if (!c)
      throw new RefusedError('invalid', 'Choose a clearance of this portfolio.', 'clearanceId');
    await trx
      .insertInto('research_activity_clearances')
      .values({ activity_id: a.id, clearance_id: c.id })
      .onConflict((oc) => oc.columns(['activity_id', 'clearance_id']).doNothing())
      .execute();
    return { before: null, after: { clearance: c.omb_control_number ?? c.title } };
  },

  /**
   * Records the decision: the answers to pra.digital.gov's questions and the outcome, stamped
   * with who reviewed them and when.
   */
  decision: async (
    trx: Trx,
    a: { id: number },
    answers: Required<Pick<DecisionRecord, DecisionField>>,
    reviewer: { personId: number; name: string; on: string },
  ) => {
    const current = await trx
      .selectFrom('research_activities')
      .select('decision')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const record: DecisionRecord = {
      tenOrMore: answers.tenOrMore,
      membersOfPublic: answers.membersOfPublic,
      sameQuestions: answers.sameQuestions,
      observationOnly: answers.observationOnly,
      outcome: answers.outcome,
      reviewed_by: reviewer.name,
      reviewed_by_id: reviewer.personId,
      reviewed_on: reviewer.on,
    };
    await trx
      .updateTable('research_activities')
      .set({ decision: JSON.stringify(record) })
      .where('id', '=', a.id)
      .execute();
    return {
      before: { decision: parseDecision(current.decision) },
      after: { decision: record },
    };
  },

  override: async (trx: Trx, a: { id: number }, reason: string, actorId: number) => {
    await trx
      .updateTable('research_activities')
      .set({ override_reason: reason, override_by: actorId })
      .where('id', '=', a.id)
      .execute();
    return { before: { override_reason: null }, after: { override_reason: reason } };
  },
};

export async function createClearance(
  db: DB,
  input: {
    portfolioId: number;
    actorId: number;
    title: string;
    kind: 'generic' | 'standard' | 'fast_track' | 'emergency';
    controlNumber: string | null;
    expiresOn: string | null;
  },
) {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('pra_clearances')
      .values({
        portfolio_id: input.portfolioId,
        title: input.title,
        kind: input.kind,
        omb_control_number: input.controlNumber,
        expires_on: input.expiresOn,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'pra_clearance',
      entityId: row.id,
      portfolioId: input.portfolioId,
      before: null,
      after: {
        title: input.title,
        kind: input.kind,
        omb_control_number: input.controlNumber,
        expires_on: input.expiresOn,
      },
      at,
    });
    return row.id;
  });
}

/** The fields of a clearance a stale edit shows as saved now. */
export const CLEARANCE_FIELDS = ['title', 'kind', 'omb_control_number', 'expires_on'] as const;

/**
 * Edits a clearance: title, kind, control number and expiration date (together or neither, as
 * the table's check also insists), and unlinks the chosen activities from it. Refused if the
 * form was opened at an older version; versioned and audited in one transaction.
 */
export async function editClearance(
  db: DB,
  input: { portfolioId: number; actorId: number; values: ClearanceEditInput },
): Promise<void> {
  const v = input.values;
  await editVersioned(db, {
    table: 'pra_clearances',
    entityType: 'pra_clearance',
    notFoundMessage: 'We could not find that clearance.',
    id: v.clearanceId,
    version: v.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: CLEARANCE_FIELDS,
    load: (trx: Trx, id: number) =>
      trx
        .selectFrom('pra_clearances')
        .selectAll()
        .where('id', '=', id)
        .where('portfolio_id', '=', input.portfolioId)
        .executeTakeFirst(),
    change: async (trx, row) => {
      const linked = await linkedActivities(trx, row.id);
      const unlinked = linked.filter((a) => v.unlink.includes(a.id));
      if (unlinked.length !== v.unlink.length) {
        throw new RefusedError(
          'invalid',
          'Choose only activities this clearance is linked to.',
          'unlink',
        );
      }
      const next = {
        title: v.title,
        kind: v.kind,
        omb_control_number: v.controlNumber ?? null,
        expires_on: v.expiresOn ?? null,
      };
      await trx.updateTable('pra_clearances').set(next).where('id', '=', row.id).execute();
      if (unlinked.length > 0) {
        await trx
          .deleteFrom('research_activity_clearances')
          .where('clearance_id', '=', row.id)
          .where(
            'activity_id',
            'in',
            unlinked.map((a) => a.id),
          )
          .execute();
      }
      const names = (list: typeof linked) => list.map((a) => `${a.title} (#${a.id})`);
      return {
        before: { ...pick(row, CLEARANCE_FIELDS), activities: names(linked) },
        after: { ...next, activities: names(linked.filter((a) => !unlinked.includes(a))) },
      };
    },
  });
}
