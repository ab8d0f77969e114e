/**
 * What happens when the provider sends a person back (issue 21; decision 037): every check of
 * the return (app/auth/oidc.server.ts), who the person is (app/domain/auth/identity.ts), whether
 * their roles need more assurance than this sign-in gave (a step-up to the provider, or a
 * refusal: app/domain/auth/assurance.ts), then the session. Nothing is created for a refused
 * sign-in.
 */
import type { DB } from '#db/client';
import { completeProviderSignIn } from '~/commands/access';
import { personRoles, signInMatchFacts, findInvitation } from '#db/queries/access';
import {
  assuranceMet,
  atLeast,
  requiredAssurance,
  type AssuranceLevel,
} from '~/domain/auth/assurance';
import { matchSignIn, type RefusalReason } from '~/domain/auth/identity';
import { rolesAnywhere, type Role } from '~/domain/policy';
import { authConfig } from './config.server';
import {
  acrValues,
  beginSignIn,
  CallbackError,
  clearedFlowCookie,
  finishSignIn,
  holdVerifiedIdentity,
  type CallbackFailure,
  type ProviderIdentity,
} from './oidc.server';
import { startSession } from './session.server';

export type CallbackRefusal = RefusalReason | CallbackFailure | 'piv_required' | 'wrong_account';

export type CallbackResult =
  | { kind: 'signed_in'; redirectTo: string; cookies: string[] }
  | { kind: 'redirect'; to: string; cookies: string[] }
  | { kind: 'refused'; reason: CallbackRefusal; required?: AssuranceLevel };

export async function handleProviderCallback(db: DB, request: Request): Promise<CallbackResult> {
  const config = authConfig();
  const provider = config.provider!;
  let identity: ProviderIdentity;
  try {
    identity = await finishSignIn(db, request);
  } catch (error) {
    if (error instanceof CallbackError) return { kind: 'refused', reason: error.failure };
    throw error;
  }
  if (identity.expectedSubject !== null && identity.subject !== identity.expectedSubject) {
    return { kind: 'refused', reason: 'wrong_account' };
  }
  const now = new Date();
  const facts = await signInMatchFacts(db, {
    issuer: identity.issuer,
    subject: identity.subject,
    email: identity.email,
    now: now.toISOString(),
  });
  const outcome = matchSignIn({
    claims: identity,
    allowedDomains: config.allowedDomains,
    ...facts,
  });
  if (outcome.kind === 'refuse') return { kind: 'refused', reason: outcome.reason };
  if (outcome.kind === 'request_access') {
    const cookie = await holdVerifiedIdentity(db, identity, now);
    return { kind: 'redirect', to: '/access/request', cookies: [cookie] };
  }

  // The assurance the person's roles need, counting what an invitation is about to grant.
  const roles = new Set<Role>();
  if (outcome.kind !== 'accept_invitation') {
    for (const role of rolesAnywhere(await personRoles(db, outcome.personId))) roles.add(role);
  }
  const invitationId =
    outcome.kind === 'accept_invitation'
      ? outcome.invitationId
      : outcome.kind === 'link'
        ? outcome.invitationId
        : null;
  if (invitationId !== null) {
    const invitation = await findInvitation(db, invitationId);
    if (invitation?.omb_lead) roles.add('omb_lead');
    if (invitation?.role) roles.add(roleOf(invitation.role));
  }
  const required = requiredAssurance(roles, provider.assurance);
  if (!atLeast(identity.level, required)) {
    const stepUp = await beginSignIn(db, {
      level: required,
      redirectTo: identity.redirectTo,
      expectedSubject: identity.subject,
    });
    return { kind: 'redirect', to: stepUp.url, cookies: [stepUp.cookie] };
  }
  if (
    !assuranceMet({ requested: identity.level, required, x509Presented: identity.x509Presented })
  ) {
    return { kind: 'refused', reason: 'piv_required', required };
  }

  const personId = await completeProviderSignIn(db, { outcome, identity });
  const session = await startSession(db, personId, {
    method: 'oidc',
    acr: acrValues(provider, identity.level),
    x509Presented: identity.x509Presented,
  });
  return {
    kind: 'signed_in',
    redirectTo: identity.redirectTo,
    cookies: [session, clearedFlowCookie()],
  };
}

function roleOf(membership: 'lead' | 'member' | 'viewer'): Role {
  return membership === 'lead'
    ? 'portfolio_lead'
    : membership === 'member'
      ? 'team_member'
      : 'viewer';
}
