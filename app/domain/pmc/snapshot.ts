/**
 * The shape of a quarter's PMC update as the workspace composes it and as publishing freezes it
 * (A-11 §280: the quarterly update to the President's Management Council). Types only: the
 * reads are in db/queries/pmc.ts, the composition in app/presenters/pmc-assembly.server.ts.
 */
import type { ChangeEntry } from './changes';
import type { CuratedChange } from './curate';
import type { UpdateItem } from './items';
import type { Freshness, QuarterBucket } from './quarter';
import type { Phase } from '../portfolio/types';

/**
 * Whether the pilots work, as the quarter's update reports it (issue 20): the success measures
 * that moved (a value dated in the quarter) and each service's latest survey trust up to the
 * quarter, suppressed under the OMB minimum as everywhere.
 */
export interface PortfolioOutcomes {
  measures: { project: string; name: string; status: string; latest: string; reason: string }[];
  trust: {
    service: string;
    agency: string;
    quarter: string;
    trust: string;
    rule: string;
    change: string | null;
    illustrative: boolean;
  }[];
}

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
  /**
   * What changed, curated: plain sentences by kind, each an item to leave out or annotate.
   * Snapshots published before it was kept read as none (db/queries/pmc.ts publishedSnapshot).
   */
  curated: CuratedChange[];
  /** Absent from snapshots published before outcomes were kept: read as none. */
  outcomes?: PortfolioOutcomes;
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
