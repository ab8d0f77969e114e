/**
 * A research collection nearing the Paperwork Reduction Act's limit (5 CFR 1320.3(c): nine
 * members of the public in 12 months need no clearance; the tenth does). When a logged session
 * brings a collection's count to 8, and again when it reaches the limit of 9, the portfolio's
 * leads and team hear of it, so a clearance can be sought before the work stops. Never the
 * person who logged it: the page told them.
 */
import { LIMIT } from '~/domain/pra/rules';
import { addressed, type NotificationDraft } from './kinds';

/** The counts that are announced: one short of the limit, and the limit. */
export const ANNOUNCED_COUNTS = [LIMIT - 1, LIMIT] as const;

export interface CollectionNotice {
  activity: { id: number; title: string };
  portfolioId: number;
  /** Counted people in the fullest 12-month window, before and after the session. */
  before: number;
  after: number;
  teamIds: readonly number[];
  actorId: number;
}

/** The announcement a session crosses into, if any (the limit wins when it crosses both). */
export function collectionNotifications(n: CollectionNotice): NotificationDraft[] {
  const crossed = ANNOUNCED_COUNTS.filter((c) => n.before < c && n.after >= c);
  const count = crossed.at(-1);
  if (count === undefined) return [];
  const atLimit = count === LIMIT;
  return addressed(
    n.teamIds.map((personId) => ({
      personId,
      kind: 'research_limit',
      source: `research_activity:${n.activity.id}:count:${count}`,
      title: atLimit
        ? `“${n.activity.title}” reached ${LIMIT} members of the public: the next needs a PRA clearance`
        : `“${n.activity.title}” has ${count} of ${LIMIT} members of the public allowed without a clearance`,
      body: atLimit
        ? `Its collection now counts ${n.after} people in 12 months. The workspace will refuse a tenth until a clearance covers it or an OMB lead records counsel’s override.`
        : `Its collection counts ${n.after} people in 12 months. Plan the remaining sessions, or seek a clearance now.`,
      link: `/research/${n.activity.id}`,
      portfolioId: n.portfolioId,
    })),
    n.actorId,
  );
}
