/**
 * Comparing two versions of a journey map (as-is vs to-be): steps are matched by the key they
 * keep when a version is copied; a step only in the newer map was added, only in the older one
 * removed.
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

export function compareJourneys(
  before: readonly ComparableStep[],
  after: readonly ComparableStep[],
): { steps: StepComparison[]; averageBefore: number | null; averageAfter: number | null } {
  const afterByKey = new Map(after.map((s) => [s.key, s]));
  const beforeKeys = new Set(before.map((s) => s.key));
  const steps: StepComparison[] = [];
  for (const b of before) {
    const a = afterByKey.get(b.key);
    if (!a) {
      steps.push({
        key: b.key,
        stage: b.stage,
        title: b.title,
        before: b.score,
        after: null,
        change: null,
        status: 'removed',
      });
      continue;
    }
    const change = a.score - b.score;
    steps.push({
      key: b.key,
      stage: a.stage,
      title: a.title,
      before: b.score,
      after: a.score,
      change,
      status: change > 0 ? 'improved' : change < 0 ? 'worse' : 'same',
    });
  }
  for (const a of after) {
    if (!beforeKeys.has(a.key)) {
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
  }
  const avg = (xs: readonly ComparableStep[]) =>
    xs.length === 0
      ? null
      : Math.round((xs.reduce((s, x) => s + x.score, 0) / xs.length) * 100) / 100;
  return { steps, averageBefore: avg(before), averageAfter: avg(after) };
}
