import type { Action } from '~/domain/policy';
import { authorize, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { getPlan } from '#db/queries/plans';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the plan named by the URL, authorized for `action`. */
export async function requirePlan(
  { request, context }: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const user = requireUser({ request, context });
  const detail = found(await getPlan(dbOf(context), pathParam(IdParam, idParam)));
  authorize(user, action, { portfolioId: detail.plan.portfolio_id });
  return { user, ...detail };
}
