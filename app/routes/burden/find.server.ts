import type { Action } from '~/domain/policy';
import { getAssessment } from '#db/queries/burden';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the assessment named by the URL, authorized for `action`. */
export async function requireAssessment(
  args: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    idParam,
    action,
    getAssessment,
    (d) => d.assessment.portfolio_id,
  );
  return { user, detail: record };
}
