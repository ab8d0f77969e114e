/**
 * Who a person the OpenID provider vouched for is in the workspace (issue 21, point 2;
 * decision 037). Pure: the caller loads the link, the account with the same email, the
 * invitation and the latest access request, and acts on the outcome.
 *
 * - The provider's subject (`iss` + `sub`) is the identity. Once linked, it decides alone: a
 *   person who changes the email at Login.gov is still the same person here.
 * - The first sign-in links the subject to an existing account, or creates the account an
 *   invitation describes, only by an email the provider says it verified.
 * - Only email domains on the deployment's allow-list (.gov, .mil and named partners) get in.
 * - An account turned off (unused too long, or removed at a review) opens again only when someone
 *   invites the person again.
 */

/** What the provider said about the person. */
export interface VerifiedClaims {
  subject: string;
  email: string;
  emailVerified: boolean;
}

export interface MatchFacts {
  claims: VerifiedClaims;
  /** Allow-list entries: `.gov` is any domain ending in .gov; `partner.org` is it and its subdomains. */
  allowedDomains: readonly string[];
  /** The person the subject is already linked to. */
  linked: { personId: number; deactivated: boolean } | null;
  /** The account whose email is the claims' email, if any. */
  byEmail: { personId: number; deactivated: boolean; linkedToOther: boolean } | null;
  /** The invitation open for the email now (not expired, revoked or used). */
  invitation: { id: number } | null;
}

export type MatchOutcome =
  | { kind: 'sign_in'; personId: number; invitationId: number | null }
  | { kind: 'link'; personId: number; invitationId: number | null }
  | { kind: 'accept_invitation'; invitationId: number }
  | { kind: 'request_access' }
  | { kind: 'refuse'; reason: RefusalReason };

export type RefusalReason =
  'domain' | 'email_unverified' | 'deactivated' | 'email_linked_elsewhere';

/** The domain of an email, lower case; null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** Is the email's domain on the allow-list? */
export function domainAllowed(email: string, allowed: readonly string[]): boolean {
  const domain = emailDomain(email);
  if (!domain || !/^[a-z0-9.-]+$/.test(domain) || domain.includes('..')) return false;
  return allowed.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry.startsWith('.')) return domain.endsWith(entry) && domain.length > entry.length;
    return domain === entry || domain.endsWith(`.${entry}`);
  });
}

export function matchSignIn(facts: MatchFacts): MatchOutcome {
  const { claims } = facts;
  if (!domainAllowed(claims.email, facts.allowedDomains)) return refuse('domain');
  // An account turned off opens again only by a new invitation.
  const invitationId = facts.invitation?.id ?? null;
  if (facts.linked) {
    return facts.linked.deactivated && invitationId === null
      ? refuse('deactivated')
      : { kind: 'sign_in', personId: facts.linked.personId, invitationId };
  }
  // Linking by email is only as good as the provider's word that the email is theirs.
  if (!claims.emailVerified) return refuse('email_unverified');
  if (facts.byEmail) {
    if (facts.byEmail.linkedToOther) return refuse('email_linked_elsewhere');
    if (facts.byEmail.deactivated && invitationId === null) return refuse('deactivated');
    return { kind: 'link', personId: facts.byEmail.personId, invitationId };
  }
  if (facts.invitation) return { kind: 'accept_invitation', invitationId: facts.invitation.id };
  return { kind: 'request_access' };
}

function refuse(reason: RefusalReason): MatchOutcome {
  return { kind: 'refuse', reason };
}

/** The page a refused sign-in shows: a heading and what the person can do. */
export const REFUSALS: Record<RefusalReason, { heading: string; body: string }> = {
  domain: {
    heading: 'This email address cannot sign in here',
    body: 'The workspace is for people at federal agencies and the partners it lists. Sign in with your work email at a .gov or .mil address, or ask an OMB lead to add your organization.',
  },
  email_unverified: {
    heading: 'Your email address is not confirmed yet',
    body: 'Your sign-in provider has not confirmed that this email address is yours. Confirm it with the provider, then sign in again.',
  },
  deactivated: {
    heading: 'Your access has been turned off',
    body: 'Your account was turned off, either after a long time without use or at an access review. Ask your portfolio lead or an OMB lead to invite you again.',
  },
  email_linked_elsewhere: {
    heading: 'This email address belongs to another sign-in',
    body: 'The account with this email address already signs in with a different identity at the provider. Sign in with that identity, or ask an OMB lead for help.',
  },
};
