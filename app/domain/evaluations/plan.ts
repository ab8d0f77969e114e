/**
 * A pilot's evaluation plan (issue 20, point 2), after GAO-12-208G *Designing Evaluations*: the
 * questions, the design, the population and sample, the analysis and the rule that decides to
 * scale, iterate or stop are set before the data arrives. So a plan is approved only when all of
 * them are written, and an approved plan's design no longer changes (back to draft first, which
 * the history records); the findings are recorded when it is reported.
 *
 * Its status moves draft → approved → under way → reported, one step at a time; an approved plan
 * not yet under way can go back to draft. Pure: the rules and their words.
 */

export const EVALUATION_STATUSES = ['draft', 'approved', 'under_way', 'reported'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  under_way: 'Under way',
  reported: 'Reported',
};

/** Designs GAO-12-208G describes for outcome and impact evaluations, and room for another. */
export const EVALUATION_DESIGNS = {
  pre_post: 'Pre/post comparison',
  comparison_group: 'Comparison group',
  randomized: 'Randomized (A/B test)',
  time_series: 'Interrupted time series',
  case_study: 'Case study',
  other: 'Other (described below)',
} as const;
export type EvaluationDesign = keyof typeof EVALUATION_DESIGNS;

/** What a plan must say before it is approved, with the words that name each part. */
export const DESIGN_PARTS = {
  questions: 'the evaluation questions',
  design_detail: 'how the design is carried out',
  population: 'the population',
  sample: 'the sample',
  analysis_plan: 'the analysis plan',
  decision_rule: 'the decision rule to scale, iterate or stop',
} as const;
export type DesignPart = keyof typeof DESIGN_PARTS;

/** The moves a plan's page offers, from where it is. */
export const MOVES = {
  approve: { from: 'draft', to: 'approved', label: 'Approve the plan' },
  reopen: { from: 'approved', to: 'draft', label: 'Back to draft' },
  start: { from: 'approved', to: 'under_way', label: 'Start the evaluation' },
  report: { from: 'under_way', to: 'reported', label: 'Report the findings' },
} as const satisfies Record<
  string,
  { from: EvaluationStatus; to: EvaluationStatus; label: string }
>;
export type Move = keyof typeof MOVES;

export interface PlanForRules {
  status: EvaluationStatus;
  parts: Readonly<Record<DesignPart, string>>;
  findings: string;
}

const blank = (s: string) => s.trim() === '';

/** Why `move` cannot be made now, or null when it can. */
export function moveRefusal(plan: PlanForRules, move: Move): string | null {
  const m = MOVES[move];
  if (plan.status !== m.from)
    return `The plan is ${EVALUATION_STATUS_LABELS[plan.status].toLowerCase()}; "${m.label}" is for a plan that is ${EVALUATION_STATUS_LABELS[m.from].toLowerCase()}.`;
  if (move === 'approve') {
    const missing = (Object.keys(DESIGN_PARTS) as DesignPart[]).filter((k) => blank(plan.parts[k]));
    if (missing.length > 0)
      return `Before approving, write ${list(missing.map((k) => DESIGN_PARTS[k]))}: they are set before the data arrives.`;
  }
  if (move === 'report' && blank(plan.findings))
    return 'Write the findings before reporting: what the evaluation found, and what the decision rule decides.';
  return null;
}

/** Whether the design (questions to decision rule, and the research it relies on) may change. */
export const designEditable = (status: EvaluationStatus) => status === 'draft';

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
