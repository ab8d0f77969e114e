/**
 * CX Action Plans as their pages show them: who wrote what, the status buttons a person gets,
 * the due dates line, and what the due-date form shows after a refused save. Pure.
 */
import { formatDate } from '~/domain/portfolio/labels';
import { canMove, dueText, type PlanStatus } from '~/domain/plans/status';

/** "Luis Ortega (USDA)"; the name alone without an agency; null without a name. */
export function named(name: string | null, agency: string | null): string | null {
  return name ? (agency ? `${name} (${agency})` : name) : null;
}

const MOVE_LABELS: Record<PlanStatus, string> = {
  draft: 'Back to draft',
  in_review: 'Send for review',
  final: 'Mark final',
};

/** The statuses a plan can move to from `status`, as the status rules allow the person. */
export function planMoves(status: PlanStatus, mayReopen: boolean): PlanStatus[] {
  return (['draft', 'in_review', 'final'] as PlanStatus[]).filter(
    (to) => to !== status && canMove(status, to, mayReopen),
  );
}

/** The button that moves a plan from `status` to `to`. */
export function moveLabel(status: PlanStatus, to: PlanStatus): string {
  return status === 'final' ? 'Reopen as draft' : MOVE_LABELS[to];
}

/** "Draft due May 26, 2027 (in 3 days) · Final due …": days left only while not final. */
export function dueLine(
  plan: { status: PlanStatus; draft_due: string; final_due: string },
  daysLeft: { draft: number; final: number },
): string {
  const left = (n: number) => (plan.status !== 'final' ? ` (${dueText(n)})` : '');
  return `Draft due ${formatDate(plan.draft_due)}${left(daysLeft.draft)} · Final due ${formatDate(plan.final_due)}${left(daysLeft.final)}`;
}

type DueName = 'draftDue' | 'finalDue';

/**
 * The due-date form's fields after the last answer: what was typed (kept when a save is
 * refused) or the plan's dates, and each field's errors.
 */
export function dueFormFields(
  plan: { draft_due: string; final_due: string },
  reply: { intent: string; result: { initialValue?: unknown; error?: unknown } } | undefined,
): { name: DueName; label: string; value: string; errors: string[] | undefined }[] {
  const form = reply?.intent === 'due' && 'initialValue' in reply.result ? reply.result : null;
  const typed = (form?.initialValue ?? null) as Record<string, unknown> | null;
  const errors = (form?.error ?? null) as Record<string, string[] | null | undefined> | null;
  return (['draftDue', 'finalDue'] as const).map((name) => {
    const value = typed?.[name];
    return {
      name,
      label: name === 'draftDue' ? 'Draft due' : 'Final due',
      value:
        typeof value === 'string' ? value : plan[name === 'draftDue' ? 'draft_due' : 'final_due'],
      errors: errors?.[name] ?? undefined,
    };
  });
}

/** The summary links each message to its field: the field ids of the form that was sent. */
export const PLAN_FORM_FIELD_IDS: Record<string, Record<string, string>> = {
  cite: { section: 'cite-section', evidence: 'cite-evidence', note: 'cite-note' },
  comment: { section: 'comment-section', body: 'comment-body' },
  due: { draftDue: 'draftDue', finalDue: 'finalDue' },
};

/** Citations grouped under the plan's sections, in section order; empty sections left out. */
export function citationsBySection<C extends { section: number }>(
  sections: readonly string[],
  citations: C[],
): { title: string; citations: C[] }[] {
  return sections
    .map((title, section) => ({ title, citations: citations.filter((c) => c.section === section) }))
    .filter((s) => s.citations.length > 0);
}
