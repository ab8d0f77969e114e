/**
 * Granting access (issue 21, points 2 and 3; decision 037): a sign-in through the provider that
 * links or creates an account, invitations, and access requests. Each change and its audit row
 * commit together.
 */
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';
import { ombLeadIds, portfolioLeads } from '#db/queries/notifications';
import { accessRequestApproved, accessRequestWaiting } from '~/domain/notifications/access';
import { notify } from './notifications';
import { RefusedError } from '#db/errors';
import { findAccessRequest, findInvitation } from '#db/queries/access';
import { domainAllowed, type MatchOutcome } from '~/domain/auth/identity';
import { invitationStatus } from '~/domain/auth/hygiene';
import { can, type UserRoles } from '~/domain/policy';
import type { MembershipRole } from '#db/schema';

type Trx = DB;

export interface ProviderSubject {
  issuer: string;
  subject: string;
  email: string;
}

/**
 * Signs in a person the provider vouched for and the match rules let in: records the sign-in,
 * and on a first sign-in links the subject to the account (or makes the account an invitation
 * describes). Returns the person's id.
 */
export async function completeProviderSignIn(
  db: DB,
  input: {
    outcome: Extract<MatchOutcome, { kind: 'sign_in' | 'link' | 'accept_invitation' }>;
    identity: ProviderSubject;
    at?: string;
  },
): Promise<number> {
  const at = input.at ?? new Date().toISOString();
  const { outcome, identity } = input;
  return db.transaction().execute(async (trx) => {
    let personId: number;
    if (outcome.kind === 'sign_in') {
      personId = outcome.personId;
      await trx
        .updateTable('identity_links')
        .set({ last_used_at: at })
        .where('issuer', '=', identity.issuer)
        .where('subject', '=', identity.subject)
        .execute();
      if (outcome.invitationId !== null) {
        await acceptInvitation(trx, outcome.invitationId, personId, at);
      }
    } else if (outcome.kind === 'link') {
      personId = outcome.personId;
      await linkIdentity(trx, personId, identity, at);
      if (outcome.invitationId !== null) {
        await acceptInvitation(trx, outcome.invitationId, personId, at);
      }
    } else {
      const invitation = await openInvitation(trx, outcome.invitationId, at);
      const person = await trx
        .insertInto('people')
        .values({
          name: invitation.name,
          email: invitation.email,
          title: null,
          agency_id: invitation.agency_id,
          is_omb_lead: 0,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personId = person.id;
      await recordAudit(trx, {
        actorId: invitation.invited_by,
        action: 'create',
        entityType: 'account',
        entityId: personId,
        portfolioId: invitation.portfolio_id,
        before: null,
        after: { name: invitation.name, email: invitation.email },
        at,
      });
      await linkIdentity(trx, personId, identity, at);
      await acceptInvitation(trx, invitation.id, personId, at);
    }
    await trx
      .updateTable('people')
      .set({ last_sign_in_at: at })
      .where('id', '=', personId)
      .execute();
    await recordAudit(trx, {
      actorId: personId,
      action: 'sign_in',
      entityType: 'session',
      entityId: personId,
      portfolioId: null,
      before: null,
      after: null,
      at,
    });
    return personId;
  });
}

async function linkIdentity(trx: Trx, personId: number, identity: ProviderSubject, at: string) {
  await trx
    .insertInto('identity_links')
    .values({
      person_id: personId,
      issuer: identity.issuer,
      subject: identity.subject,
      email_at_link: identity.email,
      linked_at: at,
      last_used_at: at,
    })
    .execute();
  await recordAudit(trx, {
    actorId: personId,
    action: 'link_identity',
    entityType: 'account',
    entityId: personId,
    portfolioId: null,
    before: null,
    after: { provider: identity.issuer, email: identity.email },
    at,
  });
}

async function openInvitation(trx: Trx, id: number, at: string) {
  const invitation = await findInvitation(trx, id);
  if (
    !invitation ||
    invitationStatus(
      {
        acceptedAt: invitation.accepted_at ? new Date(invitation.accepted_at) : null,
        revokedAt: invitation.revoked_at ? new Date(invitation.revoked_at) : null,
        expiresAt: new Date(invitation.expires_at),
      },
      new Date(at),
    ) !== 'open'
  ) {
    throw new RefusedError('conflict', 'The invitation is no longer open.');
  }
  return invitation;
}

/**
 * Gives the person what the invitation grants and marks it used; an account turned off is open
 * again (someone responsible for it asked for the person).
 */
async function acceptInvitation(trx: Trx, id: number, personId: number, at: string) {
  const invitation = await openInvitation(trx, id, at);
  await trx
    .updateTable('people')
    .set({ deactivated_at: null, deactivated_reason: null })
    .where('id', '=', personId)
    .execute();
  if (invitation.omb_lead === 1) {
    await trx.updateTable('people').set({ is_omb_lead: 1 }).where('id', '=', personId).execute();
  }
  if (invitation.portfolio_id !== null && invitation.role !== null) {
    await grantMembership(trx, personId, invitation.portfolio_id, invitation.role);
  }
  await trx
    .updateTable('invitations')
    .set({ accepted_at: at, accepted_person_id: personId })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, {
    actorId: personId,
    action: 'accept_invitation',
    entityType: 'invitation',
    entityId: id,
    portfolioId: invitation.portfolio_id,
    before: null,
    after: { email: invitation.email, role: invitation.omb_lead ? 'omb_lead' : invitation.role },
    at,
  });
}

async function grantMembership(
  trx: Trx,
  personId: number,
  portfolioId: number,
  role: MembershipRole,
) {
  await trx
    .deleteFrom('portfolio_memberships')
    .where('person_id', '=', personId)
    .where('portfolio_id', '=', portfolioId)
    .execute();
  await trx
    .insertInto('portfolio_memberships')
    .values({ person_id: personId, portfolio_id: portfolioId, role })
    .execute();
}

export interface InvitationInput {
  email: string;
  name: string;
  agencyId: number;
  /** A portfolio role, or an OMB lead (the whole program). */
  grant: { kind: 'portfolio'; portfolioId: number; role: MembershipRole } | { kind: 'omb_lead' };
}

/** Invites a person by email; the invitation is good for `days` days. Returns its id. */
export async function invitePerson(
  db: DB,
  input: {
    actor: UserRoles;
    invitation: InvitationInput;
    allowedDomains: readonly string[];
    days: number;
    at?: string;
  },
): Promise<number> {
  const at = input.at ?? new Date().toISOString();
  const { actor, invitation } = input;
  const email = invitation.email.trim().toLowerCase();
  const portfolioId = invitation.grant.kind === 'portfolio' ? invitation.grant.portfolioId : null;
  const allowed =
    invitation.grant.kind === 'omb_lead'
      ? can(actor, 'access.invite_omb_lead')
      : can(actor, 'access.manage', { portfolioId: portfolioId! });
  if (!allowed) throw new RefusedError('forbidden', 'You cannot grant this access.');
  if (!domainAllowed(email, input.allowedDomains)) {
    throw new RefusedError(
      'invalid',
      `Only people with an email address at ${input.allowedDomains.join(', ')} can sign in. Use the person’s work email.`,
      'email',
    );
  }
  return db.transaction().execute(async (trx) => {
    const agency = await trx
      .selectFrom('agencies')
      .select('id')
      .where('id', '=', invitation.agencyId)
      .executeTakeFirst();
    if (!agency) throw new RefusedError('invalid', 'Choose the person’s agency.', 'agencyId');
    const open = await trx
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', at)
      .where((eb) =>
        portfolioId === null ? eb('omb_lead', '=', 1) : eb('portfolio_id', '=', portfolioId),
      )
      .executeTakeFirst();
    if (open) {
      throw new RefusedError(
        'conflict',
        'This person already has an open invitation for this access. Revoke it first to send a new one.',
        'email',
      );
    }
    const person = await trx
      .selectFrom('people')
      .select(['id', 'is_omb_lead', 'deactivated_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    // A person whose account was turned off is invited back whatever roles they kept.
    if (person && person.deactivated_at === null) {
      const has =
        invitation.grant.kind === 'omb_lead'
          ? person.is_omb_lead === 1
          : (await trx
              .selectFrom('portfolio_memberships')
              .select('role')
              .where('person_id', '=', person.id)
              .where('portfolio_id', '=', portfolioId!)
              .executeTakeFirst()) !== undefined;
      if (has) {
        throw new RefusedError('conflict', 'This person already has this access.', 'email');
      }
    }
    const row = await trx
      .insertInto('invitations')
      .values({
        email,
        name: invitation.name.trim(),
        agency_id: invitation.agencyId,
        portfolio_id: portfolioId,
        role: invitation.grant.kind === 'portfolio' ? invitation.grant.role : null,
        omb_lead: invitation.grant.kind === 'omb_lead' ? 1 : 0,
        invited_by: actor.personId,
        created_at: at,
        expires_at: new Date(new Date(at).getTime() + input.days * 86_400_000).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.personId,
      action: 'invite',
      entityType: 'invitation',
      entityId: row.id,
      portfolioId,
      before: null,
      after: {
        email,
        name: invitation.name.trim(),
        role: invitation.grant.kind === 'omb_lead' ? 'omb_lead' : invitation.grant.role,
      },
      at,
    });
    return row.id;
  });
}

/** Revokes an open invitation. */
export async function revokeInvitation(
  db: DB,
  input: { actor: UserRoles; invitationId: number; at?: string },
): Promise<void> {
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const invitation = await findInvitation(trx, input.invitationId);
    if (!invitation) throw new RefusedError('not_found', 'We could not find that invitation.');
    const allowed =
      invitation.portfolio_id === null
        ? can(input.actor, 'access.invite_omb_lead')
        : can(input.actor, 'access.manage', { portfolioId: invitation.portfolio_id });
    if (!allowed) throw new RefusedError('forbidden', 'You cannot revoke this invitation.');
    if (invitation.accepted_at || invitation.revoked_at) {
      throw new RefusedError('conflict', 'This invitation was already used or revoked.');
    }
    await trx
      .updateTable('invitations')
      .set({ revoked_at: at, revoked_by: input.actor.personId })
      .where('id', '=', invitation.id)
      .execute();
    await recordAudit(trx, {
      actorId: input.actor.personId,
      action: 'revoke',
      entityType: 'invitation',
      entityId: invitation.id,
      portfolioId: invitation.portfolio_id,
      before: { status: 'open' },
      after: { status: 'revoked', name: invitation.name, email: invitation.email },
      at,
    });
  });
}

export interface AccessRequestInput {
  name: string;
  agencyId: number;
  portfolioId: number;
  role: MembershipRole;
  reason: string;
}

/** A verified person without access asks a portfolio for it. Returns the request's id. */
export async function requestAccess(
  db: DB,
  input: { identity: ProviderSubject; request: AccessRequestInput; at?: string },
): Promise<number> {
  const at = input.at ?? new Date().toISOString();
  const { identity, request } = input;
  return db.transaction().execute(async (trx) => {
    const waiting = await trx
      .selectFrom('access_requests')
      .select('id')
      .where('issuer', '=', identity.issuer)
      .where('subject', '=', identity.subject)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (waiting) {
      throw new RefusedError('conflict', 'Your request is already waiting for a decision.');
    }
    const [agency, portfolio] = await Promise.all([
      trx.selectFrom('agencies').select('id').where('id', '=', request.agencyId).executeTakeFirst(),
      trx
        .selectFrom('portfolios')
        .select('id')
        .where('id', '=', request.portfolioId)
        .executeTakeFirst(),
    ]);
    if (!agency) throw new RefusedError('invalid', 'Choose your agency.', 'agencyId');
    if (!portfolio) throw new RefusedError('invalid', 'Choose a portfolio.', 'portfolioId');
    const row = await trx
      .insertInto('access_requests')
      .values({
        issuer: identity.issuer,
        subject: identity.subject,
        email: identity.email,
        name: request.name.trim(),
        agency_id: request.agencyId,
        portfolio_id: request.portfolioId,
        role: request.role,
        reason: request.reason.trim(),
        status: 'waiting',
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: null,
      action: 'request_access',
      entityType: 'access_request',
      entityId: row.id,
      portfolioId: request.portfolioId,
      before: null,
      after: { name: request.name.trim(), email: identity.email, role: request.role },
      at,
    });
    const [portfolioRow] = await portfolioLeads(trx, [request.portfolioId]);
    await notify(
      trx,
      accessRequestWaiting({
        requestId: row.id,
        name: request.name.trim(),
        email: identity.email,
        role: request.role,
        portfolio: portfolioRow!,
        ombLeadIds: portfolioRow!.leadIds.length > 0 ? [] : await ombLeadIds(trx),
      }),
      at,
    );
    return row.id;
  });
}

/**
 * A portfolio's lead (or an OMB lead) approves a waiting request, which makes or links the
 * account and grants the role, or declines it with a note the person reads.
 */
export async function decideAccessRequest(
  db: DB,
  input: {
    actor: UserRoles;
    requestId: number;
    decision: 'approve' | 'decline';
    note: string;
    at?: string;
  },
): Promise<void> {
  const at = input.at ?? new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const request = await findAccessRequest(trx, input.requestId);
    if (!request) throw new RefusedError('not_found', 'We could not find that request.');
    if (!can(input.actor, 'access.manage', { portfolioId: request.portfolio_id })) {
      throw new RefusedError('forbidden', 'Only the portfolio’s lead or an OMB lead decides this.');
    }
    if (request.status !== 'waiting') {
      throw new RefusedError('conflict', 'This request was already decided.');
    }
    let personId: number | null = null;
    if (input.decision === 'approve') {
      personId = await accountForRequest(trx, request, at);
      await grantMembership(trx, personId, request.portfolio_id, request.role);
    }
    await trx
      .updateTable('access_requests')
      .set({
        status: input.decision === 'approve' ? 'approved' : 'declined',
        decided_at: at,
        decided_by: input.actor.personId,
        note: input.note.trim() || null,
        person_id: personId,
      })
      .where('id', '=', request.id)
      .execute();
    await recordAudit(trx, {
      actorId: input.actor.personId,
      action: input.decision === 'approve' ? 'approve' : 'decline',
      entityType: 'access_request',
      entityId: request.id,
      portfolioId: request.portfolio_id,
      before: { status: 'waiting' },
      after: {
        status: input.decision === 'approve' ? 'approved' : 'declined',
        name: request.name,
        note: input.note.trim() || null,
      },
      at,
    });
    if (personId !== null) {
      const [portfolioRow] = await portfolioLeads(trx, [request.portfolio_id]);
      await notify(
        trx,
        accessRequestApproved({
          requestId: request.id,
          personId,
          role: request.role,
          portfolio: portfolioRow!,
          actorId: input.actor.personId,
        }),
        at,
      );
    }
  });
}

/** The account an approved request signs in to: the one with its email, else a new one. */
async function accountForRequest(
  trx: Trx,
  request: NonNullable<Awaited<ReturnType<typeof findAccessRequest>>>,
  at: string,
): Promise<number> {
  const linked = await trx
    .selectFrom('identity_links')
    .select('person_id')
    .where('issuer', '=', request.issuer)
    .where('subject', '=', request.subject)
    .executeTakeFirst();
  if (linked) return linked.person_id;
  const existing = await trx
    .selectFrom('people')
    .select('id')
    .where('email', '=', request.email)
    .executeTakeFirst();
  let personId: number;
  if (existing) {
    const other = await trx
      .selectFrom('identity_links')
      .select('id')
      .where('person_id', '=', existing.id)
      .where('issuer', '=', request.issuer)
      .executeTakeFirst();
    if (other) {
      throw new RefusedError(
        'conflict',
        'The account with this email already signs in with another identity; it cannot be given to this request.',
      );
    }
    personId = existing.id;
  } else {
    const person = await trx
      .insertInto('people')
      .values({
        name: request.name,
        email: request.email,
        title: null,
        agency_id: request.agency_id,
        is_omb_lead: 0,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    personId = person.id;
    await recordAudit(trx, {
      actorId: null,
      action: 'create',
      entityType: 'account',
      entityId: personId,
      portfolioId: request.portfolio_id,
      before: null,
      after: { name: request.name, email: request.email },
      at,
    });
  }
  await linkIdentity(trx, personId, request, at);
  return personId;
}
