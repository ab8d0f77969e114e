import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, Link, redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/assessment';
import { archiveState } from '~/web/archive.server';
import { ArchiveControls } from '~/components/archive/archive-controls';
import { requireAssessment } from '~/routes/burden/find.server';
import { EMPTY_ITEM, ItemFields, useItemForm } from '~/components/burden/item-form';
import { BarChart, CATEGORY_COLORS } from '~/components/charts/bar-chart';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { Breadcrumbs, FormErrors, StaleValues } from '~/components/ui/form';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import {
  CATEGORIES,
  NO_TIME_TAX,
  totalMoney,
  type Burden,
  type PerPerson,
} from '~/domain/burden/calc';
import {
  cents,
  dollars,
  hours,
  hoursNumber,
  perPersonDollars,
  perPersonMinutes,
} from '~/domain/burden/display';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { fromScaled, minutesText } from '~/domain/burden/units';
import { can } from '~/domain/policy';
import { refusal, submitEdit } from '~/web/toolkit.server';
import { pluralize } from '~/domain/plural';
import type { Removal } from '~/domain/removal';
import { askFirst } from '~/web/removal.server';
import { AssessmentSchema, itemColumns, ItemSchema, SegmentSchema } from '~/schemas/burden';
import { IdParam, requiredText, VersionField } from '~/schemas/common';
import { assessmentEdits, copyAssessmentToBe, editAssessment } from '~/commands/burden';
import { useLazyValidation } from '~/components/ui/use-lazy-validation';
import { Table } from '~/components/ui/table';
import { dbOf } from '~/web/context.server';
import { asAuditAction } from '~/domain/audit';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.assessment.title ?? 'Burden assessment'} | Life Experience Workspace` },
];

const Version = z.object({ version: VersionField });
const AddItem = ItemSchema.and(Version);
const AddSegment = SegmentSchema.extend({ version: VersionField });
const DeleteSegment = z.object({ segmentId: IdParam, version: VersionField });
const Details = AssessmentSchema.and(Version);

/** What removing a segment takes away: its share, and its own figures on items. */
const segmentRemoval = (s: { name: string; share: string; overrides: number }): Removal => ({
  what: `the segment “${s.name}”`,
  takes: [
    `its share of the people affected (${s.share}%), which goes back to the base figures`,
    ...(s.overrides > 0 ? [`its own figures on ${pluralize(s.overrides, 'item')}`] : []),
  ],
  confirm: 'Yes, remove the segment',
});
const Copy = z.object({ title: requiredText('title', 200) });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    'portfolio.read',
  );
  const { assessment, items, segments, steps, wage, defaultWage, result, byStage } = detail;
  const archive = await archiveState(
    dbOf(context),
    user,
    'burden_assessment',
    assessment.id,
    assessment.portfolio_id,
  );
  const stepTitle = new Map(steps.map((s) => [s.id, `${s.stage}: ${s.title}`]));
  const row = (b: Burden) => ({
    hours: hours(b.time),
    hoursNumber: hoursNumber(b.time),
    timeMoney: dollars(b.timeMoney),
    outOfPocket: dollars(b.outOfPocket),
    total: dollars(totalMoney(b)),
    totalCents: cents(totalMoney(b)),
  });
  const perPerson = (p: PerPerson) => ({
    minutes: perPersonMinutes(p),
    dollars: perPersonDollars(p),
  });
  return {
    assessment,
    wage: {
      cents: wage.wageCents,
      multiplier: wage.multiplierMilli,
      isDefault: assessment.wage_cents === null,
      defaultWage,
    },
    total: row(result.total),
    // Population-weighted: Σ segment share × segment figure, the base for the share no segment covers.
    perPerson: perPerson(result.perPerson),
    weighted: result.bySegment.length > 0,
    byCategory: CATEGORIES.map((c) => ({
      category: c,
      ...row(result.byCategory[c]),
      perPerson: perPerson(result.perPersonByCategory[c]),
    })),
    byStep: [...result.byStep.entries()].map(([id, b]) => ({
      id,
      title: id === null ? 'Not on a step' : (stepTitle.get(id) ?? 'Step removed'),
      ...row(b),
      perPerson: perPerson(result.perPersonByStep.get(id) ?? NO_TIME_TAX),
    })),
    byStage: byStage.map((s) => ({
      stage: s.stage ?? 'Not on a step',
      ...row(s.burden),
      perPerson: perPerson(s.perPerson),
    })),
    // Hours by stage and category, for the chart: each figure rounded from its exact sum.
    stageChart: byStage
      .filter((s) => s.burden.time > 0n)
      .map((s) => ({
        label: s.stage ?? 'Not on a step',
        values: CATEGORIES.map((c) => hoursNumber(s.byCategory[c].time)),
      })),
    // Each segment's own time tax, then everyone else (the base figures).
    bySegment: result.bySegment.map((s) => ({
      id: s.id,
      name: s.name,
      burden: row(s.burden),
      share: fromScaled(s.shareBp, 2),
      timePercent: s.timePercent,
      perPerson: perPerson(s.perPerson),
    })),
    psychological: result.psychological,
    items: items.map((i) => ({
      id: i.id,
      category: i.category,
      description: i.description,
      step: i.step_id === null ? '—' : (stepTitle.get(i.step_id) ?? '—'),
      people: i.people_per_year.toLocaleString('en-US'),
      occurrences: fromScaled(i.occurrences_hundredths, 2),
      minutes:
        i.category === 'psychological'
          ? i.time_equivalent_seconds === null
            ? '—'
            : `${minutesText(i.time_equivalent_seconds)} (estimate)`
          : minutesText(i.seconds_per_occurrence),
      oopPerOccurrence: dollars(BigInt(i.out_of_pocket_cents), 1n),
      ...row(result.byItem.get(i.id)!),
    })),
    segments: segments.map((s) => ({
      id: s.id,
      name: s.name,
      share: fromScaled(s.share_bp, 2),
      timePercent: s.time_percent,
      overrides: s.overrides.size,
    })),
    steps: steps.map((s) => ({ id: s.id, title: s.title, stage: s.stage })),
    // An archived assessment is read, not edited: restore it first.
    mayEdit: !archive.info && can(user, 'burden.edit', { portfolioId: assessment.portfolio_id }),
    archive,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, detail } = await requireAssessment(
    { request, context },
    params.assessmentId,
    'burden.edit',
  );
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const id = detail.assessment.id;
  type Change = Parameters<typeof editAssessment>[2];

  /** Parses the form, then applies the change as one versioned, audited edit. */
  const edit = <T extends { version: number }>(
    schema: z.ZodType<T>,
    change: (value: T) => Change,
  ) =>
    submitEdit(
      formData,
      intent,
      schema,
      (v) =>
        editAssessment(
          dbOf(context),
          { id, version: v.version, actorId: user.personId, action: asAuditAction(intent) },
          change(v),
        ),
      `/burden/${id}`,
    );

  switch (intent) {
    case 'add_item':
      return edit(AddItem, (v) => (trx, a) => assessmentEdits.addItem(trx, a, itemColumns(v)));
    case 'add_segment':
      return edit(
        AddSegment,
        (v) => (trx, a) =>
          assessmentEdits.addSegment(trx, a, {
            name: v.name,
            shareBp: v.sharePercent,
            wageCents: v.wageDollars ?? null,
            timePercent: v.timePercent ?? 100,
          }),
      );
    case 'delete_segment': {
      const asked = parseWithZod(formData, { schema: DeleteSegment });
      const seg =
        asked.status === 'success'
          ? detail.segments.find((s) => s.id === asked.value.segmentId)
          : undefined;
      // An unknown segment or a bad form goes on to the edit, which refuses it (404, 400).
      if (asked.status === 'success' && seg) {
        const ask = askFirst(
          formData,
          () =>
            segmentRemoval({
              name: seg.name,
              share: fromScaled(seg.share_bp, 2),
              overrides: seg.overrides.size,
            }),
          {
            fields: { intent, segmentId: seg.id, version: asked.value.version },
            cancelTo: `/burden/${id}`,
          },
          { intent, result: undefined, stale: null },
        );
        if (ask) return ask;
      }
      return edit(
        DeleteSegment,
        (v) => (trx, a) => assessmentEdits.deleteSegment(trx, a, v.segmentId),
      );
    }
    case 'details':
      return edit(
        Details,
        (v) => (trx, a) =>
          assessmentEdits.details(trx, a, {
            title: v.title,
            wageCents: v.wageDollars ?? null,
            wageSource: v.wageSource,
            multiplierMilli: v.multiplier ?? 1000,
          }),
      );
    case 'copy': {
      const submission = parseWithZod(formData, { schema: Copy });
      if (submission.status !== 'success')
        return data({ intent, result: submission.reply(), stale: null }, { status: 400 });
      let copy: number;
      try {
        copy = await copyAssessmentToBe(dbOf(context), {
          id,
          actorId: user.personId,
          title: submission.value.title,
        });
      } catch (error) {
        return refusal(error, submission, { intent });
      }
      throw redirect(`/burden/${copy}`);
    }
    default:
      return data(
        {
          intent,
          result: { status: 'error' as const, error: { '': ['Unknown action.'] } },
          stale: null,
        },
        { status: 400 },
      );
  }
}

function resultFor(actionData: Route.ComponentProps['actionData'], intent: string) {
  return actionData?.intent === intent ? actionData.result : undefined;
}

export default function Assessment({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const a = d.assessment;
  const version = actionData?.stale?.version ?? a.version;
  // The add-item form's id follows the number of items: once one is added, conform starts the
  // next with empty fields (a new id resets it), and its summary can sit at the top of the page.
  const [itemForm, itemFields] = useItemForm({
    id: `add-item-${d.items.length}`,
    defaults: EMPTY_ITEM,
    lastResult: resultFor(actionData, 'add_item'),
  });
  const [segForm, segFields] = useForm({
    id: 'segment',
    lastResult: resultFor(actionData, 'add_segment'),
    onValidate: useLazyValidation(() => import('~/schemas/burden').then((m) => m.SegmentSchema)),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  });
  const [detForm, detFields] = useForm({
    id: 'details',
    lastResult: resultFor(actionData, 'details'),
    defaultValue: {
      title: a.title,
      serviceName: a.service_name,
      journeyMapId: a.journey_map_id ? String(a.journey_map_id) : '',
      wageDollars: a.wage_cents === null ? '' : fromScaled(a.wage_cents, 2),
      wageSource: a.wage_source,
      multiplier: fromScaled(a.multiplier_milli, 3),
    },
    onValidate: useLazyValidation(() => import('~/schemas/burden').then((m) => m.AssessmentSchema)),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  });
  const [copyForm, copyFields] = useForm({
    id: 'copy',
    lastResult: resultFor(actionData, 'copy'),
    defaultValue: { title: `${a.title} (to-be)` },
  });
  const fmtHours = (x: number) =>
    x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  const otherError =
    actionData && actionData.intent === 'delete_segment' ? actionData.result.error?.[''] : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
          { to: `/portfolios/${a.portfolio_slug}/burden`, label: 'Burden' },
          { label: a.title },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={itemForm} />
      <FormErrors form={segForm} />
      <FormErrors form={copyForm} />
      <FormErrors form={detForm} />
      <h1 className="margin-bottom-1">{a.title}</h1>
      <p className="margin-top-0">
        {a.journey_map_id ? (
          <>
            Journey: <Link to={`/journeys/${a.journey_map_id}`}>{a.map_title}</Link> (
            {a.version_label === 'to_be'
              ? 'to-be'
              : a.version_label === 'as_is'
                ? 'as-is'
                : 'other version'}
            )
          </>
        ) : (
          <>Service: {a.service_name}</>
        )}
        {a.baseline_id ? (
          <>
            {' '}
            ·{' '}
            <Link to={`/burden/compare?before=${a.baseline_id}&after=${a.id}`}>
              Compare with its baseline
            </Link>
          </>
        ) : null}
      </p>
      <p className="font-body-xs">
        Wage: {dollars(BigInt(d.wage.cents), 1n)} an hour
        {d.wage.isDefault
          ? ` (workspace default: ${d.wage.defaultWage.source}, ${d.wage.defaultWage.year})`
          : a.wage_source
            ? ` (${a.wage_source})`
            : ''}
        {d.wage.multiplier !== 1000 ? `, loaded ×${fromScaled(d.wage.multiplier, 3)}` : ''}.
      </p>
      <ArchiveControls kind="burden_assessment" id={a.id} version={a.version} state={d.archive} />
      {otherError?.length ? (
        <Alert type="error" heading="Not saved">
          {otherError.join(' ')}
        </Alert>
      ) : null}
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Title', updated_at: 'Last saved' }}
        />
      ) : null}

      <h2>Annual burden</h2>
      <dl className="grid-row grid-gap burden-summary">
        <div className="tablet:grid-col-4">
          <dt>Hours a year</dt>
          <dd data-testid="total-hours">{d.total.hours}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Monetized time</dt>
          <dd>{d.total.timeMoney}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Out-of-pocket</dt>
          <dd>{d.total.outOfPocket}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Total cost</dt>
          <dd data-testid="total-cost">{d.total.total}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Time tax per person{d.weighted ? ' (weighted across segments)' : ''}</dt>
          <dd data-testid="per-person-minutes">{d.perPerson.minutes} minutes</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Cost per person{d.weighted ? ' (weighted across segments)' : ''}</dt>
          <dd>{d.perPerson.dollars}</dd>
        </div>
      </dl>
      <p className="font-body-2xs">
        Per person: one person going through every item as often as it says in a year; in the tables
        below, only that row’s items.
        {d.weighted
          ? ' With segments, it is the average over all the people affected: each segment’s figure times its share, and the base figures for everyone else.'
          : ''}{' '}
        Psychological costs count in hours and dollars only where a time-equivalent was estimated.
      </p>

      {d.bySegment.length > 0 ? <SegmentTable rows={d.bySegment} weighted={d.perPerson} /> : null}

      <h2 id="icr-heading">ICR supporting statement</h2>
      <p>
        The ICR table follows the supporting statement of an information collection request. Item 12
        is the hour burden of responding: learning and compliance time, and its cost at the wage.
        Item 13 is the cost burden beyond that time: out-of-pocket money such as fees, postage and
        copies. Psychological costs (stress, stigma, frustration, loss of autonomy) are not burden
        under the Paperwork Reduction Act, so they are in neither total; the table lists them in a
        section of their own, labelled, so they are not lost.
      </p>
      <ul className="usa-button-group">
        <li className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={`/burden/${a.id}/icr.csv`}
            download
            aria-describedby="icr-heading"
          >
            Download ICR table (CSV)
          </a>
        </li>
      </ul>

      {d.stageChart.length > 0 ? (
        <BarChart
          title="Burden by stage and category"
          description={`Hours a year in each journey stage, split into learning, compliance and psychological costs. Total ${d.total.hours} hours.`}
          series={CATEGORIES.map((c) => ({ name: CATEGORY_LABELS[c], color: CATEGORY_COLORS[c] }))}
          rows={d.stageChart}
          format={fmtHours}
          unit="hours a year"
        />
      ) : null}

      <h2>By category</h2>
      <BreakdownTable
        caption="Burden by category"
        heading="Category"
        rows={d.byCategory.map((c) => ({
          ...c,
          key: c.category,
          title: CATEGORY_LABELS[c.category],
        }))}
      />
      {d.psychological.items > 0 ? (
        <p>
          Psychological ratings (average of {d.psychological.items} items, 1–5): stress{' '}
          {d.psychological.averages.stress ?? '—'}, stigma {d.psychological.averages.stigma ?? '—'},
          frustration {d.psychological.averages.frustration ?? '—'}, loss of autonomy{' '}
          {d.psychological.averages.autonomy ?? '—'}.
        </p>
      ) : null}

      {d.byStage.length > 0 ? (
        <>
          <h2>By stage</h2>
          <BreakdownTable
            caption="Burden by journey stage"
            heading="Stage"
            rows={d.byStage.map((s) => ({ ...s, key: s.stage, title: s.stage }))}
          />
        </>
      ) : null}

      {d.byStep.length > 0 ? (
        <>
          <h2>By step</h2>
          <BreakdownTable
            caption="Burden by journey step"
            heading="Step"
            rows={d.byStep.map((s) => ({ ...s, key: String(s.id) }))}
          />
        </>
      ) : null}

      {d.bySegment.length === 0 ? (
        <>
          <h2>By segment</h2>
          <p>
            No segments yet. Add one below to see the burden on people with limited English
            proficiency, rural residents, people with disabilities or older adults.
          </p>
        </>
      ) : null}

      <h2>Items</h2>
      {d.items.length === 0 ? (
        <p>No items yet.</p>
      ) : (
        <Table label="Burden items">
          <caption className="usa-sr-only">Burden items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Category</th>
              <th scope="col">Step</th>
              <th scope="col" className="text-right">
                People a year
              </th>
              <th scope="col" className="text-right">
                Occurrences
              </th>
              <th scope="col" className="text-right">
                Minutes
              </th>
              <th scope="col" className="text-right">
                Out-of-pocket
              </th>
              <th scope="col" className="text-right">
                Hours
              </th>
              <th scope="col" className="text-right">
                Total cost
              </th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  {d.mayEdit ? (
                    <Link to={`/burden/${a.id}/items/${i.id}`}>{i.description}</Link>
                  ) : (
                    i.description
                  )}
                </th>
                <td>{CATEGORY_LABELS[i.category]}</td>
                <td>{i.step}</td>
                <td className="text-right">{i.people}</td>
                <td className="text-right">{i.occurrences}</td>
                <td className="text-right">{i.minutes}</td>
                <td className="text-right">{i.oopPerOccurrence}</td>
                <td className="text-right">{i.hours}</td>
                <td className="text-right">{i.total}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      {d.mayEdit ? (
        <>
          <section aria-labelledby="add-item-heading">
            <h2 id="add-item-heading">Add an item</h2>
            <ItemFields
              key={itemForm.id}
              form={itemForm}
              fields={itemFields}
              steps={d.steps}
              hidden={{ intent: 'add_item', version }}
              submitLabel="Add item"
            />
          </section>

          <section aria-labelledby="segments-heading">
            <h2 id="segments-heading">Segments</h2>
            {d.segments.length > 0 ? (
              <ul className="usa-list">
                {d.segments.map((s) => (
                  <li key={s.id}>
                    {s.name}: {s.share}% of the people affected
                    {s.timePercent !== 100
                      ? `, taking ${s.timePercent}% of the base time on each item`
                      : ''}
                    {s.overrides
                      ? `, with its own figures on ${pluralize(s.overrides, 'item')}`
                      : ''}{' '}
                    <Link to={`/burden/${a.id}/segments/${s.id}`}>
                      Edit<span className="usa-sr-only"> segment {s.name}</span>
                    </Link>{' '}
                    <RemoveButton
                      removal={segmentRemoval(s)}
                      fields={{ intent: 'delete_segment', segmentId: s.id, version }}
                      label="Remove"
                      srLabel={`segment ${s.name}`}
                      buttonClassName="usa-button usa-button--unstyled"
                      formClassName="display-inline"
                    />
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              A segment’s time can follow the base items as a percentage (160 for 60% more time):
              then an edit to an item, in a to-be too, carries into the segment. Give a segment its
              own minutes or costs for one item on that item’s page; those take precedence.
            </p>
            <Form method="post" className="usa-form" {...getFormProps(segForm)}>
              <input type="hidden" name="intent" value="add_segment" />
              <input type="hidden" name="version" value={version} />
              <TextField
                field={segFields.name}
                label="Segment name"
                hint="For example: People with limited English proficiency"
              />
              <TextField
                field={segFields.sharePercent}
                label="Share of the people affected (percent)"
              />
              <TextField
                field={segFields.timePercent}
                label="Their time as a percentage of the base items’ (optional)"
                hint="100 or empty: the same as everyone else. 160: 60% more time on each item, for example with an interpreter."
              />
              <TextField
                field={segFields.wageDollars}
                label="Their hourly wage, if different (dollars)"
              />
              <button type="submit" className="usa-button">
                Add segment
              </button>
            </Form>
          </section>

          <section aria-labelledby="copy-heading">
            <h2 id="copy-heading">Plan a to-be</h2>
            <p>
              Copies every item and segment
              {a.journey_map_id ? ' onto the journey’s to-be version, if it has one' : ''}, so you
              can lower the figures and see the savings.
            </p>
            <Form method="post" className="usa-form" {...getFormProps(copyForm)}>
              <input type="hidden" name="intent" value="copy" />
              <TextField field={copyFields.title} label="Title of the to-be assessment" />
              <button type="submit" className="usa-button usa-button--outline">
                Copy to a to-be
              </button>
            </Form>
          </section>

          <section aria-labelledby="details-heading">
            <h2 id="details-heading">Wage and details</h2>
            <Form method="post" className="usa-form usa-form--large" {...getFormProps(detForm)}>
              <input type="hidden" name="intent" value="details" />
              <input type="hidden" name="version" value={version} />
              {a.journey_map_id ? (
                <input type="hidden" name="journeyMapId" value={a.journey_map_id} />
              ) : (
                <input type="hidden" name="serviceName" value={a.service_name} />
              )}
              <TextField field={detFields.title} label="Title" />
              <TextField
                field={detFields.wageDollars}
                label="Hourly wage (dollars)"
                hint={`Leave empty for the workspace default (${dollars(BigInt(d.wage.defaultWage.cents), 1n)}).`}
              />
              <TextField field={detFields.wageSource} label="Wage source" />
              <TextField
                field={detFields.multiplier}
                label="Loaded-wage multiplier"
                hint="1 for none; 1.6 adds 60% for fringe benefits."
              />
              <button type="submit" className="usa-button">
                Save details
              </button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}

/** Hours, money and the per-person time tax for each row of a breakdown (category, stage, step). */
function BreakdownTable({
  caption,
  heading,
  rows,
}: {
  caption: string;
  heading: string;
  rows: {
    key: string;
    title: string;
    hours: string;
    timeMoney: string;
    outOfPocket: string;
    total: string;
    perPerson: { minutes: string; dollars: string };
  }[];
}) {
  return (
    <Table label={caption}>
      <caption className="usa-sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="text-right">
            Hours
          </th>
          <th scope="col" className="text-right">
            Monetized time
          </th>
          <th scope="col" className="text-right">
            Out-of-pocket
          </th>
          <th scope="col" className="text-right">
            Total cost
          </th>
          <th scope="col" className="text-right">
            Minutes per person
          </th>
          <th scope="col" className="text-right">
            Cost per person
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.title}</th>
            <td className="text-right">{r.hours}</td>
            <td className="text-right">{r.timeMoney}</td>
            <td className="text-right">{r.outOfPocket}</td>
            <td className="text-right">{r.total}</td>
            <td className="text-right">{r.perPerson.minutes}</td>
            <td className="text-right">{r.perPerson.dollars}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The time tax of each segment and of everyone else (the base figures), beside the weighted
 * figure the headline shows, with the hours and money each group carries.
 */
function SegmentTable({
  rows,
  weighted,
}: {
  rows: {
    id: number | null;
    name: string;
    share: string;
    timePercent: number;
    burden: { hours: string; total: string };
    perPerson: { minutes: string; dollars: string };
  }[];
  weighted: { minutes: string; dollars: string };
}) {
  return (
    <section aria-labelledby="segments-table-heading">
      <h2 id="segments-table-heading">Time tax by segment</h2>
      <Table label="Time tax by segment">
        <caption className="usa-sr-only">Time tax by segment</caption>
        <thead>
          <tr>
            <th scope="col">Segment</th>
            <th scope="col" className="text-right">
              Share
            </th>
            <th scope="col" className="text-right">
              Time on base items
            </th>
            <th scope="col" className="text-right">
              Minutes per person
            </th>
            <th scope="col" className="text-right">
              Cost per person
            </th>
            <th scope="col" className="text-right">
              Hours a year
            </th>
            <th scope="col" className="text-right">
              Total cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={String(s.id)}>
              <th scope="row">{s.id === null ? `${s.name} (base figures)` : s.name}</th>
              <td className="text-right">{s.share}%</td>
              <td className="text-right">{s.timePercent}%</td>
              <td className="text-right">{s.perPerson.minutes}</td>
              <td className="text-right">{s.perPerson.dollars}</td>
              <td className="text-right">{s.burden.hours}</td>
              <td className="text-right">{s.burden.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All people affected (weighted)</th>
            <td className="text-right">100%</td>
            <td />
            <td className="text-right" data-testid="weighted-minutes">
              {weighted.minutes}
            </td>
            <td className="text-right">{weighted.dollars}</td>
            <td />
            <td />
          </tr>
        </tfoot>
      </Table>
    </section>
  );
}
