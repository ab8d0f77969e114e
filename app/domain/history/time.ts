/**
 * Moments (audit rows, answers, requests) shown to people: in the viewer's time zone, Eastern
 * by default (the program runs on Washington time), with the zone written out so a reader in
 * another zone is never misled. Calendar dates without a time keep `formatDate`
 * ("November 16, 2026") in app/domain/portfolio/labels.ts.
 */

/** The zone every moment is shown in unless the viewer chose another. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Is `zone` an IANA time zone this runtime knows ("America/Chicago")? */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hour12: true,
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * An ISO timestamp as "November 16, 2026, 3:05 PM EST" in `zone` (Eastern by default: EST in
 * winter, EDT in summer). An unknown zone falls back to Eastern; text that is not a moment is
 * returned as it came, so an odd stored value never breaks a page.
 */
export function formatDateTime(iso: string, zone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = formatterFor(isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('day')}, ${part('year')}, ${part('hour')}:${part('minute')} ${part('dayPeriod')} ${part('timeZoneName')}`;
}
