/**
 * CX Action Plan status and due dates (A-11 280.12): a draft, then in review, then final. The
 * text's FY 2025 dates (draft May 30, final September 9) are the defaults for a plan's fiscal
 * year, editable per plan. A final plan is read-only until an OMB lead reopens it.
 */
export type PlanStatus = 'draft' | 'in_review' | 'final';

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  final: 'Final',
};

/** Default due dates for the plan of fiscal year `fy`, in calendar year `fy` (within the FY). */
export function defaultDueDates(fy: number): { draftDue: string; finalDue: string } {
  return { draftDue: `${fy}-05-30`, finalDue: `${fy}-09-09` };
}

/** The moves allowed from each status, and who may make them. */
export function canMove(from: PlanStatus, to: PlanStatus, isOmbLead: boolean): boolean {
  if (from === 'draft') return to === 'in_review';
  if (from === 'in_review') return to === 'draft' || to === 'final';
  // Reopening a final plan is an OMB lead's decision.
  return to === 'draft' && isOmbLead;
}

/** Whether the plan's text may be edited. */
export const isEditable = (status: PlanStatus): boolean => status !== 'final';

/** Days from `today` to `due` (negative when past), both YYYY-MM-DD. */
export function daysLeft(due: string, today: string): number {
  return Math.round(
    (Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}
