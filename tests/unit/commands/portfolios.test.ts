import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { RefusedError, StaleWriteError } from '#db/errors';
import { changePoc, saveCharter, setPmcMember, updatePortfolio } from '~/commands/portfolios';
import { getPortfolioBySlug } from '#db/queries/portfolios';
import type { Database } from '#db/schema';
import type { PortfolioInput } from '~/schemas/portfolio';
import { agencyId, demoDb, onPostgres, userFor } from '../helpers';

async function personId(db: Kysely<Database>, email: string) {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function setup() {
  const db = await demoDb();
  const detail = (await getPortfolioBySlug(db, 'having-a-child'))!;
  const omb = await userFor(db, 'omb.lead@example.gov');
  const values: PortfolioInput = {
    name: detail.portfolio.name,
    description: detail.portfolio.description,
    leadAgencyId: detail.portfolio.lead_agency_id,
    agencies: detail.agencies.map((a) => a.id),
    cycleStartFy: detail.portfolio.cycle_start_fy,
  };
  return { db, portfolio: detail.portfolio, omb, values };
}

async function snapshot(db: Kysely<Database>, portfolioId: number) {
  const [portfolio, agencies, pocs, audit] = await Promise.all([
    db.selectFrom('portfolios').selectAll().where('id', '=', portfolioId).executeTakeFirstOrThrow(),
    db
      .selectFrom('portfolio_agencies')
      .selectAll()
      .where('portfolio_id', '=', portfolioId)
      .orderBy('agency_id')
      .execute(),
    db
      .selectFrom('agency_pocs')
      .selectAll()
      .where('portfolio_id', '=', portfolioId)
      .orderBy('id')
      .execute(),
    db.selectFrom('audit_log').select('id').orderBy('id').execute(),
  ]);
  return { portfolio, agencies, pocs, audit };
}

describe('updatePortfolio', () => {
  it('saves the fields and the participating agencies, with an audit row', async () => {
    const { db, portfolio, omb, values } = await setup();
    const va = await agencyId(db, 'VA');
    const hhs = await agencyId(db, 'HHS');
    await updatePortfolio(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      values: {
        ...values,
        name: 'Having a Child',
        description: 'New description',
        leadAgencyId: hhs,
        agencies: [...values.agencies, va],
        cycleStartFy: 2027,
      },
    });
    const after = await snapshot(db, portfolio.id);
    expect(after.portfolio).toMatchObject({
      name: 'Having a Child',
      description: 'New description',
      lead_agency_id: hhs,
      cycle_start_fy: 2027,
      version: portfolio.version + 1,
    });
    expect(after.agencies.map((a) => a.agency_id)).toContain(va);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type', 'changes'])
      .where('portfolio_id', '=', portfolio.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'update', entity_type: 'portfolio' });
    const changes = JSON.parse(audit.changes) as Record<
      string,
      { before: unknown; after: unknown }
    >;
    expect(changes.name).toEqual({ before: portfolio.name, after: 'Having a Child' });
    expect(changes.cycle_start_fy?.after).toBe(2027);
    expect(changes.agencies?.after).toContain(va);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { db, portfolio, omb, values } = await setup();
    await updatePortfolio(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      values: { ...values, description: 'First save' },
    });
    const before = await snapshot(db, portfolio.id);
    const stale = updatePortfolio(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      values: { ...values, description: 'Second, stale' },
    });
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await stale.catch((e: StaleWriteError) => {
      expect(e.current.description).toBe('First save');
      expect(e.currentVersion).toBe(portfolio.version + 1);
    });
    expect(await snapshot(db, portfolio.id)).toEqual(before);
  });

  it('refuses removing an agency still involved in a project, on the agencies field', async () => {
    const { db, portfolio, omb, values } = await setup();
    const usda = await agencyId(db, 'USDA');
    const before = await snapshot(db, portfolio.id);
    const refused = updatePortfolio(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      values: {
        ...values,
        name: 'Renamed',
        agencies: values.agencies.filter((id) => id !== usda),
      },
    });
    await expect(refused).rejects.toBeInstanceOf(RefusedError);
    await expect(refused).rejects.toMatchObject({
      code: 'invalid',
      field: 'agencies',
      message: expect.stringContaining('USDA') as string,
    });
    expect(await snapshot(db, portfolio.id)).toEqual(before);
  });

  it('removing an agency no project involves ends its POC, keeping the history', async () => {
    const { db, portfolio, omb, values } = await setup();
    const ssa = await agencyId(db, 'SSA');
    const ssaPoc = await personId(db, 'ssa.poc@example.gov');
    await updatePortfolio(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      values: { ...values, agencies: values.agencies.filter((id) => id !== ssa) },
    });
    const after = await snapshot(db, portfolio.id);
    expect(after.agencies.map((a) => a.agency_id)).not.toContain(ssa);
    const ssaPocs = after.pocs.filter((p) => p.agency_id === ssa);
    expect(ssaPocs).toHaveLength(1);
    expect(ssaPocs[0]).toMatchObject({ person_id: ssaPoc });
    expect(ssaPocs[0]!.ended_at).not.toBeNull();
    // Their session no longer makes them a POC in this portfolio.
    const user = await userFor(db, 'ssa.poc@example.gov');
    expect(user.pocFor.filter((p) => p.portfolioId === portfolio.id)).toEqual([]);
  });
});

describe('saveCharter', () => {
  it('a new text is a new revision (signatures need renewing), versioned and audited', async () => {
    const { db, portfolio, omb } = await setup();
    await saveCharter(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      text: 'A new charter text.',
    });
    const after = await snapshot(db, portfolio.id);
    expect(after.portfolio).toMatchObject({
      charter_text: 'A new charter text.',
      charter_revision: portfolio.charter_revision + 1,
      version: portfolio.version + 1,
    });
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'update', entity_type: 'charter' });
  });

  it('saving the same text changes nothing: no revision, no version, no audit row', async () => {
    const { db, portfolio, omb } = await setup();
    const before = await snapshot(db, portfolio.id);
    await saveCharter(db, {
      portfolioId: portfolio.id,
      actorId: omb.personId,
      version: portfolio.version,
      text: portfolio.charter_text,
    });
    expect(await snapshot(db, portfolio.id)).toEqual(before);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { db, portfolio, omb } = await setup();
    const before = await snapshot(db, portfolio.id);
    await expect(
      saveCharter(db, {
        portfolioId: portfolio.id,
        actorId: omb.personId,
        version: portfolio.version - 1,
        text: 'Typed on an old page.',
      }),
    ).rejects.toBeInstanceOf(StaleWriteError);
    expect(await snapshot(db, portfolio.id)).toEqual(before);
  });
});

describe('setPmcMember', () => {
  it('replaces the agency’s PMC member, with an audit row', async () => {
    const { db, portfolio, omb } = await setup();
    const hhs = await agencyId(db, 'HHS');
    const former = await personId(db, 'hhs.pmc@example.gov');
    const successor = await personId(db, 'portfolio.lead@example.gov'); // works for HHS
    await setPmcMember(db, {
      portfolioId: portfolio.id,
      agencyId: hhs,
      personId: successor,
      actorId: omb.personId,
    });
    const row = await db
      .selectFrom('portfolio_agencies')
      .select('pmc_member_id')
      .where('portfolio_id', '=', portfolio.id)
      .where('agency_id', '=', hhs)
      .executeTakeFirstOrThrow();
    expect(row.pmc_member_id).toBe(successor);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'changes'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'set_pmc_member', entity_id: `${portfolio.id}:${hhs}` });
    expect(JSON.parse(audit.changes)).toEqual({
      pmc_member_id: { before: former, after: successor },
    });
  });

  it('refuses a person from another agency and changes nothing', async () => {
    const { db, portfolio, omb } = await setup();
    const hhs = await agencyId(db, 'HHS');
    const usdaPerson = await personId(db, 'pmc.member@example.gov');
    const before = await snapshot(db, portfolio.id);
    await expect(
      setPmcMember(db, {
        portfolioId: portfolio.id,
        agencyId: hhs,
        personId: usdaPerson,
        actorId: omb.personId,
      }),
    ).rejects.toMatchObject({
      code: 'invalid',
      field: 'personId',
      message: 'Choose a person who works for that agency.',
    } satisfies Partial<RefusedError>);
    expect(await snapshot(db, portfolio.id)).toEqual(before);
  });
});

describe('changePoc', () => {
  // Transactions are serialized, so the race is staged: a trigger makes another current POC
  // appear between changePoc's read and its insert, as a concurrent change would.
  it.skipIf(onPostgres)(
    'a change racing another into the one-current-POC index is a conflict, not a crash',
    async () => {
      const { db, portfolio, omb } = await setup();
      const hhs = await agencyId(db, 'HHS');
      const mine = await personId(db, 'portfolio.lead@example.gov');
      const theirs = await personId(db, 'hhs.pmc@example.gov');
      await sql
        .raw(
          `create trigger staged_race before insert on agency_pocs when new.person_id = ${mine}
           begin
             insert into agency_pocs (portfolio_id, agency_id, person_id, started_at, ended_at)
             values (new.portfolio_id, new.agency_id, ${theirs}, new.started_at, null);
           end`,
        )
        .execute(db);
      const before = await snapshot(db, portfolio.id);
      const refused = changePoc(db, {
        portfolioId: portfolio.id,
        agencyId: hhs,
        personId: mine,
        actorId: omb.personId,
      });
      await expect(refused).rejects.toBeInstanceOf(RefusedError);
      await expect(refused).rejects.toMatchObject({ code: 'conflict' });
      expect(await snapshot(db, portfolio.id)).toEqual(before);
    },
  );
});
