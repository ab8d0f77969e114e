import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { MeasureForm } from '~/components/measures/measure-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { NewMeasureSchema } from '~/schemas/measure';
import { listAgencies } from '#db/queries/portfolio-admin';
import { measureSourceChoices } from '#db/queries/measures';
import { createMeasure } from '~/commands/measures';
import { dbOf, type RequestArgs } from '~/web/context.server';
import { requireProject } from '~/routes/projects/find.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New success measure | Life Experience Workspace' },
];

const load = (args: RequestArgs, projectId: string | undefined) =>
  requireProject(args, projectId, 'measure.edit');

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { project } = await load({ request, context }, params.projectId);
  const [agencies, sources] = await Promise.all([
    listAgencies(dbOf(context)),
    measureSourceChoices(dbOf(context), project.portfolio_id),
  ]);
  return { project, agencies, sources };
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
  const { project, agencies, sources } = loaderData;
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
        sources={sources}
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
          sourceKind: 'manual',
          sourceCollectionId: '',
          sourceAssessmentId: '',
        }}
      />
    </>
  );
}
