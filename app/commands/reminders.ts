/**
 * The reminders the workspace sends on its own (app/domain/notifications/reminders.ts), checked
 * every hour by each serving process and at its start. Each is written once: its source names
 * the thing and the step, so several servers, or a check run again, tell no one twice.
 */
import type { DB } from '#db/client';
import { getCalendarOverrides } from '#db/queries/calendar';
import {
  allPortfolioLeadIds,
  expiringClearances,
  ombLeadIds,
  waitingRequests,
} from '#db/queries/notifications';
import { fiscalYearCalendar } from '~/domain/calendar/a11';
import { dateIn, fiscalYearOf } from '~/domain/dates';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import {
  CLEARANCE_STEPS,
  clearanceReminders,
  dueDateReminders,
  requestReminders,
} from '~/domain/notifications/reminders';
import { notify } from './notifications';

/** Writes the reminders due on the workspace's `today`; returns how many drafts it considered. */
export async function sendReminders(db: DB, input: { now: Date; zone: string }): Promise<number> {
  const today = dateIn(input.now, input.zone);
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + Math.max(...CLEARANCE_STEPS));
  // The fiscal year of today and the next: a date 14 business days off may be in either.
  const fy = fiscalYearOf(new Date(`${today}T00:00:00Z`));
  const [requests, clearances, omb, leads, overridesNow, overridesNext] = await Promise.all([
    waitingRequests(db),
    expiringClearances(db, today, horizon.toISOString().slice(0, 10)),
    ombLeadIds(db),
    allPortfolioLeadIds(db),
    getCalendarOverrides(db, fy),
    getCalendarOverrides(db, fy + 1),
  ]);
  const events = [
    ...fiscalYearCalendar(fy, isFederalHoliday, overridesNow),
    ...fiscalYearCalendar(fy + 1, isFederalHoliday, overridesNext),
  ];
  const drafts = [
    ...requestReminders(requests, today, isFederalHoliday),
    ...clearanceReminders(clearances, today),
    ...dueDateReminders(events, [...new Set([...omb, ...leads])], today, isFederalHoliday),
  ];
  if (drafts.length === 0) return 0;
  const at = input.now.toISOString();
  await db.transaction().execute((trx) => notify(trx, drafts, at));
  return drafts.length;
}
