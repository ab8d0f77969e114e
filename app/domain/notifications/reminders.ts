/**
 * Reminders the workspace sends on its own, from its calendar (issue 22, point 1), each checked
 * once an hour and sent once (its source names the thing and the step):
 *
 * - a phase request still waiting for an agency's answer: a reminder to that agency's POCs after
 *   REMIND_AFTER_BUSINESS_DAYS business days, and, once the answer is overdue (the ten business
 *   days of app/domain/phases/review.ts have passed), a notice to the portfolio's leads;
 * - a PRA clearance expiring: to the portfolio's leads and team 90 and 30 calendar days before
 *   its expiration date (an expired clearance is the research page's to show);
 * - an A-11 Section 280 date approaching: to OMB leads and every portfolio lead 14 and 3
 *   business days before it (the workspace's own calendar, app/domain/calendar/a11.ts).
 *
 * A step missed while no server ran is sent when one next does, unless a later step is due:
 * then only the later one.
 */
import { isBusinessDay, type CalendarEvent, type IsHoliday } from '~/domain/calendar/a11';
import { daysLeft } from '~/domain/dates';
import { REVIEW_BUSINESS_DAYS, reviewDueOn } from '~/domain/phases/review';
import { formatDate, PHASE_LABELS } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { addressed, type NotificationDraft } from './kinds';

/** Business days a request waits for an agency's answer before its POCs are reminded. */
export const REMIND_AFTER_BUSINESS_DAYS = 5;
/** Calendar days before a clearance's expiration that its portfolio is told. */
export const CLEARANCE_STEPS = [90, 30] as const;
/** Business days before an A-11 date that it is announced. */
export const DUE_DATE_STEPS = [14, 3] as const;

/** Business days after `from` up to and including `to` (both YYYY-MM-DD); 0 when `to` ≤ `from`. */
export function businessDaysBetween(from: string, to: string, isHoliday: IsHoliday): number {
  let n = 0;
  const d = new Date(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  for (d.setUTCDate(d.getUTCDate() + 1); d.getTime() <= end; d.setUTCDate(d.getUTCDate() + 1))
    if (isBusinessDay(d, isHoliday)) n += 1;
  return n;
}

/**
 * The step (days before) due on `today` for something happening on `date`: the smallest step not
 * smaller than the days left, or null when it is further off than every step or already past.
 */
export function stepDue(left: number, steps: readonly number[]): number | null {
  if (left < 0) return null;
  const due = steps.filter((s) => left <= s);
  return due.length === 0 ? null : Math.min(...due);
}

/** Where a waiting agency's answer stands on `today`: nothing yet, a reminder, or overdue. */
export function requestStage(
  requestedOn: string,
  today: string,
  isHoliday: IsHoliday,
): 'waiting' | 'reminder' | 'overdue' {
  if (today > reviewDueOn(requestedOn, isHoliday)) return 'overdue';
  return businessDaysBetween(requestedOn, today, isHoliday) >= REMIND_AFTER_BUSINESS_DAYS
    ? 'reminder'
    : 'waiting';
}

export interface WaitingRequest {
  requestId: number;
  project: { id: number; name: string; portfolioId: number };
  toPhase: Phase;
  requestedOn: string;
  /** Agencies asked that have not answered, each with its current POCs. */
  unanswered: { agencyId: number; name: string; pocIds: readonly number[] }[];
  leadIds: readonly number[];
}

/** Reminders and overdue notices for requests still waiting on `today`. */
export function requestReminders(
  requests: readonly WaitingRequest[],
  today: string,
  isHoliday: IsHoliday,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const r of requests) {
    const stage = requestStage(r.requestedOn, today, isHoliday);
    if (stage === 'waiting' || r.unanswered.length === 0) continue;
    const to = PHASE_LABELS[r.toPhase];
    const due = formatDate(reviewDueOn(r.requestedOn, isHoliday));
    const base = { link: `/projects/${r.project.id}/phase`, portfolioId: r.project.portfolioId };
    for (const agency of r.unanswered)
      for (const personId of agency.pocIds)
        drafts.push({
          ...base,
          personId,
          kind: 'phase_request_reminder',
          source: `phase_request:${r.requestId}:${stage}:${agency.agencyId}`,
          required: agency.pocIds.length === 1,
          title:
            stage === 'overdue'
              ? `Overdue: ${agency.name}’s answer on moving ${r.project.name} to ${to}`
              : `Reminder: ${agency.name}’s answer on moving ${r.project.name} to ${to} is due ${due}`,
          body: `${agency.name} has not yet answered the request of ${formatDate(r.requestedOn)} to move ${r.project.name} to ${to}. The answer is due ${due} (${REVIEW_BUSINESS_DAYS} business days after the request).`,
        });
    if (stage === 'overdue')
      for (const personId of r.leadIds)
        drafts.push({
          ...base,
          personId,
          kind: 'phase_request_overdue',
          source: `phase_request:${r.requestId}:overdue`,
          title: `${r.project.name}: the request to move to ${to} is overdue`,
          body: `${r.unanswered.map((a) => a.name).join(', ')} had not answered by ${due}. As a portfolio lead, reach their points of contact, or ask an OMB lead to decide.`,
        });
  }
  return addressed(drafts, 0);
}

export interface ExpiringClearance {
  id: number;
  title: string;
  portfolioId: number;
  portfolioSlug: string;
  expiresOn: string;
  teamIds: readonly number[];
}

/** Notices for clearances expiring within a step of `today`. */
export function clearanceReminders(
  clearances: readonly ExpiringClearance[],
  today: string,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const c of clearances) {
    const step = stepDue(daysLeft(c.expiresOn, today), CLEARANCE_STEPS);
    if (step === null) continue;
    for (const personId of c.teamIds)
      drafts.push({
        personId,
        kind: 'clearance_expiring',
        source: `pra_clearance:${c.id}:expires:${c.expiresOn}:${step}`,
        title: `The PRA clearance “${c.title}” expires ${formatDate(c.expiresOn)}`,
        body: `Within ${step} days, research under this clearance must stop unless OMB extends it. Ask for an extension or plan the work that remains.`,
        link: `/portfolios/${c.portfolioSlug}/pra`,
        portfolioId: c.portfolioId,
      });
  }
  return addressed(drafts, 0);
}

/** Notices for A-11 dates within a step of `today`, to `people` (OMB and portfolio leads). */
export function dueDateReminders(
  events: readonly CalendarEvent[],
  people: readonly number[],
  today: string,
  isHoliday: IsHoliday,
): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  for (const e of events) {
    if (e.date < today) continue;
    const step = stepDue(businessDaysBetween(today, e.date, isHoliday), DUE_DATE_STEPS);
    if (step === null) continue;
    for (const personId of people)
      drafts.push({
        personId,
        kind: 'a11_due',
        source: `a11:${e.key}:${e.date}:${step}`,
        title: `${e.label}: ${formatDate(e.date)}`,
        body: `An A-11 Section 280 date is ${step} business days away or less. The workspace’s calendar lists every date and who set it.`,
        link: '/calendar',
        portfolioId: null,
      });
  }
  return addressed(drafts, 0);
}
