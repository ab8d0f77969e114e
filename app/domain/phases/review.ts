/**
 * How long a phase request has waited for an agency's answer, and when the answer is due.
 *
 * A-11 280.16 asks agencies to "evaluate and concur" on Life Experience projects but sets no
 * period for answering a phase request. The workspace sets one so that "My reviews" can say
 * what is late: an answer is due ten business days after the day of the request (weekends and
 * federal holidays skipped), the same working-day reckoning A-11 280.14 uses for its due dates
 * (docs/decisions/020-status-wording.md).
 */
import { isBusinessDay, type IsHoliday } from '../calendar/a11';

/** Business days an agency has to answer a phase request. */
export const REVIEW_BUSINESS_DAYS = 10;

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The date `days` business days after `date` (YYYY-MM-DD); `date` itself never counts. */
export function addBusinessDays(date: string, days: number, isHoliday: IsHoliday): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(d, isHoliday)) left--;
  }
  return iso(d);
}

/** The day an agency's answer to a request made on `requestedOn` is due (YYYY-MM-DD). */
export function reviewDueOn(requestedOn: string, isHoliday: IsHoliday): string {
  return addBusinessDays(requestedOn, REVIEW_BUSINESS_DAYS, isHoliday);
}

/** Calendar days from the request's day to `today` (both YYYY-MM-DD): 0 on the day itself. */
export function daysWaiting(requestedOn: string, today: string): number {
  return Math.max(
    0,
    Math.round(
      (Date.parse(`${today.slice(0, 10)}T00:00:00Z`) -
        Date.parse(`${requestedOn.slice(0, 10)}T00:00:00Z`)) /
        86_400_000,
    ),
  );
}
