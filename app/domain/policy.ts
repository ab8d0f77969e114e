/**
 * Who may do what: the one place permissions are decided (docs/rules.md#roles;
 * A-11 280.16 for POCs and PMC members). Pure: the caller loads the user's roles.
 */

export type Role =
  'omb_lead' | 'portfolio_lead' | 'team_member' | 'agency_poc' | 'pmc_member' | 'viewer';

export const ROLE_LABELS: Record<Role, string> = {
  omb_lead: 'OMB lead',
  portfolio_lead: 'Portfolio lead',
  team_member: 'Team member',
  agency_poc: 'Agency POC',
  pmc_member: 'PMC member',
  viewer: 'Viewer',
};

/** What a signed-in person holds; built from the database by the session loader. */
export interface UserRoles {
  personId: number;
  agencyId: number;
  isOmbLead: boolean;
  /** Portfolio id → membership role. */
  memberships: ReadonlyMap<number, 'lead' | 'member' | 'viewer'>;
  /** Current POC assignments. */
  pocFor: ReadonlyArray<{ portfolioId: number; agencyId: number }>;
  /** PMC member assignments (signs the charter for the agency). */
  pmcFor: ReadonlyArray<{ portfolioId: number; agencyId: number }>;
}

export type Action =
  | 'program.read'
  | 'account.edit'
  | 'portfolio.read'
  | 'portfolio.create'
  | 'portfolio.edit'
  | 'portfolio.assign_poc'
  | 'charter.edit'
  | 'charter.sign'
  | 'project.create'
  | 'project.edit'
  | 'milestone.edit'
  | 'phase.request'
  | 'phase.answer'
  | 'phase.override'
  /** Moving a project back to an earlier phase. */
  | 'phase.move_back'
  /** Re-affirming an agency's concurrence for the year (A-11 280.16, "annually"). */
  | 'phase.reaffirm'
  | 'audit.read'
  | 'journey.edit'
  | 'burden.edit'
  | 'settings.edit'
  | 'research.edit'
  | 'clearance.edit'
  | 'pra.override'
  | 'plan.edit'
  | 'plan.set_due_dates'
  /** Moving a final plan back to draft. */
  | 'plan.reopen'
  | 'pmc.manage'
  /**
   * Reading a PMC update before it is published: the draft is OMB's working text until the lead
   * publishes it to the PMC (issue 23; decision 040). Published and withdrawn updates are read by all.
   */
  | 'pmc.read_draft'
  /** A project's success measures and their actual values (issue 20). */
  | 'measure.edit'
  /** A pilot's evaluation plans: writing one, starting it and reporting its findings. */
  | 'evaluation.edit'
  /** Approving an evaluation plan's design (and taking it back to draft). */
  | 'evaluation.approve'
  /** Post-transaction survey collections: adding, editing, importing a quarter's data. */
  | 'survey.edit'
  /** Deleting an archived journey map, burden assessment or research activity for good. */
  | 'record.delete'
  /**
   * Granting and reviewing access to a portfolio: inviting people, deciding access requests,
   * the quarterly access review and removing someone's role (issue 21).
   */
  | 'access.manage'
  /** Inviting another OMB lead: access to the whole program. */
  | 'access.invite_omb_lead'
  /** Seeing who from one's own agency has access to what (an agency's POC, issue 21). */
  | 'access.agency_view'
  /** The notification email outbox: what waits, what was given up on, and why (issue 22). */
  | 'mail.outbox';

export interface Target {
  portfolioId?: number;
  /** The agency acted for, where an action is an agency's (a concurrence, a signature). */
  agencyId?: number;
  /** A project's phase gate as it is now, for the phase actions (see STATE). */
  gate?: GateFacts;
}

/** What the phase actions need to know about a project's gate. */
export interface GateFacts {
  /** A request to move to the next phase is waiting for answers. */
  pending: boolean;
  /** The agencies involved in the project now. */
  involvedAgencyIds: readonly number[];
  /** The agencies the pending request asked (those involved when it was made). */
  askedAgencyIds: readonly number[];
  /** The agencies that have answered the pending request. */
  answeredAgencyIds: readonly number[];
}

/** Roles a person holds in one portfolio (OMB leads hold theirs everywhere). */
export function rolesIn(user: UserRoles, portfolioId: number | undefined): Set<Role> {
  const roles = new Set<Role>();
  if (user.isOmbLead) roles.add('omb_lead');
  if (portfolioId === undefined) return roles;
  const membership = user.memberships.get(portfolioId);
  if (membership === 'lead') roles.add('portfolio_lead');
  if (membership === 'member') roles.add('team_member');
  if (membership === 'viewer') roles.add('viewer');
  if (user.pocFor.some((p) => p.portfolioId === portfolioId)) roles.add('agency_poc');
  if (user.pmcFor.some((p) => p.portfolioId === portfolioId)) roles.add('pmc_member');
  return roles;
}

/** Every role a person holds anywhere in the program. */
export function rolesAnywhere(user: Omit<UserRoles, 'personId' | 'agencyId'>): Set<Role> {
  const roles = new Set<Role>();
  if (user.isOmbLead) roles.add('omb_lead');
  for (const role of user.memberships.values()) {
    roles.add(role === 'lead' ? 'portfolio_lead' : role === 'member' ? 'team_member' : 'viewer');
  }
  if (user.pocFor.length > 0) roles.add('agency_poc');
  if (user.pmcFor.length > 0) roles.add('pmc_member');
  return roles;
}

/** Actions about the person's own agency, not a portfolio: a role held anywhere counts. */
const PROGRAM_WIDE: ReadonlySet<Action> = new Set<Action>(['access.agency_view']);

/** The role × action table. `true` for every signed-in person; otherwise the roles allowed. */
export const GRANTS: Record<Action, true | readonly Role[]> = {
  'program.read': true,
  // Everyone keeps their own account's settings (their time zone); no one else's.
  'account.edit': true,
  'portfolio.read': true,
  'portfolio.create': ['omb_lead'],
  'portfolio.edit': ['omb_lead'],
  'portfolio.assign_poc': ['omb_lead'],
  'charter.edit': ['omb_lead', 'portfolio_lead'],
  'charter.sign': ['pmc_member'],
  'project.create': ['omb_lead', 'portfolio_lead', 'team_member'],
  'project.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  'milestone.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  'phase.request': ['omb_lead', 'portfolio_lead', 'team_member'],
  'phase.answer': ['agency_poc'],
  'phase.override': ['omb_lead'],
  'phase.move_back': ['omb_lead'],
  'phase.reaffirm': ['agency_poc'],
  'audit.read': ['omb_lead'],
  'journey.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  'burden.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  'settings.edit': ['omb_lead'],
  'research.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  'clearance.edit': ['omb_lead', 'portfolio_lead'],
  'pra.override': ['omb_lead'],
  'plan.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  // A plan's due dates follow OMB's calendar for the year (A-11 280.12): OMB leads set them.
  'plan.set_due_dates': ['omb_lead'],
  // A final plan is what OMB received; reopening it is an OMB lead's decision.
  'plan.reopen': ['omb_lead'],
  'pmc.manage': ['omb_lead'],
  'pmc.read_draft': ['omb_lead'],
  'measure.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  'evaluation.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  // The design is the leads' to approve before the data arrives (GAO-12-208G).
  'evaluation.approve': ['omb_lead', 'portfolio_lead'],
  'survey.edit': ['omb_lead', 'portfolio_lead', 'team_member'],
  // Deleting for good is OMB's call, with a reason; everyone else archives (docs/decisions/023).
  'record.delete': ['omb_lead'],
  // A portfolio's lead grants and reviews access to it; OMB leads to every portfolio (NIST AC-2).
  'access.manage': ['omb_lead', 'portfolio_lead'],
  'access.invite_omb_lead': ['omb_lead'],
  'access.agency_view': ['omb_lead', 'agency_poc'],
  // Whether the program's email reaches people is the program office's to watch.
  'mail.outbox': ['omb_lead'],
};

/** Actions taken on behalf of one agency: the person must hold the role *for that agency*. */
const AGENCY_BOUND: Partial<Record<Action, 'pocFor' | 'pmcFor'>> = {
  'phase.answer': 'pocFor',
  'phase.reaffirm': 'pocFor',
  'charter.sign': 'pmcFor',
};

/**
 * What the state of the record must be, for actions that depend on it (A-11 280.16): a request
 * only when none is waiting; an answer only to a waiting request, for an involved agency that has
 * not answered; an override only of a waiting request; a re-affirmation only for an involved
 * agency. Checked when the target carries the state (`gate`); the role checks apply always.
 */
const STATE: Partial<Record<Action, (target: Target, gate: GateFacts) => boolean>> = {
  'phase.request': (_, gate) => !gate.pending,
  'phase.answer': (t, gate) =>
    gate.pending &&
    gate.askedAgencyIds.includes(t.agencyId!) &&
    !gate.answeredAgencyIds.includes(t.agencyId!),
  'phase.override': (_, gate) => gate.pending,
  'phase.reaffirm': (t, gate) => gate.involvedAgencyIds.includes(t.agencyId!),
};

/** May `user` take `action` on `target`? Anonymous visitors (null) may do nothing. */
export function can(user: UserRoles | null, action: Action, target: Target = {}): boolean {
  if (!user) return false;
  const grant = GRANTS[action];
  if (grant === true) return true;
  const held = PROGRAM_WIDE.has(action) ? rolesAnywhere(user) : rolesIn(user, target.portfolioId);
  if (!grant.some((role) => held.has(role))) return false;
  const bound = AGENCY_BOUND[action];
  if (bound) {
    if (target.agencyId === undefined) return false;
    const holds = user[bound].some(
      (a) => a.portfolioId === target.portfolioId && a.agencyId === target.agencyId,
    );
    if (!holds) return false;
  }
  const state = STATE[action];
  return !state || !target.gate || state(target, target.gate);
}

/** What a person's roles let them do at a project's phase gate (gate.ts checks the state). */
export function gateMay(user: UserRoles, portfolioId: number) {
  const target = { portfolioId };
  return {
    request: can(user, 'phase.request', target),
    override: can(user, 'phase.override', target),
    moveBack: can(user, 'phase.move_back', target),
  };
}
