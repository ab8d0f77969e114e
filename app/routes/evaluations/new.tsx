import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { EvaluationForm } from '~/components/evaluations/evaluation-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { NewEvaluationSchema } from '~/schemas/evaluation';
import { projectActivities } from '#db/queries/evaluations';
import { createEvaluation } from '~/commands/evaluations';
import { dbOf, type RequestArgs } from '~/web/context.server';
import { requireProject } from '~/routes/projects/find.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New evaluation plan | Life Experience Workspace' },
];

const load = (args: RequestArgs, projectId: string | undefined) =>
  requireProject(args, projectId, 'evaluation.edit');

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { project } = await load({ request, context }, params.projectId);
  return { project, activities: await projectActivities(dbOf(context), project.id) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, project } = await load({ request, context }, params.projectId);
  const submission = parseWithZod(await request.formData(), { schema: NewEvaluationSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  let id: number;
  try {
    id = await createEvaluation(dbOf(context), {
      projectId: project.id,
      portfolioId: project.portfolio_id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/evaluations/${id}`);
}

export default function NewEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { project, activities } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'New evaluation plan' },
        ]}
      />
      <h1>New evaluation plan</h1>
      <p>
        Plan how the pilot will be judged before its results arrive, following GAO-12-208G,
        Designing Evaluations. A draft can be finished later; approving it asks for every part.
      </p>
      <EvaluationForm
        activities={activities}
        lastResult={actionData?.result}
        submitLabel="Save the draft plan"
        defaults={{
          title: '',
          questions: '',
          design: 'pre_post',
          designDetail: '',
          population: '',
          sample: '',
          analysisPlan: '',
          decisionRule: '',
          activityIds: [],
        }}
      />
    </>
  );
}
