import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import type { Action } from '~/domain/policy';
import { found } from '~/http.server';
import { pathParam } from '~/params.server';
import { IdParam } from '~/schemas/params';
import { getDb } from '#db/client';
import { getPlan } from '#db/queries/plans';

/** The signed-in person and the plan named by the URL, authorized for `action`. */
export async function loadPlanFor(request: Request, idParam: string | undefined, action: Action) {
  const user = await requireUser(request);
  const detail = found(await getPlan(getDb(), pathParam(IdParam, idParam)));
  authorize(user, action, { portfolioId: detail.plan.portfolio_id });
  return { user, ...detail };
}
