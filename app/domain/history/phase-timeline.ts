/**
 * A project's phase history as one timeline: every request, every agency's answer, how each
 * request closed (all concurred, held by a non-concurrence, an OMB lead's override, superseded
 * by a move back), every move back and every annual re-affirmation. A-11 280.16 and
 * docs/rules.md#phase-gates: each involved agency's POC answers, an OMB lead may override with a
 * written reason, and every decision is kept.
 */
import { ANSWER_LABELS, type GateAnswer } from '~/domain/phases/gate';
import { PHASE_LABELS } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { listInWords } from './describe';

export interface TimelineRequest {
  id: number;
  kind: 'advance' | 'move_back';
  from_phase: Phase;
  to_phase: Phase;
  evidence: string;
  requested_at: string;
  status: 'pending' | 'advanced' | 'held' | 'moved_back' | 'superseded';
  closed_at: string | null;
  override_reason: string | null;
  requested_by_name: string;
  requested_by_agency: string | null;
  closed_by_name: string | null;
  closed_by_agency: string | null;
  agencies: { id: number; code: string }[];
  answers: {
    agency_id: number;
    code: string;
    answer: GateAnswer;
    comment: string;
    answered_at: string;
    person_name: string;
    person_agency: string | null;
  }[];
}

export interface TimelineReaffirmation {
  id: number;
  at: string;
  phase: Phase;
  code: string;
  person_name: string;
  person_agency: string | null;
}

export type TimelineKind =
  | 'request'
  | 'answer'
  | 'advanced'
  | 'held'
  | 'override_advance'
  | 'override_hold'
  | 'superseded'
  | 'moved_back'
  | 'reaffirmed';

export interface TimelineEvent {
  key: string;
  kind: TimelineKind;
  at: string;
  /** "Luis Ortega (USDA)"; null when the event is the gate's own outcome. */
  who: string | null;
  /** The rest of the sentence, after who. */
  text: string;
  /** A quoted comment, reason or evidence, shown after the sentence. */
  note: string | null;
}

const person = (name: string | null, agency: string | null) =>
  name ? (agency ? `${name} (${agency})` : name) : null;

/**
 * Every phase event of a project, newest first. Events at the same moment keep the order they
 * happened in (an answer before the outcome it caused), reversed with the rest.
 */
export function phaseTimeline(
  requests: readonly TimelineRequest[],
  reaffirmations: readonly TimelineReaffirmation[],
): TimelineEvent[] {
  const events: (TimelineEvent & { seq: number })[] = [];
  let seq = 0;
  const add = (e: TimelineEvent) => events.push({ ...e, seq: seq++ });
  for (const r of [...requests].sort((a, b) => a.id - b.id)) {
    const from = PHASE_LABELS[r.from_phase];
    const to = PHASE_LABELS[r.to_phase];
    const closer = person(r.closed_by_name, r.closed_by_agency);
    if (r.kind === 'move_back') {
      add({
        key: `r${r.id}`,
        kind: 'moved_back',
        at: r.requested_at,
        who: person(r.requested_by_name, r.requested_by_agency),
        text: `moved the project back from ${from} to ${to}.`,
        note: r.override_reason ? `Reason: ${r.override_reason}` : null,
      });
      continue;
    }
    const asked = r.agencies.map((a) => a.code);
    add({
      key: `r${r.id}`,
      kind: 'request',
      at: r.requested_at,
      who: person(r.requested_by_name, r.requested_by_agency),
      text: `asked to move the project from ${from} to ${to}${asked.length ? `, asking ${listInWords(asked)} to concur` : ''}.`,
      note: r.evidence ? `Evidence: ${r.evidence}` : null,
    });
    for (const a of r.answers) {
      add({
        key: `a${r.id}-${a.agency_id}`,
        kind: 'answer',
        at: a.answered_at,
        who: person(a.person_name, a.person_agency),
        text: `answered for ${a.code}: ${ANSWER_LABELS[a.answer]}.`,
        note: a.comment ? `Comment: ${a.comment}` : null,
      });
    }
    if (!r.closed_at) continue;
    const reason = r.override_reason ? `Reason: ${r.override_reason}` : null;
    if (r.status === 'advanced' && r.override_reason) {
      add({
        key: `c${r.id}`,
        kind: 'override_advance',
        at: r.closed_at,
        who: closer,
        text: `overrode the phase gate and moved the project from ${from} to ${to}.`,
        note: reason,
      });
    } else if (r.status === 'advanced') {
      add({
        key: `c${r.id}`,
        kind: 'advanced',
        at: r.closed_at,
        who: null,
        text: `Every involved agency concurred: the project moved from ${from} to ${to}.`,
        note: null,
      });
    } else if (r.status === 'held' && r.override_reason) {
      add({
        key: `c${r.id}`,
        kind: 'override_hold',
        at: r.closed_at,
        who: closer,
        text: `overrode the phase gate and held the project in ${from}.`,
        note: reason,
      });
    } else if (r.status === 'held') {
      const against = r.answers.filter((a) => a.answer === 'non_concur').map((a) => a.code);
      add({
        key: `c${r.id}`,
        kind: 'held',
        at: r.closed_at,
        who: null,
        text: `${against.length ? `${listInWords(against)} did not concur` : 'An agency did not concur'}: the request to move to ${to} is held and the project stays in ${from}.`,
        note: null,
      });
    } else if (r.status === 'superseded') {
      add({
        key: `c${r.id}`,
        kind: 'superseded',
        at: r.closed_at,
        who: null,
        text: `The request to move to ${to} was closed when the project was moved back.`,
        note: null,
      });
    }
  }
  for (const r of reaffirmations) {
    add({
      key: `f${r.id}`,
      kind: 'reaffirmed',
      at: r.at,
      who: person(r.person_name, r.person_agency),
      text: `re-affirmed ${r.code}’s concurrence with the project in ${PHASE_LABELS[r.phase]}.`,
      note: null,
    });
  }
  return events
    .sort((a, b) => (a.at === b.at ? b.seq - a.seq : a.at < b.at ? 1 : -1))
    .map(({ seq: _seq, ...e }) => e);
}
