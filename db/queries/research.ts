import type { AuditAction } from '~/domain/audit';
import { sql } from 'kysely';
import crypto from 'node:crypto';
import {
  checkActivityChange,
  checkAddition,
  normalizeQuestions,
  praStatus,
  type ParticipantCategory,
  type PraActivity,
  type PraClearance,
  type PraSettings,
} from '~/domain/pra/rules';
import type { DecisionRecord } from '~/domain/pra/labels';
import type { ActivityInput, ClearanceEditInput } from '~/schemas/research';
import { cachedForPortfolio } from '../cache';
import type { DB } from '../client';
import { joinedText } from '../dialect';
import { RefusedError, StaleWriteError } from '../errors';
import { assertFresh, editVersioned, pick, type ChangeRecord, type Trx } from '../versioning';
import { recordAudit } from './audit';

/** Whether federal contractors count as members of the public (default: yes). */
export async function getPraSettings(db: DB): Promise<PraSettings> {
  const row = await db
    .selectFrom('workspace_settings')
    .select('value')
    .where('key', '=', 'pra_count_contractors')
    .executeTakeFirst();
  return { countContractors: row ? JSON.parse(row.value) !== false : true };
}

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

/** The fingerprint of a question set: SHA-256 of its normalized text, or null when empty. */
export function fingerprint(questions: string): string | null {
  const normalized = normalizeQuestions(questions);
  return normalized ? crypto.createHash('sha256').update(normalized).digest('hex') : null;
}

/**
 * Everything the PRA rules need for a portfolio, in four queries: activities, clearance links,
 * clearances, and participants with their session dates.
 */
/** The category a joined "category code" entry starts with, as one shared string. */
function categoryOf(entry: string, space: number): ParticipantCategory {
  const category = CATEGORIES.find((c) => c.length === space && entry.startsWith(c));
  if (!category) throw new Error(`unknown participant category in "${entry.slice(0, space)}"`);
  return category;
}
const CATEGORIES: readonly ParticipantCategory[] = ['public', 'federal_employee', 'contractor'];

export async function loadPortfolioPra(db: DB, portfolioId: number) {
  const [activities, links, clearances, participants] = await Promise.all([
    db
      .selectFrom('research_activities as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select([
        'a.id',
        'a.title',
        'a.method',
        'a.purpose',
        'a.questions_fingerprint',
        'a.unscripted',
        'a.phase',
        'a.screening_questions',
        'a.override_reason',
        'a.project_id',
        'p.name as project_name',
      ])
      .where('p.portfolio_id', '=', portfolioId)
      .execute(),
    db
      .selectFrom('research_activity_clearances as l')
      .innerJoin('pra_clearances as c', 'c.id', 'l.clearance_id')
      .select(['l.activity_id', 'l.clearance_id'])
      .where('c.portfolio_id', '=', portfolioId)
      .execute(),
    db
      .selectFrom('pra_clearances')
      .selectAll()
      .where('portfolio_id', '=', portfolioId)
      .orderBy('id')
      .execute(),
    // One row per session with its people joined into one text: a tenth of the rows of one per
    // person, which is most of the cost of reading a large portfolio.
    db
      .selectFrom('research_participants as r')
      .innerJoin('research_sessions as s', 's.id', 'r.session_id')
      .innerJoin('research_activities as a', 'a.id', 's.activity_id')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select([
        's.activity_id',
        's.id as session_id',
        's.held_on',
        joinedText(db, sql`r.category || ' ' || r.code`, '\n').as('people'),
      ])
      .where('p.portfolio_id', '=', portfolioId)
      .groupBy(['s.id', 's.activity_id', 's.held_on'])
      .execute(),
  ]);
  const sessions = new Map<number, PraActivity['sessions']>();
  for (const r of participants) {
    const list = sessions.get(r.activity_id) ?? [];
    list.push({
      id: r.session_id,
      date: r.held_on,
      participants: r.people.split('\n').map((p) => {
        const space = p.indexOf(' ');
        return { category: categoryOf(p, space), code: p.slice(space + 1) };
      }),
    });
    sessions.set(r.activity_id, list);
  }
  const praActivities: PraActivity[] = activities.map((a) => ({
    id: a.id,
    title: a.title,
    method: a.method,
    purpose: a.purpose,
    questionsFingerprint: a.questions_fingerprint,
    unscripted: a.unscripted === 1,
    phase: a.phase,
    hasScreeningQuestions: a.screening_questions.trim() !== '',
    sessions: sessions.get(a.id) ?? [],
    clearanceIds: links.filter((l) => l.activity_id === a.id).map((l) => l.clearance_id),
    overridden: a.override_reason !== null,
  }));
  const clearanceMap = new Map<number, PraClearance>(
    clearances.map((c) => [
      c.id,
      { id: c.id, controlNumber: c.omb_control_number, expiresOn: c.expires_on },
    ]),
  );
  return { activities: praActivities, rows: activities, clearances, clearanceMap };
}

type PraStatusResult = Awaited<ReturnType<typeof loadPortfolioPra>> & {
  settings: PraSettings;
  reports: ReturnType<typeof praStatus>;
};
/** Per database handle (tests open many), per portfolio. */
/**
 * The PRA status of every collection in a portfolio, as of `today`. Computing it reads every
 * participant of the portfolio, so the result is kept until the portfolio changes (db/cache.ts).
 */
export async function portfolioPraStatus(
  db: DB,
  portfolioId: number,
  today: string,
): Promise<PraStatusResult> {
  return cachedForPortfolio(
    db,
    portfolioId,
    'pra-status',
    async () => {
      const [loaded, settings] = await Promise.all([
        loadPortfolioPra(db, portfolioId),
        getPraSettings(db),
      ]);
      return {
        ...loaded,
        settings,
        reports: praStatus(loaded.activities, loaded.clearanceMap, settings, today),
      };
    },
    today,
  );
}

/**
 * A project's research log, newest first; archived activities only when asked for (they still
 * count toward the PRA limit either way: loadPortfolioPra reads them all).
 */
export async function listActivitiesForProject(
  db: DB,
  projectId: number,
  options: { includeArchived?: boolean } = {},
) {
  let query = db
    .selectFrom('research_activities as a')
    .select([
      'a.id',
      'a.title',
      'a.archived_at',
      'a.method',
      'a.phase',
      'a.purpose',
      'a.unscripted',
      (eb) =>
        eb
          .selectFrom('research_sessions as s')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('s.activity_id', '=', 'a.id')
          .as('sessions'),
      (eb) =>
        eb
          .selectFrom('research_participants as r')
          .innerJoin('research_sessions as s', 's.id', 'r.session_id')
          .select(sql<number>`count(distinct r.code)`.as('n'))
          .whereRef('s.activity_id', '=', 'a.id')
          .as('people'),
    ])
    .where('a.project_id', '=', projectId);
  if (!options.includeArchived) query = query.where('a.archived_at', 'is', null);
  return query.orderBy('a.id', 'desc').execute();
}

export async function getActivity(db: DB, id: number) {
  const activity = await db
    .selectFrom('research_activities as a')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .innerJoin('portfolios as pf', 'pf.id', 'p.portfolio_id')
    .leftJoin('people as o', 'o.id', 'a.override_by')
    .selectAll('a')
    .select([
      'p.name as project_name',
      'p.portfolio_id',
      'pf.slug as portfolio_slug',
      'pf.name as portfolio_name',
      'o.name as override_by_name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!activity) return undefined;
  const [sessions, participants, clearances] = await Promise.all([
    db
      .selectFrom('research_sessions')
      .selectAll()
      .where('activity_id', '=', id)
      .orderBy('held_on')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('research_participants as r')
      .innerJoin('research_sessions as s', 's.id', 'r.session_id')
      .select(['r.session_id', 'r.code', 'r.category'])
      .where('s.activity_id', '=', id)
      .orderBy('r.code')
      .execute(),
    db
      .selectFrom('research_activity_clearances as l')
      .innerJoin('pra_clearances as c', 'c.id', 'l.clearance_id')
      .selectAll('c')
      .where('l.activity_id', '=', id)
      .execute(),
  ]);
  return {
    activity,
    sessions: sessions.map((s) => ({
      ...s,
      participants: participants.filter((p) => p.session_id === s.id),
    })),
    clearances,
  };
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
  await editVersioned<ActivityRoot>(
    db,
    {
      ...input,
      table: 'research_activities',
      entityType: 'research_activity',
      notFoundMessage: 'We could not find that research activity.',
    },
    loadActivityRoot,
    change,
  );
}

const loadActivityRoot = (trx: Trx, id: number) =>
  trx
    .selectFrom('research_activities as a')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .selectAll('a')
    .select('p.portfolio_id')
    .where('a.id', '=', id)
    .executeTakeFirst();
type ActivityRoot = NonNullable<Awaited<ReturnType<typeof loadActivityRoot>>>;

type DecisionField =
  'tenOrMore' | 'membersOfPublic' | 'sameQuestions' | 'observationOnly' | 'outcome';

/** A stored decision record ('{}' before anyone records one). */
export function parseDecision(json: string): DecisionRecord {
  const value: unknown = JSON.parse(json);
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as DecisionRecord)
    : {};
}

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
    },
  ) => {
    const [loaded, settings] = await Promise.all([
      loadPortfolioPra(trx, a.portfolio_id),
      getPraSettings(trx),
    ]);
    const guard = checkAddition(loaded.activities, loaded.clearanceMap, settings, {
      activityId: a.id,
      date: v.heldOn,
      participants: v.participants,
    });
    if (!guard.allowed) throw new RefusedError('conflict', guard.explanation, 'publicCodes');
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

/**
 * The people who may record a clearance for a portfolio (policy: clearance.edit is the
 * portfolio's leads and the OMB leads), for those who may not: whom to ask, not a dead link.
 * Portfolio leads first, then OMB leads, each by name.
 */
export async function clearanceKeepers(db: DB, portfolioId: number) {
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('portfolio_memberships as m', (j) =>
      j
        .onRef('m.person_id', '=', 'p.id')
        .on('m.portfolio_id', '=', portfolioId)
        .on('m.role', '=', 'lead'),
    )
    .select(['p.id', 'p.name', 'p.email', 'a.code as agency_code', 'p.is_omb_lead', 'm.role'])
    .where((eb) => eb.or([eb('m.role', '=', 'lead'), eb('p.is_omb_lead', '=', 1)]))
    .orderBy('p.name')
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      agencyCode: r.agency_code,
      role: r.role === 'lead' ? ('portfolio_lead' as const) : ('omb_lead' as const),
    }))
    .sort((x, y) => (x.role === y.role ? 0 : x.role === 'portfolio_lead' ? -1 : 1));
}

export async function listClearances(db: DB, portfolioId: number) {
  return db
    .selectFrom('pra_clearances')
    .selectAll()
    .where('portfolio_id', '=', portfolioId)
    .orderBy('expires_on')
    .execute();
}

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

/** A clearance of `portfolioId` with the activities linked to it, or undefined. */
export async function getClearance(db: DB, portfolioId: number, id: number) {
  const clearance = await db
    .selectFrom('pra_clearances')
    .selectAll()
    .where('id', '=', id)
    .where('portfolio_id', '=', portfolioId)
    .executeTakeFirst();
  if (!clearance) return undefined;
  return { clearance, activities: await linkedActivities(db, id) };
}

function linkedActivities(db: DB, clearanceId: number) {
  return db
    .selectFrom('research_activity_clearances as l')
    .innerJoin('research_activities as a', 'a.id', 'l.activity_id')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .select(['a.id', 'a.title', 'p.name as project_name'])
    .where('l.clearance_id', '=', clearanceId)
    .orderBy('a.title')
    .orderBy('a.id')
    .execute();
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
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const load = () =>
      trx
        .selectFrom('pra_clearances')
        .selectAll()
        .where('id', '=', v.clearanceId)
        .where('portfolio_id', '=', input.portfolioId)
        .executeTakeFirst();
    const row = await load();
    if (!row) throw new RefusedError('not_found', 'We could not find that clearance.');
    assertFresh(row, v.version, CLEARANCE_FIELDS);
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
    // The version in the WHERE clause: of two saves from the same version, the second changes
    // nothing and is refused as stale, whatever the database's isolation.
    const updated = await trx
      .updateTable('pra_clearances')
      .set({ ...next, version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', v.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const now = await load();
      if (!now) throw new RefusedError('not_found', 'We could not find that clearance.');
      throw new StaleWriteError(pick(now, CLEARANCE_FIELDS), now.version);
    }
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
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'update',
      entityType: 'pra_clearance',
      entityId: row.id,
      portfolioId: input.portfolioId,
      before: { ...pick(row, CLEARANCE_FIELDS), activities: names(linked) },
      after: { ...next, activities: names(linked.filter((a) => !unlinked.includes(a))) },
      at,
    });
  });
}
