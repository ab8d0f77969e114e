import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/list';
import { TextField } from '~/components/ui/field';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { fiscalYearOf } from '~/domain/dates';
import { daysLeft, dueText, STATUS_LABELS } from '~/domain/plans/status';
import { formatDate } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, refusal } from '~/web/toolkit.server';
import { NewPlanSchema } from '~/schemas/plan';
import { listPlans } from '#db/queries/plans';
import { createPlan } from '~/commands/plans';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { Table } from '~/components/ui/table';
import { defaultPlanTitle } from '~/domain/plans/document';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'CX Action Plans | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  const today = new Date().toISOString().slice(0, 10);
  const plans = await listPlans(dbOf(context), portfolio.id);
  return {
    portfolio,
    // Days left to each date while the plan is not final (A-11 280.12).
    plans: plans.map((p) => ({
      ...p,
      draftDays: p.status === 'final' ? null : daysLeft(p.draft_due, today),
      finalDays: p.status === 'final' ? null : daysLeft(p.final_due, today),
    })),
    nextFy: fiscalYearOf(new Date()) + 1,
    mayEdit: can(user, 'plan.edit', { portfolioId: portfolio.id }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  authorize(user, 'plan.edit', { portfolioId: portfolio.id });
  const submission = parseWithZod(await request.formData(), { schema: NewPlanSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  let id: number;
  try {
    id = await createPlan(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      fiscalYear: submission.value.fiscalYear,
      title:
        submission.value.title || defaultPlanTitle(portfolio.name, submission.value.fiscalYear),
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/plans/${id}`);
}

export default function Plans({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, plans, nextFy, mayEdit } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    // The title is left blank: the server names the plan after the fiscal year entered, so a
    // changed year cannot leave a title naming another.
    defaultValue: { fiscalYear: String(nextFy) },
    schema: () => import('~/schemas/plan').then((m) => m.NewPlanSchema),
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'CX Action Plans' },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={form} />
      <h1>CX Action Plans: {portfolio.name}</h1>
      {plans.length === 0 ? (
        <p>No plans yet.</p>
      ) : (
        <Table label="CX Action Plans by fiscal year">
          <caption className="usa-sr-only">CX Action Plans by fiscal year</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Fiscal year</th>
              <th scope="col">Status</th>
              <th scope="col">Draft due</th>
              <th scope="col">Final due</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/plans/${p.id}`}>{p.title}</Link>
                </th>
                <td>FY {p.fiscal_year}</td>
                <td>{STATUS_LABELS[p.status]}</td>
                <td>
                  {formatDate(p.draft_due)}
                  {p.draftDays !== null ? ` (${dueText(p.draftDays)})` : ''}
                </td>
                <td>
                  {formatDate(p.final_due)}
                  {p.finalDays !== null ? ` (${dueText(p.finalDays)})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {mayEdit ? (
        <section aria-labelledby="new-plan">
          <h2 id="new-plan">Start a plan</h2>
          <p>
            The plan starts from the sections A-11 280.15 names, with its fiscal year’s draft and
            final due dates from the A-11 calendar (280.12).
          </p>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <TextField field={fields.fiscalYear} label="Fiscal year" type="number" />
            <TextField
              field={fields.title}
              label="Title (optional)"
              hint={`Left blank, it is named like “${defaultPlanTitle(portfolio.name, nextFy)}”, with the fiscal year you enter.`}
            />
            <button type="submit" className="usa-button">
              Start plan
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
