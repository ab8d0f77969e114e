/**
 * How strongly a person must sign in (issue 21, point 1; decision 037). NIST SP 800-63B
 * authenticator assurance, as Login.gov offers it: AAL2 (multi-factor), phishing-resistant AAL2
 * (WebAuthn, PIV/CAC), and HSPD-12 (PIV/CAC only). A deployment sets a default and may ask more
 * of some roles (e.g. PIV for OMB leads, who override gates and publish to the PMC). Pure.
 */
import type { Role } from '../policy';

export const ASSURANCE_LEVELS = ['aal2', 'phishing_resistant', 'piv'] as const;
export type AssuranceLevel = (typeof ASSURANCE_LEVELS)[number];

export const ASSURANCE_LABELS: Record<AssuranceLevel, string> = {
  aal2: 'multi-factor authentication (AAL2)',
  phishing_resistant: 'phishing-resistant multi-factor authentication',
  piv: 'a PIV or CAC card',
};

export function strongest(levels: Iterable<AssuranceLevel>): AssuranceLevel {
  let best = 0;
  for (const level of levels) best = Math.max(best, ASSURANCE_LEVELS.indexOf(level));
  return ASSURANCE_LEVELS[best]!;
}

export function atLeast(level: AssuranceLevel, required: AssuranceLevel): boolean {
  return ASSURANCE_LEVELS.indexOf(level) >= ASSURANCE_LEVELS.indexOf(required);
}

/** The assurance a person's roles need: the strongest any of them asks for. */
export function requiredAssurance(
  roles: Iterable<Role>,
  policy: { default: AssuranceLevel; byRole: Partial<Record<Role, AssuranceLevel>> },
): AssuranceLevel {
  const levels: AssuranceLevel[] = [policy.default];
  for (const role of roles) {
    const level = policy.byRole[role];
    if (level) levels.push(level);
  }
  return strongest(levels);
}

/**
 * Did the sign-in meet what was required? Login.gov enforces the requested AAL but does not say
 * back which was met (its `acr` names only the identity level), except that a PIV/CAC card was
 * presented (`x509_presented`). So: the level asked must be enough, and for PIV the provider must
 * also say a card was presented.
 */
export function assuranceMet(args: {
  requested: AssuranceLevel;
  required: AssuranceLevel;
  x509Presented: boolean | null;
}): boolean {
  if (!atLeast(args.requested, args.required)) return false;
  return args.required !== 'piv' || args.x509Presented === true;
}
