import { viewerTimeZone } from '~/domain/history/time';
import type { UserRoles } from '~/domain/policy';
import { sql } from 'kysely';
import type { DB } from '../client';

export interface SessionUser extends UserRoles {
  name: string;
  email: string;
  title: string | null;
  agencyCode: string;
  agencyName: string;
  /** The zone moments are shown in: the person's choice, Eastern by default. */
  timeZone: string;
  /** The session itself: the idle and absolute limits run from these (app/domain/auth/hygiene.ts). */
  session: {
    createdAt: string;
    lastSeenAt: string;
    method: 'password' | 'oidc';
    acr: string | null;
    x509Presented: boolean | null;
  };
}

/**
 * The signed-in person for a session before its absolute end, with every role they hold, or null.
 * A person whose access was turned off has no live session. The idle limit is the caller's
 * (app/auth/session.server.ts), from `session.lastSeenAt`.
 */
export async function findSessionUser(
  db: DB,
  idHash: string,
  now: string,
): Promise<SessionUser | null> {
  const person = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .innerJoin('agencies', 'agencies.id', 'people.agency_id')
    .select([
      'people.id',
      'people.name',
      'people.email',
      'people.title',
      'people.agency_id',
      'people.is_omb_lead',
      'people.time_zone',
      'agencies.code as agency_code',
      'agencies.name as agency_name',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.auth_method',
      'sessions.acr',
      'sessions.x509_presented',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .where('people.deactivated_at', 'is', null)
    .executeTakeFirst();
  if (!person) return null;
  const roles = await rolesOf(db, person.id);
  return {
    personId: person.id,
    agencyId: person.agency_id,
    isOmbLead: person.is_omb_lead === 1,
    ...roles,
    name: person.name,
    email: person.email,
    title: person.title,
    agencyCode: person.agency_code,
    agencyName: person.agency_name,
    timeZone: viewerTimeZone(person.time_zone),
    session: {
      createdAt: person.session_created_at,
      lastSeenAt: person.last_seen_at,
      method: person.auth_method,
      acr: person.acr,
      x509Presented: person.x509_presented === null ? null : person.x509_presented === 1,
    },
  };
}

/**
 * The portfolio roles a person holds: memberships, current POC and PMC assignments. One statement
 * (every signed-in request reads it): a statement costs a page more than the rows it reads.
 */
export async function rolesOf(
  db: DB,
  personId: number,
): Promise<Pick<UserRoles, 'memberships' | 'pocFor' | 'pmcFor'>> {
  const rows = await db
    .selectFrom('portfolio_memberships')
    .select([
      sql<string>`'member'`.as('kind'),
      'portfolio_id',
      sql<string | null>`role`.as('role'),
      sql<number | null>`null`.as('agency_id'),
    ])
    .where('person_id', '=', personId)
    .unionAll(
      db
        .selectFrom('agency_pocs')
        .select([
          sql<string>`'poc'`.as('kind'),
          'portfolio_id',
          sql<string | null>`null`.as('role'),
          'agency_id',
        ])
        .where('person_id', '=', personId)
        .where('ended_at', 'is', null),
    )
    .unionAll(
      db
        .selectFrom('portfolio_agencies')
        .select([
          sql<string>`'pmc'`.as('kind'),
          'portfolio_id',
          sql<string | null>`null`.as('role'),
          'agency_id',
        ])
        .where('pmc_member_id', '=', personId),
    )
    .execute();
  type Role = UserRoles['memberships'] extends ReadonlyMap<number, infer R> ? R : never;
  const memberships = new Map<number, Role>();
  const pocFor: { portfolioId: number; agencyId: number }[] = [];
  const pmcFor: { portfolioId: number; agencyId: number }[] = [];
  for (const r of rows) {
    if (r.kind === 'member') memberships.set(r.portfolio_id, r.role as Role);
    else
      (r.kind === 'poc' ? pocFor : pmcFor).push({
        portfolioId: r.portfolio_id,
        agencyId: r.agency_id!,
      });
  }
  return { memberships, pocFor, pmcFor };
}
