/**
 * Before and after (issue 5, item 5): an as-is assessment against its to-be — hours, dollars and
 * per-person time saved, in total, by category, by journey step and (issue 16) by segment; the
 * per-person figures are population-weighted, as in calc.ts. Savings are positive when the
 * to-be is lighter. Exact, like everything in calc.ts; percentages are worked out for display.
 */
import {
  CATEGORIES,
  NO_TIME_TAX,
  savings,
  subtractPerPerson,
  ZERO,
  add,
  addPerPerson,
  type AssessmentResult,
  type Burden,
  type BurdenCategory,
  type PerPerson,
} from './calc';

export interface BurdenChange {
  before: Burden;
  after: Burden;
  saved: Burden;
  perPersonBefore: PerPerson;
  perPersonAfter: PerPerson;
  perPersonSaved: PerPerson;
}

/**
 * One segment (or everyone else) before and after. A segment only one side has is compared with
 * the other side's base figures, which is what its people met there (`before`/`after` null).
 */
export interface SegmentChange {
  key: string;
  name: string;
  before: { shareBp: number; timePercent: number } | null;
  after: { shareBp: number; timePercent: number } | null;
  perPersonBefore: PerPerson;
  perPersonAfter: PerPerson;
  perPersonSaved: PerPerson;
  /** Hours and money saved on the segment's people, when both sides have it. */
  saved: Burden | null;
}

export interface BurdenComparison {
  total: BurdenChange;
  byCategory: Record<BurdenCategory, BurdenChange>;
  /** By step key, in the before's order of steps, then steps only the after has. */
  byStep: { key: string; change: BurdenChange }[];
  /** Each segment's own time tax before and after, then everyone else (empty with no segments). */
  bySegment: SegmentChange[];
}

type Compared = Pick<
  AssessmentResult,
  | 'total'
  | 'perPerson'
  | 'basePerPerson'
  | 'bySegment'
  | 'byCategory'
  | 'byStep'
  | 'perPersonByCategory'
  | 'perPersonByStep'
>;

/** A segment's key across versions: the key a to-be copy keeps, else its name. */
const EVERYONE_ELSE_KEY = '(everyone else)';
const segmentKey = (s: AssessmentResult['bySegment'][number]) =>
  s.id === null ? EVERYONE_ELSE_KEY : (s.key ?? `name:${s.name}`);

/** Segments matched by key: the before's first, then those only the after has, everyone else last. */
function compareSegments(before: Compared, after: Compared): SegmentChange[] {
  if (before.bySegment.length === 0 && after.bySegment.length === 0) return [];
  const b = new Map(before.bySegment.map((s) => [segmentKey(s), s]));
  const a = new Map(after.bySegment.map((s) => [segmentKey(s), s]));
  const keys = [...new Set([...b.keys(), ...a.keys()])].filter((k) => k !== EVERYONE_ELSE_KEY);
  keys.push(EVERYONE_ELSE_KEY);
  return keys.map((key) => {
    const sb = b.get(key);
    const sa = a.get(key);
    const perPersonBefore = sb?.perPerson ?? before.basePerPerson;
    const perPersonAfter = sa?.perPerson ?? after.basePerPerson;
    return {
      key,
      name: sa?.name ?? sb?.name ?? '',
      before: sb ? { shareBp: sb.shareBp, timePercent: sb.timePercent } : null,
      after: sa ? { shareBp: sa.shareBp, timePercent: sa.timePercent } : null,
      perPersonBefore,
      perPersonAfter,
      perPersonSaved: subtractPerPerson(perPersonBefore, perPersonAfter),
      saved: sb && sa ? savings(sb.burden, sa.burden) : null,
    };
  });
}

function change(
  before: Burden,
  after: Burden,
  perPersonBefore: PerPerson,
  perPersonAfter: PerPerson,
): BurdenChange {
  return {
    before,
    after,
    saved: savings(before, after),
    perPersonBefore,
    perPersonAfter,
    perPersonSaved: subtractPerPerson(perPersonBefore, perPersonAfter),
  };
}

/** A result's steps regrouped under a key both versions of a journey share (the step key). */
function byKey(result: Compared, keyOf: (stepId: number | null) => string) {
  const out = new Map<string, { burden: Burden; perPerson: PerPerson }>();
  for (const [stepId, burden] of result.byStep) {
    const key = keyOf(stepId);
    const prior = out.get(key) ?? { burden: ZERO, perPerson: NO_TIME_TAX };
    out.set(key, {
      burden: add(prior.burden, burden),
      perPerson: addPerPerson(prior.perPerson, result.perPersonByStep.get(stepId) ?? NO_TIME_TAX),
    });
  }
  return out;
}

/**
 * Compares two assessments. Steps are matched by `stepKey.before` / `stepKey.after`, which map a
 * step id (or null, for items on no step) to a key the to-be journey keeps from its as-is.
 */
export function compareAssessments(
  before: Compared,
  after: Compared,
  stepKey: {
    before: (stepId: number | null) => string;
    after: (stepId: number | null) => string;
  },
): BurdenComparison {
  const b = byKey(before, stepKey.before);
  const a = byKey(after, stepKey.after);
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return {
    total: change(before.total, after.total, before.perPerson, after.perPerson),
    byCategory: Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        change(
          before.byCategory[c],
          after.byCategory[c],
          before.perPersonByCategory[c],
          after.perPersonByCategory[c],
        ),
      ]),
    ) as Record<BurdenCategory, BurdenChange>,
    byStep: keys.map((key) => ({
      key,
      change: change(
        b.get(key)?.burden ?? ZERO,
        a.get(key)?.burden ?? ZERO,
        b.get(key)?.perPerson ?? NO_TIME_TAX,
        a.get(key)?.perPerson ?? NO_TIME_TAX,
      ),
    })),
    bySegment: compareSegments(before, after),
  };
}
