import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { EvaluationForm } from '~/components/evaluations/evaluation-form';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { designEditable } from '~/domain/evaluations/plan';
import { refusal } from '~/web/toolkit.server';
import { EditEvaluationSchema } from '~/schemas/evaluation';
import { evaluationActivities, projectActivities } from '#db/queries/evaluations';
import { updateEvaluation } from '~/commands/evaluations';
import { requireEvaluation } from '~/routes/evaluations/find.server';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Edit ${data?.plan.title ?? 'evaluation plan'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { plan } = await requireEvaluation(
    { request, context },
    params.evaluationId,
    'evaluation.edit',
  );
  const db = dbOf(context);
  const [activities, linked] = await Promise.all([
    projectActivities(db, plan.project_id),
    evaluationActivities(db, plan.id),
  ]);
  return { plan, activities, linked: linked.map((a) => String(a.id)) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, plan } = await requireEvaluation(
    { request, context },
    params.evaluationId,
    'evaluation.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: EditEvaluationSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  const { version, ...values } = submission.value;
  try {
    await updateEvaluation(dbOf(context), {
      projectId: plan.project_id,
      portfolioId: plan.portfolio_id,
      planId: plan.id,
      actorId: user.personId,
      version,
      values,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/evaluations/${plan.id}`);
}

export default function EditEvaluation({ loaderData, actionData }: Route.ComponentProps) {
  const { plan: p, activities, linked } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${p.portfolio_slug}`, label: p.portfolio_name },
          { to: `/projects/${p.project_id}`, label: p.project_name },
          { to: `/evaluations/${p.id}`, label: p.title },
          { label: 'Edit' },
        ]}
      />
      <h1>Edit the evaluation plan “{p.title}”</h1>
      {designEditable(p.status) ? (
        <EvaluationForm
          key={p.version}
          version={p.version}
          activities={activities}
          lastResult={actionData?.result}
          stale={actionData?.stale}
          submitLabel="Save the plan"
          defaults={{
            title: p.title,
            questions: p.questions,
            design: p.design,
            designDetail: p.design_detail,
            population: p.population,
            sample: p.sample,
            analysisPlan: p.analysis_plan,
            decisionRule: p.decision_rule,
            activityIds: linked,
          }}
        />
      ) : (
        <Alert type="info" heading="This plan’s design is set">
          It is approved, so its design stays as it was before the data arrived. A lead can take it
          back to draft from the plan’s page while it is not yet under way.
        </Alert>
      )}
    </>
  );
}
