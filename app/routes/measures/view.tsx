/**
 * A success measure (issue 20): its status and why, the chart of its actual values against the
 * line from baseline to target with the same figures as a table, and the form that records the
 * next value. The rule is app/domain/measures/status.ts; the words are app/presenters/measures.ts.
 */
import { getFormProps, useForm } from '@conform-to/react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/view';
import { MeasureChart } from '~/components/charts/measure-chart';
import { TextField } from '~/components/ui/field';
import { FormErrors, TextAreaField } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { Table } from '~/components/ui/table';
import { can } from '~/domain/policy';
import { measureDetail } from '~/presenters/measures';
import { MeasureActionSchema } from '~/schemas/measure';
import { measureActuals, sourcedValues } from '#db/queries/measures';
import { SOURCE_LABELS } from '~/domain/measures/sources';
import { addActual, removeActual } from '~/commands/measures';
import { requireMeasure } from '~/routes/measures/find.server';
import { dbOf } from '~/web/context.server';
import { dispatch } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.measure.name ?? 'Success measure'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, measure } = await requireMeasure(
    { request, context },
    params.measureId,
    'portfolio.read',
  );
  const today = new Date().toISOString().slice(0, 10);
  const sourced =
    measure.source_kind === 'manual'
      ? null
      : ((await sourcedValues(dbOf(context), [measure], today)).get(measure.id) ?? {
          values: [],
          skipped: [],
        });
  const actuals = sourced
    ? sourced.values.map((v, i) => ({
        id: -(i + 1),
        value: v.value,
        on_date: v.date,
        note: v.note,
      }))
    : await measureActuals(dbOf(context), measure.id);
  const source =
    measure.source_kind === 'survey_trust' && measure.source_collection_id !== null
      ? { name: measure.source_collection_name, href: `/surveys/${measure.source_collection_id}` }
      : measure.source_assessment_id !== null && measure.source_kind !== 'manual'
        ? { name: measure.source_assessment_title, href: `/burden/${measure.source_assessment_id}` }
        : null;
  return {
    measure: {
      id: measure.id,
      name: measure.name,
      projectId: measure.project_id,
      projectName: measure.project_name,
      portfolioSlug: measure.portfolio_slug,
      portfolioName: measure.portfolio_name,
      ownerAgency: measure.owner_agency,
    },
    detail: measureDetail(measure, actuals, today),
    sourced: sourced
      ? { kind: SOURCE_LABELS[measure.source_kind], source, skipped: sourced.skipped }
      : null,
    mayEdit: can(user, 'measure.edit', { portfolioId: measure.portfolio_id }),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, measure } = await requireMeasure(
    { request, context },
    params.measureId,
    'measure.edit',
  );
  const scope = {
    projectId: measure.project_id,
    portfolioId: measure.portfolio_id,
    measureId: measure.id,
    actorId: user.personId,
  };
  const back = `/measures/${measure.id}`;
  return dispatch(await request.formData(), MeasureActionSchema, {
    add_actual: async (v) => {
      await addActual(dbOf(context), { ...scope, value: v.value, onDate: v.onDate, note: v.note });
      return `${back}#actuals`;
    },
    remove_actual: async (v) => {
      await removeActual(dbOf(context), { ...scope, actualId: v.actualId });
      return `${back}#actuals`;
    },
  });
}

export default function MeasurePage({ loaderData, actionData }: Route.ComponentProps) {
  const { measure, detail, sourced } = loaderData;
  // A sourced measure's values are read from its source: nothing to record or remove here.
  const mayEdit = loaderData.mayEdit && !sourced;
  const mayEditMeasure = loaderData.mayEdit;
  const { summary } = detail;
  const [form, fields] = useForm<{ value: string; onDate: string; note: string }>({
    id: 'add-actual',
    lastResult: actionData?.intent === 'add_actual' ? actionData.result : undefined,
    shouldValidate: 'onSubmit',
  });
  const removeErrors =
    actionData?.intent === 'remove_actual' ? actionData.result.error?.[''] : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${measure.portfolioSlug}`, label: measure.portfolioName },
          { to: `/projects/${measure.projectId}`, label: measure.projectName },
          { label: measure.name },
        ]}
      />
      <h1>{measure.name}</h1>
      <p className="usa-intro">{detail.definition}</p>
      <div
        className={`usa-alert usa-alert--slim usa-alert--${summary.status === 'on_track' ? 'success' : summary.status === 'no_recent_data' ? 'info' : 'warning'}`}
        data-testid="measure-status"
      >
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            <strong>{summary.statusLabel}.</strong> {summary.reason}
          </p>
        </div>
      </div>
      <dl className="facts margin-y-2">
        <dt>From baseline to target</dt>
        <dd>{summary.goal}</dd>
        <dt>Data source</dt>
        <dd>{detail.dataSource}</dd>
        {sourced ? (
          <>
            <dt>Actual values from</dt>
            <dd>
              {sourced.kind}
              {sourced.source ? (
                <>
                  : <Link to={sourced.source.href}>{sourced.source.name}</Link>
                </>
              ) : (
                ': the source was removed'
              )}
              , read each time this page is shown.
            </dd>
          </>
        ) : null}
        <dt>Measured</dt>
        <dd>{detail.cadence}</dd>
        <dt>Tolerance</dt>
        <dd>{detail.tolerance} of the way from baseline to target</dd>
        {measure.ownerAgency ? (
          <>
            <dt>Owner agency</dt>
            <dd>{measure.ownerAgency}</dd>
          </>
        ) : null}
      </dl>
      {mayEditMeasure ? (
        <p>
          <Link to={`/measures/${measure.id}/edit`}>Edit this success measure</Link>
        </p>
      ) : null}

      <h2 id="actuals">Actual values</h2>
      <MeasureChart
        name={measure.name}
        unit={detail.chart.unit}
        line={[detail.chart.line[0]!, detail.chart.line[1]!]}
        actuals={detail.chart.actuals}
      />
      <FormErrors id="remove-errors" errors={removeErrors ?? undefined} />
      {sourced && sourced.skipped.length > 0 ? (
        <>
          <p>Quarters without a value:</p>
          <ul>
            {sourced.skipped.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </>
      ) : null}
      {detail.rows.length === 0 ? (
        <p>No actual values recorded yet.</p>
      ) : (
        <Table label={`Actual values of ${measure.name}`}>
          <caption>Each actual value beside what the line expected on its date</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Actual</th>
              <th scope="col">Expected</th>
              <th scope="col">Note</th>
              {mayEdit ? <th scope="col">Remove</th> : null}
            </tr>
          </thead>
          <tbody>
            {detail.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.date}</th>
                <td>{r.actual}</td>
                <td>{r.expected}</td>
                <td>{r.note}</td>
                {mayEdit ? (
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove_actual" />
                      <input type="hidden" name="actualId" value={r.id} />
                      <button type="submit" className="usa-button usa-button--unstyled">
                        Remove<span className="usa-sr-only"> the value of {r.date}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {mayEdit ? (
        <section aria-labelledby="record-actual">
          <h2 id="record-actual">Record an actual value</h2>
          <FormErrors id={form.errorId} errors={form.errors} />
          {/* A new form once a value is recorded, so the next one starts empty. */}
          <Form method="post" className="usa-form" {...getFormProps(form)} key={detail.rows.length}>
            <input type="hidden" name="intent" value="add_actual" />
            <TextField field={fields.value} label="Value" hint="For example 72.5." />
            <TextField field={fields.onDate} label="Date" type="date" hint="As YYYY-MM-DD." />
            <TextAreaField field={fields.note} label="Note (optional)" rows={2} />
            <button type="submit" className="usa-button">
              Record value
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
