/**
 * A quarter's PMC update composed from live data, in the words an OMB lead reads and publishing
 * freezes: per portfolio, milestones completed, in progress, new and missed; phase decisions made
 * and gates pending; projects at risk or off track; burden reduced so far; research and PRA
 * status; and what changed since the last published update. The reads are
 * `readPortfolioQuarter` (db/queries/pmc.ts); the rules are in app/domain/pmc/.
 */
import { totalMoney } from '~/domain/burden/calc';
import { dollars, hours, hoursNumber } from '~/domain/burden/display';
import { toChangeEntry, type ChangeEntry } from '~/domain/pmc/changes';
import { curateChanges, type CuratedChange } from '~/domain/pmc/curate';
import { decisionItem, pendingItem, riskItem } from '~/domain/pmc/items';
import {
  freshness,
  milestoneBuckets,
  quarterBounds,
  type MilestoneEvent,
} from '~/domain/pmc/quarter';
import type { AssembledPortfolio, AssembledUpdate } from '~/domain/pmc/snapshot';
import { formatTiming, PHASES } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { cachedForPortfolio } from '#db/cache';
import type { DB } from '#db/client';
import { curationRecords, milestoneTitles, readPortfolioQuarter } from '#db/queries/pmc';
import { getSurveyMinimum } from '#db/queries/surveys';
import { describeAuditRows } from './history.server';
import { portfolioOutcomes } from './measurement.server';

/**
 * The update for quarter `q` of `fy`, changes counted from `since` (the last published update's
 * time) or from the quarter's start. `only` limits it to some portfolios (a page of the preview);
 * each portfolio's part is kept until that portfolio changes (db/cache.ts), so a large program is
 * not re-read on every view.
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
  const [portfolios, { minimum }] = await Promise.all([query.execute(), getSurveyMinimum(db)]);
  const out = await Promise.all(
    portfolios.map((pf) =>
      cachedForPortfolio(
        db,
        pf.id,
        'pmc-portfolio',
        () => assemblePortfolio(db, pf, fy, q, since, today),
        // The survey minimum is a workspace setting: changing it recomputes every portfolio.
        `${fy}:${q}:${since ?? ''}:${today}:${minimum}`,
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
  const [facts, outcomes] = await Promise.all([
    readPortfolioQuarter(db, pf, fy, q, since, today),
    portfolioOutcomes(db, pf.id, { fy, q, ...quarterBounds(fy, q) }, today),
  ]);
  const eventsOf = new Map<string, MilestoneEvent[]>();
  for (const e of facts.milestoneEvents) {
    const list = eventsOf.get(e.entity_id) ?? [];
    list.push({ action: e.action, at: e.at });
    eventsOf.set(e.entity_id, list);
  }
  const milestones = facts.milestones
    .map((m) => {
      const fresh = freshness(eventsOf.get(String(m.id)) ?? [], facts.window);
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
    PHASES.map((ph) => [ph, facts.projects.filter((p) => p.phase === ph).length]),
  ) as Record<Phase, number>;
  const pra: Record<string, number> = { activities: facts.pra.rows.length };
  for (const r of facts.pra.reports) pra[r.status] = (pra[r.status] ?? 0) + 1;
  const { reduced } = facts.rollup;
  return {
    slug: pf.slug,
    name: pf.name,
    milestones,
    decisions: facts.decisions.map(decisionItem),
    pending: facts.pending.map(pendingItem),
    risks: facts.projects.filter((p) => p.health !== 'on_track').map(riskItem),
    byPhase,
    milestonesByStatus: Object.fromEntries(
      ['completed', 'in_progress', 'planned', 'missed'].map((s) => [
        s,
        Number(facts.statusCounts.find((c) => c.status === s)?.n ?? 0),
      ]),
    ),
    burden: {
      reducedHours: hours(reduced.time),
      reducedHoursNumber: hoursNumber(reduced.time),
      reducedCost: dollars(totalMoney(reduced)),
    },
    pra,
    changesSinceLast: facts.changeCount,
    changes: await changesOf(db, facts.recent),
    curated: await curatedOf(db, facts),
    outcomes,
  };
}

/** The window's changes as curated items (domain/pmc/curate.ts), the records they name read once. */
async function curatedOf(
  db: DB,
  facts: Awaited<ReturnType<typeof readPortfolioQuarter>>,
): Promise<CuratedChange[]> {
  const records = await curationRecords(db, facts.curation);
  return curateChanges({
    window: facts.window,
    rows: facts.curation,
    ...records,
    reductions: facts.rollup.reductions.map((a) => ({
      id: a.id,
      baselineId: a.baselineId,
      title: a.title,
      baselineTitle: a.baselineTitle,
      hours: hours(a.reduced.time),
      hoursNumber: hoursNumber(a.reduced.time),
    })),
  });
}

/**
 * The newest audit rows as change entries, each with its sentence; milestones are named by
 * their current titles (one lookup), a deleted one by the title its row recorded.
 */
async function changesOf(
  db: DB,
  rows: Awaited<ReturnType<typeof readPortfolioQuarter>>['recent'],
): Promise<ChangeEntry[]> {
  const ids = new Set(
    rows
      .filter((r) => r.entity_type === 'milestone' && /^\d{1,15}$/.test(r.entity_id))
      .map((r) => Number(r.entity_id)),
  );
  const [titles, sentences] = await Promise.all([
    milestoneTitles(db, [...ids]),
    describeAuditRows(db, rows),
  ]);
  return rows.map((r, i) => ({ ...toChangeEntry(r, titles), sentence: sentences[i] }));
}
