import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { recordAudit } from '#db/audit';
import type { Database } from '#db/schema';
import { DEMO_PASSWORD, demoPeople } from './demo-accounts';
import { AGENCIES, PORTFOLIOS } from './reference-data';

/**
 * Loads the public program (agencies, portfolios, projects, milestones) into the database.
 * Idempotent: rows already present (by natural key) are left as they are, so people's edits
 * survive a restart. Returns how many portfolios it added.
 */
export async function seedReferenceData(db: Kysely<Database>, now = new Date()): Promise<number> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    for (const agency of AGENCIES) {
      const parent = agency.parent
        ? await trx
            .selectFrom('agencies')
            .select('id')
            .where('code', '=', agency.parent)
            .executeTakeFirstOrThrow()
        : null;
      await trx
        .insertInto('agencies')
        .values({ code: agency.code, name: agency.name, parent_id: parent?.id ?? null })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
    const agencyIds = new Map(
      (await trx.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [
        a.code,
        a.id,
      ]),
    );
    const agencyId = (code: string): number => {
      const id = agencyIds.get(code);
      if (id === undefined) throw new Error(`Seed names an unknown agency: ${code}`);
      return id;
    };

    let added = 0;
    for (const p of PORTFOLIOS) {
      const existing = await trx
        .selectFrom('portfolios')
        .select('id')
        .where('slug', '=', p.slug)
        .executeTakeFirst();
      if (existing) continue;
      added++;
      const portfolio = await trx
        .insertInto('portfolios')
        .values({
          slug: p.slug,
          name: p.name,
          description: p.description,
          lead_agency_id: agencyId(p.leadAgency),
          cycle_start_fy: p.cycleStartFy,
          charter_text: '',
          source_note: p.sourceNote,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('portfolio_agencies')
        .values(
          p.agencies.map((code) => ({
            portfolio_id: portfolio.id,
            agency_id: agencyId(code),
            pmc_member_id: null,
          })),
        )
        .execute();
      for (const proj of p.projects) {
        const project = await trx
          .insertInto('projects')
          .values({
            portfolio_id: portfolio.id,
            name: proj.name,
            summary: proj.summary,
            pain_points: proj.painPoints,
            outcomes_short_term: proj.outcomesShortTerm,
            outcomes_long_term: proj.outcomesLongTerm,
            theory_of_change: '',
            phase: proj.phase,
            health: proj.health,
            health_reason: null,
            owner_agency_id: agencyId(proj.ownerAgency),
            source_note: proj.sourceNote,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('project_agencies')
          .values(
            proj.agencies.map((code) => ({ project_id: project.id, agency_id: agencyId(code) })),
          )
          .execute();
        if (proj.milestones.length > 0) {
          await trx
            .insertInto('milestones')
            .values(
              proj.milestones.map((m, position) => ({
                project_id: project.id,
                title: m.title,
                owner: m.owner,
                timing_fy: m.fy,
                timing_quarter: m.quarter,
                due_date: null,
                status: m.status,
                completed_on: null,
                notes: '',
                source_note: m.sourceNote,
                position,
                created_at: at,
                updated_at: at,
              })),
            )
            .execute();
        }
      }
    }
    if (added > 0) {
      await recordAudit(trx, {
        actorId: null,
        action: 'seed',
        entityType: 'workspace',
        entityId: 'reference-data',
        portfolioId: null,
        before: null,
        after: { portfolios: added },
        at,
      });
    }
    return added;
  });
}

/**
 * Makes the demo accounts match the setting: with `enabled`, creates any that are missing
 * (people, accounts, memberships, POC and PMC assignments); without, removes their accounts and
 * sessions so nobody can sign in with the published password. People stay, because the audit
 * log and history refer to them.
 */
export async function syncDemoAccounts(
  db: Kysely<Database>,
  enabled: boolean,
  now = new Date(),
): Promise<{ created: number; removed: number }> {
  const at = now.toISOString();
  if (!enabled) {
    return db.transaction().execute(async (trx) => {
      const demo = await trx
        .selectFrom('accounts')
        .select('person_id')
        .where('is_demo', '=', 1)
        .execute();
      if (demo.length === 0) return { created: 0, removed: 0 };
      const ids = demo.map((d) => d.person_id);
      await trx.deleteFrom('sessions').where('person_id', 'in', ids).execute();
      await trx.deleteFrom('accounts').where('person_id', 'in', ids).execute();
      await recordAudit(trx, {
        actorId: null,
        action: 'demo_accounts_removed',
        entityType: 'workspace',
        entityId: 'demo-accounts',
        portfolioId: null,
        before: { accounts: ids.length },
        after: { accounts: 0 },
        at,
      });
      return { created: 0, removed: ids.length };
    });
  }

  const people = demoPeople(PORTFOLIOS.map((p) => ({ slug: p.slug, agencies: p.agencies })));
  const existing = new Set(
    (
      await db
        .selectFrom('people')
        .innerJoin('accounts', 'accounts.person_id', 'people.id')
        .select('people.email')
        .where(
          'people.email',
          'in',
          people.map((p) => p.email),
        )
        .execute()
    ).map((r) => r.email),
  );
  const missing = people.filter((p) => !existing.has(p.email));
  if (missing.length === 0) return { created: 0, removed: 0 };
  // One hash for every demo account: they share a published password, and hashing each
  // separately would add seconds to the first start for no security gain.
  const passwordHash = await hash(DEMO_PASSWORD);

  return db.transaction().execute(async (trx) => {
    const agencyIds = new Map(
      (await trx.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [
        a.code,
        a.id,
      ]),
    );
    const portfolioIds = new Map(
      (await trx.selectFrom('portfolios').select(['id', 'slug']).execute()).map((p) => [
        p.slug,
        p.id,
      ]),
    );
    for (const p of missing) {
      const agencyId = agencyIds.get(p.agency);
      if (agencyId === undefined)
        throw new Error(`Demo person ${p.email} names unknown agency ${p.agency}`);
      let person = await trx
        .selectFrom('people')
        .select('id')
        .where('email', '=', p.email)
        .executeTakeFirst();
      person ??= await trx
        .insertInto('people')
        .values({
          name: p.name,
          email: p.email,
          title: p.title,
          agency_id: agencyId,
          is_omb_lead: p.isOmbLead ? 1 : 0,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('accounts')
        .values({ person_id: person.id, password_hash: passwordHash, is_demo: 1, created_at: at })
        .execute();
      for (const [slug, role] of Object.entries(p.memberships ?? {})) {
        const portfolioId = portfolioIds.get(slug);
        if (portfolioId === undefined) continue;
        await trx
          .insertInto('portfolio_memberships')
          .values({ portfolio_id: portfolioId, person_id: person.id, role })
          .onConflict((oc) => oc.columns(['portfolio_id', 'person_id']).doNothing())
          .execute();
      }
      for (const slug of p.pocIn ?? []) {
        const portfolioId = portfolioIds.get(slug);
        if (portfolioId === undefined) continue;
        const current = await trx
          .selectFrom('agency_pocs')
          .select('id')
          .where('portfolio_id', '=', portfolioId)
          .where('agency_id', '=', agencyId)
          .where('ended_at', 'is', null)
          .executeTakeFirst();
        if (!current) {
          await trx
            .insertInto('agency_pocs')
            .values({
              portfolio_id: portfolioId,
              agency_id: agencyId,
              person_id: person.id,
              started_at: at,
              ended_at: null,
            })
            .execute();
        }
      }
      for (const slug of p.pmcIn ?? []) {
        const portfolioId = portfolioIds.get(slug);
        if (portfolioId === undefined) continue;
        await trx
          .updateTable('portfolio_agencies')
          .set({ pmc_member_id: person.id })
          .where('portfolio_id', '=', portfolioId)
          .where('agency_id', '=', agencyId)
          .where('pmc_member_id', 'is', null)
          .execute();
      }
    }
    await recordAudit(trx, {
      actorId: null,
      action: 'demo_accounts_created',
      entityType: 'workspace',
      entityId: 'demo-accounts',
      portfolioId: null,
      before: null,
      after: { accounts: missing.length },
      at,
    });
    return { created: missing.length, removed: 0 };
  });
}
