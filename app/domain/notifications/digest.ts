/**
 * The daily digest (issue 22, point 3): what a person chose to read once a day arrives as one
 * email, at the digest hour in the workspace's time zone, gathering every notification of theirs
 * that waited for it. Grouped by kind, in the order of the kinds' list, newest first within each.
 */
import { Cron } from 'croner';
import { dateIn } from '~/domain/dates';
import { KIND_LABELS, NOTIFICATION_KINDS, type NotificationKind } from './kinds';

/** The notification kind of a digest itself: an email only, never listed in the workspace. */
export const DIGEST_KIND = 'daily_digest';

export interface DigestItem {
  kind: string;
  title: string;
  body: string;
  link: string;
  createdAt: string;
}

export interface DigestGroup {
  kind: string;
  label: string;
  items: DigestItem[];
}

/** Items grouped by kind, kinds in their list's order (unknown ones last), newest first. */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
  const order = (kind: string) => {
    const i = NOTIFICATION_KINDS.indexOf(kind as NotificationKind);
    return i === -1 ? NOTIFICATION_KINDS.length : i;
  };
  const groups = new Map<string, DigestItem[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([kind, list]) => ({
      kind,
      label: KIND_LABELS[kind as NotificationKind] ?? kind,
      items: [...list].sort((x, y) => y.createdAt.localeCompare(x.createdAt)),
    }));
}

/** The cron pattern of the digest: every day at `hour`:00. */
export const digestPattern = (hour: number) => `0 ${hour} * * *`;

/**
 * The latest digest moment at or before `now` (the digest hour in `zone`, daylight saving
 * included), and the workspace's calendar date it is for. A digest gathers what was written
 * before its moment; a server that was down at that moment gathers it when it starts.
 */
export function lastDigestMoment(
  now: Date,
  zone: string,
  hour: number,
): { at: Date; date: string } {
  const cron = new Cron(digestPattern(hour), { timezone: zone, paused: true });
  // previousRuns looks strictly before its reference; a moment exactly now counts.
  const [at] = cron.previousRuns(1, new Date(now.getTime() + 1));
  if (!at) throw new Error(`no digest moment before ${now.toISOString()}`);
  return { at, date: dateIn(at, zone) };
}
