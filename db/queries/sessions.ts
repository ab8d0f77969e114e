import { viewerTimeZone } from '~/domain/history/time';
import type { UserRoles } from '~/domain/policy';
import type { DB } from '../client';

export interface SessionUser extends UserRoles {
  name: string;
  email: string;
  title: string | null;
  agencyCode: string;
  agencyName: string;
  /** The zone moments are shown in: the person's choice, Eastern by default. */
  timeZone: string;
}

/** The signed-in person for a live session, with every role they hold, or null. */
export async function findSessionUser(
  db: DB,
  idHash: string,
  now: string,
): Promise<SessionUser | null> {
  const person = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .innerJoin('accounts', 'accounts.person_id', 'people.id')
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
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!person) return null;
  const [memberships, pocs, pmcs] = await Promise.all([
    db
      .selectFrom('portfolio_memberships')
      .select(['portfolio_id', 'role'])
      .where('person_id', '=', person.id)
      .execute(),
    db
      .selectFrom('agency_pocs')
      .select(['portfolio_id', 'agency_id'])
      .where('person_id', '=', person.id)
      .where('ended_at', 'is', null)
      .execute(),
    db
      .selectFrom('portfolio_agencies')
      .select(['portfolio_id', 'agency_id'])
      .where('pmc_member_id', '=', person.id)
      .execute(),
  ]);
  return {
    personId: person.id,
    agencyId: person.agency_id,
    isOmbLead: person.is_omb_lead === 1,
    memberships: new Map(memberships.map((m) => [m.portfolio_id, m.role])),
    pocFor: pocs.map((p) => ({ portfolioId: p.portfolio_id, agencyId: p.agency_id })),
    pmcFor: pmcs.map((p) => ({ portfolioId: p.portfolio_id, agencyId: p.agency_id })),
    name: person.name,
    email: person.email,
    title: person.title,
    agencyCode: person.agency_code,
    agencyName: person.agency_name,
    timeZone: viewerTimeZone(person.time_zone),
  };
}
