import { describe, expect, it } from 'vitest';
import { assuranceMet, requiredAssurance, type AssuranceLevel } from '~/domain/auth/assurance';
import { rolesAnywhere, type Role } from '~/domain/policy';

describe('the assurance a person’s roles need', () => {
  const policy = {
    default: 'aal2' as AssuranceLevel,
    byRole: { omb_lead: 'piv', portfolio_lead: 'phishing_resistant' } as Partial<
      Record<Role, AssuranceLevel>
    >,
  };
  const cases: [Role[], AssuranceLevel][] = [
    [[], 'aal2'],
    [['viewer'], 'aal2'],
    [['team_member', 'agency_poc'], 'aal2'],
    [['portfolio_lead'], 'phishing_resistant'],
    [['omb_lead'], 'piv'],
    // The strongest of the roles held.
    [['viewer', 'portfolio_lead', 'omb_lead'], 'piv'],
  ];
  it.each(cases)('%j → %s', (roles, expected) => {
    expect(requiredAssurance(roles, policy)).toBe(expected);
  });

  it('a default stronger than a role’s level wins', () => {
    expect(requiredAssurance(['viewer'], { default: 'piv', byRole: { viewer: 'aal2' } })).toBe(
      'piv',
    );
  });

  it('roles are read from every portfolio the person is in', () => {
    const roles = rolesAnywhere({
      isOmbLead: false,
      memberships: new Map([
        [1, 'viewer'],
        [2, 'lead'],
      ]),
      pocFor: [{ portfolioId: 3, agencyId: 4 }],
      pmcFor: [],
    });
    expect([...roles].sort()).toEqual(['agency_poc', 'portfolio_lead', 'viewer']);
  });
});

describe('whether a sign-in met what was required', () => {
  const cases: [AssuranceLevel, AssuranceLevel, boolean | null, boolean][] = [
    ['aal2', 'aal2', null, true],
    ['piv', 'aal2', null, true],
    ['aal2', 'phishing_resistant', null, false],
    ['phishing_resistant', 'phishing_resistant', null, true],
    // PIV must be asked for and the provider must say a card was presented.
    ['piv', 'piv', true, true],
    ['piv', 'piv', false, false],
    ['piv', 'piv', null, false],
    ['aal2', 'piv', true, false],
  ];
  it.each(cases)('asked %s, needs %s, card presented %s → %s', (requested, required, x509, ok) => {
    expect(assuranceMet({ requested, required, x509Presented: x509 })).toBe(ok);
  });
});
