/**
 * Moments (audit rows, answers, requests) shown to people: in the viewer's time zone, Eastern
 * by default (the program runs on Washington time), with the zone written out so a reader in
 * another zone is never misled. Calendar dates without a time keep `formatDate`
 * ("November 16, 2026") in app/domain/portfolio/labels.ts.
 */
import { dateFormat } from '../dates';

/** The zone every moment is shown in unless the viewer chose another. */
export const DEFAULT_TIME_ZONE = 'America/New_York';

/**
 * The zones a person may choose on their account page: the time zones of the United States and
 * its territories (15 U.S.C. 263 and 49 CFR part 71), and UTC. Labels name the places, because
 * "Mountain" alone does not tell an Arizonan whether daylight saving applies.
 */
export const TIME_ZONE_CHOICES = [
  { zone: 'America/New_York', label: 'Eastern (Washington, DC)' },
  { zone: 'America/Chicago', label: 'Central (Chicago)' },
  { zone: 'America/Denver', label: 'Mountain (Denver)' },
  { zone: 'America/Phoenix', label: 'Mountain, no daylight saving time (Arizona)' },
  { zone: 'America/Los_Angeles', label: 'Pacific (Los Angeles)' },
  { zone: 'America/Anchorage', label: 'Alaska (Anchorage)' },
  { zone: 'Pacific/Honolulu', label: 'Hawaii–Aleutian (Honolulu)' },
  { zone: 'America/Puerto_Rico', label: 'Atlantic (Puerto Rico, U.S. Virgin Islands)' },
  { zone: 'Pacific/Guam', label: 'Chamorro (Guam, Northern Mariana Islands)' },
  { zone: 'Pacific/Pago_Pago', label: 'Samoa (American Samoa)' },
  { zone: 'UTC', label: 'Coordinated Universal Time (UTC)' },
] as const;

export type ChosenTimeZone = (typeof TIME_ZONE_CHOICES)[number]['zone'];

/** The zone a person reads moments in: their choice if it is one we offer, else Eastern. */
export function viewerTimeZone(chosen: string | null | undefined): string {
  return TIME_ZONE_CHOICES.some((c) => c.zone === chosen) ? chosen! : DEFAULT_TIME_ZONE;
}

/** "Pacific (Los Angeles)" for a zone we offer; the zone's own name otherwise. */
export function timeZoneLabel(zone: string): string {
  return TIME_ZONE_CHOICES.find((c) => c.zone === zone)?.label ?? zone;
}

/**
 * Is `zone` an IANA time zone this runtime knows ("America/Chicago")? A known zone's format is
 * kept (dateFormat), so asking again costs a lookup.
 */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '' || zone.length > 64) return false;
  try {
    dateFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  return dateFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    timeZoneName: 'short',
  });
}

/**
 * Moments already written, by zone and timestamp: pages list the same histories and
 * notifications to the same people again and again, and `formatToParts` is the costly part of a
 * list of fifty (scripts/bench.mjs). Bounded; emptied when full.
 */
const WRITTEN_MAX = 20_000;
const written = new Map<string, string>();

/**
 * An ISO timestamp as "November 16, 2026, 3:05 PM EST" in `zone` (Eastern by default: EST in
 * winter, EDT in summer). An unknown zone falls back to Eastern; text that is not a moment is
 * returned as it came, so an odd stored value never breaks a page.
 */
export function formatDateTime(iso: string, zone: string = DEFAULT_TIME_ZONE): string {
  const key = `${zone} ${iso}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = formatterFor(isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const text = `${part('month')} ${part('day')}, ${part('year')}, ${part('hour')}:${part('minute')} ${part('dayPeriod')} ${part('timeZoneName')}`;
  if (written.size >= WRITTEN_MAX) written.clear();
  written.set(key, text);
  return text;
}
