/**
 * Who hears of what at a project's phase gate (A-11 280.16; issue 22, point 1):
 *
 * - a request: every current POC of every agency asked, since each agency must answer;
 * - an answer: the person who asked. When it decides the request (the last concurrence moves the
 *   project, a non-concurrence holds it), one notification says both;
 * - an OMB lead's override: the person who asked, and the POCs of the agencies that had not yet
 *   answered, whose answer is no longer needed.
 *
 * Never the person who acted. Moving a project back and re-affirming tell no one here: the
 * project's history records both.
 */
import type { GateAnswer, GateEvent, GateOutcome } from '~/domain/phases/gate';
import { PHASE_LABELS } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { addressed, type NotificationDraft } from './kinds';

export interface GateNotice {
  project: { id: number; name: string; portfolioId: number; phase: Phase };
  /** The request the event concerns (the new one, for a request). */
  requestId: number;
  /** Who asked for it (null for a request being made now: the actor). */
  requestedBy: number | null;
  /** The phase the request asks for. */
  toPhase: Phase;
  /** Current POCs of each agency asked, and its name. */
  agencies: ReadonlyMap<number, { name: string; pocIds: readonly number[] }>;
  /** Agencies that had answered before this event. */
  answeredBefore: readonly number[];
  actorId: number;
}

const ANSWERED: Record<GateAnswer, string> = {
  concur: 'concurred',
  concur_with_comments: 'concurred with comments',
  non_concur: 'did not concur',
};

export function gateNotifications(
  notice: GateNotice,
  event: GateEvent,
  outcome: Extract<GateOutcome, { ok: true }>,
): NotificationDraft[] {
  const { project, requestId, toPhase } = notice;
  const to = PHASE_LABELS[toPhase];
  const from = PHASE_LABELS[project.phase];
  const base = {
    source: `phase_request:${requestId}`,
    link: `/projects/${project.id}/phase`,
    portfolioId: project.portfolioId,
  };
  const drafts: NotificationDraft[] = [];
  switch (event.type) {
    case 'request':
      for (const agency of notice.agencies.values())
        for (const personId of agency.pocIds)
          drafts.push({
            ...base,
            personId,
            kind: 'phase_request_waiting',
            required: agency.pocIds.length === 1,
            title: `${project.name}: ${agency.name} is asked to concur with moving to ${to}`,
            body: `The team asks to move ${project.name} from ${from} to ${to}. As a point of contact for ${agency.name}, answer on the project’s phase page.`,
          });
      break;
    case 'answer': {
      if (notice.requestedBy === null) break;
      const agency = notice.agencies.get(event.agencyId)?.name ?? 'An agency';
      const answered = `${agency} ${ANSWERED[event.answer]}`;
      const comment = event.comment.trim() ? ` Their comment: “${event.comment.trim()}”` : '';
      if (outcome.result === 'advanced' || outcome.result === 'held')
        drafts.push({
          ...base,
          source: `${base.source}:decided`,
          personId: notice.requestedBy,
          kind: 'phase_request_decided',
          title:
            outcome.result === 'advanced'
              ? `${project.name} moved to ${to}: every agency concurred`
              : `${project.name} stays in ${from}: ${agency} did not concur`,
          body: `${answered} with your request to move ${project.name} to ${to}.${comment}`,
        });
      else
        drafts.push({
          ...base,
          source: `${base.source}:agency:${event.agencyId}`,
          personId: notice.requestedBy,
          kind: 'phase_request_answered',
          title: `${project.name}: ${answered}`,
          body: `${answered} with your request to move ${project.name} to ${to}.${comment}`,
        });
      break;
    }
    case 'override': {
      const moved = event.decision === 'advance';
      const title = moved
        ? `${project.name} moved to ${to} by an OMB lead`
        : `${project.name} held in ${from} by an OMB lead`;
      const body = `An OMB lead decided the request to move ${project.name} to ${to} before every agency answered. Their reason: “${event.reason.trim()}”`;
      const told = [
        ...(notice.requestedBy === null ? [] : [notice.requestedBy]),
        ...[...notice.agencies.entries()]
          .filter(([id]) => !notice.answeredBefore.includes(id))
          .flatMap(([, agency]) => agency.pocIds),
      ];
      for (const personId of told)
        drafts.push({
          ...base,
          source: `${base.source}:override`,
          personId,
          kind: 'phase_override',
          title,
          body,
        });
      break;
    }
    case 'move_back':
    case 'reaffirm':
      break;
  }
  return addressed(drafts, notice.actorId);
}
