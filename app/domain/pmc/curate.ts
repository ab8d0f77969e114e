/**
 * "What changed since the last update", curated (issue 19): the window's audit rows turned into
 * plain sentences grouped by kind — phase moves, milestones completed, milestones slipped,
 * clearances, burden reduced — one item per record, so an OMB lead can leave any of them out or
 * annotate it like the update's other items. The raw audit rows stay one click away (the
 * update's page). The reads are in db/queries/pmc.ts; decision 031 says why each kind reads
 * what it reads.
 */
import { parseFieldChanges } from '~/domain/audit';
import { formatDate, formatTiming, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import type { UpdateItem } from './items';
import { inWindow, quarterBounds, type NewWindow } from './quarter';

export type ChangeKind = 'phase' | 'done' | 'slipped' | 'clearance' | 'burden';

/** The kinds in the order an update lists them, with their headings. */
export const CHANGE_KINDS: readonly { kind: ChangeKind; heading: string }[] = [
  { kind: 'phase', heading: 'Phase moves' },
  { kind: 'done', heading: 'Milestones completed' },
  { kind: 'slipped', heading: 'Milestones slipped' },
  { kind: 'clearance', heading: 'Clearances' },
  { kind: 'burden', heading: 'Burden reduced' },
];

/**
 * The key's prefix per record: cp (a project's phase), cm (a milestone completed), cs (a milestone
 * slipped), cc (a PRA clearance), ca (a research activity covered), cf (an action plan made final),
 * cb (a burden assessment). Never m/d/g/r, the update's other items (texts.ts ITEM_KEY).
 */
const PREFIX = {
  phase: 'cp',
  done: 'cm',
  slipped: 'cs',
  clearance: 'cc',
  activity: 'ca',
  plan: 'cf',
  burden: 'cb',
} as const;

/** One curated change: an update item with its kind and when it happened (ISO time). */
export interface CuratedChange extends UpdateItem {
  kind: ChangeKind;
  at: string;
}

/** An audit row of the window (or after it), as the query reads it. */
export interface CurationRow {
  id: number;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  /** The row's JSON: each changed field's before and after. */
  changes: string;
  /** The name of the row's project, when it has one. */
  project: string | null;
}

/** A milestone's fields as the audit log records them. */
export interface MilestoneState {
  title: string;
  status: string;
  timing_fy: number | null;
  timing_quarter: number | null;
  due_date: string | null;
  completed_on: string | null;
}

/** A burden assessment measured against a baseline, and what it saves now (hours a year). */
export interface BurdenReduction {
  id: number;
  baselineId: number;
  title: string;
  baselineTitle: string;
  /** Hours a year, as displayed ("1,200.00") and as a number. */
  hours: string;
  hoursNumber: number;
}

export interface CurationFacts {
  window: NewWindow;
  /** The portfolio's audit rows from the window's start on, oldest first. */
  rows: readonly CurationRow[];
  /** The current state of the milestones the rows name (absent: deleted). */
  milestones: ReadonlyMap<string, MilestoneState>;
  /** Current titles: PRA clearances, research activities, action plans, by id. */
  titles: {
    clearance: ReadonlyMap<string, string>;
    activity: ReadonlyMap<string, string>;
    plan: ReadonlyMap<string, string>;
  };
  /** The portfolio's assessments that have a baseline, with what they save now. */
  reductions: readonly BurdenReduction[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * The last day a milestone is due: its due date, or its timing's quarter (or fiscal year) end;
 * null when it has no timing.
 */
export function dueBy(m: Pick<MilestoneState, 'timing_fy' | 'timing_quarter' | 'due_date'>) {
  if (m.due_date) return m.due_date.slice(0, 10);
  if (m.timing_fy === null) return null;
  return quarterBounds(m.timing_fy, m.timing_quarter ?? 4).end;
}

function milestoneState(v: Record<string, unknown>): MilestoneState {
  return {
    title: str(v.title) ?? '',
    status: str(v.status) ?? '',
    timing_fy: num(v.timing_fy),
    timing_quarter: num(v.timing_quarter),
    due_date: str(v.due_date),
    completed_on: str(v.completed_on),
  };
}

/**
 * A milestone's state before and after the window, read backwards from its state now through its
 * audit rows (an update records only the fields it changed). Null for "did not exist".
 */
export function milestoneAcross(
  rows: readonly CurationRow[],
  now: MilestoneState | null,
  w: NewWindow,
): { before: MilestoneState | null; after: MilestoneState | null } {
  let state: Record<string, unknown> | null = now ? { ...now } : null;
  let after: Record<string, unknown> | null = state;
  let before: Record<string, unknown> | null = state;
  let seenInWindow = false;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const changes = parseFieldChanges(row.changes);
    const prior: Record<string, unknown> | null =
      row.action === 'create'
        ? null
        : {
            ...(state ?? {}),
            ...Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.before ?? null])),
          };
    if (inWindow(row.at, w)) {
      if (!seenInWindow) after = state;
      seenInWindow = true;
      before = prior;
    } else if (!seenInWindow) {
      // A row after the window: the window ended before it.
      after = prior;
      before = prior;
    }
    state = prior;
  }
  return {
    before: before ? milestoneState(before) : null,
    after: after ? milestoneState(after) : null,
  };
}

function byEntity(rows: readonly CurationRow[], type: string): Map<string, CurationRow[]> {
  const out = new Map<string, CurationRow[]>();
  for (const r of rows) {
    if (r.entity_type !== type) continue;
    const list = out.get(r.entity_id) ?? [];
    list.push(r);
    out.set(r.entity_id, list);
  }
  return out;
}

const phaseOf = (v: unknown): Phase | null =>
  typeof v === 'string' && (PHASES as readonly string[]).includes(v) ? (v as Phase) : null;

const PHASE_MOVES = new Set(['phase_advanced', 'phase_override_advance', 'phase_moved_back']);

/** Projects whose phase at the window's end differs from its phase at the start. */
function phaseMoves(rows: readonly CurationRow[]): CuratedChange[] {
  const out: CuratedChange[] = [];
  for (const [id, list] of byEntity(rows, 'project_phase')) {
    const moves = list.filter((r) => PHASE_MOVES.has(r.action));
    const first = moves[0];
    const last = moves.at(-1);
    if (!first || !last) continue;
    const from = phaseOf(parseFieldChanges(first.changes).phase?.before);
    const to = phaseOf(parseFieldChanges(last.changes).phase?.after);
    if (!from || !to || from === to) continue;
    const back = PHASES.indexOf(to) < PHASES.indexOf(from);
    out.push({
      kind: 'phase',
      key: `${PREFIX.phase}${id}`,
      at: last.at,
      text: `${last.project ?? `Project #${id}`}: ${back ? 'moved back' : 'moved'} to ${PHASE_LABELS[to]}`,
      detail: `from ${PHASE_LABELS[from]}, ${formatDate(last.at)}`,
    });
  }
  return out;
}

/** Milestones completed in the window, and those that slipped (due later, or marked missed). */
function milestoneChanges(f: CurationFacts): CuratedChange[] {
  const out: CuratedChange[] = [];
  for (const [id, list] of byEntity(f.rows, 'milestone')) {
    const within = list.filter((r) => inWindow(r.at, f.window));
    const last = within.at(-1);
    if (!last) continue;
    const { before, after } = milestoneAcross(list, f.milestones.get(id) ?? null, f.window);
    if (!after) continue; // deleted by the window's end
    const title = after.title || `#${id}`;
    const project = last.project ?? '';
    if (after.status === 'completed' && before?.status !== 'completed') {
      out.push({
        kind: 'done',
        key: `${PREFIX.done}${id}`,
        at: last.at,
        text: `Milestone ‘${title}’ completed on ${formatDate(after.completed_on ?? last.at)}`,
        detail: project,
      });
      continue;
    }
    if (!before || after.status === 'completed') continue;
    if (after.status === 'missed' && before.status !== 'missed') {
      out.push({
        kind: 'slipped',
        key: `${PREFIX.slipped}${id}`,
        at: last.at,
        text: `Milestone ‘${title}’ marked missed (due ${formatTiming(after)})`,
        detail: project,
      });
      continue;
    }
    const was = dueBy(before);
    const is = dueBy(after);
    if (was !== null && is !== null && is > was) {
      out.push({
        kind: 'slipped',
        key: `${PREFIX.slipped}${id}`,
        at: last.at,
        text: `Milestone ‘${title}’ slipped from ${formatTiming(before)} to ${formatTiming(after)}`,
        detail: project,
      });
    }
  }
  return out;
}

/**
 * Clearances of the window: a PRA clearance given its OMB control number (cleared by OMB), a
 * research activity linked to a clearance, a CX Action Plan made final (and not reopened).
 */
function clearances(f: CurationFacts): CuratedChange[] {
  const out: CuratedChange[] = [];
  const within = f.rows.filter((r) => inWindow(r.at, f.window));
  for (const [id, list] of byEntity(within, 'pra_clearance')) {
    const cleared = list.filter((r) => {
      const c = parseFieldChanges(r.changes).omb_control_number;
      return c !== undefined && str(c.after) !== null && str(c.before) === null;
    });
    const last = cleared.at(-1);
    if (!last) continue;
    const changes = parseFieldChanges(last.changes);
    const title = f.titles.clearance.get(id) ?? str(changes.title?.after) ?? `#${id}`;
    const expires = str(changes.expires_on?.after);
    out.push({
      kind: 'clearance',
      key: `${PREFIX.clearance}${id}`,
      at: last.at,
      text: `Information collection ‘${title}’ cleared by OMB (PRA)`,
      detail: `OMB control number ${String(changes.omb_control_number?.after)}${expires ? `, expires ${formatDate(expires)}` : ''}`,
    });
  }
  for (const [id, list] of byEntity(within, 'research_activity')) {
    const last = list.filter((r) => r.action === 'link_clearance').at(-1);
    if (!last) continue;
    const clearance = str(parseFieldChanges(last.changes).clearance?.after);
    out.push({
      kind: 'clearance',
      key: `${PREFIX.activity}${id}`,
      at: last.at,
      text: `Research activity ‘${f.titles.activity.get(id) ?? `#${id}`}’ covered by PRA clearance${clearance ? ` ${clearance}` : ''}`,
      detail: last.project ?? '',
    });
  }
  for (const [id, list] of byEntity(within, 'action_plan')) {
    const moves = list.filter((r) => parseFieldChanges(r.changes).status !== undefined);
    const last = moves.at(-1);
    if (!last || parseFieldChanges(last.changes).status?.after !== 'final') continue;
    out.push({
      kind: 'clearance',
      key: `${PREFIX.plan}${id}`,
      at: last.at,
      text: `CX Action Plan ‘${f.titles.plan.get(id) ?? `#${id}`}’ made final`,
      detail: formatDate(last.at),
    });
  }
  return out;
}

/**
 * Burden reduced: each assessment with a baseline that it or its baseline changed in the window
 * (not removed), saving hours now; it says what the assessment saves as it stands.
 */
function burdenReduced(f: CurationFacts): CuratedChange[] {
  const changedAt = new Map<string, string>();
  for (const r of f.rows) {
    if (r.entity_type !== 'burden_assessment' || !inWindow(r.at, f.window)) continue;
    changedAt.set(r.entity_id, r.at);
  }
  return f.reductions.flatMap((a) => {
    const at = [changedAt.get(String(a.id)), changedAt.get(String(a.baselineId))]
      .filter((t): t is string => t !== undefined)
      .sort()
      .at(-1);
    if (at === undefined || a.hoursNumber <= 0) return [];
    return [
      {
        kind: 'burden' as const,
        key: `${PREFIX.burden}${a.id}`,
        at,
        text: `Burden reduced by ${a.hours} hours a year`,
        detail: `assessment ‘${a.title}’ against ‘${a.baselineTitle}’`,
      },
    ];
  });
}

/**
 * The window's changes of one portfolio, curated: kinds in CHANGE_KINDS order, each kind's items
 * oldest first.
 */
export function curateChanges(f: CurationFacts): CuratedChange[] {
  const rank = new Map(CHANGE_KINDS.map((k, i) => [k.kind, i]));
  const rows = f.rows.filter((r) => r.entity_type !== 'project_phase' || inWindow(r.at, f.window));
  return [...phaseMoves(rows), ...milestoneChanges(f), ...clearances(f), ...burdenReduced(f)]
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        rank.get(a.c.kind)! - rank.get(b.c.kind)! || a.c.at.localeCompare(b.c.at) || a.i - b.i,
    )
    .map(({ c }) => c);
}

/** Curated changes grouped under their kinds' headings, kinds without items left out. */
export function changesByKind<T extends { kind: ChangeKind }>(items: readonly T[]) {
  return CHANGE_KINDS.map((k) => ({ ...k, items: items.filter((i) => i.kind === k.kind) })).filter(
    (g) => g.items.length > 0,
  );
}
