/**
 * U.S. federal holidays (5 U.S.C. 6103, as OPM lists them, via @18f/us-federal-holidays), the
 * holiday test the A-11 Section 280 calendar's business days use. A holiday on a Saturday is
 * observed the Friday before and one on a Sunday the Monday after, as OPM observes them.
 */
import { allForYear } from '@18f/us-federal-holidays';

const holidayYears = new Map<number, Map<string, string>>();

/** Date → name of the holidays observed in a calendar year. */
function observedIn(year: number): Map<string, string> {
  let days = holidayYears.get(year);
  if (!days) {
    // A December 31 observance of the next New Year's Day is in the next year's list.
    days = new Map(
      [year, year + 1].flatMap((y) => allForYear(y).map((h) => [h.dateString, h.name] as const)),
    );
    holidayYears.set(year, days);
  }
  return days;
}

/** Is this date (YYYY-MM-DD) a federal holiday, as observed? */
export function isFederalHoliday(isoDate: string): boolean {
  return observedIn(Number(isoDate.slice(0, 4))).has(isoDate);
}

/** The federal holiday observed on this date (YYYY-MM-DD), e.g. "Memorial Day", or null. */
export function federalHolidayName(isoDate: string): string | null {
  return observedIn(Number(isoDate.slice(0, 4))).get(isoDate) ?? null;
}
