import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { MeasureForm } from '~/components/measures/measure-form';
import { Breadcrumbs } from '~/components/ui/form';
import { authorize, found, pathParam, refusal } from '~/web/toolkit.server';
import { NewMeasureSchema } from '~/schemas/measure';
import { IdParam } from '~/schemas/params';
import { getProject } from '#db/queries/projects';
import { listAgencies } from '#db/queries/portfolio-admin';
import { createMeasure } from '~/commands/measures';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New success measure | Life Experience Workspace' },
];

async function load({ request, context }: RequestArgs, projectId: string | undefined) {
  const user = requireUser({ request, context });
  const detail = found(await getProject(dbOf(context), pathParam(IdParam, projectId)));
  authorize(user, 'measure.edit', { portfolioId: detail.project.portfolio_id });
  return { user, project: detail.project };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { project } = await load({ request, context }, params.projectId);
  return { project, agencies: await listAgencies(dbOf(context)) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, project } = await load({ request, context }, params.projectId);
  const submission = parseWithZod(await request.formData(), { schema: NewMeasureSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  let id: number;
  try {
    id = await createMeasure(dbOf(context), {
      projectId: project.id,
      portfolioId: project.portfolio_id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/measures/${id}`);
}

export default function NewMeasure({ loaderData, actionData }: Route.ComponentProps) {
  const { project, agencies } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'New success measure' },
        ]}
      />
      <h1>New success measure</h1>
      <p>
        Define what success looks like before the pilot’s results come in: where it starts, where it
        should be by when, and where the figures come from.
      </p>
      <MeasureForm
        agencies={agencies}
        lastResult={actionData?.result}
        submitLabel="Add success measure"
        defaults={{
          name: '',
          definition: '',
          unit: '',
          direction: 'higher',
          baselineValue: '',
          baselineDate: '',
          targetValue: '',
          targetDate: '',
          dataSource: '',
          cadence: 'quarterly',
          tolerance: '',
          ownerAgencyId: '',
        }}
      />
    </>
  );
}
