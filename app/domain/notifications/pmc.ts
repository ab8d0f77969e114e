/**
 * A PMC quarterly update published or withdrawn (A-11 280.16): the President's Management
 * Council members of every portfolio's agencies, the portfolio leads and the OMB leads hear of
 * it, since the update reports on all of them. Never the OMB lead who did it.
 */
import { addressed, type NotificationDraft } from './kinds';

export interface PmcNotice {
  update: { id: number; fiscalYear: number; quarter: number };
  event: 'published' | 'withdrawn';
  /** Why it was withdrawn (the reason the OMB lead gave). */
  reason?: string;
  audienceIds: readonly number[];
  actorId: number;
}

export function pmcChanged(n: PmcNotice): NotificationDraft[] {
  const name = `The PMC update for FY ${n.update.fiscalYear} Q${n.update.quarter}`;
  const published = n.event === 'published';
  return addressed(
    n.audienceIds.map((personId) => ({
      personId,
      kind: published ? 'pmc_published' : 'pmc_withdrawn',
      source: `pmc_update:${n.update.id}:${n.event}`,
      title: published ? `${name} was published` : `${name} was withdrawn`,
      body: published
        ? `${name} is published: read it, or download its slides and Word document, from its page.`
        : `${name} was withdrawn${n.reason?.trim() ? `: “${n.reason.trim()}”` : ''}. A correction may follow; the withdrawn text stays readable, marked as withdrawn.`,
      link: `/pmc/${n.update.id}`,
      portfolioId: null,
    })),
    n.actorId,
  );
}
