import type { Action } from '~/domain/policy';
import { getJourney } from '#db/queries/journeys';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the journey map named by the URL, authorized for `action`. */
export async function requireJourney(
  args: RequestArgs,
  mapIdParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    mapIdParam,
    action,
    getJourney,
    (j) => j.map.portfolio_id,
  );
  return { user, journey: record };
}
