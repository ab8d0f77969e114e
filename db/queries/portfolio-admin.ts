/** Reads for portfolio administration: agencies, their people, POC history, the charter. */
import type { Selectable } from 'kysely';
import type { DB } from '../client';
import type { Database } from '../schema';

export async function listAgencies(db: DB) {
  return db.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('name').execute();
}

/** People of the given agencies, for choosing a POC or PMC member. */
export async function peopleOfAgencies(db: DB, agencyIds: number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('people')
    .select(['id', 'name', 'title', 'agency_id'])
    .where('agency_id', 'in', agencyIds)
    .orderBy('name')
    .execute();
}

export async function getPocHistory(db: DB, portfolioId: number) {
  return db
    .selectFrom('agency_pocs as ap')
    .innerJoin('people as p', 'p.id', 'ap.person_id')
    .innerJoin('agencies as a', 'a.id', 'ap.agency_id')
    .select(['ap.id', 'ap.agency_id', 'a.code', 'p.name', 'ap.started_at', 'ap.ended_at'])
    .where('ap.portfolio_id', '=', portfolioId)
    .orderBy('a.code')
    .orderBy('ap.id', 'desc')
    .execute();
}

/** The charter and, per participating agency, its PMC member and latest signature. */
export async function getCharter(db: DB, portfolioId: number) {
  const portfolio = await db
    .selectFrom('portfolios')
    .select(['id', 'charter_text', 'charter_revision', 'version'])
    .where('id', '=', portfolioId)
    .executeTakeFirstOrThrow();
  const [agencies, signatures] = await Promise.all([
    db
      .selectFrom('portfolio_agencies as pa')
      .innerJoin('agencies as a', 'a.id', 'pa.agency_id')
      .leftJoin('people as p', 'p.id', 'pa.pmc_member_id')
      .select(['a.id', 'a.code', 'a.name', 'p.name as pmc_name', 'pa.pmc_member_id'])
      .where('pa.portfolio_id', '=', portfolioId)
      .orderBy('a.code')
      .execute(),
    db
      .selectFrom('charter_signatures as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select(['s.id', 's.agency_id', 's.charter_revision', 's.signed_at', 'p.name as signer'])
      .where('s.portfolio_id', '=', portfolioId)
      .orderBy('s.id', 'desc')
      .execute(),
  ]);
  return {
    portfolio,
    agencies: agencies.map((a) => {
      const latest = signatures.find((s) => s.agency_id === a.id) ?? null;
      return {
        ...a,
        signature: latest
          ? { ...latest, needsRenewal: latest.charter_revision < portfolio.charter_revision }
          : null,
      };
    }),
  };
}

/** The portfolio's projects that involve any of these agencies (which block taking them out). */
export async function projectsInvolving(db: DB, portfolioId: number, agencyIds: number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('project_agencies')
    .innerJoin('projects', 'projects.id', 'project_agencies.project_id')
    .innerJoin('agencies', 'agencies.id', 'project_agencies.agency_id')
    .select(['agencies.code', 'projects.name'])
    .where('projects.portfolio_id', '=', portfolioId)
    .where('project_agencies.agency_id', 'in', agencyIds)
    .execute();
}

/**
 * A portfolio's or a project's row with the ids of its agencies, in id order: what its edit form
 * was opened at, compared by the stale check.
 */
export async function withAgencyIds<K extends 'portfolios' | 'projects'>(
  db: DB,
  kind: K,
  id: number,
): Promise<(Selectable<Database[K]> & { agencies: number[] }) | undefined> {
  // Both tables have an id; the cast names one for Kysely.
  const row = await db
    .selectFrom(kind as 'projects')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const links =
    kind === 'portfolios'
      ? await db
          .selectFrom('portfolio_agencies')
          .select('agency_id')
          .where('portfolio_id', '=', id)
          .orderBy('agency_id')
          .execute()
      : await db
          .selectFrom('project_agencies')
          .select('agency_id')
          .where('project_id', '=', id)
          .orderBy('agency_id')
          .execute();
  return { ...(row as Selectable<Database[K]>), agencies: links.map((r) => r.agency_id) };
}
