import type { Action } from '~/domain/policy';
import { getProject } from '#db/queries/projects';
import { findAuthorized, type RequestArgs } from '~/web/context.server';

/**
 * The signed-in person and the project named by the URL, authorized for `action` in its
 * portfolio: the pages that add a milestone, a success measure or an evaluation plan to it.
 */
export async function requireProject(
  args: RequestArgs,
  idParam: string | undefined,
  action: Action,
) {
  const { user, record } = await findAuthorized(
    args,
    idParam,
    action,
    getProject,
    (d) => d.project.portfolio_id,
  );
  return { user, project: record.project };
}
