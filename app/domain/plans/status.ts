/**
 * CX Action Plan status and due dates (A-11 280.12): a draft, then in review, then final. A new
 * plan takes its fiscal year's dates from the A-11 calendar: the dates an OMB lead set for that
 * year, else the text's FY 2025 dates (draft May 30, final September 9) in the plan's fiscal
 * year, moved to the previous business day when they fall on a weekend or federal holiday. Only
 * an OMB lead changes a plan's due dates, and not once it is final. A final plan is read-only
 * until an OMB lead reopens it.
 */
import { inheritedDate, type IsHoliday } from '../calendar/a11';

/** Days from `today` to `due` (negative when past), both YYYY-MM-DD. */
export { daysLeft } from '../dates';

export type PlanStatus = 'draft' | 'in_review' | 'final';

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  final: 'Final',
};

/**
 * The keys of the plan's two dates in the A-11 calendar (app/domain/calendar/a11.ts
 * DEFAULT_DATES), under which an OMB lead sets a year's dates (db/queries/calendar.ts).
 */
export const DUE_DATE_KEYS = {
  draftDue: 'draft_action_plan',
  finalDue: 'final_action_plan',
} as const;

/**
 * The A-11 calendar's due dates for the plan of fiscal year `fy`, in calendar year `fy`: the
 * text's FY 2025 dates, inherited by other years on the previous business day when May 30 or
 * September 9 is a weekend or federal holiday (FY 2027: Friday, May 28; app/domain/calendar/a11.ts).
 */
export function defaultDueDates(
  fy: number,
  isHoliday: IsHoliday,
): { draftDue: string; finalDue: string } {
  return {
    draftDue: inheritedDate(fy, DUE_DATE_KEYS.draftDue, isHoliday)!.date,
    finalDue: inheritedDate(fy, DUE_DATE_KEYS.finalDue, isHoliday)!.date,
  };
}

/**
 * The due dates a new plan of fiscal year `fy` starts with: the calendar's dates for that year
 * (`overrides`: calendar key → YYYY-MM-DD, as OMB leads set them), else the A-11 defaults.
 */
export function planDueDates(
  fy: number,
  isHoliday: IsHoliday,
  overrides: ReadonlyMap<string, string> = new Map(),
): { draftDue: string; finalDue: string } {
  const defaults = defaultDueDates(fy, isHoliday);
  return {
    draftDue: overrides.get(DUE_DATE_KEYS.draftDue) ?? defaults.draftDue,
    finalDue: overrides.get(DUE_DATE_KEYS.finalDue) ?? defaults.finalDue,
  };
}

/**
 * The moves allowed from each status. `mayReopen` is what the policy says of this person
 * (`can(user, 'plan.reopen', …)`): only they may take a final plan back to draft.
 */
export function canMove(from: PlanStatus, to: PlanStatus, mayReopen: boolean): boolean {
  if (from === 'draft') return to === 'in_review';
  if (from === 'in_review') return to === 'draft' || to === 'final';
  return to === 'draft' && mayReopen;
}

/** Whether the plan's text may be edited. */
export const isEditable = (status: PlanStatus): boolean => status !== 'final';

/** Whether the plan's due dates may change (by an OMB lead: policy action plan.set_due_dates). */
export const dueDatesEditable = (status: PlanStatus): boolean => status !== 'final';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** `daysLeft` in words: "12 days left", "Due today", "3 days overdue". */
export function dueText(daysLeftToDue: number): string {
  if (daysLeftToDue === 0) return 'Due today';
  return daysLeftToDue > 0 ? `${days(daysLeftToDue)} left` : `${days(-daysLeftToDue)} overdue`;
}
