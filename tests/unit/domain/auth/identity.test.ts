import { describe, expect, it } from 'vitest';
import { domainAllowed, matchSignIn, type MatchFacts } from '~/domain/auth/identity';

const DEFAULT = ['.gov', '.mil'];

describe('the email domain allow-list', () => {
  const cases: [string, readonly string[], boolean][] = [
    ['pat@hhs.gov', DEFAULT, true],
    ['pat@cms.hhs.gov', DEFAULT, true],
    ['pat@army.mil', DEFAULT, true],
    ['PAT@HHS.GOV', DEFAULT, true],
    ['pat@gmail.com', DEFAULT, false],
    // Only the end of the domain counts, and a bare "gov" is not a domain ending in ".gov".
    ['pat@hhs.gov.example.com', DEFAULT, false],
    ['pat@gov', DEFAULT, false],
    ['pat@notgov', DEFAULT, false],
    ['pat@evilgov', DEFAULT, false],
    // A partner is named exactly, with its subdomains.
    ['pat@partner.org', [...DEFAULT, 'partner.org'], true],
    ['pat@team.partner.org', [...DEFAULT, 'partner.org'], true],
    ['pat@evilpartner.org', [...DEFAULT, 'partner.org'], false],
    // Malformed addresses are never allowed.
    ['pat@', DEFAULT, false],
    ['@hhs.gov', DEFAULT, false],
    ['pat', DEFAULT, false],
    ['pat@hhs..gov', DEFAULT, false],
    ['pat@hh s.gov', DEFAULT, false],
    ['pat@hhs.gov', [], false],
  ];
  it.each(cases)('%s with %j → %s', (email, allowed, expected) => {
    expect(domainAllowed(email, allowed)).toBe(expected);
  });
});

describe('matching a provider sign-in to an account', () => {
  const base: MatchFacts = {
    claims: { subject: 'sub-1', email: 'pat@hhs.gov', emailVerified: true },
    allowedDomains: DEFAULT,
    linked: null,
    byEmail: null,
    invitation: null,
  };
  const cases: [string, Partial<MatchFacts>, ReturnType<typeof matchSignIn>][] = [
    [
      'a linked subject signs in, whatever its email now',
      { linked: { personId: 7, deactivated: false }, byEmail: null },
      { kind: 'sign_in', personId: 7, invitationId: null },
    ],
    [
      'a linked subject with an unverified email still signs in (the subject decides)',
      {
        claims: { subject: 'sub-1', email: 'pat@hhs.gov', emailVerified: false },
        linked: { personId: 7, deactivated: false },
      },
      { kind: 'sign_in', personId: 7, invitationId: null },
    ],
    [
      'a linked subject whose access was turned off is refused',
      { linked: { personId: 7, deactivated: true } },
      { kind: 'refuse', reason: 'deactivated' },
    ],
    [
      'a new invitation opens a turned-off account again',
      { linked: { personId: 7, deactivated: true }, invitation: { id: 4 } },
      { kind: 'sign_in', personId: 7, invitationId: 4 },
    ],
    [
      'a new invitation opens a turned-off account again, on its first provider sign-in too',
      { byEmail: { personId: 9, deactivated: true, linkedToOther: false }, invitation: { id: 4 } },
      { kind: 'link', personId: 9, invitationId: 4 },
    ],
    [
      'a first sign-in links to the account with the verified email',
      { byEmail: { personId: 9, deactivated: false, linkedToOther: false } },
      { kind: 'link', personId: 9, invitationId: null },
    ],
    [
      'a first sign-in links and takes an open invitation for the same email',
      {
        byEmail: { personId: 9, deactivated: false, linkedToOther: false },
        invitation: { id: 3 },
      },
      { kind: 'link', personId: 9, invitationId: 3 },
    ],
    [
      'an unverified email links nothing',
      {
        claims: { subject: 'sub-1', email: 'pat@hhs.gov', emailVerified: false },
        byEmail: { personId: 9, deactivated: false, linkedToOther: false },
      },
      { kind: 'refuse', reason: 'email_unverified' },
    ],
    [
      'an email already linked to another subject is refused',
      { byEmail: { personId: 9, deactivated: false, linkedToOther: true } },
      { kind: 'refuse', reason: 'email_linked_elsewhere' },
    ],
    [
      'an account turned off is not linked',
      { byEmail: { personId: 9, deactivated: true, linkedToOther: false } },
      { kind: 'refuse', reason: 'deactivated' },
    ],
    [
      'an invited person without an account gets the invited account',
      { invitation: { id: 3 } },
      { kind: 'accept_invitation', invitationId: 3 },
    ],
    ['no account and no invitation: ask for access', {}, { kind: 'request_access' }],
    [
      'a domain off the allow-list is refused before anything else',
      {
        claims: { subject: 'sub-1', email: 'pat@gmail.com', emailVerified: true },
        linked: { personId: 7, deactivated: false },
        invitation: { id: 3 },
      },
      { kind: 'refuse', reason: 'domain' },
    ],
  ];
  it.each(cases)('%s', (_, facts, expected) => {
    expect(matchSignIn({ ...base, ...facts })).toEqual(expected);
  });
});
