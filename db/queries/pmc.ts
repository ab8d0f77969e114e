import { sql } from 'kysely';
import { totalMoney } from '~/domain/burden/calc';
import { dollars, hours, hoursNumber } from '~/domain/burden/display';
import { formatTiming, PHASES } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import {
  freshness,
  milestoneBuckets,
  newWindow,
  quarterBounds,
  type Freshness,
  type MilestoneEvent,
  type QuarterBucket,
} from '~/domain/pmc/quarter';
import { BoundedMap } from '~/lib/bounded-map';
import { cachedForPortfolio } from '../cache';
import type { DB } from '../client';
import { portfolioRollup } from './burden';
import { portfolioPraStatus } from './research';
import {
  CHANGES_KEPT,
  toChangeEntry,
  type AuditRowForChange,
  type ChangeEntry,
} from '~/domain/pmc/changes';
import { type Choices } from '~/domain/pmc/compose';
import { decisionItem, pendingItem, riskItem, type UpdateItem } from '~/domain/pmc/items';
import { describeAuditRows, type AuditRowForSentence } from './audit';

export interface AssembledPortfolio {
  slug: string;
  name: string;
  milestones: (UpdateItem & {
    title: string;
    status: string;
    timing: string;
    owner: string;
    buckets: QuarterBucket[];
    /**
     * Created or changed since the last published update (or in the quarter when none was), with
     * when; absent from snapshots published before it was kept.
     */
    fresh?: Freshness | null;
  })[];
  decisions: UpdateItem[];
  pending: UpdateItem[];
  risks: UpdateItem[];
  byPhase: Record<Phase, number>;
  milestonesByStatus: Record<string, number>;
  burden: { reducedHours: string; reducedHoursNumber: number; reducedCost: string };
  pra: Record<string, number>;
  /** How many audited changes the portfolio had since the last published update. */
  changesSinceLast: number;
  /** The newest of them (at most CHANGES_KEPT), newest first. */
  changes: ChangeEntry[];
}

export interface AssembledUpdate {
  fiscalYear: number;
  quarter: number;
  start: string;
  end: string;
  assembledAt: string;
  /** Changes are counted from this time (the last published update's), or from the start. */
  since: string | null;
  portfolios: AssembledPortfolio[];
}

/**
 * Gathers a quarter's update from live data: per portfolio, milestones completed, in progress,
 * new and missed; phase decisions made and gates pending; projects at risk or off track; burden
 * reduced so far; research and PRA status; and what changed since the last published update
 * (`since`, its publication time): the newest audit rows of the portfolio and how many in all.
 * `only` limits it to some portfolios (a page of the preview); each portfolio's part is kept
 * until that portfolio changes (db/cache.ts), so a large program is not re-read on every view.
 */
export async function assembleUpdate(
  db: DB,
  fy: number,
  q: number,
  since: string | null,
  only?: readonly number[],
): Promise<AssembledUpdate> {
  const { start, end } = quarterBounds(fy, q);
  const today = new Date().toISOString().slice(0, 10);
  let query = db.selectFrom('portfolios').select(['id', 'slug', 'name']).orderBy('name');
  if (only) query = query.where('id', 'in', only.length > 0 ? [...only] : [0]);
  const portfolios = await query.execute();
  const out = await Promise.all(
    portfolios.map((pf) =>
      cachedForPortfolio(
        db,
        pf.id,
        'pmc-portfolio',
        () => assemblePortfolio(db, pf, fy, q, since, today),
        `${fy}:${q}:${since ?? ''}:${today}`,
      ),
    ),
  );
  return {
    fiscalYear: fy,
    quarter: q,
    start,
    end,
    assembledAt: new Date().toISOString(),
    since,
    portfolios: out,
  };
}

async function assemblePortfolio(
  db: DB,
  pf: { id: number; slug: string; name: string },
  fy: number,
  q: number,
  since: string | null,
  today: string,
): Promise<AssembledPortfolio> {
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
  ]);
  const eventsOf = new Map<string, MilestoneEvent[]>();
  for (const e of milestoneEvents) {
    const list = eventsOf.get(e.entity_id) ?? [];
    list.push({ action: e.action, at: e.at });
    eventsOf.set(e.entity_id, list);
  }
  const ms = milestones
    .map((m) => {
      const fresh = freshness(eventsOf.get(String(m.id)) ?? [], window);
      return {
        key: `m${m.id}`,
        title: m.title,
        status: m.status,
        owner: m.owner,
        timing: formatTiming(m),
        text: m.title,
        detail: m.project,
        buckets: milestoneBuckets(
          {
            status: m.status,
            timingFy: m.timing_fy,
            timingQuarter: m.timing_quarter,
            dueDate: m.due_date,
            completedOn: m.completed_on,
            fresh,
          },
          fy,
          q,
        ),
        fresh,
      };
    })
    .filter((m) => m.buckets.length > 0);
  const byPhase = Object.fromEntries(
    PHASES.map((ph) => [ph, projects.filter((p) => p.phase === ph).length]),
  ) as Record<Phase, number>;
  const praCounts: Record<string, number> = { activities: pra.rows.length };
  const changeEntries = await changesOf(db, recent);
  for (const r of pra.reports) praCounts[r.status] = (praCounts[r.status] ?? 0) + 1;
  return {
    slug: pf.slug,
    name: pf.name,
    milestones: ms,
    decisions: decisions.map(decisionItem),
    pending: pending.map(pendingItem),
    risks: projects.filter((p) => p.health !== 'on_track').map(riskItem),
    byPhase,
    milestonesByStatus: Object.fromEntries(
      ['completed', 'in_progress', 'planned', 'missed'].map((s) => [
        s,
        Number(statusCounts.find((c) => c.status === s)?.n ?? 0),
      ]),
    ),
    burden: {
      reducedHours: hours(rollup.reduced.time),
      reducedHoursNumber: hoursNumber(rollup.reduced.time),
      reducedCost: dollars(totalMoney(rollup.reduced)),
    },
    pra: praCounts,
    changesSinceLast: Number(changes?.n ?? 0),
    changes: changeEntries,
  };
}

/** The audit rows as change entries, milestones named by their current titles (one lookup). */
async function changesOf(
  db: DB,
  rows: (AuditRowForChange & AuditRowForSentence)[],
): Promise<ChangeEntry[]> {
  const ids = [
    ...new Set(
      rows
        .filter((r) => r.entity_type === 'milestone' && /^\d{1,15}$/.test(r.entity_id))
        .map((r) => Number(r.entity_id)),
    ),
  ];
  const titles = new Map(
    ids.length === 0
      ? []
      : (
          await db.selectFrom('milestones').select(['id', 'title']).where('id', 'in', ids).execute()
        ).map((m) => [String(m.id), m.title] as const),
  );
  const sentences = await describeAuditRows(db, rows);
  return rows.map((r, i) => ({ ...toChangeEntry(r, titles), sentence: sentences[i] }));
}

// ---- Updates: drafts, editorial choices, highlights, publishing ------------------------------

/** The published update whose publication time bounds "what changed". */
export interface PreviousUpdate {
  id: number;
  fiscalYear: number;
  quarter: number;
  publishedAt: string;
}

/** What publishing freezes: the composed update and its highlights. */
export type PublishedSnapshot = AssembledUpdate & {
  portfolios: (AssembledPortfolio & { annotations: Record<string, string> })[];
  highlights: Record<string, unknown>;
  previous: PreviousUpdate | null;
};

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
      portfolios: snap.portfolios.map((p) => ({ ...p, changes: p.changes ?? [] })),
    } as PublishedSnapshot;
  });

/** Updates, newest first, with the burden reduced that each published one recorded. */
export async function listUpdates(db: DB) {
  const rows = await db
    .selectFrom('pmc_updates')
    .select(['id', 'fiscal_year', 'quarter', 'status', 'published_at', 'snapshot'])
    .orderBy('fiscal_year', 'desc')
    .orderBy('quarter', 'desc')
    .execute();
  return rows.map(({ snapshot, ...u }) => ({
    ...u,
    reducedHours: snapshot
      ? publishedSnapshot(u.id, snapshot).portfolios.reduce(
          (sum, p) => sum + p.burden.reducedHoursNumber,
          0,
        )
      : 0,
  }));
}

export async function getUpdate(db: DB, id: number) {
  return db.selectFrom('pmc_updates').selectAll().where('id', '=', id).executeTakeFirst();
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
