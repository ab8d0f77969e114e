import { sql } from 'kysely';
import { CHANGES_KEPT } from '~/domain/pmc/changes';
import { newWindow, quarterBounds } from '~/domain/pmc/quarter';
import type { Choices } from '~/domain/pmc/compose';
import type { PreviousUpdate, PublishedSnapshot } from '~/domain/pmc/snapshot';
import type { Lineage } from '~/domain/pmc/standing';
import { BoundedMap } from '~/lib/bounded-map';
import type { DB } from '../client';
import { portfolioRollup } from './burden';
import { portfolioPraStatus } from './research';

/**
 * What a quarter's update needs to know of one portfolio, as rows: milestones that can fall in
 * one of the quarter's lists, milestone counts by status, phase decisions closed in the quarter
 * and gates pending, its projects, how many audited changes since `since` (the last published
 * update's time, or the quarter's start) and the newest of them, burden reduced so far, research
 * and PRA status, and the milestone events of the window. Composed into words by
 * app/presenters/pmc-assembly.server.ts.
 */
export async function readPortfolioQuarter(
  db: DB,
  pf: { id: number },
  fy: number,
  q: number,
  since: string | null,
  today: string,
) {
  const { start, end } = quarterBounds(fy, q);
  const endTs = `${end}T23:59:59.999Z`;
  const window = newWindow(fy, q, since);
  const [
    milestones,
    statusCounts,
    decisions,
    pending,
    projects,
    changes,
    recent,
    rollup,
    pra,
    milestoneEvents,
    curation,
  ] = await Promise.all([
    // Only milestones that can fall in one of the quarter's lists (see milestoneBuckets).
    db
      .selectFrom('milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select([
        'm.id',
        'm.title',
        'm.owner',
        'm.status',
        'm.timing_fy',
        'm.timing_quarter',
        'm.due_date',
        'm.completed_on',
        'm.created_at',
        'p.name as project',
      ])
      .where('p.portfolio_id', '=', pf.id)
      .where((eb) =>
        eb.or([
          eb('m.status', '=', 'in_progress'),
          eb('m.timing_fy', '=', fy),
          eb.between('m.completed_on', start, end),
          eb.between('m.due_date', start, end),
          // Created in the window (a superset: whether a person created it is in the audit log).
          since === null
            ? eb.between('m.created_at', start, endTs)
            : eb('m.created_at', '>', since),
        ]),
      )
      .orderBy('m.project_id')
      .orderBy('m.position')
      .execute(),
    db
      .selectFrom('milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select(['m.status', sql<number>`count(*)`.as('n')])
      .where('p.portfolio_id', '=', pf.id)
      .groupBy('m.status')
      .execute(),
    db
      .selectFrom('phase_requests as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .select([
        'r.id',
        'r.from_phase',
        'r.to_phase',
        'r.status',
        'r.closed_at',
        'r.override_reason',
        'p.name as project',
      ])
      .where('p.portfolio_id', '=', pf.id)
      .where('r.closed_at', '>=', start)
      .where('r.closed_at', '<=', endTs)
      .execute(),
    db
      .selectFrom('phase_requests as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .select(['r.id', 'r.to_phase', 'r.requested_at', 'p.name as project'])
      .where('p.portfolio_id', '=', pf.id)
      .where('r.status', '=', 'pending')
      .execute(),
    db
      .selectFrom('projects')
      .select(['id', 'name', 'phase', 'health', 'health_reason'])
      .where('portfolio_id', '=', pf.id)
      .execute(),
    db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .where('portfolio_id', '=', pf.id)
      .where('at', '>', since ?? '0000')
      .executeTakeFirst(),
    // The newest of those changes, read backwards along audit_log(portfolio_id, at).
    db
      .selectFrom('audit_log as a')
      .leftJoin('people as pe', 'pe.id', 'a.actor_id')
      .leftJoin('projects as p', 'p.id', 'a.project_id')
      .select([
        'a.id',
        'a.at',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.changes',
        'a.actor_id',
        'a.portfolio_id',
        'a.project_id',
        'pe.name as actor',
        'p.name as project',
      ])
      .where('a.portfolio_id', '=', pf.id)
      .where('a.at', '>', since ?? '0000')
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(CHANGES_KEPT)
      .execute(),
    portfolioRollup(db, pf.id),
    portfolioPraStatus(db, pf.id, today),
    // Milestones created or changed in the window, read along audit_log(portfolio_id, at).
    (since === null
      ? db.selectFrom('audit_log').where('at', '>=', start).where('at', '<=', endTs)
      : db.selectFrom('audit_log').where('at', '>', since)
    )
      .select(['entity_id', 'action', 'at'])
      .where('portfolio_id', '=', pf.id)
      .where('entity_type', '=', 'milestone')
      .execute(),
    // What the curated changes are made of (domain/pmc/curate.ts): the kinds of record they
    // name, from the window's start on (later rows too: a milestone's state at the window's end
    // is read back from its state now), along audit_log(portfolio_id, at).
    db
      .selectFrom('audit_log as a')
      .leftJoin('projects as p', 'p.id', 'a.project_id')
      .select([
        'a.id',
        'a.at',
        'a.action',
        'a.entity_type',
        'a.entity_id',
        'a.changes',
        'p.name as project',
      ])
      .where('a.portfolio_id', '=', pf.id)
      .where('a.at', since === null ? '>=' : '>', since ?? start)
      .where('a.entity_type', 'in', CURATED_ENTITY_TYPES)
      .orderBy('a.at')
      .orderBy('a.id')
      .execute(),
  ]);
  return {
    window,
    milestones,
    statusCounts,
    decisions,
    pending,
    projects,
    changeCount: Number(changes?.n ?? 0),
    recent,
    rollup,
    pra,
    milestoneEvents,
    curation,
  };
}

/** The kinds of record curated changes are read from (domain/pmc/curate.ts). */
const CURATED_ENTITY_TYPES = [
  'milestone',
  'project_phase',
  'pra_clearance',
  'research_activity',
  'action_plan',
  'burden_assessment',
];

/**
 * What the curated changes name, looked up once for all the rows: the milestones' current state
 * and the current titles of clearances, research activities and action plans (ids as strings,
 * the audit log's entity ids). A record since deleted is absent.
 */
export async function curationRecords(
  db: DB,
  rows: readonly { entity_type: string; entity_id: string }[],
) {
  const ids = (type: string) => [
    ...new Set(
      rows
        .filter((r) => r.entity_type === type && /^\d{1,15}$/.test(r.entity_id))
        .map((r) => Number(r.entity_id)),
    ),
  ];
  const titled = async (
    entityType: 'pra_clearance' | 'research_activity' | 'action_plan',
    table: 'pra_clearances' | 'research_activities' | 'action_plans',
  ) => {
    const wanted = ids(entityType);
    if (wanted.length === 0) return new Map<string, string>();
    const found = await db
      .selectFrom(table)
      .select(['id', 'title'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(found.map((r) => [String(r.id), r.title] as const));
  };
  const milestoneIds = ids('milestone');
  const [milestones, clearance, activity, plan] = await Promise.all([
    milestoneIds.length === 0
      ? []
      : db
          .selectFrom('milestones')
          .select([
            'id',
            'title',
            'status',
            'timing_fy',
            'timing_quarter',
            'due_date',
            'completed_on',
          ])
          .where('id', 'in', milestoneIds)
          .execute(),
    titled('pra_clearance', 'pra_clearances'),
    titled('research_activity', 'research_activities'),
    titled('action_plan', 'action_plans'),
  ]);
  return {
    milestones: new Map(milestones.map(({ id, ...m }) => [String(id), m] as const)),
    titles: { clearance, activity, plan },
  };
}

/** The current titles of the given milestones, by id as a string (the audit log's entity id). */
export async function milestoneTitles(db: DB, ids: readonly number[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('milestones')
    .select(['id', 'title'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((m) => [String(m.id), m.title] as const));
}

// ---- Updates: drafts, editorial choices, highlights, publishing ------------------------------

/**
 * Published snapshots never change, so each is parsed once per server. Snapshots written before
 * the list of changes was kept read as having none listed (their count is kept).
 */
const snapshots = new BoundedMap<number, PublishedSnapshot>(50);
export const publishedSnapshot = (id: number, json: string) =>
  snapshots.getOrSet(id, () => {
    const snap = JSON.parse(json) as Partial<PublishedSnapshot> &
      Pick<PublishedSnapshot, 'portfolios'>;
    return {
      ...snap,
      since: snap.since ?? null,
      previous: snap.previous ?? null,
      portfolios: snap.portfolios.map((p) => ({
        ...p,
        changes: p.changes ?? [],
        curated: p.curated ?? [],
      })),
    } as PublishedSnapshot;
  });

/**
 * Updates, newest quarter first (within a quarter, a correction before what it corrects), with
 * the burden reduced that each published or withdrawn one recorded.
 */
export async function listUpdates(db: DB) {
  const rows = await db
    .selectFrom('pmc_updates')
    .select([
      'id',
      'fiscal_year',
      'quarter',
      'status',
      'published_at',
      'withdrawn_at',
      'corrects_id',
      sql<number>`case when snapshot is null then 0 else 1 end`.as('frozen'),
    ])
    .orderBy('fiscal_year', 'desc')
    .orderBy('quarter', 'desc')
    .orderBy('id', 'desc')
    .execute();
  // A snapshot never changes: its text is read and parsed only when this server has not yet.
  const known = new Map<number, PublishedSnapshot>();
  const unread: number[] = [];
  for (const u of rows) {
    if (Number(u.frozen) !== 1) continue;
    const snap = snapshots.get(u.id);
    if (snap) known.set(u.id, snap);
    else unread.push(u.id);
  }
  if (unread.length > 0) {
    const texts = await db
      .selectFrom('pmc_updates')
      .select(['id', 'snapshot'])
      .where('id', 'in', unread)
      .execute();
    for (const t of texts) if (t.snapshot) known.set(t.id, publishedSnapshot(t.id, t.snapshot));
  }
  return rows.map(({ frozen: _frozen, ...u }) => ({
    ...u,
    reducedHours:
      known.get(u.id)?.portfolios.reduce((sum, p) => sum + p.burden.reducedHoursNumber, 0) ?? 0,
  }));
}

export async function getUpdate(db: DB, id: number) {
  return db.selectFrom('pmc_updates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The quarter's update that is not withdrawn (its draft or its published one), if any. */
export async function standingUpdate(db: DB, fy: number, q: number) {
  return (
    (await db
      .selectFrom('pmc_updates')
      .select(['id', 'status'])
      .where('fiscal_year', '=', fy)
      .where('quarter', '=', q)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst()) ?? null
  );
}

/**
 * How an update stands among its quarter's others: who withdrew it and why, the update it
 * corrects, and its own correction.
 */
export async function updateLineage(
  db: DB,
  u: {
    id: number;
    withdrawn_at: string | null;
    withdrawn_by: number | null;
    withdrawn_reason: string | null;
    corrects_id: number | null;
    correction_note: string | null;
  },
): Promise<Lineage> {
  const [withdrawer, corrected, correction] = await Promise.all([
    u.withdrawn_by === null
      ? undefined
      : db.selectFrom('people').select('name').where('id', '=', u.withdrawn_by).executeTakeFirst(),
    u.corrects_id === null
      ? undefined
      : db
          .selectFrom('pmc_updates')
          .select(['id', 'published_at', 'withdrawn_at'])
          .where('id', '=', u.corrects_id)
          .executeTakeFirst(),
    db
      .selectFrom('pmc_updates')
      .select(['id', 'status', 'published_at'])
      .where('corrects_id', '=', u.id)
      .executeTakeFirst(),
  ]);
  return {
    withdrawn: u.withdrawn_at
      ? { at: u.withdrawn_at, by: withdrawer?.name ?? null, reason: u.withdrawn_reason ?? '' }
      : null,
    corrects: corrected
      ? {
          id: corrected.id,
          publishedAt: corrected.published_at,
          withdrawnAt: corrected.withdrawn_at,
          note: u.correction_note ?? '',
        }
      : null,
    correctedBy: correction
      ? { id: correction.id, status: correction.status, publishedAt: correction.published_at }
      : null,
  };
}

export function choicesOf(u: {
  excluded: string;
  annotations: string;
  portfolio_order: string;
  item_order: string;
}): Choices {
  return {
    excluded: JSON.parse(u.excluded) as string[],
    annotations: JSON.parse(u.annotations) as Record<string, string>,
    order: JSON.parse(u.portfolio_order) as string[],
    itemOrder: JSON.parse(u.item_order) as Record<string, string[]>,
  };
}

/**
 * The last update published before this one: the published update of the latest earlier
 * quarter (an update for a later quarter, even one published first, does not count), the
 * latest published among equals. Its publication time bounds "what changed".
 */
export async function previousPublished(
  db: DB,
  u: { id: number; fiscal_year: number; quarter: number },
): Promise<PreviousUpdate | null> {
  const row = await db
    .selectFrom('pmc_updates')
    .select(['id', 'fiscal_year', 'quarter', 'published_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('id', '!=', u.id)
    .where((eb) =>
      eb.or([
        eb('fiscal_year', '<', u.fiscal_year),
        eb.and([eb('fiscal_year', '=', u.fiscal_year), eb('quarter', '<', u.quarter)]),
      ]),
    )
    .orderBy('fiscal_year', 'desc')
    .orderBy('quarter', 'desc')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at
    ? {
        id: row.id,
        fiscalYear: row.fiscal_year,
        quarter: row.quarter,
        publishedAt: row.published_at,
      }
    : null;
}
