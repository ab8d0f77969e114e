import type { Action } from '~/domain/policy';
import { getEvaluation } from '#db/queries/evaluations';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the evaluation plan named by the URL, authorized for `action`. */
export async function requireEvaluation(
  args: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    idParam,
    action,
    getEvaluation,
    (e) => e.portfolio_id,
  );
  return { user, plan: record };
}
