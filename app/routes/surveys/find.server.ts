import type { Action } from '~/domain/policy';
import { getCollection } from '#db/queries/surveys';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/** The signed-in person and the survey collection named by the URL, authorized for `action`. */
export async function requireCollection(
  args: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    idParam,
    action,
    getCollection,
    (c) => c.portfolio_id,
  );
  return { user, collection: record };
}
