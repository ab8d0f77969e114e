import { describe, expect, it } from 'vitest';
import {
  phaseTimeline,
  type TimelineReaffirmation,
  type TimelineRequest,
} from '~/domain/history/phase-timeline';

const request = (over: Partial<TimelineRequest>): TimelineRequest => ({
  id: 1,
  kind: 'advance',
  from_phase: 'discovery',
  to_phase: 'design',
  evidence: 'Interviews done',
  requested_at: '2026-11-16T14:00:00.000Z',
  status: 'pending',
  closed_at: null,
  override_reason: null,
  requested_by_name: 'Marcus Oyelaran',
  requested_by_agency: 'HHS',
  closed_by_name: null,
  closed_by_agency: null,
  agencies: [
    { id: 3, code: 'USDA' },
    { id: 4, code: 'HHS' },
  ],
  answers: [],
  ...over,
});
const usdaAnswer = {
  agency_id: 3,
  code: 'USDA',
  answer: 'concur_with_comments' as const,
  comment: 'Fine by us',
  answered_at: '2026-11-16T20:05:00.000Z',
  person_name: 'Luis Ortega',
  person_agency: 'USDA',
};
const hhsNo = {
  ...usdaAnswer,
  agency_id: 4,
  code: 'HHS',
  answer: 'non_concur' as const,
  comment: 'Not yet',
  answered_at: '2026-11-17T15:00:00.000Z',
  person_name: 'Hana Poc',
  person_agency: 'HHS',
};
const lines = (rs: TimelineRequest[], fs: TimelineReaffirmation[] = []) =>
  phaseTimeline(rs, fs).map(
    (e) => `${e.who ? `${e.who} ` : ''}${e.text}${e.note ? ` | ${e.note}` : ''}`,
  );

describe('the phase history shows every request, answer, outcome and re-affirmation', () => {
  it('an answer to a request still open is in the history (it used to say “No phase decisions”)', () => {
    expect(lines([request({ answers: [usdaAnswer] })])).toEqual([
      'Luis Ortega (USDA) answered for USDA: Concur with comments. | Comment: Fine by us',
      'Marcus Oyelaran (HHS) asked to move the project from Discovery to Design, asking USDA and HHS to concur. | Evidence: Interviews done',
    ]);
  });

  it.each([
    {
      name: 'every agency concurred',
      r: request({
        status: 'advanced',
        closed_at: '2026-11-17T15:00:00.000Z',
        closed_by_name: 'Hana Poc',
        closed_by_agency: 'HHS',
        answers: [usdaAnswer, { ...hhsNo, answer: 'concur' as const, comment: '' }],
      }),
      first: 'Every involved agency concurred: the project moved from Discovery to Design.',
    },
    {
      name: 'a non-concurrence holds it',
      r: request({
        status: 'held',
        closed_at: '2026-11-17T15:00:00.000Z',
        closed_by_name: 'Hana Poc',
        closed_by_agency: 'HHS',
        answers: [usdaAnswer, hhsNo],
      }),
      first:
        'HHS did not concur: the request to move to Design is held and the project stays in Discovery.',
    },
    {
      name: 'an OMB lead overrides to advance',
      r: request({
        status: 'advanced',
        closed_at: '2026-11-18T15:00:00.000Z',
        closed_by_name: 'Dana Whitfield',
        closed_by_agency: 'OMB',
        override_reason: 'Pilot is live',
        answers: [usdaAnswer],
      }),
      first:
        'Dana Whitfield (OMB) overrode the phase gate and moved the project from Discovery to Design. | Reason: Pilot is live',
    },
    {
      name: 'an OMB lead overrides to hold',
      r: request({
        status: 'held',
        closed_at: '2026-11-18T15:00:00.000Z',
        closed_by_name: 'Dana Whitfield',
        closed_by_agency: 'OMB',
        override_reason: 'Wait for data',
      }),
      first:
        'Dana Whitfield (OMB) overrode the phase gate and held the project in Discovery. | Reason: Wait for data',
    },
  ])('$name', ({ r, first }) => {
    const out = lines([r]);
    expect(out[0]).toBe(first);
    // The request and each answer are kept under the outcome.
    expect(out).toHaveLength(2 + r.answers.length);
    expect(out.at(-1)).toMatch(/^Marcus Oyelaran \(HHS\) asked to move/);
  });

  it('a move back closes the open request, and re-affirmations sit in time order', () => {
    const out = lines(
      [
        request({
          status: 'superseded',
          closed_at: '2026-11-20T10:00:00.000Z',
          closed_by_name: 'Dana Whitfield',
          closed_by_agency: 'OMB',
          override_reason: 'Redo research',
        }),
        request({
          id: 2,
          kind: 'move_back',
          from_phase: 'design',
          to_phase: 'discovery',
          evidence: '',
          requested_at: '2026-11-20T10:00:00.000Z',
          status: 'moved_back',
          closed_at: '2026-11-20T10:00:00.000Z',
          requested_by_name: 'Dana Whitfield',
          requested_by_agency: 'OMB',
          override_reason: 'Redo research',
        }),
      ],
      [
        {
          id: 9,
          at: '2026-11-19T12:00:00.000Z',
          phase: 'discovery',
          code: 'USDA',
          person_name: 'Luis Ortega',
          person_agency: 'USDA',
        },
      ],
    );
    expect(out).toEqual([
      'Dana Whitfield (OMB) moved the project back from Design to Discovery. | Reason: Redo research',
      'The request to move to Design was closed when the project was moved back.',
      'Luis Ortega (USDA) re-affirmed USDA’s concurrence with the project in Discovery.',
      'Marcus Oyelaran (HHS) asked to move the project from Discovery to Design, asking USDA and HHS to concur. | Evidence: Interviews done',
    ]);
  });

  it('nothing recorded gives an empty history', () => {
    expect(phaseTimeline([], [])).toEqual([]);
  });
});
