import { requireUser } from '~/auth/session.server';
import { authorize } from '~/auth/authorize.server';
import type { Action } from '~/domain/policy';
import { found } from '~/http.server';
import { pathParam } from '~/params.server';
import { IdParam } from '~/schemas/params';
import { getDb } from '#db/client';
import { getJourney } from '#db/queries/journeys';

/** The signed-in person and the journey map named by the URL, authorized for `action`. */
export async function loadJourneyFor(
  request: Request,
  mapIdParam: string | undefined,
  action: Action,
) {
  const user = await requireUser(request);
  const journey = found(await getJourney(getDb(), pathParam(IdParam, mapIdParam)));
  authorize(user, action, { portfolioId: journey.map.portfolio_id });
  return { user, journey };
}
