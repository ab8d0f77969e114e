import { describe, expect, it } from 'vitest';
import {
  can,
  GRANTS,
  type Action,
  type GateFacts,
  type Role,
  type UserRoles,
} from '~/domain/policy';

const PORTFOLIO = 1;
const OTHER_PORTFOLIO = 2;
const AGENCY = 10;
const OTHER_AGENCY = 11;

/** A person holding exactly one role, in portfolio 1, for agency 10. */
function userWith(role: Role): UserRoles {
  return {
    personId: 1,
    agencyId: AGENCY,
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
    pocFor: role === 'agency_poc' ? [{ portfolioId: PORTFOLIO, agencyId: AGENCY }] : [],
    pmcFor: role === 'pmc_member' ? [{ portfolioId: PORTFOLIO, agencyId: AGENCY }] : [],
  };
}

// The role × action table (docs/rules.md#roles). ✓ = allowed in the person's own portfolio,
// acting for their own agency where the action is an agency's.
const Y = true;
const N = false;
const TABLE: Record<Action, Record<Role, boolean>> = {
  //                        omb  lead  team  poc  pmc  viewer
  'program.read': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: Y,
    pmc_member: Y,
    viewer: Y,
  },
  'account.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: Y,
    pmc_member: Y,
    viewer: Y,
  },
  'portfolio.read': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: Y,
    pmc_member: Y,
    viewer: Y,
  },
  'portfolio.create': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'portfolio.edit': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'portfolio.assign_poc': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'charter.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'charter.sign': {
    omb_lead: N,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: Y,
    viewer: N,
  },
  'project.create': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'project.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'milestone.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'measure.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'evaluation.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'evaluation.approve': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'access.manage': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'access.invite_omb_lead': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'access.agency_view': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: Y,
    pmc_member: N,
    viewer: N,
  },
  'survey.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'phase.request': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'phase.answer': {
    omb_lead: N,
    portfolio_lead: N,
    team_member: N,
    agency_poc: Y,
    pmc_member: N,
    viewer: N,
  },
  'phase.override': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'phase.move_back': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'phase.reaffirm': {
    omb_lead: N,
    portfolio_lead: N,
    team_member: N,
    agency_poc: Y,
    pmc_member: N,
    viewer: N,
  },
  'audit.read': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'pmc.read_draft': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'mail.outbox': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'journey.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'burden.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'settings.edit': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'research.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'clearance.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'pra.override': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'plan.edit': {
    omb_lead: Y,
    portfolio_lead: Y,
    team_member: Y,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'plan.set_due_dates': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'plan.reopen': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'pmc.manage': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
  'record.delete': {
    omb_lead: Y,
    portfolio_lead: N,
    team_member: N,
    agency_poc: N,
    pmc_member: N,
    viewer: N,
  },
};

const ROLES: Role[] = [
  'omb_lead',
  'portfolio_lead',
  'team_member',
  'agency_poc',
  'pmc_member',
  'viewer',
];

describe('policy: role × action', () => {
  it('covers every action the policy grants', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(GRANTS).sort());
  });

  const cases = (Object.keys(TABLE) as Action[]).flatMap((action) =>
    ROLES.map((role) => ({ action, role, allowed: TABLE[action][role] })),
  );
  it.each(cases)('$role → $action: $allowed', ({ action, role, allowed }) => {
    expect(can(userWith(role), action, { portfolioId: PORTFOLIO, agencyId: AGENCY })).toBe(allowed);
  });

  it.each(Object.keys(TABLE) as Action[])('anonymous visitors may not %s', (action) => {
    expect(can(null, action, { portfolioId: PORTFOLIO, agencyId: AGENCY })).toBe(false);
  });
});

describe('policy: roles are per portfolio and per agency', () => {
  it.each([
    { role: 'portfolio_lead', action: 'project.edit' },
    { role: 'team_member', action: 'milestone.edit' },
    { role: 'agency_poc', action: 'phase.answer' },
    { role: 'pmc_member', action: 'charter.sign' },
  ] as const)('a $role of another portfolio may not $action here', ({ role, action }) => {
    expect(can(userWith(role), action, { portfolioId: OTHER_PORTFOLIO, agencyId: AGENCY })).toBe(
      false,
    );
  });

  it.each([
    { role: 'agency_poc', action: 'phase.answer' },
    { role: 'pmc_member', action: 'charter.sign' },
  ] as const)('a $role may not $action for another agency', ({ role, action }) => {
    expect(can(userWith(role), action, { portfolioId: PORTFOLIO, agencyId: OTHER_AGENCY })).toBe(
      false,
    );
    expect(can(userWith(role), action, { portfolioId: PORTFOLIO })).toBe(false);
  });

  it('a POC of any portfolio sees who from their agency has access (no portfolio needed)', () => {
    expect(can(userWith('agency_poc'), 'access.agency_view')).toBe(true);
    expect(can(userWith('portfolio_lead'), 'access.agency_view')).toBe(false);
    // Managing access is per portfolio: a lead of another portfolio may not.
    expect(can(userWith('portfolio_lead'), 'access.manage', { portfolioId: OTHER_PORTFOLIO })).toBe(
      false,
    );
  });

  it('an OMB lead acts in every portfolio', () => {
    expect(can(userWith('omb_lead'), 'phase.override', { portfolioId: OTHER_PORTFOLIO })).toBe(
      true,
    );
  });
});

// The phase actions with the gate's state (A-11 280.16): who may, *and* when. Agency 10 is the
// POC's own; 11 is another involved agency.
const idle: GateFacts = {
  pending: false,
  involvedAgencyIds: [AGENCY, OTHER_AGENCY],
  askedAgencyIds: [],
  answeredAgencyIds: [],
};
const waiting: GateFacts = { ...idle, pending: true, askedAgencyIds: [AGENCY, OTHER_AGENCY] };
const answered: GateFacts = { ...waiting, answeredAgencyIds: [AGENCY] };
const notInvolved: GateFacts = {
  ...waiting,
  involvedAgencyIds: [OTHER_AGENCY],
  askedAgencyIds: [OTHER_AGENCY],
};

describe('policy: role × action × gate state', () => {
  it.each([
    { role: 'team_member', action: 'phase.request', gate: idle, allowed: true },
    { role: 'team_member', action: 'phase.request', gate: waiting, allowed: false },
    { role: 'omb_lead', action: 'phase.request', gate: waiting, allowed: false },
    { role: 'viewer', action: 'phase.request', gate: idle, allowed: false },
    { role: 'agency_poc', action: 'phase.answer', gate: waiting, allowed: true },
    { role: 'agency_poc', action: 'phase.answer', gate: idle, allowed: false },
    { role: 'agency_poc', action: 'phase.answer', gate: answered, allowed: false },
    { role: 'agency_poc', action: 'phase.answer', gate: notInvolved, allowed: false },
    { role: 'team_member', action: 'phase.answer', gate: waiting, allowed: false },
    { role: 'omb_lead', action: 'phase.override', gate: waiting, allowed: true },
    { role: 'omb_lead', action: 'phase.override', gate: idle, allowed: false },
    { role: 'portfolio_lead', action: 'phase.override', gate: waiting, allowed: false },
    { role: 'omb_lead', action: 'phase.move_back', gate: idle, allowed: true },
    { role: 'omb_lead', action: 'phase.move_back', gate: waiting, allowed: true },
    { role: 'agency_poc', action: 'phase.reaffirm', gate: idle, allowed: true },
    { role: 'agency_poc', action: 'phase.reaffirm', gate: notInvolved, allowed: false },
    { role: 'portfolio_lead', action: 'phase.reaffirm', gate: idle, allowed: false },
  ] as const)(
    '$role → $action while the gate is $gate.pending pending: $allowed',
    ({ role, action, gate, allowed }) => {
      expect(can(userWith(role), action, { portfolioId: PORTFOLIO, agencyId: AGENCY, gate })).toBe(
        allowed,
      );
    },
  );

  it('a POC may not answer for another involved agency, even while a request waits', () => {
    expect(
      can(userWith('agency_poc'), 'phase.answer', {
        portfolioId: PORTFOLIO,
        agencyId: OTHER_AGENCY,
        gate: waiting,
      }),
    ).toBe(false);
  });
});
