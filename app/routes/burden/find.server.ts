import type { Action } from '~/domain/policy';
import { authorize, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { getAssessment } from '#db/queries/burden';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the assessment named by the URL, authorized for `action`. */
export async function requireAssessment(
  { request, context }: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const user = requireUser({ request, context });
  const detail = found(await getAssessment(dbOf(context), pathParam(IdParam, idParam)));
  authorize(user, action, { portfolioId: detail.assessment.portfolio_id });
  return { user, detail };
}
