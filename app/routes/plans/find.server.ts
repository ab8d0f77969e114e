import type { Action } from '~/domain/policy';
import { getPlan } from '#db/queries/plans';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the plan named by the URL, authorized for `action`. */
export async function requirePlan(args: RequestArgs, idParam: string | undefined, action: Action) {
  const { user, record } = await findAuthorized(
    args,
    idParam,
    action,
    getPlan,
    (p) => p.plan.portfolio_id,
  );
  return { user, ...record };
}
