/**
 * Reads for federal sign-in and access management (issue 21): who a provider's subject is,
 * invitations, access requests, and who has access to what.
 */
import type { DB } from '../client';
import { rolesOf } from './sessions';

/** What matching a provider's identity needs (app/domain/auth/identity.ts, `matchSignIn`). */
export async function signInMatchFacts(
  db: DB,
  input: { issuer: string; subject: string; email: string; now: string },
) {
  const [linked, byEmail, invitation] = await Promise.all([
    db
      .selectFrom('identity_links')
      .innerJoin('people', 'people.id', 'identity_links.person_id')
      .select(['people.id', 'people.deactivated_at', 'people.is_omb_lead'])
      .where('identity_links.issuer', '=', input.issuer)
      .where('identity_links.subject', '=', input.subject)
      .executeTakeFirst(),
    db
      .selectFrom('people')
      .select(['people.id', 'people.deactivated_at', 'people.is_omb_lead'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('identity_links')
              .select('identity_links.id')
              .whereRef('identity_links.person_id', '=', 'people.id')
              .where('identity_links.issuer', '=', input.issuer),
          )
          .as('linked_here'),
      )
      .where('people.email', '=', input.email)
      .executeTakeFirst(),
    openInvitationFor(db, input.email, input.now),
  ]);
  return {
    linked: linked ? { personId: linked.id, deactivated: linked.deactivated_at !== null } : null,
    byEmail: byEmail
      ? {
          personId: byEmail.id,
          deactivated: byEmail.deactivated_at !== null,
          linkedToOther: Boolean(byEmail.linked_here),
        }
      : null,
    invitation: invitation ?? null,
  };
}

/** The newest invitation for an email that is neither used, revoked nor expired. */
export async function openInvitationFor(db: DB, email: string, now: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function findInvitation(db: DB, id: number) {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person's roles and whether they lead the program, for the assurance their sign-in needs. */
export async function personRoles(db: DB, personId: number) {
  const person = await db
    .selectFrom('people')
    .select(['id', 'agency_id', 'is_omb_lead'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    personId: person.id,
    agencyId: person.agency_id,
    isOmbLead: person.is_omb_lead === 1,
    ...(await rolesOf(db, personId)),
  };
}

/** The latest access request of a provider's subject, with its portfolio's name. */
export async function latestAccessRequest(db: DB, issuer: string, subject: string) {
  return db
    .selectFrom('access_requests')
    .innerJoin('portfolios', 'portfolios.id', 'access_requests.portfolio_id')
    .selectAll('access_requests')
    .select('portfolios.name as portfolio_name')
    .where('access_requests.issuer', '=', issuer)
    .where('access_requests.subject', '=', subject)
    .orderBy('access_requests.id', 'desc')
    .executeTakeFirst();
}

export async function findAccessRequest(db: DB, id: number) {
  return db
    .selectFrom('access_requests')
    .innerJoin('portfolios', 'portfolios.id', 'access_requests.portfolio_id')
    .innerJoin('agencies', 'agencies.id', 'access_requests.agency_id')
    .selectAll('access_requests')
    .select([
      'portfolios.name as portfolio_name',
      'portfolios.slug as portfolio_slug',
      'agencies.name as agency_name',
    ])
    .where('access_requests.id', '=', id)
    .executeTakeFirst();
}

/**
 * Invitations and access requests of the given portfolios (null: every portfolio, and the OMB
 * lead invitations), newest first.
 */
export async function accessOverview(db: DB, portfolioIds: readonly number[] | null) {
  if (portfolioIds !== null && portfolioIds.length === 0) {
    return { invitations: [], requests: [] };
  }
  let invitations = db
    .selectFrom('invitations')
    .innerJoin('agencies', 'agencies.id', 'invitations.agency_id')
    .leftJoin('portfolios', 'portfolios.id', 'invitations.portfolio_id')
    .leftJoin('people as inviter', 'inviter.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select([
      'agencies.name as agency_name',
      'portfolios.name as portfolio_name',
      'inviter.name as invited_by_name',
    ])
    .orderBy('invitations.id', 'desc')
    .limit(200);
  let requests = db
    .selectFrom('access_requests')
    .innerJoin('agencies', 'agencies.id', 'access_requests.agency_id')
    .innerJoin('portfolios', 'portfolios.id', 'access_requests.portfolio_id')
    .leftJoin('people as decider', 'decider.id', 'access_requests.decided_by')
    .selectAll('access_requests')
    .select([
      'agencies.name as agency_name',
      'portfolios.name as portfolio_name',
      'decider.name as decided_by_name',
    ])
    .orderBy('access_requests.id', 'desc')
    .limit(200);
  if (portfolioIds !== null) {
    invitations = invitations.where('invitations.portfolio_id', 'in', portfolioIds);
    requests = requests.where('access_requests.portfolio_id', 'in', portfolioIds);
  }
  const [i, r] = await Promise.all([invitations.execute(), requests.execute()]);
  return { invitations: i, requests: r };
}

/** Agencies and portfolios, for the invitation and request forms. */
export async function accessChoices(db: DB) {
  const [agencies, portfolios] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('name').execute(),
    db.selectFrom('portfolios').select(['id', 'name', 'slug']).orderBy('name').execute(),
  ]);
  return { agencies, portfolios };
}

/**
 * Who from one agency has access to what: each person of the agency with their portfolio
 * roles and when they last signed in (an agency POC's view, issue 21 point 3).
 */
export async function agencyAccess(db: DB, agencyId: number) {
  const people = await db
    .selectFrom('people')
    .select(['id', 'name', 'email', 'is_omb_lead', 'last_sign_in_at', 'deactivated_at'])
    .where('agency_id', '=', agencyId)
    .orderBy('name')
    .execute();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return [];
  const [memberships, pocs, pmcs] = await Promise.all([
    db
      .selectFrom('portfolio_memberships')
      .innerJoin('portfolios', 'portfolios.id', 'portfolio_memberships.portfolio_id')
      .select(['person_id', 'role', 'portfolios.name as portfolio_name'])
      .where('person_id', 'in', ids)
      .execute(),
    db
      .selectFrom('agency_pocs')
      .innerJoin('portfolios', 'portfolios.id', 'agency_pocs.portfolio_id')
      .select(['person_id', 'portfolios.name as portfolio_name'])
      .where('person_id', 'in', ids)
      .where('ended_at', 'is', null)
      .execute(),
    db
      .selectFrom('portfolio_agencies')
      .innerJoin('portfolios', 'portfolios.id', 'portfolio_agencies.portfolio_id')
      .select(['pmc_member_id as person_id', 'portfolios.name as portfolio_name'])
      .where('pmc_member_id', 'in', ids)
      .execute(),
  ]);
  return people.map((p) => ({
    ...p,
    memberships: memberships.filter((m) => m.person_id === p.id),
    pocOf: pocs.filter((m) => m.person_id === p.id).map((m) => m.portfolio_name),
    pmcOf: pmcs.filter((m) => m.person_id === p.id).map((m) => m.portfolio_name),
  }));
}

/**
 * Who has access to one portfolio, for its quarterly access review: members with their role,
 * the agencies' POCs and PMC members, each with their agency and last sign-in.
 */
export async function portfolioAccess(db: DB, portfolioId: number) {
  const person = [
    'people.id',
    'people.name',
    'people.email',
    'people.last_sign_in_at',
    'people.deactivated_at',
    'people.deactivated_reason',
    'agencies.name as agency_name',
  ] as const;
  const [members, pocs, pmcs, reviews] = await Promise.all([
    db
      .selectFrom('portfolio_memberships')
      .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
      .innerJoin('agencies', 'agencies.id', 'people.agency_id')
      .select([...person, 'portfolio_memberships.role'])
      .where('portfolio_memberships.portfolio_id', '=', portfolioId)
      .orderBy('people.name')
      .execute(),
    db
      .selectFrom('agency_pocs')
      .innerJoin('people', 'people.id', 'agency_pocs.person_id')
      .innerJoin('agencies', 'agencies.id', 'people.agency_id')
      .select(person)
      .where('agency_pocs.portfolio_id', '=', portfolioId)
      .where('agency_pocs.ended_at', 'is', null)
      .orderBy('people.name')
      .execute(),
    db
      .selectFrom('portfolio_agencies')
      .innerJoin('people', 'people.id', 'portfolio_agencies.pmc_member_id')
      .innerJoin('agencies', 'agencies.id', 'people.agency_id')
      .select(person)
      .where('portfolio_agencies.portfolio_id', '=', portfolioId)
      .orderBy('people.name')
      .execute(),
    db
      .selectFrom('access_reviews')
      .leftJoin('people', 'people.id', 'access_reviews.reviewed_by')
      .select([
        'access_reviews.fiscal_year',
        'access_reviews.quarter',
        'access_reviews.reviewed_at',
        'people.name as reviewed_by_name',
      ])
      .where('access_reviews.portfolio_id', '=', portfolioId)
      .orderBy('access_reviews.reviewed_at', 'desc')
      .limit(8)
      .execute(),
  ]);
  return { members, pocs, pmcs, reviews };
}

/**
 * Accounts that could go dormant: active people who can sign in, by a password that is not a
 * demo account's (demo accounts are not people) or through the provider. People listed in the
 * reference data without any way to sign in have no account to turn off. Which of them are
 * dormant is the rule's (app/domain/auth/hygiene.ts, `isDormant`).
 */
export async function dormancyCandidates(db: DB) {
  return db
    .selectFrom('people')
    .select(['people.id', 'people.name', 'people.last_sign_in_at', 'people.created_at'])
    .where('people.deactivated_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('accounts')
            .select('accounts.person_id')
            .whereRef('accounts.person_id', '=', 'people.id')
            .where('accounts.is_demo', '=', 0),
        ),
        eb.exists(
          eb
            .selectFrom('identity_links')
            .select('identity_links.id')
            .whereRef('identity_links.person_id', '=', 'people.id'),
        ),
      ]),
    )
    .execute();
}
