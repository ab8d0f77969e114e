import { agenciesDueForReview, type GateState } from '~/domain/phases/gate';
import type { DB } from '../client';
import type { SessionUser } from './sessions';

/** The project's phase, involved agencies and open request (with its answers so far). */
export async function loadGateState(db: DB, projectId: number) {
  const project = await db
    .selectFrom('projects')
    .select(['id', 'portfolio_id', 'phase', 'name', 'version'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!project) return undefined;
  const [involved, pending] = await Promise.all([
    db
      .selectFrom('project_agencies')
      .select('agency_id')
      .where('project_id', '=', projectId)
      .execute(),
    db
      .selectFrom('phase_requests')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('status', '=', 'pending')
      .executeTakeFirst(),
  ]);
  let pendingState: GateState['pending'] = null;
  if (pending) {
    const [agencies, answers] = await Promise.all([
      db
        .selectFrom('phase_request_agencies')
        .select('agency_id')
        .where('request_id', '=', pending.id)
        .execute(),
      db
        .selectFrom('phase_answers')
        .select(['agency_id', 'answer'])
        .where('request_id', '=', pending.id)
        .execute(),
    ]);
    pendingState = {
      toPhase: pending.to_phase,
      involvedAgencyIds: agencies.map((a) => a.agency_id),
      answers: new Map(answers.map((a) => [a.agency_id, a.answer])),
    };
  }
  const state: GateState = {
    phase: project.phase,
    involvedAgencyIds: involved.map((a) => a.agency_id),
    pending: pendingState,
  };
  return { project, state, pendingId: pending?.id ?? null };
}

/**
 * Who a phase request concerns: the person who asked, and the current POCs of each agency asked
 * (with its name), for the notifications of a gate event.
 */
export async function gateAudience(
  db: DB,
  input: { portfolioId: number; requestId: number; agencyIds: readonly number[] },
) {
  const [request, agencies, pocs] = await Promise.all([
    db
      .selectFrom('phase_requests')
      .select('requested_by')
      .where('id', '=', input.requestId)
      .executeTakeFirst(),
    input.agencyIds.length === 0
      ? []
      : db
          .selectFrom('agencies')
          .select(['id', 'name'])
          .where('id', 'in', [...input.agencyIds])
          .execute(),
    input.agencyIds.length === 0
      ? []
      : db
          .selectFrom('agency_pocs')
          .select(['agency_id', 'person_id'])
          .where('portfolio_id', '=', input.portfolioId)
          .where('agency_id', 'in', [...input.agencyIds])
          .where('ended_at', 'is', null)
          .orderBy('person_id')
          .execute(),
  ]);
  return {
    requestedBy: request?.requested_by ?? null,
    agencies: new Map(
      agencies.map((a) => [
        a.id,
        { name: a.name, pocIds: pocs.filter((p) => p.agency_id === a.id).map((p) => p.person_id) },
      ]),
    ),
  };
}

/** Every request of a project, newest first, with its answers and the people involved. */
export async function getPhaseHistory(db: DB, projectId: number) {
  const requests = await db
    .selectFrom('phase_requests as r')
    .innerJoin('people as p', 'p.id', 'r.requested_by')
    .innerJoin('agencies as pa', 'pa.id', 'p.agency_id')
    .leftJoin('people as c', 'c.id', 'r.closed_by')
    .leftJoin('agencies as ca', 'ca.id', 'c.agency_id')
    .select([
      'r.id',
      'r.kind',
      'r.from_phase',
      'r.to_phase',
      'r.evidence',
      'r.requested_at',
      'r.status',
      'r.closed_at',
      'r.override_reason',
      'p.name as requested_by_name',
      'pa.code as requested_by_agency',
      'c.name as closed_by_name',
      'ca.code as closed_by_agency',
    ])
    .where('r.project_id', '=', projectId)
    .orderBy('r.id', 'desc')
    .execute();
  const ids = requests.map((r) => r.id);
  const [agencies, answers] = ids.length
    ? await Promise.all([
        db
          .selectFrom('phase_request_agencies as ra')
          .innerJoin('agencies as a', 'a.id', 'ra.agency_id')
          .select(['ra.request_id', 'a.id', 'a.code'])
          .where('ra.request_id', 'in', ids)
          .orderBy('a.code')
          .execute(),
        db
          .selectFrom('phase_answers as an')
          .innerJoin('agencies as a', 'a.id', 'an.agency_id')
          .innerJoin('people as p', 'p.id', 'an.person_id')
          .select([
            'an.request_id',
            'an.agency_id',
            'a.code',
            'an.answer',
            'an.comment',
            'an.answered_at',
            'p.name as person_name',
          ])
          .select((eb) =>
            eb
              .selectFrom('agencies as pa')
              .select('pa.code')
              .whereRef('pa.id', '=', 'p.agency_id')
              .as('person_agency'),
          )
          .where('an.request_id', 'in', ids)
          .orderBy('an.id')
          .execute(),
      ])
    : [[], []];
  return requests.map((r) => ({
    ...r,
    agencies: agencies
      .filter((a) => a.request_id === r.id)
      .map((a) => ({ id: a.id, code: a.code })),
    answers: answers.filter((a) => a.request_id === r.id),
  }));
}

export async function getReaffirmations(db: DB, projectId: number) {
  return db
    .selectFrom('phase_reaffirmations as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.id', 'r.at', 'r.phase', 'a.code', 'p.name as person_name'])
    .select((eb) =>
      eb
        .selectFrom('agencies as pa')
        .select('pa.code')
        .whereRef('pa.id', '=', 'p.agency_id')
        .as('person_agency'),
    )
    .where('r.project_id', '=', projectId)
    .orderBy('r.id', 'desc')
    .execute();
}

/** Per involved agency, when it last concurred (an answer or an annual re-affirmation). */
export async function lastConcurrences(
  db: DB,
  projectIds: number[],
): Promise<Map<number, Map<number, Date>>> {
  const result = new Map<number, Map<number, Date>>();
  if (projectIds.length === 0) return result;
  const [answers, reaffirmed] = await Promise.all([
    db
      .selectFrom('phase_answers as an')
      .innerJoin('phase_requests as r', 'r.id', 'an.request_id')
      .select(['r.project_id', 'an.agency_id', (eb) => eb.fn.max('an.answered_at').as('at')])
      .where('r.project_id', 'in', projectIds)
      .where('an.answer', 'in', ['concur', 'concur_with_comments'])
      .groupBy(['r.project_id', 'an.agency_id'])
      .execute(),
    db
      .selectFrom('phase_reaffirmations')
      .select(['project_id', 'agency_id', (eb) => eb.fn.max('at').as('at')])
      .where('project_id', 'in', projectIds)
      .groupBy(['project_id', 'agency_id'])
      .execute(),
  ]);
  for (const row of [...answers, ...reaffirmed]) {
    const map = result.get(row.project_id) ?? new Map<number, Date>();
    const at = new Date(String(row.at));
    const prev = map.get(row.agency_id);
    if (!prev || prev < at) map.set(row.agency_id, at);
    result.set(row.project_id, map);
  }
  return result;
}

/**
 * When each project entered its current phase: the last advance or move back that closed, or,
 * for a project that never changed phase, when it was created. Annual review counts from here.
 */
export async function phaseEnteredAt(db: DB, projectIds: number[]): Promise<Map<number, Date>> {
  const result = new Map<number, Date>();
  if (projectIds.length === 0) return result;
  const [projects, changes] = await Promise.all([
    db.selectFrom('projects').select(['id', 'created_at']).where('id', 'in', projectIds).execute(),
    db
      .selectFrom('phase_requests')
      .select(['project_id', (eb) => eb.fn.max('closed_at').as('at')])
      .where('project_id', 'in', projectIds)
      .where('status', 'in', ['advanced', 'moved_back'])
      .groupBy('project_id')
      .execute(),
  ]);
  for (const p of projects) result.set(p.id, new Date(p.created_at));
  for (const c of changes) if (c.at !== null) result.set(c.project_id, new Date(String(c.at)));
  return result;
}

/**
 * A POC's work: open requests awaiting an answer from an agency they are the current POC of,
 * and projects whose annual concurrence from their agency is due.
 */
export async function getMyReviews(db: DB, user: SessionUser, now = new Date()) {
  if (user.pocFor.length === 0) return { pending: [], due: [] };
  const pairs = user.pocFor;
  const pending = await db
    .selectFrom('phase_requests as r')
    .innerJoin('phase_request_agencies as ra', 'ra.request_id', 'r.id')
    .innerJoin('projects as pr', 'pr.id', 'r.project_id')
    .innerJoin('agencies as a', 'a.id', 'ra.agency_id')
    .innerJoin('people as p', 'p.id', 'r.requested_by')
    .leftJoin('phase_answers as an', (j) =>
      j.onRef('an.request_id', '=', 'r.id').onRef('an.agency_id', '=', 'ra.agency_id'),
    )
    .select([
      'r.id',
      'r.from_phase',
      'r.to_phase',
      'r.requested_at',
      'pr.id as project_id',
      'pr.name as project_name',
      'a.id as agency_id',
      'a.code as agency_code',
      'p.name as requested_by_name',
    ])
    .where('r.status', '=', 'pending')
    .where('an.id', 'is', null)
    .where((eb) =>
      eb.or(
        pairs.map((pair) =>
          eb.and([
            eb('pr.portfolio_id', '=', pair.portfolioId),
            eb('ra.agency_id', '=', pair.agencyId),
          ]),
        ),
      ),
    )
    .orderBy('r.requested_at')
    .execute();

  const involved = await db
    .selectFrom('project_agencies as pa')
    .innerJoin('projects as pr', 'pr.id', 'pa.project_id')
    .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
    .select([
      'pr.id as project_id',
      'pr.name as project_name',
      'pr.phase',
      'a.id as agency_id',
      'a.code as agency_code',
    ])
    .where((eb) =>
      eb.or(
        pairs.map((pair) =>
          eb.and([
            eb('pr.portfolio_id', '=', pair.portfolioId),
            eb('pa.agency_id', '=', pair.agencyId),
          ]),
        ),
      ),
    )
    .orderBy('pr.name')
    .execute();
  const projectIds = [...new Set(involved.map((i) => i.project_id))];
  const [last, entered] = await Promise.all([
    lastConcurrences(db, projectIds),
    phaseEnteredAt(db, projectIds),
  ]);
  const due = involved
    .filter(
      (i) =>
        agenciesDueForReview(
          [i.agency_id],
          last.get(i.project_id) ?? new Map(),
          entered.get(i.project_id) ?? now,
          now,
        ).length > 0,
    )
    .map((i) => ({
      ...i,
      lastConcurred: last.get(i.project_id)?.get(i.agency_id)?.toISOString() ?? null,
    }));
  return { pending, due };
}

/** How many answers are waiting on this person (the header's "My reviews" count). */
export async function countMyPendingReviews(db: DB, user: SessionUser): Promise<number> {
  if (user.pocFor.length === 0) return 0;
  const row = await db
    .selectFrom('phase_requests as r')
    .innerJoin('phase_request_agencies as ra', 'ra.request_id', 'r.id')
    .innerJoin('projects as pr', 'pr.id', 'r.project_id')
    .leftJoin('phase_answers as an', (j) =>
      j.onRef('an.request_id', '=', 'r.id').onRef('an.agency_id', '=', 'ra.agency_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.status', '=', 'pending')
    .where('an.id', 'is', null)
    .where((eb) =>
      eb.or(
        user.pocFor.map((pair) =>
          eb.and([
            eb('pr.portfolio_id', '=', pair.portfolioId),
            eb('ra.agency_id', '=', pair.agencyId),
          ]),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
