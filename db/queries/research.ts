import { sql } from 'kysely';
import crypto from 'node:crypto';
import {
  normalizeQuestions,
  praStatus,
  type ParticipantCategory,
  type PraActivity,
  type PraClearance,
  type PraSettings,
} from '~/domain/pra/rules';
import type { DecisionRecord } from '~/domain/pra/labels';
import { cachedForPortfolio } from '../cache';
import type { DB } from '../client';
import { joinedText } from '../dialect';
import type { Trx } from '../versioning';

/** Whether federal contractors count as members of the public (default: yes). */
export async function getPraSettings(db: DB): Promise<PraSettings> {
  const row = await db
    .selectFrom('workspace_settings')
    .select('value')
    .where('key', '=', 'pra_count_contractors')
    .executeTakeFirst();
  return { countContractors: row ? JSON.parse(row.value) !== false : true };
}

/** The fingerprint of a question set: SHA-256 of its normalized text, or null when empty. */
export function fingerprint(questions: string): string | null {
  const normalized = normalizeQuestions(questions);
  return normalized ? crypto.createHash('sha256').update(normalized).digest('hex') : null;
}

/** The category a joined "category code" entry starts with, as one shared string. */
function categoryOf(entry: string, space: number): ParticipantCategory {
  const category = CATEGORIES.find((c) => c.length === space && entry.startsWith(c));
  if (!category) throw new Error(`unknown participant category in "${entry.slice(0, space)}"`);
  return category;
}
const CATEGORIES: readonly ParticipantCategory[] = ['public', 'federal_employee', 'contractor'];

/**
 * Everything the PRA rules need for a portfolio, in four queries: activities, clearance links,
 * clearances, and participants with their session dates.
 */
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

export type PraStatusResult = Awaited<ReturnType<typeof loadPortfolioPra>> & {
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

export const loadActivityRoot = (trx: Trx, id: number) =>
  trx
    .selectFrom('research_activities as a')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .selectAll('a')
    .select('p.portfolio_id')
    .where('a.id', '=', id)
    .executeTakeFirst();
export type ActivityRoot = NonNullable<Awaited<ReturnType<typeof loadActivityRoot>>>;

/** A stored decision record ('{}' before anyone records one). */
export function parseDecision(json: string): DecisionRecord {
  const value: unknown = JSON.parse(json);
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as DecisionRecord)
    : {};
}

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

export function linkedActivities(db: DB, clearanceId: number) {
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
