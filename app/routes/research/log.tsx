import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/log';
import { listQuery } from '~/web/archive.server';
import { ArchivedFilter, ArchivedTag, DeletedNotice } from '~/components/archive/archive-controls';
import { ActivityFields, useActivityForm } from '~/components/research/activity-form';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { METHOD_LABELS } from '~/domain/pra/labels';
import { PHASE_LABELS } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, refusal, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { ActivitySchema } from '~/schemas/research';
import { countArchivedActivities } from '#db/queries/archive';
import { getProject } from '#db/queries/projects';
import { listActivitiesForProject } from '#db/queries/research';
import { createActivity } from '~/commands/research';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Research log | Life Experience Workspace' },
];

async function load({ request, context }: RequestArgs, projectId: string | undefined) {
  const user = requireUser({ request, context });
  const { project } = found(await getProject(dbOf(context), pathParam(IdParam, projectId)));
  authorize(user, 'portfolio.read', { portfolioId: project.portfolio_id });
  return { user, project };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, project } = await load({ request, context }, params.projectId);
  const { showArchived, deleted } = listQuery(request);
  const [activities, archived] = await Promise.all([
    listActivitiesForProject(dbOf(context), project.id, { includeArchived: showArchived }),
    countArchivedActivities(dbOf(context), project.id),
  ]);
  return {
    project,
    activities,
    archived: { count: archived, showing: showArchived },
    deleted,
    mayEdit: can(user, 'research.edit', { portfolioId: project.portfolio_id }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, project } = await load({ request, context }, params.projectId);
  authorize(user, 'research.edit', { portfolioId: project.portfolio_id });
  const submission = parseWithZod(await request.formData(), { schema: ActivitySchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  let id: number;
  try {
    id = await createActivity(dbOf(context), {
      projectId: project.id,
      portfolioId: project.portfolio_id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/research/${id}`);
}

export default function ResearchLog({ loaderData, actionData }: Route.ComponentProps) {
  const { project, activities, mayEdit, archived, deleted } = loaderData;
  const [form, fields] = useActivityForm({
    lastResult: actionData?.result,
    defaults: {
      title: '',
      method: 'interviews',
      purpose: '',
      questions: '',
      unscripted: false,
      phase: project.phase,
      screeningQuestions: '',
      incentiveDollars: '',
      incentiveKind: '',
      counselApproved: false,
    },
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'Research log' },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={form} />
      <h1>Research log: {project.name}</h1>
      <DeletedNotice kind={deleted} />
      <p>
        Every interview round, test and survey, with its participants as pseudonymous codes.{' '}
        <Link to={`/portfolios/${project.portfolio_slug}/pra`}>See the portfolio’s PRA status</Link>
        .
        {archived.count > 0
          ? ' Archived activities are hidden here but still count toward the PRA limit: their participants were asked.'
          : ''}
      </p>
      <ArchivedFilter {...archived} path={`/projects/${project.id}/research`} />
      {activities.length === 0 ? (
        <p>No research activities yet.</p>
      ) : (
        <Table label="Research activities">
          <caption className="usa-sr-only">Research activities</caption>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Method</th>
              <th scope="col">Phase</th>
              <th scope="col" className="text-right">
                Sessions
              </th>
              <th scope="col" className="text-right">
                People
              </th>
            </tr>
          </thead>
          <tbody>
            {activities.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/research/${a.id}`}>{a.title}</Link>
                  <ArchivedTag at={a.archived_at} />
                </th>
                <td>
                  {METHOD_LABELS[a.method]}
                  {a.unscripted ? ' (unscripted)' : ''}
                </td>
                <td>{PHASE_LABELS[a.phase]}</td>
                <td className="text-right">{Number(a.sessions ?? 0)}</td>
                <td className="text-right">{Number(a.people ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {mayEdit ? (
        <section aria-labelledby="new-activity">
          <h2 id="new-activity">New research activity</h2>
          <ActivityFields form={form} fields={fields} hidden={{}} submitLabel="Create activity" />
        </section>
      ) : null}
    </>
  );
}
