/** Who hears of what at a phase gate (app/domain/notifications/phase-gate.ts), as a table. */
import { describe, expect, it } from 'vitest';
import { gateNotifications, type GateNotice } from '~/domain/notifications/phase-gate';
import type { GateEvent, GateOutcome } from '~/domain/phases/gate';

// People: 1 asked; 2 and 3 are USDA's POCs; 4 is HHS's; 9 is an OMB lead.
const notice = (over: Partial<GateNotice> = {}): GateNotice => ({
  project: { id: 7, name: 'Newborn Supply Kits', portfolioId: 3, phase: 'discovery' },
  requestId: 12,
  requestedBy: 1,
  toPhase: 'design',
  agencies: new Map([
    [10, { name: 'Department of Agriculture', pocIds: [2, 3] }],
    [20, { name: 'Department of Health and Human Services', pocIds: [4] }],
  ]),
  answeredBefore: [],
  actorId: 1,
  ...over,
});

type Done = Extract<GateOutcome, { ok: true }>;
const answer = (agencyId: number, a: 'concur' | 'non_concur', comment = ''): GateEvent => ({
  type: 'answer',
  agencyId,
  answer: a,
  comment,
});

const cases: {
  what: string;
  notice: GateNotice;
  event: GateEvent;
  outcome: Done;
  told: [person: number, kind: string, source: string, title: string][];
}[] = [
  {
    what: 'a request: every POC of every agency asked, not the person asking',
    notice: notice({ requestedBy: null }),
    event: { type: 'request', toPhase: 'design', evidence: 'Interviews done.' },
    outcome: { ok: true, result: 'requested', toPhase: 'design' },
    told: [
      [
        2,
        'phase_request_waiting',
        'phase_request:12',
        'Newborn Supply Kits: Department of Agriculture is asked to concur with moving to Design',
      ],
      [
        3,
        'phase_request_waiting',
        'phase_request:12',
        'Newborn Supply Kits: Department of Agriculture is asked to concur with moving to Design',
      ],
      [
        4,
        'phase_request_waiting',
        'phase_request:12',
        'Newborn Supply Kits: Department of Health and Human Services is asked to concur with moving to Design',
      ],
    ],
  },
  {
    what: 'a request by someone who is also a POC of an agency asked: not told of their own',
    notice: notice({ requestedBy: null, actorId: 4 }),
    event: { type: 'request', toPhase: 'design', evidence: 'Interviews done.' },
    outcome: { ok: true, result: 'requested', toPhase: 'design' },
    told: [
      [
        2,
        'phase_request_waiting',
        'phase_request:12',
        'Newborn Supply Kits: Department of Agriculture is asked to concur with moving to Design',
      ],
      [
        3,
        'phase_request_waiting',
        'phase_request:12',
        'Newborn Supply Kits: Department of Agriculture is asked to concur with moving to Design',
      ],
    ],
  },
  {
    what: 'an answer that leaves others waiting: the person who asked, per agency',
    notice: notice({ actorId: 2 }),
    event: answer(10, 'concur'),
    outcome: { ok: true, result: 'answered', waitingFor: [20] },
    told: [
      [
        1,
        'phase_request_answered',
        'phase_request:12:agency:10',
        'Newborn Supply Kits: Department of Agriculture concurred',
      ],
    ],
  },
  {
    what: 'the last concurrence: one notification says the project moved',
    notice: notice({ actorId: 4, answeredBefore: [10] }),
    event: answer(20, 'concur'),
    outcome: { ok: true, result: 'advanced', toPhase: 'design', by: 'concurrence' },
    told: [
      [
        1,
        'phase_request_decided',
        'phase_request:12:decided',
        'Newborn Supply Kits moved to Design: every agency concurred',
      ],
    ],
  },
  {
    what: 'a non-concurrence holds the project',
    notice: notice({ actorId: 4 }),
    event: answer(20, 'non_concur', 'Not yet.'),
    outcome: { ok: true, result: 'held', by: 'non_concur' },
    told: [
      [
        1,
        'phase_request_decided',
        'phase_request:12:decided',
        'Newborn Supply Kits stays in Discovery: Department of Health and Human Services did not concur',
      ],
    ],
  },
  {
    what: 'an override: the person who asked and the POCs who had not answered',
    notice: notice({ actorId: 9, answeredBefore: [10] }),
    event: { type: 'override', decision: 'advance', reason: 'Deadline.' },
    outcome: { ok: true, result: 'advanced', toPhase: 'design', by: 'override' },
    told: [
      [
        1,
        'phase_override',
        'phase_request:12:override',
        'Newborn Supply Kits moved to Design by an OMB lead',
      ],
      [
        4,
        'phase_override',
        'phase_request:12:override',
        'Newborn Supply Kits moved to Design by an OMB lead',
      ],
    ],
  },
  {
    what: 'an override to hold, by an OMB lead who also asked: only the POCs',
    notice: notice({ actorId: 1 }),
    event: { type: 'override', decision: 'hold', reason: 'Wait for the pilot.' },
    outcome: { ok: true, result: 'held', by: 'override' },
    told: [
      [
        2,
        'phase_override',
        'phase_request:12:override',
        'Newborn Supply Kits held in Discovery by an OMB lead',
      ],
      [
        3,
        'phase_override',
        'phase_request:12:override',
        'Newborn Supply Kits held in Discovery by an OMB lead',
      ],
      [
        4,
        'phase_override',
        'phase_request:12:override',
        'Newborn Supply Kits held in Discovery by an OMB lead',
      ],
    ],
  },
  {
    what: 'a move back tells no one (the history records it)',
    notice: notice({ actorId: 9 }),
    event: { type: 'move_back', toPhase: 'discovery', reason: 'Rethink.' },
    outcome: { ok: true, result: 'moved_back', toPhase: 'discovery' },
    told: [],
  },
];

describe('phase-gate notifications', () => {
  it.each(cases)('$what', ({ notice, event, outcome, told }) => {
    const drafts = gateNotifications(notice, event, outcome);
    expect(drafts.map((d) => [d.personId, d.kind, d.source, d.title])).toEqual(told);
    for (const d of drafts) {
      expect(d.link).toBe('/projects/7/phase');
      expect(d.portfolioId).toBe(3);
    }
  });

  it('an answer’s comment and an override’s reason are in the body', () => {
    const [answered] = gateNotifications(
      notice({ actorId: 4 }),
      answer(20, 'non_concur', 'Not yet.'),
      { ok: true, result: 'held', by: 'non_concur' },
    );
    expect(answered!.body).toContain('“Not yet.”');
    const [overridden] = gateNotifications(
      notice({ actorId: 9 }),
      { type: 'override', decision: 'advance', reason: 'Deadline.' },
      { ok: true, result: 'advanced', toPhase: 'design', by: 'override' },
    );
    expect(overridden!.body).toContain('“Deadline.”');
  });
});
