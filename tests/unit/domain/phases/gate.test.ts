import { describe, expect, it } from 'vitest';
import {
  agenciesDueForReview,
  decide,
  oneYearBefore,
  type GateActor,
  type GateEvent,
  type GateState,
} from '~/domain/phases/gate';
import { gateMay, type Role } from '~/domain/policy';

const HHS = 1;
const USDA = 2;
const SSA = 3;

const PORTFOLIO = 1;

/** A person holding `role` in the project's portfolio, as the policy sees them. */
const actor = (role: Role, pocAgencyIds: number[] = []): GateActor => ({
  may: gateMay(
    {
      personId: 1,
      agencyId: pocAgencyIds[0] ?? HHS,
      isOmbLead: role === 'omb_lead',
      memberships: new Map(
        role === 'portfolio_lead'
          ? [[PORTFOLIO, 'lead']]
          : role === 'team_member'
            ? [[PORTFOLIO, 'member']]
            : role === 'viewer'
              ? [[PORTFOLIO, 'viewer']]
              : [],
      ),
      pocFor: pocAgencyIds.map((agencyId) => ({ portfolioId: PORTFOLIO, agencyId })),
      pmcFor: [],
    },
    PORTFOLIO,
  ),
  pocAgencyIds,
});
const team = actor('team_member');
const lead = actor('portfolio_lead');
const omb = actor('omb_lead');
const viewer = actor('viewer');
const hhsPoc = actor('agency_poc', [HHS]);
const usdaPoc = actor('agency_poc', [USDA]);
const ssaPoc = actor('agency_poc', [SSA]);

const discovery: GateState = { phase: 'discovery', involvedAgencyIds: [HHS, USDA], pending: null };
const pendingDesign = (
  answers: [number, 'concur' | 'concur_with_comments' | 'non_concur'][] = [],
): GateState => ({
  phase: 'discovery',
  involvedAgencyIds: [HHS, USDA],
  pending: { toPhase: 'design', involvedAgencyIds: [HHS, USDA], answers: new Map(answers) },
});

const request = (
  toPhase: GateState['phase'],
  evidence = 'Interviews with 9 families',
): GateEvent => ({
  type: 'request',
  toPhase,
  evidence,
});
const answer = (
  agencyId: number,
  a: 'concur' | 'concur_with_comments' | 'non_concur',
  comment = '',
): GateEvent => ({
  type: 'answer',
  agencyId,
  answer: a,
  comment,
});

describe('phase gate state machine: (phase, event, actor) → outcome', () => {
  it.each([
    // Requests
    {
      name: 'team member asks for Design from Discovery',
      state: discovery,
      event: request('design'),
      actor: team,
      expected: { result: 'requested', toPhase: 'design' },
    },
    {
      name: 'portfolio lead asks for Design',
      state: discovery,
      event: request('design'),
      actor: lead,
      expected: { result: 'requested' },
    },
    {
      name: 'OMB lead asks for Design',
      state: discovery,
      event: request('design'),
      actor: omb,
      expected: { result: 'requested' },
    },
    {
      name: 'a viewer cannot ask',
      state: discovery,
      event: request('design'),
      actor: viewer,
      expected: { code: 'forbidden' },
    },
    {
      name: 'a POC cannot ask',
      state: discovery,
      event: request('design'),
      actor: hhsPoc,
      expected: { code: 'forbidden' },
    },
    {
      name: 'no skipping: Discovery → Development',
      state: discovery,
      event: request('development'),
      actor: team,
      expected: { code: 'invalid', field: 'toPhase' },
    },
    {
      name: 'no asking for the current phase',
      state: discovery,
      event: request('discovery'),
      actor: team,
      expected: { code: 'invalid' },
    },
    {
      name: 'evidence is required',
      state: discovery,
      event: request('design', '   '),
      actor: team,
      expected: { code: 'invalid', field: 'evidence' },
    },
    {
      name: 'Measurement has no next phase',
      state: { ...discovery, phase: 'measurement' },
      event: request('measurement'),
      actor: team,
      expected: { code: 'invalid' },
    },
    {
      name: 'a second request while one is pending',
      state: pendingDesign(),
      event: request('design'),
      actor: team,
      expected: { code: 'conflict' },
    },
    {
      name: 'a project with no involved agencies',
      state: { ...discovery, involvedAgencyIds: [] },
      event: request('design'),
      actor: team,
      expected: { code: 'invalid' },
    },
    // Answers
    {
      name: 'first concurrence waits for the other agency',
      state: pendingDesign(),
      event: answer(HHS, 'concur'),
      actor: hhsPoc,
      expected: { result: 'answered', waitingFor: [USDA] },
    },
    {
      name: 'last concurrence (with comments) advances',
      state: pendingDesign([[HHS, 'concur']]),
      event: answer(USDA, 'concur_with_comments', 'Add rural sites'),
      actor: usdaPoc,
      expected: { result: 'advanced', toPhase: 'design', by: 'concurrence' },
    },
    {
      name: 'concur with comments needs a comment',
      state: pendingDesign(),
      event: answer(HHS, 'concur_with_comments', ' '),
      actor: hhsPoc,
      expected: { code: 'invalid', field: 'comment' },
    },
    {
      name: 'non-concur needs a comment',
      state: pendingDesign(),
      event: answer(HHS, 'non_concur'),
      actor: hhsPoc,
      expected: { code: 'invalid', field: 'comment' },
    },
    {
      name: 'non-concur holds the project',
      state: pendingDesign([[HHS, 'concur']]),
      event: answer(USDA, 'non_concur', 'Evidence too thin'),
      actor: usdaPoc,
      expected: { result: 'held', by: 'non_concur' },
    },
    {
      name: 'a POC cannot answer for another agency',
      state: pendingDesign(),
      event: answer(USDA, 'concur'),
      actor: hhsPoc,
      expected: { code: 'forbidden' },
    },
    {
      name: 'an uninvolved agency’s POC cannot answer',
      state: pendingDesign(),
      event: answer(SSA, 'concur'),
      actor: ssaPoc,
      expected: { code: 'forbidden' },
    },
    {
      name: 'an OMB lead cannot answer for an agency',
      state: pendingDesign(),
      event: answer(HHS, 'concur'),
      actor: omb,
      expected: { code: 'forbidden' },
    },
    {
      name: 'a double-submitted answer',
      state: pendingDesign([[HHS, 'concur']]),
      event: answer(HHS, 'concur'),
      actor: hhsPoc,
      expected: { code: 'conflict' },
    },
    {
      name: 'an answer with no open request',
      state: discovery,
      event: answer(HHS, 'concur'),
      actor: hhsPoc,
      expected: { code: 'conflict' },
    },
    // POC change mid-review: the former POC no longer answers; the new one does.
    {
      name: 'a former POC after the change',
      state: pendingDesign(),
      event: answer(HHS, 'concur'),
      actor: actor('viewer', []),
      expected: { code: 'forbidden' },
    },
    {
      name: 'the new POC answers the pending request',
      state: pendingDesign([[USDA, 'concur']]),
      event: answer(HHS, 'concur'),
      actor: actor('agency_poc', [HHS]),
      expected: { result: 'advanced', toPhase: 'design' },
    },
    // Overrides
    {
      name: 'OMB lead advances with a reason',
      state: pendingDesign(),
      event: { type: 'override', decision: 'advance', reason: 'PMC decision' } as GateEvent,
      actor: omb,
      expected: { result: 'advanced', by: 'override' },
    },
    {
      name: 'OMB lead holds with a reason',
      state: pendingDesign(),
      event: { type: 'override', decision: 'hold', reason: 'Await evaluation' } as GateEvent,
      actor: omb,
      expected: { result: 'held', by: 'override' },
    },
    {
      name: 'an override needs a reason',
      state: pendingDesign(),
      event: { type: 'override', decision: 'advance', reason: '' } as GateEvent,
      actor: omb,
      expected: { code: 'invalid', field: 'reason' },
    },
    {
      name: 'a portfolio lead cannot override',
      state: pendingDesign(),
      event: { type: 'override', decision: 'advance', reason: 'x' } as GateEvent,
      actor: lead,
      expected: { code: 'forbidden' },
    },
    {
      name: 'an override with nothing pending',
      state: discovery,
      event: { type: 'override', decision: 'advance', reason: 'x' } as GateEvent,
      actor: omb,
      expected: { code: 'conflict' },
    },
    // Moving back
    {
      name: 'OMB lead moves back with a reason',
      state: { ...discovery, phase: 'development' },
      event: { type: 'move_back', toPhase: 'design', reason: 'Pilot failed' } as GateEvent,
      actor: omb,
      expected: { result: 'moved_back', toPhase: 'design' },
    },
    {
      name: 'moving back needs an OMB lead',
      state: { ...discovery, phase: 'development' },
      event: { type: 'move_back', toPhase: 'design', reason: 'x' } as GateEvent,
      actor: lead,
      expected: { code: 'forbidden' },
    },
    {
      name: 'moving back needs a reason',
      state: { ...discovery, phase: 'development' },
      event: { type: 'move_back', toPhase: 'design', reason: '' } as GateEvent,
      actor: omb,
      expected: { code: 'invalid' },
    },
    {
      name: '"moving back" forward is refused',
      state: { ...discovery, phase: 'design' },
      event: { type: 'move_back', toPhase: 'development', reason: 'x' } as GateEvent,
      actor: omb,
      expected: { code: 'invalid' },
    },
    // Annual re-affirmation
    {
      name: 'an involved POC re-affirms',
      state: discovery,
      event: { type: 'reaffirm', agencyId: HHS } as GateEvent,
      actor: hhsPoc,
      expected: { result: 'reaffirmed' },
    },
    {
      name: 'an uninvolved POC cannot re-affirm',
      state: discovery,
      event: { type: 'reaffirm', agencyId: SSA } as GateEvent,
      actor: ssaPoc,
      expected: { code: 'forbidden' },
    },
  ] as { name: string; state: GateState; event: GateEvent; actor: GateActor; expected: object }[])(
    '$name',
    ({ state, event, actor, expected }) => {
      expect(decide(state, event, actor)).toMatchObject(expected);
    },
  );

  it('a non-concur, then a new request, then concurrence advances', () => {
    const held = decide(pendingDesign(), answer(HHS, 'non_concur', 'Not yet'), hhsPoc);
    expect(held).toMatchObject({ result: 'held' });
    // After the hold the request is closed; the team asks again with new evidence.
    expect(decide(discovery, request('design', 'Nine more interviews'), team)).toMatchObject({
      result: 'requested',
    });
    expect(decide(pendingDesign(), answer(HHS, 'concur'), hhsPoc)).toMatchObject({
      result: 'answered',
    });
    expect(decide(pendingDesign([[HHS, 'concur']]), answer(USDA, 'concur'), usdaPoc)).toMatchObject(
      { result: 'advanced' },
    );
  });
});

describe('annual review (A-11 280.16)', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    {
      name: 'never concurred, entered the phase 2 months ago: not due',
      entered: '2026-09-22',
      last: [],
      due: [],
    },
    {
      name: 'never concurred, entered the phase 13 months ago: due',
      entered: '2025-10-22',
      last: [],
      due: [HHS, USDA],
    },
    {
      name: 'concurred 13 months ago in this phase: due',
      entered: '2025-09-01',
      last: [
        [HHS, '2025-10-22'],
        [USDA, '2025-10-22'],
      ],
      due: [HHS, USDA],
    },
    {
      name: 're-affirmed this year: not due; the other agency still is',
      entered: '2025-09-01',
      last: [
        [HHS, '2026-10-01'],
        [USDA, '2025-10-22'],
      ],
      due: [USDA],
    },
    {
      name: 'both within 12 months',
      entered: '2025-01-01',
      last: [
        [HHS, '2026-01-10'],
        [USDA, '2025-11-23'],
      ],
      due: [],
    },
    {
      name: 'a concurrence from an earlier phase does not count, but the new phase is young',
      entered: '2026-06-01',
      last: [
        [HHS, '2024-03-01'],
        [USDA, '2026-07-01'],
      ],
      due: [],
    },
    {
      name: 'exactly 12 months is not yet due',
      entered: '2025-11-22T12:00:00Z',
      last: [[HHS, '2025-11-22T12:00:00Z']],
      due: [],
    },
    {
      name: 'a moment over 12 months is due',
      entered: '2025-11-22T11:59:59Z',
      last: [],
      due: [HHS, USDA],
    },
  ] as { name: string; entered: string; last: [number, string][]; due: number[] }[])(
    '$name',
    ({ entered, last, due }) => {
      const map = new Map(last.map(([id, d]) => [id, new Date(d)]));
      expect(agenciesDueForReview([HHS, USDA], map, new Date(entered), now)).toEqual(due);
    },
  );

  it.each([
    // Entered on a leap day: the anniversary is taken as 28 February.
    { entered: '2024-02-29T12:00:00Z', now: '2025-02-28T12:00:00Z', due: false },
    { entered: '2024-02-29T12:00:00Z', now: '2025-03-01T12:00:00Z', due: true },
    // Checked on a leap day: one year before is 28 February, not 1 March.
    { entered: '2023-02-28T11:00:00Z', now: '2024-02-29T12:00:00Z', due: true },
    { entered: '2023-03-01T00:00:00Z', now: '2024-02-29T12:00:00Z', due: false },
  ])('leap day: entered $entered, checked $now → due $due', ({ entered, now: at, due }) => {
    expect(agenciesDueForReview([HHS], new Map(), new Date(entered), new Date(at))).toEqual(
      due ? [HHS] : [],
    );
  });

  it.each([
    ['2026-11-22T12:00:00Z', '2025-11-22T12:00:00.000Z'],
    ['2024-02-29T08:00:00Z', '2023-02-28T08:00:00.000Z'],
    ['2025-03-31T00:00:00Z', '2024-03-31T00:00:00.000Z'],
  ])('one year before %s is %s', (now, expected) => {
    expect(oneYearBefore(new Date(now)).toISOString()).toBe(expected);
  });
});
