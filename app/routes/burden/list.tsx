import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/list';
import { listQuery } from '~/web/archive.server';
import { ArchivedFilter, ArchivedTag, DeletedNotice } from '~/components/archive/archive-controls';
import { TextField } from '~/components/ui/field';
import { FormErrors, SelectField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { totalMoney } from '~/domain/burden/calc';
import { dollars, hours } from '~/domain/burden/display';
import { versionText } from '~/domain/journey/types';
import { can } from '~/domain/policy';
import { authorize, refusal } from '~/web/toolkit.server';
import { AssessmentSchema } from '~/schemas/burden';
import { countArchived } from '#db/queries/archive';
import { listAssessments, portfolioRollup } from '#db/queries/burden';
import { createAssessment } from '~/commands/burden';
import { listJourneys } from '#db/queries/journeys';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { Table } from '~/components/ui/table';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Burden assessments | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  const db = dbOf(context);
  const { showArchived, deleted } = listQuery(request);
  const [assessments, maps, rollup, archived] = await Promise.all([
    listAssessments(db, portfolio.id, { includeArchived: showArchived }),
    listJourneys(db, portfolio.id),
    portfolioRollup(db, portfolio.id),
    countArchived(db, 'burden_assessment', portfolio.id),
  ]);
  return {
    portfolio,
    assessments,
    archived: { count: archived, showing: showArchived },
    deleted,
    maps: maps.map((m) => ({
      id: m.id,
      label: `${m.title} (${versionText(m.version_label, m.version_name)})`,
    })),
    rollup: {
      hours: hours(rollup.baseline.time),
      cost: dollars(totalMoney(rollup.baseline)),
      reducedHours: hours(rollup.reduced.time),
      reducedCost: dollars(totalMoney(rollup.reduced)),
    },
    mayEdit: can(user, 'burden.edit', { portfolioId: portfolio.id }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  authorize(user, 'burden.edit', { portfolioId: portfolio.id });
  const submission = parseWithZod(await request.formData(), { schema: AssessmentSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  let id: number;
  try {
    id = await createAssessment(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      title: v.title,
      journeyMapId: v.journeyMapId ?? null,
      serviceName: v.journeyMapId ? '' : v.serviceName,
      wageCents: v.wageDollars ?? null,
      wageSource: v.wageSource,
      multiplierMilli: v.multiplier ?? 1000,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/burden/${id}`);
}

export default function BurdenList({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, assessments, maps, rollup, mayEdit, archived, deleted } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    schema: () => import('~/schemas/burden').then((m) => m.AssessmentSchema),
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Burden' },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={form} />
      <h1>Holistic burden: {portfolio.name}</h1>
      <DeletedNotice kind={deleted} />
      <p className="usa-intro">
        Learning, compliance and psychological costs (A-11 280.12, M-22-10): {rollup.hours} hours
        and {rollup.cost} a year across the baseline assessments; {rollup.reducedHours} hours and{' '}
        {rollup.reducedCost} reduced so far by planned redesigns.
        {archived.count > 0 ? ' Archived assessments are not counted.' : ''}
      </p>
      <ArchivedFilter {...archived} path={`/portfolios/${portfolio.slug}/burden`} />
      {assessments.length === 0 ? (
        <p>No assessments yet.</p>
      ) : (
        <Table label="Burden assessments">
          <caption className="usa-sr-only">Burden assessments</caption>
          <thead>
            <tr>
              <th scope="col">Assessment</th>
              <th scope="col">Of</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {assessments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/burden/${a.id}`}>{a.title}</Link>
                  <ArchivedTag at={a.archived_at} />
                </th>
                <td>{a.map_title ?? a.service_name}</td>
                <td>
                  {a.baseline_id ? (
                    <Link to={`/burden/compare?before=${a.baseline_id}&after=${a.id}`}>
                      To-be (compare)
                    </Link>
                  ) : (
                    'Baseline'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {mayEdit ? (
        <section aria-labelledby="new-heading">
          <h2 id="new-heading">New assessment</h2>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <TextField field={fields.title} label="Title" />
            <SelectField
              field={fields.journeyMapId}
              label="Journey map"
              placeholder="None: a named service"
              options={maps.map((m) => ({ value: m.id, label: m.label }))}
            />
            <TextField
              field={fields.serviceName}
              label="Service name (when not on a journey map)"
            />
            <TextField
              field={fields.wageDollars}
              label="Hourly wage (dollars), if not the workspace default"
            />
            <TextField field={fields.wageSource} label="Wage source" />
            <TextField
              field={fields.multiplier}
              label="Loaded-wage multiplier (optional)"
              hint="For example 1.6 for a 60% fringe."
            />
            <button type="submit" className="usa-button">
              Create assessment
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
