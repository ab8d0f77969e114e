/**
 * How a PMC update names its decision, pending-gate and risk items: one line and a detail each.
 * The words are frozen into a published update's snapshot, so a change here changes only updates
 * published after it. The query that reads the rows is in db/queries/pmc.ts.
 */
import type { Phase } from '~/domain/portfolio/types';

/** One line of an update; `key` includes, excludes and annotates it: m12, d3, g7, r5. */
export interface UpdateItem {
  key: string;
  text: string;
  detail: string;
}

/** A phase request decided in the quarter. */
export function decisionItem(d: {
  id: number;
  project: string;
  status: string;
  from_phase: Phase | string;
  to_phase: Phase | string;
  closed_at: string | null;
  override_reason: string | null;
}): UpdateItem {
  const outcome =
    d.status === 'advanced'
      ? `moved to ${d.to_phase}`
      : d.status === 'moved_back'
        ? `moved back to ${d.to_phase}`
        : `held in ${d.from_phase}`;
  const closed = d.closed_at?.slice(0, 10) ?? '';
  return {
    key: `d${d.id}`,
    text: `${d.project}: ${outcome}`,
    detail: d.override_reason ? `${closed} (OMB lead: ${d.override_reason})` : closed,
  };
}

/** A phase request still waiting for its answers. */
export function pendingItem(d: {
  id: number;
  project: string;
  to_phase: Phase | string;
  requested_at: string;
}): UpdateItem {
  return {
    key: `g${d.id}`,
    text: `${d.project}: asks for ${d.to_phase}`,
    detail: `since ${d.requested_at.slice(0, 10)}`,
  };
}

/** A project not on track, with the team's reason. */
export function riskItem(p: {
  id: number;
  name: string;
  health: string;
  health_reason: string | null;
}): UpdateItem {
  return {
    key: `r${p.id}`,
    text: `${p.name}: ${p.health === 'at_risk' ? 'at risk' : 'off track'}`,
    detail: p.health_reason ?? '',
  };
}
