import type { Action } from '~/domain/policy';
import { historySentences } from '~/presenters/history.server';
import { projectMeasurement } from '~/presenters/measurement.server';
import { cachedPageForPortfolio } from '#db/cache';
import type { DB } from '#db/client';
import { stepsForProject } from '#db/queries/journeys';
import { lastConcurrences, loadGateState, phaseEnteredAt } from '#db/queries/phases';
import { getProject, getProjectChangeLog } from '#db/queries/projects';
import { found } from '~/web/toolkit.server';
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

/**
 * What a project's page shows of it on `today`: the project, its gate, concurrences, measures,
 * linked journey steps and newest changes. The same for every reader, so worked out again only
 * when something in the portfolio (or the workspace) has changed, or on a new day.
 */
export function projectPage(db: DB, project: { id: number; portfolio_id: number }, today: string) {
  const id = project.id;
  return cachedPageForPortfolio(db, project.portfolio_id, `project:${id}:${today}`, async () => {
    const detail = found(await getProject(db, id));
    const [gate, last, entered, changes, journeySteps, measurement] = await Promise.all([
      loadGateState(db, id),
      lastConcurrences(db, [id]),
      phaseEnteredAt(db, [id]),
      getProjectChangeLog(db, id, 20),
      stepsForProject(db, id),
      projectMeasurement(db, id, today),
    ]);
    return {
      detail,
      journeySteps,
      measurement,
      pendingTo: gate?.state.pending?.toPhase ?? null,
      lastConcurrences: last.get(id) ?? new Map<number, Date>(),
      enteredPhase: entered.get(id) ?? null,
      changes: await historySentences(db, changes),
    };
  });
}
