/**
 * Before and after (issue 5, item 5): an as-is assessment against its to-be — hours, dollars and
 * per-person time saved, in total, by category and by journey step. Savings are positive when the
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

export interface BurdenComparison {
  total: BurdenChange;
  byCategory: Record<BurdenCategory, BurdenChange>;
  /** By step key, in the before's order of steps, then steps only the after has. */
  byStep: { key: string; change: BurdenChange }[];
}

type Compared = Pick<
  AssessmentResult,
  'total' | 'perPerson' | 'byCategory' | 'byStep' | 'perPersonByCategory' | 'perPersonByStep'
>;

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
  };
}
