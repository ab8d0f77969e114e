import { fiscalYearCalendar } from '~/domain/calendar/a11';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import { getDb } from '#db/client';
import { getCalendarOverrides } from '#db/queries/calendar';
import { listPortfolioSummaries } from '#db/queries/portfolios';

export { isFederalHoliday };

/** The fiscal year's calendar with its overrides, and each portfolio's first fiscal year. */
export async function loadCalendar(fy: number) {
  const db = getDb();
  const [overrides, portfolios] = await Promise.all([
    getCalendarOverrides(db, fy),
    listPortfolioSummaries(db),
  ]);
  const cycles = await db.selectFrom('portfolios').select(['id', 'cycle_start_fy']).execute();
  return {
    events: fiscalYearCalendar(fy, isFederalHoliday, overrides),
    portfolios: portfolios.map((p) => ({
      name: p.name,
      slug: p.slug,
      cycleStartFy: cycles.find((c) => c.id === p.id)!.cycle_start_fy,
    })),
  };
}
