/**
 * Phase gates (A-11 280.16; docs/rules.md#phase-gates). A project asks to move to the next phase
 * with evidence; each involved agency's current POC answers concur, concur with comments, or
 * non-concur (a comment is required for the last two). The project advances when every involved
 * agency has concurred; a non-concur holds it until a new request. An OMB lead may advance or
 * hold with a written reason, and alone may move a project back. No phase is ever skipped.
 *
 * Pure: the caller loads the state and the actor, applies the decision in one transaction.
 */
import type { Phase } from '../portfolio/types';
import { PHASES } from '../portfolio/labels';
import type { GateFacts } from '../policy';

export type GateAnswer = 'concur' | 'concur_with_comments' | 'non_concur';

export const ANSWER_LABELS: Record<GateAnswer, string> = {
  concur: 'Concur',
  concur_with_comments: 'Concur with comments',
  non_concur: 'Non-concur',
};

export interface PendingRequest {
  toPhase: Phase;
  /** The agencies involved when the request was made: each must answer. */
  involvedAgencyIds: readonly number[];
  answers: ReadonlyMap<number, GateAnswer>;
}

export interface GateState {
  phase: Phase;
  involvedAgencyIds: readonly number[];
  pending: PendingRequest | null;
}

export interface GateActor {
  /**
   * What this person's roles let them do at the gate, as the policy decides it
   * (`can(user, 'phase.request' | 'phase.override' | 'phase.move_back', …)`); the state checks
   * and their messages are this module's.
   */
  may: { request: boolean; override: boolean; moveBack: boolean };
  /** Agencies this person is the *current* POC of, in the project's portfolio. */
  pocAgencyIds: readonly number[];
}

export type GateEvent =
  | { type: 'request'; toPhase: Phase; evidence: string }
  | { type: 'answer'; agencyId: number; answer: GateAnswer; comment: string }
  | { type: 'override'; decision: 'advance' | 'hold'; reason: string }
  | { type: 'move_back'; toPhase: Phase; reason: string }
  | { type: 'reaffirm'; agencyId: number };

export type GateOutcome =
  | { ok: true; result: 'requested'; toPhase: Phase }
  | { ok: true; result: 'answered'; waitingFor: number[] }
  | { ok: true; result: 'advanced'; toPhase: Phase; by: 'concurrence' | 'override' }
  | { ok: true; result: 'held'; by: 'non_concur' | 'override' }
  | { ok: true; result: 'moved_back'; toPhase: Phase }
  | { ok: true; result: 'reaffirmed' }
  | { ok: false; code: 'forbidden' | 'invalid' | 'conflict'; message: string; field?: string };

/** The gate as the policy's state-aware phase abilities read it. */
export function gateFacts(state: GateState): GateFacts {
  return {
    pending: state.pending !== null,
    involvedAgencyIds: state.involvedAgencyIds,
    askedAgencyIds: state.pending?.involvedAgencyIds ?? [],
    answeredAgencyIds: [...(state.pending?.answers.keys() ?? [])],
  };
}

/** The phase after `phase`, or null in Measurement (the last). */
export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

const isConcurrence = (a: GateAnswer) => a === 'concur' || a === 'concur_with_comments';

/** What `event` by `actor` does to a project in `state`. */
export function decide(state: GateState, event: GateEvent, actor: GateActor): GateOutcome {
  switch (event.type) {
    case 'request': {
      if (!actor.may.request) {
        return refuse(
          'forbidden',
          'Only the portfolio’s lead, its team members or an OMB lead can ask for the next phase.',
        );
      }
      if (state.pending) {
        return refuse('conflict', 'This project already has a phase request waiting for answers.');
      }
      const next = nextPhase(state.phase);
      if (!next)
        return refuse(
          'invalid',
          'Measurement is the last phase; there is no next phase to ask for.',
        );
      if (event.toPhase !== next) {
        return refuse(
          'invalid',
          `Projects move one phase at a time: from ${label(state.phase)} the next phase is ${label(next)}.`,
          'toPhase',
        );
      }
      if (event.evidence.trim() === '')
        return refuse('invalid', 'Summarize the evidence for the move.', 'evidence');
      if (state.involvedAgencyIds.length === 0) {
        return refuse(
          'invalid',
          'Add the agencies involved in this project first: each of them must concur.',
        );
      }
      return { ok: true, result: 'requested', toPhase: next };
    }
    case 'answer': {
      const pending = state.pending;
      if (!pending) return refuse('conflict', 'There is no phase request waiting for an answer.');
      if (!pending.involvedAgencyIds.includes(event.agencyId)) {
        return refuse(
          'forbidden',
          'That agency is not involved in this project, so it does not answer this request.',
        );
      }
      if (!actor.pocAgencyIds.includes(event.agencyId)) {
        return refuse('forbidden', 'Only the agency’s current point of contact can answer for it.');
      }
      if (pending.answers.has(event.agencyId)) {
        return refuse('conflict', 'Your agency has already answered this request.');
      }
      if (event.answer !== 'concur' && event.comment.trim() === '') {
        return refuse(
          'invalid',
          'A comment is required when you concur with comments or non-concur.',
          'comment',
        );
      }
      if (event.answer === 'non_concur') return { ok: true, result: 'held', by: 'non_concur' };
      const waitingFor = pending.involvedAgencyIds.filter(
        (id) => id !== event.agencyId && !isConcurrence(pending.answers.get(id) ?? 'non_concur'),
      );
      if (waitingFor.length === 0) {
        return { ok: true, result: 'advanced', toPhase: pending.toPhase, by: 'concurrence' };
      }
      return { ok: true, result: 'answered', waitingFor };
    }
    case 'override': {
      if (!actor.may.override)
        return refuse('forbidden', 'Only an OMB lead can override a phase gate.');
      if (!state.pending) return refuse('conflict', 'There is no phase request to decide.');
      if (event.reason.trim() === '')
        return refuse('invalid', 'Write the reason for the override.', 'reason');
      return event.decision === 'advance'
        ? { ok: true, result: 'advanced', toPhase: state.pending.toPhase, by: 'override' }
        : { ok: true, result: 'held', by: 'override' };
    }
    case 'move_back': {
      if (!actor.may.moveBack)
        return refuse('forbidden', 'Only an OMB lead can move a project back a phase.');
      if (PHASES.indexOf(event.toPhase) >= PHASES.indexOf(state.phase)) {
        return refuse('invalid', `Choose a phase before ${label(state.phase)}.`, 'toPhase');
      }
      if (event.reason.trim() === '')
        return refuse('invalid', 'Write the reason for moving the project back.', 'reason');
      return { ok: true, result: 'moved_back', toPhase: event.toPhase };
    }
    case 'reaffirm': {
      if (!state.involvedAgencyIds.includes(event.agencyId)) {
        return refuse('forbidden', 'That agency is not involved in this project.');
      }
      if (!actor.pocAgencyIds.includes(event.agencyId)) {
        return refuse(
          'forbidden',
          'Only the agency’s current point of contact can re-affirm for it.',
        );
      }
      return { ok: true, result: 'reaffirmed' };
    }
  }
}

function refuse(
  code: 'forbidden' | 'invalid' | 'conflict',
  message: string,
  field?: string,
): GateOutcome {
  return { ok: false, code, message, field };
}

function label(phase: Phase): string {
  return phase[0]!.toUpperCase() + phase.slice(1);
}

/**
 * Annual review (A-11 280.16: agencies "evaluate and concur on Life Experience projects for each
 * phase annually"): the involved agencies whose last concurrence *for the project's current
 * phase* is more than 12 months before `now`.
 *
 * The year is counted from the later of the agency's last concurrence (an answer or a
 * re-affirmation) and `enteredPhaseAt`, when the project entered its current phase (or was
 * created, if it never changed phase). A concurrence from before that date belongs to an earlier
 * phase and does not count; an agency that has not concurred in this phase yet is not due until
 * the phase itself is a year old. Exactly 12 months is not yet due.
 */
export function agenciesDueForReview(
  involvedAgencyIds: readonly number[],
  lastConcurrence: ReadonlyMap<number, Date>,
  enteredPhaseAt: Date,
  now: Date,
): number[] {
  const cutoff = oneYearBefore(now).getTime();
  return involvedAgencyIds.filter((id) => {
    const last = lastConcurrence.get(id);
    const since = Math.max(enteredPhaseAt.getTime(), last?.getTime() ?? -Infinity);
    return since < cutoff;
  });
}

/**
 * The same instant one calendar year earlier. On 29 February the day is clamped to the 28th
 * (Date would roll over to 1 March, making a concurrence of 1 March look a year old a day early).
 */
export function oneYearBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCDate(1);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(now.getUTCDate(), lastDay));
  return d;
}
