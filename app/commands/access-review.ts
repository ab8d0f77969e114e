/**
 * Reviewing and removing access (issue 21, point 4; NIST SP 800-53 AC-2): the quarterly access
 * review of a portfolio, removing a person's role, and turning off accounts unused too long.
 * Each change and its audit row commit together.
 */
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';
import { portfolioLeads } from '#db/queries/notifications';
import { accountTurnedOff } from '~/domain/notifications/access';
import { notify } from './notifications';
import { RefusedError } from '#db/errors';
import { dormancyCandidates } from '#db/queries/access';
import { rolesOf } from '#db/queries/sessions';
import type { DeactivationReason } from '#db/schema';
import { isDormant } from '~/domain/auth/hygiene';
import { can, type UserRoles } from '~/domain/policy';
import { deleteSessionsOf } from './sessions';

type Trx = DB;

/**
 * A portfolio's lead confirms, for a quarter, that everyone listed should keep their access
 * (NIST 800-53 AC-2(j)). Once per portfolio and quarter.
 */
export async function confirmAccessReview(
  db: DB,
  input: { actor: UserRoles; portfolioId: number; fy: number; q: number; at?: string },
): Promise<void> {
  const at = input.at ?? new Date().toISOString();
  if (!can(input.actor, 'access.manage', { portfolioId: input.portfolioId })) {
    throw new RefusedError('forbidden', 'Only the portfolio’s lead or an OMB lead reviews access.');
  }
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('access_reviews')
      .select('id')
      .where('portfolio_id', '=', input.portfolioId)
      .where('fiscal_year', '=', input.fy)
      .where('quarter', '=', input.q)
      .executeTakeFirst();
    if (done) {
      throw new RefusedError(
        'conflict',
        `The FY ${input.fy} Q${input.q} review is already confirmed.`,
      );
    }
    const row = await trx
      .insertInto('access_reviews')
      .values({
        portfolio_id: input.portfolioId,
        fiscal_year: input.fy,
        quarter: input.q,
        reviewed_by: input.actor.personId,
        reviewed_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actor.personId,
      action: 'confirm_review',
      entityType: 'access_review',
      entityId: row.id,
      portfolioId: input.portfolioId,
      before: null,
      after: { fiscal_year: input.fy, quarter: input.q },
      at,
    });
  });
}

/**
 * Removes a person's membership of a portfolio at an access review. A person left with no role
 * anywhere has their account turned off and their sessions ended: the workspace lets every
 * signed-in person read the program, so an account without a role must not stay open.
 */
export async function removeAccess(
  db: DB,
  input: { actor: UserRoles; portfolioId: number; personId: number; at?: string },
): Promise<void> {
  const at = input.at ?? new Date().toISOString();
  if (!can(input.actor, 'access.manage', { portfolioId: input.portfolioId })) {
    throw new RefusedError('forbidden', 'Only the portfolio’s lead or an OMB lead removes access.');
  }
  if (input.personId === input.actor.personId) {
    throw new RefusedError('invalid', 'You cannot remove your own access. Ask an OMB lead.');
  }
  await db.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom('portfolio_memberships')
      .innerJoin('people', 'people.id', 'portfolio_memberships.person_id')
      .select(['portfolio_memberships.role', 'people.name', 'people.is_omb_lead'])
      .where('portfolio_memberships.portfolio_id', '=', input.portfolioId)
      .where('portfolio_memberships.person_id', '=', input.personId)
      .executeTakeFirst();
    if (!membership) {
      throw new RefusedError('not_found', 'That person has no role in this portfolio.');
    }
    await trx
      .deleteFrom('portfolio_memberships')
      .where('portfolio_id', '=', input.portfolioId)
      .where('person_id', '=', input.personId)
      .execute();
    await recordAudit(trx, {
      actorId: input.actor.personId,
      action: 'remove_access',
      entityType: 'portfolio',
      entityId: input.portfolioId,
      portfolioId: input.portfolioId,
      before: { person: membership.name, role: membership.role },
      after: null,
      at,
    });
    const roles = await rolesOf(trx, input.personId);
    const none =
      membership.is_omb_lead !== 1 &&
      roles.memberships.size === 0 &&
      roles.pocFor.length === 0 &&
      roles.pmcFor.length === 0;
    if (none) await deactivate(trx, input.personId, 'removed', input.actor.personId, at);
  });
}

/** Turns an account off and ends its sessions; false when it was off already. */
async function deactivate(
  trx: Trx,
  personId: number,
  reason: DeactivationReason,
  actorId: number | null,
  at: string,
): Promise<boolean> {
  const row = await trx
    .updateTable('people')
    .set({ deactivated_at: at, deactivated_reason: reason })
    .where('id', '=', personId)
    .where('deactivated_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (!row) return false;
  await deleteSessionsOf(trx, personId);
  // Once per portfolio the person was in, so each portfolio's history (and lead) sees it.
  const portfolios = await trx
    .selectFrom('portfolio_memberships')
    .select('portfolio_id')
    .where('person_id', '=', personId)
    .execute();
  for (const portfolioId of portfolios.length > 0
    ? portfolios.map((p) => p.portfolio_id)
    : [null]) {
    await recordAudit(trx, {
      actorId,
      action: 'deactivate',
      entityType: 'account',
      entityId: personId,
      portfolioId,
      before: { deactivated_reason: null },
      after: { deactivated_reason: reason, name: row.name },
      at,
    });
  }
  await notify(
    trx,
    accountTurnedOff({
      personId,
      name: row.name,
      reason,
      at,
      portfolios: await portfolioLeads(
        trx,
        portfolios.map((p) => p.portfolio_id),
      ),
      actorId,
    }),
    at,
  );
  return true;
}

/**
 * Turns off every account unused for `days` days (AC-2(3)); demo accounts are not people and
 * stay. Safe to run on several servers at once: each account is turned off, and audited, once.
 * Returns how many were turned off.
 */
export async function deactivateDormantAccounts(
  db: DB,
  input: { now: Date; days: number },
): Promise<number> {
  const at = input.now.toISOString();
  let count = 0;
  const people = (await dormancyCandidates(db)).filter((p) =>
    isDormant(
      {
        lastSignInAt: p.last_sign_in_at ? new Date(p.last_sign_in_at) : null,
        createdAt: new Date(p.created_at),
        deactivated: false,
        demo: false,
      },
      input.now,
      input.days,
    ),
  );
  for (const person of people) {
    const done = await db
      .transaction()
      .execute((trx) => deactivate(trx, person.id, 'inactive', null, at));
    if (done) count += 1;
  }
  return count;
}
