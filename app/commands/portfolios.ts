/**
 * Writes to portfolios: creating and editing one, its points of contact and PMC members, and its
 * charter (A-11 280.16). Each runs in one transaction with its audit entry.
 */
import type { PortfolioInput } from '~/schemas/portfolio';
import type { DB } from '#db/client';
import { isUniqueViolation } from '#db/dialect';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { projectsInvolving, withAgencyIds } from '#db/queries/portfolio-admin';
import { editVersioned, pick, type Trx } from '#db/versioning';

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'portfolio'
  );
}

async function checkAgenciesExist(db: DB, ids: number[]): Promise<void> {
  const found = await db.selectFrom('agencies').select('id').where('id', 'in', ids).execute();
  if (found.length !== new Set(ids).size) {
    throw new RefusedError('invalid', 'Choose agencies from the list.', 'agencies');
  }
}

export async function createPortfolio(
  db: DB,
  input: { actorId: number; values: PortfolioInput },
): Promise<string> {
  const at = new Date().toISOString();
  const v = input.values;
  return db.transaction().execute(async (trx) => {
    await checkAgenciesExist(trx, v.agencies);
    const base = slugify(v.name);
    let slug = base;
    for (
      let n = 2;
      await trx.selectFrom('portfolios').select('id').where('slug', '=', slug).executeTakeFirst();
      n++
    ) {
      slug = `${base}-${n}`;
    }
    const row = await trx
      .insertInto('portfolios')
      .values({
        slug,
        name: v.name,
        description: v.description,
        lead_agency_id: v.leadAgencyId!,
        cycle_start_fy: v.cycleStartFy,
        charter_text: '',
        source_note: '',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('portfolio_agencies')
      .values(
        v.agencies.map((agency_id) => ({ portfolio_id: row.id, agency_id, pmc_member_id: null })),
      )
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'portfolio',
      entityId: row.id,
      portfolioId: row.id,
      before: null,
      after: {
        name: v.name,
        description: v.description,
        lead_agency_id: v.leadAgencyId,
        cycle_start_fy: v.cycleStartFy,
        agencies: v.agencies,
      },
      at,
    });
    return slug;
  });
}

const PORTFOLIO_FIELDS = ['name', 'description', 'lead_agency_id', 'cycle_start_fy'] as const;

export async function updatePortfolio(
  db: DB,
  input: { portfolioId: number; actorId: number; version: number; values: PortfolioInput },
): Promise<void> {
  const v = input.values;
  await editVersioned(db, {
    table: 'portfolios',
    entityType: 'portfolio',
    notFoundMessage: 'We could not find that portfolio.',
    id: input.portfolioId,
    version: input.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: [...PORTFOLIO_FIELDS, 'agencies'],
    scope: (row) => ({ portfolioId: row.id }),
    load: (trx: Trx, id: number) => withAgencyIds(trx, 'portfolios', id),
    change: async (trx, current, at) => {
      await checkAgenciesExist(trx, v.agencies);
      const removed = current.agencies.filter((id) => !v.agencies.includes(id));
      const added = v.agencies.filter((id) => !current.agencies.includes(id));
      if (removed.length > 0) {
        const inUse = await projectsInvolving(trx, current.id, removed);
        if (inUse.length > 0) {
          throw new RefusedError(
            'invalid',
            `Remove ${[...new Set(inUse.map((u) => u.code))].join(', ')} from these projects first: ${[...new Set(inUse.map((u) => u.name))].join('; ')}.`,
            'agencies',
          );
        }
        await trx
          .updateTable('agency_pocs')
          .set({ ended_at: at })
          .where('portfolio_id', '=', current.id)
          .where('agency_id', 'in', removed)
          .where('ended_at', 'is', null)
          .execute();
        await trx
          .deleteFrom('portfolio_agencies')
          .where('portfolio_id', '=', current.id)
          .where('agency_id', 'in', removed)
          .execute();
      }
      if (added.length > 0) {
        await trx
          .insertInto('portfolio_agencies')
          .values(
            added.map((agency_id) => ({
              portfolio_id: current.id,
              agency_id,
              pmc_member_id: null,
            })),
          )
          .execute();
      }
      const next = {
        name: v.name,
        description: v.description,
        lead_agency_id: v.leadAgencyId!,
        cycle_start_fy: v.cycleStartFy,
      };
      await trx.updateTable('portfolios').set(next).where('id', '=', current.id).execute();
      return {
        before: { ...pick(current, PORTFOLIO_FIELDS), agencies: current.agencies },
        after: { ...next, agencies: [...v.agencies].sort((a, b) => a - b) },
      };
    },
  });
}

async function requireParticipant(db: DB, portfolioId: number, agencyId: number, personId: number) {
  const pa = await db
    .selectFrom('portfolio_agencies')
    .selectAll()
    .where('portfolio_id', '=', portfolioId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!pa)
    throw new RefusedError(
      'invalid',
      'That agency does not take part in this portfolio.',
      'agencyId',
    );
  const person = await db
    .selectFrom('people')
    .select(['id', 'agency_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || person.agency_id !== agencyId) {
    throw new RefusedError('invalid', 'Choose a person who works for that agency.', 'personId');
  }
  return pa;
}

/**
 * Makes `personId` the agency's single POC for the portfolio (A-11 280.16). The former POC's
 * assignment is ended, not deleted, so the history stays; open answers pass to the new POC.
 */
export async function changePoc(
  db: DB,
  input: { portfolioId: number; agencyId: number; personId: number; actorId: number },
): Promise<void> {
  const at = new Date().toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      await requireParticipant(trx, input.portfolioId, input.agencyId, input.personId);
      const current = await trx
        .selectFrom('agency_pocs')
        .selectAll()
        .where('portfolio_id', '=', input.portfolioId)
        .where('agency_id', '=', input.agencyId)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      if (current?.person_id === input.personId) {
        throw new RefusedError(
          'invalid',
          'That person is already the agency’s point of contact.',
          'personId',
        );
      }
      if (current) {
        await trx
          .updateTable('agency_pocs')
          .set({ ended_at: at })
          .where('id', '=', current.id)
          .execute();
      }
      await trx
        .insertInto('agency_pocs')
        .values({
          portfolio_id: input.portfolioId,
          agency_id: input.agencyId,
          person_id: input.personId,
          started_at: at,
          ended_at: null,
        })
        .execute();
      await recordAudit(trx, {
        actorId: input.actorId,
        action: 'change_poc',
        entityType: 'portfolio_agency',
        entityId: `${input.portfolioId}:${input.agencyId}`,
        portfolioId: input.portfolioId,
        before: { poc_person_id: current?.person_id ?? null },
        after: { poc_person_id: input.personId },
        at,
      });
    });
  } catch (error) {
    // Two changes racing into the one-current-POC index (agency_pocs_current): the other won.
    if (isUniqueViolation(error)) {
      throw new RefusedError(
        'conflict',
        'Someone changed this agency’s point of contact at the same moment. Reload the page to see who it is now.',
      );
    }
    throw error;
  }
}

export async function setPmcMember(
  db: DB,
  input: { portfolioId: number; agencyId: number; personId: number; actorId: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const pa = await requireParticipant(trx, input.portfolioId, input.agencyId, input.personId);
    await trx
      .updateTable('portfolio_agencies')
      .set({ pmc_member_id: input.personId })
      .where('portfolio_id', '=', input.portfolioId)
      .where('agency_id', '=', input.agencyId)
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'set_pmc_member',
      entityType: 'portfolio_agency',
      entityId: `${input.portfolioId}:${input.agencyId}`,
      portfolioId: input.portfolioId,
      before: { pmc_member_id: pa.pmc_member_id },
      after: { pmc_member_id: input.personId },
    });
  });
}

/** Saves the charter text; if it changed, signatures on the old text need renewal. */
export async function saveCharter(
  db: DB,
  input: { portfolioId: number; actorId: number; version: number; text: string },
): Promise<void> {
  await editVersioned(db, {
    table: 'portfolios',
    entityType: 'charter',
    notFoundMessage: 'We could not find that portfolio.',
    id: input.portfolioId,
    version: input.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: ['charter_text'],
    scope: (row) => ({ portfolioId: row.id }),
    change: async (trx, current) => {
      if (current.charter_text === input.text) return null;
      const revision = current.charter_revision + 1;
      await trx
        .updateTable('portfolios')
        .set({ charter_text: input.text, charter_revision: revision })
        .where('id', '=', current.id)
        .execute();
      return {
        before: { charter_text: current.charter_text, charter_revision: current.charter_revision },
        after: { charter_text: input.text, charter_revision: revision },
      };
    },
  });
}

/** The agency's PMC member signs the current charter revision. */
export async function signCharter(
  db: DB,
  input: { portfolioId: number; agencyId: number; actorId: number },
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const portfolio = await trx
      .selectFrom('portfolios')
      .select(['charter_text', 'charter_revision'])
      .where('id', '=', input.portfolioId)
      .executeTakeFirstOrThrow();
    if (portfolio.charter_text.trim() === '') {
      throw new RefusedError('invalid', 'There is no charter text to sign yet.');
    }
    const latest = await trx
      .selectFrom('charter_signatures')
      .select('charter_revision')
      .where('portfolio_id', '=', input.portfolioId)
      .where('agency_id', '=', input.agencyId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (latest?.charter_revision === portfolio.charter_revision) {
      throw new RefusedError(
        'conflict',
        'Your agency has already signed this version of the charter.',
      );
    }
    await trx
      .insertInto('charter_signatures')
      .values({
        portfolio_id: input.portfolioId,
        agency_id: input.agencyId,
        person_id: input.actorId,
        charter_revision: portfolio.charter_revision,
        signed_at: at,
      })
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'sign',
      entityType: 'charter',
      entityId: input.portfolioId,
      portfolioId: input.portfolioId,
      before: null,
      after: { agency_id: input.agencyId, charter_revision: portfolio.charter_revision },
      at,
    });
  });
}
