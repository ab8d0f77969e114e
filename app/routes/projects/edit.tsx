import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { ProjectForm } from '~/components/project/project-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { authorize, refusal, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { EditProjectSchema } from '~/schemas/project';
import { portfolioAgencies } from '#db/queries/portfolios';
import { getProject } from '#db/queries/projects';
import { updateProject } from '~/commands/projects';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Edit ${data?.project.name ?? 'project'} | Life Experience Workspace` },
];

async function load({ request, context }: RequestArgs, projectId: string | undefined) {
  const user = requireUser({ request, context });
  const id = pathParam(IdParam, projectId);
  const detail = found(await getProject(dbOf(context), id));
  authorize(user, 'project.edit', { portfolioId: detail.project.portfolio_id });
  return { user, ...detail };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { project, agencies } = await load({ request, context }, params.projectId);
  return {
    project,
    involved: agencies.map((a) => String(a.id)),
    portfolioAgencies: await portfolioAgencies(dbOf(context), project.portfolio_id),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, project } = await load({ request, context }, params.projectId);
  const submission = parseWithZod(await request.formData(), { schema: EditProjectSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  const { version, ...values } = submission.value;
  try {
    await updateProject(dbOf(context), {
      projectId: project.id,
      actorId: user.personId,
      version,
      values,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/projects/${project.id}`);
}

export default function EditProject({ loaderData, actionData }: Route.ComponentProps) {
  const { project, involved, portfolioAgencies } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'Edit' },
        ]}
      />
      <h1>Edit project</h1>
      <ProjectForm
        key={project.version}
        version={project.version}
        lastResult={actionData?.result}
        stale={actionData?.stale}
        agencies={portfolioAgencies}
        submitLabel="Save project"
        defaults={{
          name: project.name,
          summary: project.summary,
          painPoints: project.pain_points,
          outcomesShortTerm: project.outcomes_short_term,
          outcomesLongTerm: project.outcomes_long_term,
          theoryOfChange: project.theory_of_change,
          agencies: involved,
          ownerAgencyId: project.owner_agency_id ? String(project.owner_agency_id) : '',
          health: project.health,
          healthReason: project.health_reason ?? '',
        }}
      />
    </>
  );
}
