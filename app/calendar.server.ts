import { allForYear } from '@18f/us-federal-holidays';
import { fiscalYearCalendar } from '~/domain/calendar/a11';
import { getDb } from '#db/client';
import { getCalendarOverrides } from '#db/queries/calendar';
import { listPortfolioSummaries } from '#db/queries/portfolios';

const holidayYears = new Map<number, Set<string>>();

/** Is this date a federal holiday (OPM's list, via @18f/us-federal-holidays)? */
export function isFederalHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  let set = holidayYears.get(year);
  if (!set) {
    set = new Set(allForYear(year).map((h) => h.dateString));
    holidayYears.set(year, set);
  }
  return set.has(isoDate);
}

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
