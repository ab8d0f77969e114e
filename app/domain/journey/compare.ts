import { formatDate } from '../portfolio/labels';
import { VERSION_LABELS, type VersionLabel } from './types';

/**
 * Comparing two versions of a journey map (as-is vs to-be; A-11 280.7 customer understanding).
 * Steps are matched first by the key they keep when a version is copied, so a copied step still
 * matches after it is renamed or moved. Steps left over on both sides (versions imported or built
 * separately, whose keys never match) are then matched by stage name and step title, in order.
 * A step only in the newer map was added, only in the older one removed.
 *
 * A comparison always reads in a named direction (issue 16): from the as-is (or the older
 * version) to the to-be (or the newer one), whichever map the person started from.
 */
export interface ComparableStep {
  key: string;
  stage: string;
  title: string;
  score: number;
  channel: string;
  touchpoint: string;
  painPoints: string;
  opportunities: string;
  actors: readonly string[];
}

/** What a step carries besides its score, in the order the compare page lists it. */
export const STEP_FIELDS = [
  'stage',
  'title',
  'channel',
  'touchpoint',
  'painPoints',
  'opportunities',
  'actors',
] as const;
export type StepField = (typeof STEP_FIELDS)[number];

export const STEP_FIELD_LABELS: Record<StepField, string> = {
  stage: 'Stage',
  title: 'Step name',
  channel: 'Channel',
  touchpoint: 'Agency touchpoint',
  painPoints: 'Pain points',
  opportunities: 'Opportunities',
  actors: 'Actors',
};

export interface FieldChange {
  field: StepField;
  /** The field as the "before" map has it ('' for none). */
  before: string;
  after: string;
}

export interface StepComparison {
  key: string;
  stage: string;
  title: string;
  before: number | null;
  after: number | null;
  /** after − before, for steps in both. */
  change: number | null;
  status: 'added' | 'removed' | 'improved' | 'worse' | 'same';
  /** For steps in both: every field besides the score that differs, in STEP_FIELDS order. */
  fields: FieldChange[];
}

export interface JourneyComparison {
  /** The older map's steps in order (matched or removed), then the added ones. */
  steps: StepComparison[];
  /** Mean score of each map's steps, to two decimals; null for a map without steps. */
  averageBefore: number | null;
  averageAfter: number | null;
}

/** A field as text: trimmed, Windows line ends made plain, actors joined in their order. */
function fieldText(s: ComparableStep, field: StepField): string {
  if (field === 'actors') return s.actors.map((a) => a.trim()).join(', ');
  return s[field].replace(/\r\n?/g, '\n').trim();
}

/** Every field besides the score that differs between a step and its match (whitespace at the ends ignored). */
export function diffStepFields(before: ComparableStep, after: ComparableStep): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of STEP_FIELDS) {
    const b = fieldText(before, field);
    const a = fieldText(after, field);
    if (a !== b) changes.push({ field, before: b, after: a });
  }
  return changes;
}

// A separator no stage name or step title can hold (journey texts refuse control characters).
const nameKey = (s: ComparableStep) => `${s.stage}\u0000${s.title}`;

/** Compares two versions step by step: score changes, steps added and removed, averages. */
export function compareJourneys(
  before: readonly ComparableStep[],
  after: readonly ComparableStep[],
): JourneyComparison {
  // before index → the after step it matches.
  const match = new Map<number, ComparableStep>();
  const taken = new Set<ComparableStep>();

  const afterByKey = new Map<string, ComparableStep>();
  for (const a of after) if (!afterByKey.has(a.key)) afterByKey.set(a.key, a);
  before.forEach((b, i) => {
    const a = afterByKey.get(b.key);
    if (a && !taken.has(a)) {
      match.set(i, a);
      taken.add(a);
    }
  });

  // Fallback: what is left, by stage name and step title; the n-th same-named step on one side
  // pairs with the n-th on the other.
  const leftByName = new Map<string, ComparableStep[]>();
  for (const a of after) {
    if (taken.has(a)) continue;
    const list = leftByName.get(nameKey(a));
    if (list) list.push(a);
    else leftByName.set(nameKey(a), [a]);
  }
  before.forEach((b, i) => {
    if (match.has(i)) return;
    const a = leftByName.get(nameKey(b))?.shift();
    if (a) {
      match.set(i, a);
      taken.add(a);
    }
  });

  const steps: StepComparison[] = before.map((b, i) => {
    const a = match.get(i);
    if (!a) {
      return {
        key: b.key,
        stage: b.stage,
        title: b.title,
        before: b.score,
        after: null,
        change: null,
        status: 'removed',
        fields: [],
      };
    }
    const change = a.score - b.score;
    return {
      key: b.key,
      stage: a.stage,
      title: a.title,
      before: b.score,
      after: a.score,
      change,
      status: change > 0 ? 'improved' : change < 0 ? 'worse' : 'same',
      fields: diffStepFields(b, a),
    };
  });
  for (const a of after) {
    if (taken.has(a)) continue;
    steps.push({
      key: a.key,
      stage: a.stage,
      title: a.title,
      before: null,
      after: a.score,
      change: null,
      status: 'added',
      fields: [],
    });
  }
  const avg = (xs: readonly ComparableStep[]) =>
    xs.length === 0
      ? null
      : Math.round((xs.reduce((s, x) => s + x.score, 0) / xs.length) * 100) / 100;
  return { steps, averageBefore: avg(before), averageAfter: avg(after) };
}

/** A map as the direction rule sees it. */
export interface VersionSide {
  id: number;
  label: VersionLabel;
  versionName: string;
  /** When the version was made (ISO timestamp). */
  createdAt: string;
}

/**
 * Which of two versions is "before": the as-is before a to-be, whatever their dates (a to-be
 * describes where the journey should go from the as-is); otherwise, when the kinds do not say
 * (two of one kind, or an "other" version), the older version first: created earlier, and the
 * lower id (made first) on a tie.
 */
export function orderVersions<T extends VersionSide>(a: T, b: T): { before: T; after: T } {
  const kinds = new Set([a.label, b.label]);
  if (kinds.has('as_is') && kinds.has('to_be')) {
    return a.label === 'as_is' ? { before: a, after: b } : { before: b, after: a };
  }
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  const aFirst = ta !== tb ? ta < tb : a.id <= b.id;
  return aFirst ? { before: a, after: b } : { before: b, after: a };
}

/** Does a comparison shown as before → after read against the direction rule? */
export function isReversed(before: VersionSide, after: VersionSide): boolean {
  return before.id !== after.id && orderVersions(before, after).before.id !== before.id;
}

/**
 * Short names of the two sides for the summary sentence, lower case: "as-is" and "to-be"; when the
 * kinds are the same, told apart by version name, then by date, then by map number.
 */
export function sideNames(before: VersionSide, after: VersionSide): [string, string] {
  const kind = (s: VersionSide) => VERSION_LABELS[s.label].toLowerCase();
  if (before.label !== after.label) return [kind(before), kind(after)];
  if (before.versionName !== after.versionName) {
    const named = (s: VersionSide) =>
      s.versionName ? `${kind(s)} “${s.versionName}”` : `${kind(s)} without a name`;
    return [named(before), named(after)];
  }
  const [db, da] = [formatDate(before.createdAt), formatDate(after.createdAt)];
  if (db !== da) return [`${kind(before)} of ${db}`, `${kind(after)} of ${da}`];
  return [`${kind(before)} (map ${before.id})`, `${kind(after)} (map ${after.id})`];
}

export interface ComparisonCounts {
  worse: number;
  better: number;
  same: number;
  added: number;
  removed: number;
  /** Per field: how many matched steps changed it. */
  fields: Record<StepField, number>;
}

/** Counts of a comparison, for its summary. */
export function countChanges(c: JourneyComparison): ComparisonCounts {
  const fields = Object.fromEntries(STEP_FIELDS.map((f) => [f, 0])) as Record<StepField, number>;
  const counts = { worse: 0, better: 0, same: 0, added: 0, removed: 0, fields };
  for (const s of c.steps) {
    if (s.status === 'improved') counts.better++;
    else if (s.status === 'worse') counts.worse++;
    else counts[s.status]++;
    for (const f of s.fields) fields[f.field]++;
  }
  return counts;
}

const steps = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;

/**
 * The summary, named in its direction, the newer side first as people say it: "To-be vs as-is:
 * 2 steps worse, 0 better, 3 the same; 1 step added, 0 removed."
 */
export function summarySentence(names: [before: string, after: string], c: ComparisonCounts) {
  const [before, after] = names;
  const head = `${after.charAt(0).toUpperCase()}${after.slice(1)} vs ${before}`;
  return (
    `${head}: ${steps(c.worse)} worse, ${c.better} better, ${c.same} the same; ` +
    `${steps(c.added)} added, ${c.removed} removed.`
  );
}

/** "Changed besides scores: pain points in 1 step, channel in 2 steps." or that none did. */
export function fieldSentence(c: ComparisonCounts): string {
  const parts = STEP_FIELDS.filter((f) => c.fields[f] > 0).map(
    (f) => `${STEP_FIELD_LABELS[f].toLowerCase()} in ${steps(c.fields[f])}`,
  );
  if (parts.length === 0)
    return 'No step’s pain points, channel, touchpoint or other text changed.';
  return `Changed besides scores: ${parts.join(', ')}.`;
}
