import type { Action } from '~/domain/policy';
import { getMeasure } from '#db/queries/measures';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the success measure named by the URL, authorized for `action`. */
export async function requireMeasure(
  args: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    idParam,
    action,
    getMeasure,
    (m) => m.portfolio_id,
  );
  return { user, measure: record };
}
