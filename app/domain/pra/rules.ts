/**
 * The Paperwork Reduction Act count (A-11 280.8; docs/rules.md#paperwork-reduction-act).
 *
 * - No approval is needed to collect information from nine or fewer members of the public in a
 *   12-month period; the tenth needs a clearance.
 * - Activities that share a purpose or a set of questions are one collection (transitively).
 * - People are counted once however many sessions they attend. Federal employees in their
 *   official capacity are not members of the public; contractors count unless the workspace
 *   setting says otherwise.
 * - Unscripted, open-ended conversations in Discovery or Design do not count; a recruitment
 *   screener counts only when it asks screening questions; post-transaction surveys count.
 * - A clearance covers a session dated on or before its expiration date.
 *
 * A 12-month window runs from a date up to, not including, the same date a year later (for
 * February 29, up to March 1): the text's nine on 2025-01-01 and nine on 2026-01-02 fall in no
 * common window.
 */
import { pluralize } from '../plural';
import { formatDate } from '../portfolio/labels';
import type { Phase } from '../portfolio/types';

export type Method =
  | 'interviews'
  | 'focus_group'
  | 'usability_test'
  | 'card_sort'
  | 'survey'
  | 'listening_session'
  | 'observation'
  | 'recruitment_screener'
  | 'post_transaction_survey';

export type ParticipantCategory = 'public' | 'federal_employee' | 'contractor';

export interface PraSession {
  id: number;
  /** YYYY-MM-DD. */
  date: string;
  participants: { code: string; category: ParticipantCategory }[];
}

export interface PraActivity {
  id: number;
  title: string;
  method: Method;
  purpose: string;
  /** Normalized fingerprint of the question set (questionFingerprint), or null if none. */
  questionsFingerprint: string | null;
  unscripted: boolean;
  phase: Phase;
  hasScreeningQuestions: boolean;
  sessions: PraSession[];
  clearanceIds: number[];
  /** An OMB lead's recorded override (counsel's determination, say). */
  overridden: boolean;
}

export interface PraClearance {
  id: number;
  controlNumber: string | null;
  /** YYYY-MM-DD, or null while no approval exists. */
  expiresOn: string | null;
}

export interface PraSettings {
  countContractors: boolean;
}

export const LIMIT = 9;

/** Does this activity collect information under the PRA count? */
export function countsTowardLimit(
  a: Pick<PraActivity, 'method' | 'unscripted' | 'phase' | 'hasScreeningQuestions'>,
): boolean {
  if (a.method === 'post_transaction_survey' || a.method === 'survey') return true;
  if (a.method === 'recruitment_screener') return a.hasScreeningQuestions;
  if (a.unscripted && (a.phase === 'discovery' || a.phase === 'design')) return false;
  return true;
}

/** Is this participant a member of the public for the count? */
export function isCounted(category: ParticipantCategory, settings: PraSettings): boolean {
  if (category === 'public') return true;
  if (category === 'contractor') return settings.countContractors;
  return false;
}

/** Normalizes a purpose: case, spacing and trailing punctuation do not make a new purpose. */
export function normalizePurpose(purpose: string): string {
  return purpose
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?;:,\s]+$/, '')
    .trim();
}

/**
 * The normalized text of a question set: one question per line, numbering and bullets removed,
 * case and spacing ignored, empty lines dropped. Equal texts are the same set of questions.
 */
export function normalizeQuestions(questions: string): string {
  return questions
    .split(/\r?\n/)
    .map((line) =>
      line
        .toLowerCase()
        .replace(/^\s*(?:\(?\d+[.):]|\(?[a-z][.)]|[-*•–])\s*/u, '')
        .replace(/\s+/g, ' ')
        .replace(/[\s.?!]+$/, '')
        .trim(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/** The day after the last day of the 12-month window that starts on `date` (exclusive end). */
export function windowEnd(date: string): string {
  // The same day a year later; a window from February 29 runs to March 1. Plain string work:
  // this runs once per session date of every collection.
  const year = String(Number(date.slice(0, 4)) + 1).padStart(4, '0');
  const monthDay = date.slice(4);
  return monthDay === '-02-29' ? `${year}-03-01` : `${year}${monthDay}`;
}

/** The first day of the earliest window that still contains `date`. */
function earliestWindowStartContaining(date: string): string {
  const [y, m, d] = [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
  // The window from the same day a year before ends just before `date`, so the one from the next
  // day is the first to contain it. A year before February 29 is taken as March 1, whose window
  // (to March 1) already contains it. Plain number work: this runs for every day tried.
  if (m === 2 && d === 29) return ymd(y - 1, 3, 1);
  if (d < daysInMonth(y - 1, m)) return ymd(y - 1, m, d + 1);
  return m < 12 ? ymd(y - 1, m + 1, 1) : ymd(y, 1, 1);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

function ymd(year: number, month: number, day: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Groups already made, by the list they were made from: a portfolio's status is kept under its
 * change stamp (db/cache.ts), and the planning check asks about the same list again and again.
 * The groups are read, never changed.
 */
const grouped = new WeakMap<readonly PraActivity[], readonly (readonly PraActivity[])[]>();

/** Groups activities into collections: same normalized purpose or same questions, transitively. */
export function groupActivities(
  activities: readonly PraActivity[],
): readonly (readonly PraActivity[])[] {
  let groups = grouped.get(activities);
  if (!groups) grouped.set(activities, (groups = makeGroups(activities)));
  return groups;
}

function makeGroups(activities: readonly PraActivity[]): PraActivity[][] {
  const parent = new Map<number, number>(activities.map((a) => [a.id, a.id]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  const byKey = new Map<string, number>();
  for (const a of activities) {
    for (const key of [
      `p:${normalizePurpose(a.purpose)}`,
      a.questionsFingerprint ? `q:${a.questionsFingerprint}` : null,
    ]) {
      if (!key || key === 'p:') continue;
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, a.id);
      else union(seen, a.id);
    }
  }
  const groups = new Map<number, PraActivity[]>();
  for (const a of activities) {
    const root = find(a.id);
    const group = groups.get(root);
    if (group) group.push(a);
    else groups.set(root, [a]);
  }
  return [...groups.values()];
}

/**
 * Counted attendances, sorted by date: `dates[i]` is when person number `people[i]` took part.
 * People are numbered 0 … `count` − 1 (one number per distinct code), so counting them in a
 * window needs an array, not a map of strings. `days` are the distinct dates, ascending: the
 * only window starts worth trying, and far fewer than the attendances.
 */
interface Events {
  dates: string[];
  people: number[];
  count: number;
  days: string[];
}

/**
 * The most distinct people in any 12-month window, and that window. Events must be sorted by
 * date. Linear in the number of events (a sliding window).
 */
export function maxInAnyWindow(events: Events): {
  count: number;
  from: string | null;
  to: string | null;
} {
  return fullestWindow(events, events.days);
}

/**
 * The distinct people in the 12-month window from each of `starts` (ascending), sliding over
 * `events` (sorted by date) once.
 */
function windowCounts({ dates, people, count }: Events, starts: readonly string[]): number[] {
  const times = new Uint32Array(count); // attendances of each person inside the window
  const counts: number[] = [];
  let distinct = 0;
  let right = 0;
  let left = 0;
  for (const start of starts) {
    while (left < dates.length && dates[left]! < start) {
      if (left < right && --times[people[left]!]! === 0) distinct--;
      left++;
    }
    right = Math.max(right, left); // events before the first start never enter
    const end = windowEnd(start);
    while (right < dates.length && dates[right]! < end) {
      if (times[people[right]!]!++ === 0) distinct++;
      right++;
    }
    counts.push(distinct);
  }
  return counts;
}

/** The fullest of the 12-month windows starting on `starts` (ascending); `to` is exclusive. */
function fullestWindow(
  events: Events,
  starts: readonly string[],
): { count: number; from: string | null; to: string | null } {
  const counts = windowCounts(events, starts);
  let best = { count: 0, from: null as string | null, to: null as string | null };
  counts.forEach((n, i) => {
    if (n > best.count) best = { count: n, from: starts[i]!, to: windowEnd(starts[i]!) };
  });
  return best;
}

export type CollectionStatus =
  'clear' | 'approaching' | 'at_limit' | 'needs_clearance' | 'covered' | 'clearance_expired';

export interface CollectionReport {
  activityIds: number[];
  status: CollectionStatus;
  /** Most distinct counted people, not covered by a clearance, in any 12-month window. */
  count: number;
  window: { from: string; to: string } | null;
  /** How many more people may take part before a clearance is needed (0 when none). */
  remaining: number;
  clearance: { id: number; controlNumber: string | null; expiresOn: string | null } | null;
  /**
   * When the 12-month window around `today` already holds nine or more uncovered people: the
   * first day from which the next member of the public may take part without a clearance
   * (nextAllowedOn). Null when the next person is allowed today, or the collection is covered.
   */
  nextAllowedOn: string | null;
  explanation: string;
}

function sessionCovered(
  session: PraSession,
  activity: PraActivity,
  clearances: ReadonlyMap<number, PraClearance>,
): boolean {
  return activity.clearanceIds.some((id) => {
    const c = clearances.get(id);
    return !!c?.controlNumber && !!c.expiresOn && session.date <= c.expiresOn;
  });
}

/** The counted events (person, date) of a collection that no clearance covers, by date. */
function uncoveredEvents(
  group: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
): Events {
  // Sorting the sessions, not the people, keeps this cheap for large collections.
  const sessions: PraSession[] = [];
  for (const a of group) {
    if (!countsTowardLimit(a)) continue;
    for (const s of a.sessions) if (!sessionCovered(s, a, clearances)) sessions.push(s);
  }
  sessions.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const numbers = new Map<string, number>();
  const events: Events = { dates: [], people: [], count: 0, days: [] };
  for (const s of sessions)
    for (const p of s.participants)
      if (isCounted(p.category, settings)) {
        const code = normalizeCode(p.code);
        let n = numbers.get(code);
        if (n === undefined) numbers.set(code, (n = numbers.size));
        events.dates.push(s.date);
        events.people.push(n);
        if (events.days.at(-1) !== s.date) events.days.push(s.date);
      }
  events.count = numbers.size;
  return events;
}

export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Activities a sentence names before it counts the rest. */
const NAMED = 5;

/** “A”, “B”, “C”, “D”, “E” and 15 other activities: a sentence people can still read. */
function namesOf(group: readonly PraActivity[]): string {
  const named = group
    .slice(0, NAMED)
    .map((a) => `“${a.title}”`)
    .join(', ');
  const others = group.length - NAMED;
  return others > 0
    ? `${named} and ${pluralize(others, 'other activity', 'other activities')}`
    : named;
}

/** "9 members of the public", "1 member of the public". */
const members = (n: number) => pluralize(n, 'member of the public', 'members of the public');

/** The status of one collection on `today` (YYYY-MM-DD), with the explanation people read. */
export function reportCollection(
  group: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
  today: string,
): CollectionReport {
  const events = uncoveredEvents(group, clearances, settings);
  const best = maxInAnyWindow(events);
  const linked = [...new Set(group.flatMap((a) => a.clearanceIds))]
    .map((id) => clearances.get(id))
    .filter((c): c is PraClearance => !!c);
  const valid = linked
    .filter((c) => c.controlNumber && c.expiresOn && c.expiresOn >= today)
    .sort((a, b) => (a.expiresOn! < b.expiresOn! ? 1 : -1));
  const expired = linked.filter((c) => c.controlNumber && c.expiresOn && c.expiresOn < today);
  const names = namesOf(group);
  const grouped =
    group.length > 1
      ? `${names} form one collection (same purpose or same questions)`
      : `${names} is one collection`;
  const windowText = best.from
    ? ` between ${formatDate(best.from)} and ${formatDate(dayBefore(best.to!))}`
    : '';
  // The window around today decides whether the next person may take part now.
  const nowCount = countInWindowsContaining(events, today).count;
  const nextOn = nowCount >= LIMIT ? firstDayWithRoom(events, today) : null;
  const base = {
    activityIds: group.map((a) => a.id),
    count: best.count,
    window: best.from ? { from: best.from, to: dayBefore(best.to!) } : null,
    remaining: Math.max(0, LIMIT - best.count),
    nextAllowedOn: nextOn,
  };
  const counted = `${members(best.count)} counted${windowText}`;
  const untilNext = nextOn
    ? ` The next member of the public needs a clearance; without one, the next person may take part from ${formatDate(nextOn)}, once enough of them fall outside the 12-month window.`
    : '';
  if (!group.some(countsTowardLimit)) {
    return {
      ...base,
      status: 'clear',
      remaining: LIMIT,
      nextAllowedOn: null,
      clearance: null,
      explanation: `${grouped}. Unscripted, open-ended conversations in Discovery or Design, and screeners without screening questions, do not count toward the limit.`,
    };
  }
  if (best.count > LIMIT) {
    return {
      ...base,
      status: 'needs_clearance',
      clearance: null,
      explanation: `${grouped}. ${counted}, more than nine without a clearance covering them: PRA approval is needed.${untilNext}`,
    };
  }
  // Covered only when every counting activity carries a clearance valid today: a clearance
  // covers the activities linked to it, so an unlinked one in the collection still counts.
  const allLinked = group
    .filter(countsTowardLimit)
    .every((a) => a.clearanceIds.some((id) => valid.some((c) => c.id === id)));
  if (valid.length > 0 && allLinked) {
    const c = valid[0]!;
    return {
      ...base,
      status: 'covered',
      nextAllowedOn: null,
      clearance: { id: c.id, controlNumber: c.controlNumber, expiresOn: c.expiresOn },
      explanation: `${grouped}. Covered by OMB control number ${c.controlNumber} until ${formatDate(c.expiresOn!)}; ${counted} outside its coverage.`,
    };
  }
  if (expired.length > 0) {
    const c = expired[0]!;
    return {
      ...base,
      status: 'clearance_expired',
      clearance: { id: c.id, controlNumber: c.controlNumber, expiresOn: c.expiresOn },
      explanation: `${grouped}. Its clearance ${c.controlNumber} expired on ${formatDate(c.expiresOn!)}; sessions after that date count: ${counted}.${untilNext}`,
    };
  }
  const partly =
    valid.length > 0
      ? ` Clearance ${valid[0]!.controlNumber} covers only the activities linked to it; the others count.`
      : '';
  if (nextOn) {
    return {
      ...base,
      status: 'at_limit',
      clearance: null,
      explanation: `${grouped}. ${counted}: the limit of nine without a clearance.${untilNext}${partly}`,
    };
  }
  if (best.count >= LIMIT - 1) {
    const room =
      best.count >= LIMIT
        ? ` Around today ${members(nowCount)} ${nowCount === 1 ? 'is' : 'are'} counted: ${LIMIT - nowCount} more may take part now before a clearance is needed.`
        : ` ${LIMIT - best.count} more allowed in that window before a clearance is needed.`;
    return {
      ...base,
      status: 'approaching',
      clearance: null,
      explanation: `${grouped}. ${counted}.${room}${partly}`,
    };
  }
  return {
    ...base,
    status: 'clear',
    clearance: null,
    explanation: `${grouped}. ${counted}; up to nine need no approval.${partly}`,
  };
}

/**
 * From when the next member of the public may take part without a clearance (A-11 280.8, the
 * rolling 12-month window): the first day on or after `today` on which every 12-month window
 * containing it holds at most eight counted people, so a ninth new one keeps it at nine. `today`
 * when there is room now.
 *
 * The count around a day only falls when an attendance leaves the window, that is on the day
 * its window ends (windowEnd of its date), so those days are the only ones worth trying.
 */
export function nextAllowedOn(
  group: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
  today: string,
): string {
  if (!group.some(countsTowardLimit)) return today;
  return firstDayWithRoom(uncoveredEvents(group, clearances, settings), today);
}

function firstDayWithRoom(events: Events, today: string): string {
  const ends = [...new Set(events.days.map(windowEnd))].filter((d) => d > today).sort();
  const days = [today, ...ends];
  // Every window worth trying for any of the days starts on an event date or on the day itself
  // (see countInWindowsContaining): count them all in one pass, then take each day's fullest
  // window among the starts from the earliest window containing it up to the day. Both ends of
  // that range only move forward, so a queue of starts by falling count gives each maximum.
  const first = earliestWindowStartContaining(today);
  const starts = [...new Set([...events.days.filter((d) => d >= first), ...days])].sort();
  const counts = windowCounts(events, starts);
  const queue: number[] = []; // indexes into starts, their counts falling
  let head = 0;
  let next = 0;
  for (const day of days) {
    for (; next < starts.length && starts[next]! <= day; next++) {
      while (queue.length > head && counts[queue.at(-1)!]! <= counts[next]!) queue.pop();
      queue.push(next);
    }
    const from = earliestWindowStartContaining(day);
    while (queue.length > head && starts[queue[head]!]! < from) head++;
    if ((queue.length > head ? counts[queue[head]!]! : 0) < LIMIT) return day;
  }
  // After the last window end no attendance is left in any window containing the day.
  return ends.at(-1) ?? today;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return isoDate(d);
}

/** Every collection of a set of activities, with its report. */
export function praStatus(
  activities: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
  today: string,
): CollectionReport[] {
  return groupActivities(activities).map((g) => reportCollection(g, clearances, settings, today));
}

export interface GuardResult {
  allowed: boolean;
  /** Distinct counted people in the fullest window containing the date, after the addition. */
  countAfter: number;
  explanation: string;
}

/**
 * The guard: would adding `participants` in a session of `activityId` on `date` make its
 * collection reach ten members of the public within 12 months, with no clearance covering them?
 */
export function checkAddition(
  activities: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
  addition: {
    activityId: number;
    date: string;
    participants: { code: string; category: ParticipantCategory }[];
  },
): GuardResult {
  const withAddition = activities.map((a) =>
    a.id === addition.activityId
      ? {
          ...a,
          sessions: [
            ...a.sessions,
            { id: -1, date: addition.date, participants: addition.participants },
          ],
        }
      : a,
  );
  const group = groupActivities(withAddition).find((g) =>
    g.some((a) => a.id === addition.activityId),
  )!;
  const activity = group.find((a) => a.id === addition.activityId)!;
  const names = namesOf(group);
  if (!countsTowardLimit(activity)) {
    return {
      allowed: true,
      countAfter: 0,
      explanation: 'This activity does not count toward the limit.',
    };
  }
  if (sessionCovered({ id: -1, date: addition.date, participants: [] }, activity, clearances)) {
    return { allowed: true, countAfter: 0, explanation: 'A clearance covers this session.' };
  }
  const after = countInWindowsContaining(
    uncoveredEvents(group, clearances, settings),
    addition.date,
  );
  if (after.count > LIMIT && !activity.overridden) {
    return {
      allowed: false,
      countAfter: after.count,
      explanation: `Not saved: this would make ${members(after.count)} between ${formatDate(after.from)} and ${formatDate(after.to)} for ${group.length > 1 ? `the collection ${names} (same purpose or same questions)` : names}. Nine or fewer in 12 months need no PRA approval; the tenth needs a clearance. Attach a clearance, or ask an OMB lead to record an override with counsel’s determination.`,
    };
  }
  return {
    allowed: true,
    countAfter: after.count,
    explanation: `${after.count} of 9 allowed in the window.`,
  };
}

/**
 * The guard for editing an activity: a new purpose or question set can join collections, and
 * unticking "unscripted" or adding screening questions can make an activity count. The change
 * is refused when the activity's collection afterwards has more than nine people in a window,
 * more than its collection had before, with no override on the activity.
 */
export function checkActivityChange(
  before: readonly PraActivity[],
  after: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
  activityId: number,
): GuardResult {
  const collectionOf = (activities: readonly PraActivity[]) =>
    groupActivities(activities).find((g) => g.some((a) => a.id === activityId));
  const was = collectionOf(before);
  const now = collectionOf(after);
  if (!now) return { allowed: true, countAfter: 0, explanation: 'Unknown activity.' };
  const countOf = (g: readonly PraActivity[] | undefined) =>
    g
      ? maxInAnyWindow(uncoveredEvents(g, clearances, settings))
      : { count: 0, from: null, to: null };
  const prior = countOf(was).count;
  const next = countOf(now);
  const activity = now.find((a) => a.id === activityId)!;
  if (next.count > LIMIT && next.count > prior && !activity.overridden) {
    const names = namesOf(now);
    return {
      allowed: false,
      countAfter: next.count,
      explanation: `Not saved: with this change ${now.length > 1 ? `${names} would form one collection (same purpose or same questions) with` : `${names} would count`} ${members(next.count)} between ${formatDate(next.from!)} and ${formatDate(dayBefore(next.to!))}. Nine or fewer in 12 months need no PRA approval. Keep the purpose and questions distinct, attach a clearance first, or ask an OMB lead to record an override.`,
    };
  }
  return {
    allowed: true,
    countAfter: next.count,
    explanation: `${next.count} of 9 allowed in the fullest window.`,
  };
}

/** The fullest 12-month window that contains `date` (`to` inclusive). */
function countInWindowsContaining(
  events: Events,
  date: string,
): { count: number; from: string; to: string } {
  const first = earliestWindowStartContaining(date);
  // Moving a window's start up to the next event loses nobody, so event dates (and the date
  // itself) are the only starts worth trying.
  const starts = [...new Set([...events.days.filter((d) => d >= first && d <= date), date])].sort();
  const best = fullestWindow(events, starts);
  return best.from === null
    ? { count: 0, from: date, to: dayBefore(windowEnd(date)) }
    : { count: best.count, from: best.from, to: dayBefore(best.to!) };
}

/**
 * The planning check: can we talk to `n` more people in this collection on `date`? Returns how
 * many more are allowed in every window containing that date.
 */
export function planningCheck(
  activities: readonly PraActivity[],
  clearances: ReadonlyMap<number, PraClearance>,
  settings: PraSettings,
  plan: { activityId: number; date: string; n: number },
): { allowed: boolean; remaining: number; explanation: string } {
  const group = groupActivities(activities).find((g) => g.some((a) => a.id === plan.activityId));
  if (!group) return { allowed: false, remaining: 0, explanation: 'Unknown activity.' };
  const activity = group.find((a) => a.id === plan.activityId)!;
  if (!countsTowardLimit(activity)) {
    return {
      allowed: true,
      remaining: Infinity,
      explanation:
        'This activity does not count toward the limit (unscripted Discovery or Design work, or a screener without screening questions).',
    };
  }
  if (sessionCovered({ id: -1, date: plan.date, participants: [] }, activity, clearances)) {
    return {
      allowed: true,
      remaining: Infinity,
      explanation: 'A clearance covers sessions on that date.',
    };
  }
  const now = countInWindowsContaining(uncoveredEvents(group, clearances, settings), plan.date);
  const remaining = Math.max(0, LIMIT - now.count);
  return {
    allowed: plan.n <= remaining,
    remaining,
    explanation:
      plan.n <= remaining
        ? `Yes: ${now.count} counted between ${formatDate(now.from)} and ${formatDate(now.to)}; ${remaining} more allowed, so ${plan.n} more is fine.`
        : `No: ${now.count} already counted between ${formatDate(now.from)} and ${formatDate(now.to)}; only ${remaining} more allowed without a clearance.`,
  };
}
