/**
 * An evaluation plan (issue 20, point 2): its design as set, the research it relies on, its
 * status and the next move (approve, back to draft, start, report the findings), and the
 * findings once reported. The rules are app/domain/evaluations/plan.ts.
 */
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/view';
import { TextAreaField, FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { getFormProps, useForm } from '@conform-to/react';
import type { DESIGN_PARTS } from '~/domain/evaluations/plan';
import {
  designEditable,
  EVALUATION_DESIGNS,
  EVALUATION_STATUS_LABELS,
  MOVES,
  type Move,
} from '~/domain/evaluations/plan';
import { can } from '~/domain/policy';
import { EvaluationMoveSchema } from '~/schemas/evaluation';
import { evaluationActivities } from '#db/queries/evaluations';
import { moveEvaluation } from '~/commands/evaluations';
import { requireEvaluation } from '~/routes/evaluations/find.server';
import { dbOf } from '~/web/context.server';
import { authorize, dispatch } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.plan.title ?? 'Evaluation plan'} | Life Experience Workspace` },
];

const PART_LABELS = {
  questions: 'Evaluation questions',
  design_detail: 'How the design is carried out',
  population: 'Population',
  sample: 'Sample',
  analysis_plan: 'Analysis plan',
  decision_rule: 'Decision rule',
} as const satisfies Record<keyof typeof DESIGN_PARTS, string>;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, plan } = await requireEvaluation(
    { request, context },
    params.evaluationId,
    'portfolio.read',
  );
  const target = { portfolioId: plan.portfolio_id };
  const mayEdit = can(user, 'evaluation.edit', target);
  const mayApprove = can(user, 'evaluation.approve', target);
  // The moves this person may make from where the plan is.
  const moves = (Object.keys(MOVES) as Move[]).filter(
    (m) =>
      MOVES[m].from === plan.status && (m === 'approve' || m === 'reopen' ? mayApprove : mayEdit),
  );
  return {
    plan,
    activities: await evaluationActivities(dbOf(context), plan.id),
    moves: moves.map((m) => ({ move: m, label: MOVES[m].label })),
    mayEdit: mayEdit && designEditable(plan.status),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, plan } = await requireEvaluation(
    { request, context },
    params.evaluationId,
    'evaluation.edit',
  );
  const target = { portfolioId: plan.portfolio_id };
  const back = `/evaluations/${plan.id}`;
  const move = async (m: Move, version: number, findings?: string) => {
    if (m === 'approve' || m === 'reopen') authorize(user, 'evaluation.approve', target);
    await moveEvaluation(dbOf(context), {
      projectId: plan.project_id,
      portfolioId: plan.portfolio_id,
      planId: plan.id,
      actorId: user.personId,
      version,
      move: m,
      ...(findings === undefined ? {} : { findings }),
    });
    return back;
  };
  return dispatch(await request.formData(), EvaluationMoveSchema, {
    approve: (v) => move('approve', v.version),
    reopen: (v) => move('reopen', v.version),
    start: (v) => move('start', v.version),
    report: (v) => move('report', v.version, v.findings),
  });
}

export default function EvaluationPage({ loaderData, actionData }: Route.ComponentProps) {
  const { plan: p, activities, moves, mayEdit } = loaderData;
  const version = actionData?.stale?.version ?? p.version;
  const [form, fields] = useForm<{ findings: string }>({
    id: 'report',
    lastResult: actionData?.intent === 'report' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  });
  const errors =
    actionData && actionData.intent !== 'report' ? actionData.result.error?.[''] : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${p.portfolio_slug}`, label: p.portfolio_name },
          { to: `/projects/${p.project_id}`, label: p.project_name },
          { label: p.title },
        ]}
      />
      <h1>{p.title}</h1>
      <p data-testid="evaluation-status">
        <strong>{EVALUATION_STATUS_LABELS[p.status]}</strong> evaluation plan,{' '}
        {EVALUATION_DESIGNS[p.design].toLowerCase()} design.
      </p>
      <FormErrors id="move-errors" errors={errors ?? undefined} heading="Not moved" />
      {mayEdit ? (
        <p>
          <Link to={`/evaluations/${p.id}/edit`}>Edit the plan</Link>
        </p>
      ) : null}
      {moves
        .filter((m) => m.move !== 'report')
        .map((m) => (
          <Form method="post" key={m.move} className="display-inline-block margin-right-1">
            <input type="hidden" name="intent" value={m.move} />
            <input type="hidden" name="version" value={version} />
            <button
              type="submit"
              className={`usa-button${m.move === 'reopen' ? ' usa-button--outline' : ''}`}
            >
              {m.label}
            </button>
          </Form>
        ))}

      <h2>Design</h2>
      <dl className="facts">
        {(Object.keys(PART_LABELS) as (keyof typeof PART_LABELS)[]).map((k) => (
          <div key={k}>
            <dt>{PART_LABELS[k]}</dt>
            <dd style={{ whiteSpace: 'pre-wrap' }}>{p[k].trim() || 'Not written yet.'}</dd>
          </div>
        ))}
      </dl>

      <h2>Research it relies on</h2>
      {activities.length === 0 ? (
        <p>No research activity linked.</p>
      ) : (
        <ul className="usa-list">
          {activities.map((a) => (
            <li key={a.id}>
              <Link to={`/research/${a.id}`}>{a.title}</Link> (its participants count under the
              Paperwork Reduction Act on its own page)
            </li>
          ))}
        </ul>
      )}

      <h2>Findings</h2>
      {p.status === 'reported' ? (
        <p style={{ whiteSpace: 'pre-wrap' }} data-testid="evaluation-findings">
          {p.findings}
        </p>
      ) : moves.some((m) => m.move === 'report') ? (
        <>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="report" />
            <input type="hidden" name="version" value={version} />
            <TextAreaField
              field={fields.findings}
              label="What the evaluation found"
              hint="The answers to its questions, and what the decision rule decides: scale, iterate or stop."
              rows={5}
            />
            <button type="submit" className="usa-button">
              Report the findings
            </button>
          </Form>
        </>
      ) : (
        <p>Recorded when the evaluation is reported.</p>
      )}
    </>
  );
}
