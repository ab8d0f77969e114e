/**
 * Who hears of what about access (issue 21, point 3; issue 22, point 1):
 *
 * - an access request: the leads of the portfolio asked for, or, when it has none, the OMB
 *   leads, who decide it;
 * - an approved request: the person, whose account it made or linked (a declined one has no
 *   account to tell: the person reads the outcome where they signed in);
 * - an account turned off: the leads of each portfolio the person was in (NIST SP 800-53
 *   AC-2(3): the account's manager is told).
 */
import { addressed, type NotificationDraft } from './kinds';

/** A portfolio role as a sentence reads it. */
const AS_ROLE: Record<string, string> = {
  lead: 'a portfolio lead',
  member: 'a team member',
  viewer: 'a viewer',
};

export interface PortfolioLeads {
  id: number;
  name: string;
  slug: string;
  leadIds: readonly number[];
}

export function accessRequestWaiting(input: {
  requestId: number;
  name: string;
  email: string;
  role: string;
  portfolio: PortfolioLeads;
  ombLeadIds: readonly number[];
}): NotificationDraft[] {
  const { portfolio } = input;
  const deciders = portfolio.leadIds.length > 0 ? portfolio.leadIds : input.ombLeadIds;
  return addressed(
    deciders.map((personId) => ({
      personId,
      kind: 'access_request_waiting',
      source: `access_request:${input.requestId}`,
      title: `${input.name} asks for access to ${portfolio.name}`,
      body: `${input.name} (${input.email}) asks to join ${portfolio.name} as ${AS_ROLE[input.role] ?? input.role}. Approve or decline it with a note on the request’s page.`,
      link: `/access/requests/${input.requestId}`,
      portfolioId: portfolio.id,
    })),
    0,
  );
}

export function accessRequestApproved(input: {
  requestId: number;
  personId: number;
  role: string;
  portfolio: { id: number; name: string; slug: string };
  actorId: number;
}): NotificationDraft[] {
  return addressed(
    [
      {
        personId: input.personId,
        kind: 'access_request_decided',
        source: `access_request:${input.requestId}`,
        title: `You have access to ${input.portfolio.name}`,
        body: `Your request was approved: you are ${AS_ROLE[input.role] ?? input.role} of ${input.portfolio.name}.`,
        link: `/portfolios/${input.portfolio.slug}`,
        portfolioId: input.portfolio.id,
      },
    ],
    input.actorId,
  );
}

const REASONS = {
  inactive: 'it was not used for the period the workspace allows',
  removed: 'it was removed at an access review',
} as const;

export function accountTurnedOff(input: {
  personId: number;
  name: string;
  reason: keyof typeof REASONS | string;
  at: string;
  portfolios: readonly PortfolioLeads[];
  actorId: number | null;
}): NotificationDraft[] {
  const why = REASONS[input.reason as keyof typeof REASONS] ?? input.reason;
  return addressed(
    input.portfolios.flatMap((p) =>
      p.leadIds.map((personId) => ({
        personId,
        kind: 'account_turned_off' as const,
        source: `account:${input.personId}:off:${input.at}`,
        title: `${input.name}’s account was turned off`,
        body: `${input.name} can no longer sign in to the workspace: ${why}. They keep their place in ${p.name}’s history; invite them again if they still need access.`,
        link: `/portfolios/${p.slug}/access-review`,
        portfolioId: p.id,
      })),
    ),
    input.actorId ?? 0,
  );
}
