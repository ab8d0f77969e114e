/**
 * Comparing two versions of a journey map (as-is vs to-be; A-11 280.7 customer understanding).
 * Steps are matched first by the key they keep when a version is copied, so a copied step still
 * matches after it is renamed or moved. Steps left over on both sides (versions imported or built
 * separately, whose keys never match) are then matched by stage name and step title, in order.
 * A step only in the newer map was added, only in the older one removed.
 */
export interface ComparableStep {
  key: string;
  stage: string;
  title: string;
  score: number;
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
}

export interface JourneyComparison {
  /** The older map's steps in order (matched or removed), then the added ones. */
  steps: StepComparison[];
  /** Mean score of each map's steps, to two decimals; null for a map without steps. */
  averageBefore: number | null;
  averageAfter: number | null;
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
    });
  }
  const avg = (xs: readonly ComparableStep[]) =>
    xs.length === 0
      ? null
      : Math.round((xs.reduce((s, x) => s + x.score, 0) / xs.length) * 100) / 100;
  return { steps, averageBefore: avg(before), averageAfter: avg(after) };
}
