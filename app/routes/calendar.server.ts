import { fiscalYearCalendar } from '~/domain/calendar/a11';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import type { DB } from '#db/client';
import { getCalendarOverrides } from '#db/queries/calendar';
import { listPortfolioCycles } from '#db/queries/portfolios';

export { isFederalHoliday };

/** The fiscal year's calendar with its overrides, and each portfolio's first fiscal year. */
export async function loadCalendar(db: DB, fy: number) {
  const [overrides, portfolios] = await Promise.all([
    getCalendarOverrides(db, fy),
    listPortfolioCycles(db),
  ]);
  return { events: fiscalYearCalendar(fy, isFederalHoliday, overrides), portfolios };
}
