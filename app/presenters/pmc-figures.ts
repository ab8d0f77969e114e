/**
 * The figures of a PMC update in words, as the exports list them (Word, slides): for the program
 * (summed over its portfolios) and for each portfolio. One place, so the two outputs agree.
 */
import { lineageLines, type Lineage, type UpdateStatus } from '~/domain/pmc/standing';
import { pluralize } from '~/domain/plural';
import { MILESTONE_STATUS_LABELS, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import { STATUS_LABELS as PRA_STATUS_LABELS } from '~/domain/pra/labels';
import type { CollectionStatus } from '~/domain/pra/rules';
import type { AssembledPortfolio } from '~/domain/pmc/snapshot';
import { formatDate } from '~/domain/portfolio/labels';
import { quarterLabel, updateTitle } from './pmc';
import { upToOneDecimal } from '~/domain/numbers';

type Figures = [name: string, value: string][];

const MILESTONE_ORDER = ['completed', 'in_progress', 'planned', 'missed'] as const;

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Counts across the program, by key, from each portfolio's counts. */
function totals(records: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, n] of Object.entries(r)) out[k] = (out[k] ?? 0) + n;
  return out;
}

function phaseCounts(byPhase: Record<string, number>): string {
  return PHASES.map((ph) => `${PHASE_LABELS[ph]} ${byPhase[ph] ?? 0}`).join(', ');
}

function milestoneCounts(byStatus: Record<string, number>): string {
  return MILESTONE_ORDER.map((s) => `${MILESTONE_STATUS_LABELS[s]} ${byStatus[s] ?? 0}`).join(', ');
}

function researchText(pra: Record<string, number>): string {
  const statuses = Object.entries(pra)
    .filter(([k, n]) => k !== 'activities' && n > 0)
    .map(([k, n]) => `${PRA_STATUS_LABELS[k as CollectionStatus] ?? k} ${n}`);
  const activities = pluralize(pra.activities ?? 0, 'activity', 'activities');
  return statuses.length > 0 ? `${activities}; collections: ${statuses.join(', ')}` : activities;
}

/** The program at a glance. */
export function glanceFigures(ps: readonly AssembledPortfolio[]): Figures {
  const byPhase = totals(ps.map((p) => p.byPhase));
  return [
    ['Portfolios', String(ps.length)],
    ['Projects by phase', `${phaseCounts(byPhase)} (${sum(Object.values(byPhase))} in all)`],
    ['Milestones this quarter', milestoneCounts(totals(ps.map((p) => p.milestonesByStatus)))],
    ['Phase decisions this quarter', String(sum(ps.map((p) => p.decisions.length)))],
    ['Phase gates pending', String(sum(ps.map((p) => p.pending.length)))],
    ['Projects at risk or off track', String(sum(ps.map((p) => p.risks.length)))],
    [
      'Burden reduced so far',
      `${upToOneDecimal(sum(ps.map((p) => p.burden.reducedHoursNumber)))} hours a year`,
    ],
    ['Research', researchText(totals(ps.map((p) => p.pra)))],
  ];
}

/** One portfolio at a glance. */
export function portfolioFigures(p: AssembledPortfolio): Figures {
  return [
    ['Projects by phase', phaseCounts(p.byPhase)],
    ['Milestones this quarter', milestoneCounts(p.milestonesByStatus)],
    ['Burden reduced so far', `${p.burden.reducedHours} hours and ${p.burden.reducedCost} a year`],
    ['Research', researchText(p.pra)],
    ['Changes since the last update', String(p.changesSinceLast)],
  ];
}

/**
 * What an export's cover and running header say: the quarter, the title, Draft, Published or
 * Withdrawn, and when (a draft: as of the day it was made, not yet published); and, in `notices`,
 * why it was withdrawn and what replaced it, or what it corrects.
 */
export function coverWords(u: {
  fiscalYear: number;
  quarter: number;
  status: UpdateStatus;
  publishedAt: string | null;
  madeAt: string;
  lineage: Lineage;
}): {
  label: string;
  title: string;
  state: string;
  dated: string;
  draft: boolean;
  notices: string[];
} {
  const published = u.status !== 'draft' && u.publishedAt !== null;
  const correction = u.lineage.corrects ? ' (correction)' : '';
  return {
    label: quarterLabel(u.fiscalYear, u.quarter),
    title: `${updateTitle(u.fiscalYear, u.quarter)}${correction}`,
    state: { draft: 'Draft', published: 'Published', withdrawn: 'Withdrawn' }[u.status],
    dated: published
      ? `Published ${formatDate(u.publishedAt!)}${u.lineage.withdrawn ? `, withdrawn ${formatDate(u.lineage.withdrawn.at)}` : ''}`
      : `Draft as of ${formatDate(u.madeAt)}: not yet published`,
    draft: !published,
    notices: lineageLines(u.lineage),
  };
}
