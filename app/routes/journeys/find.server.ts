import type { Action } from '~/domain/policy';
import { authorize, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { getJourney } from '#db/queries/journeys';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the journey map named by the URL, authorized for `action`. */
export async function requireJourney(
  { request, context }: RequestArgs,
  mapIdParam: string | undefined,
  action: Action,
) {
  const user = requireUser({ request, context });
  const journey = found(await getJourney(dbOf(context), pathParam(IdParam, mapIdParam)));
  authorize(user, action, { portfolioId: journey.map.portfolio_id });
  return { user, journey };
}
