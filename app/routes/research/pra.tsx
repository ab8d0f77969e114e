import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/pra';
import { ClearanceEditForm, ClearanceFields } from '~/components/research/clearance-edit-form';
import { ClearanceKeepers } from '~/components/research/clearance-keepers';
import { Alert } from '~/components/ui/alert';
import { FieldError } from '~/components/ui/field';
import { Breadcrumbs, FormErrors } from '~/components/ui/form';
import {
  CLEARANCE_KIND_LABELS,
  daysLeftText,
  expiringClearances,
  STATUS_LABELS,
} from '~/domain/pra/labels';
import { pluralize } from '~/domain/plural';
import { formatDate } from '~/domain/portfolio/labels';
import { planningCheck } from '~/domain/pra/rules';
import { can } from '~/domain/policy';
import { authorize, refusal, found, pathParam } from '~/web/toolkit.server';
import { IdParam, SlugParam } from '~/schemas/params';
import { ClearanceEditSchema, ClearanceSchema, PlanningSchema } from '~/schemas/research';
import { getPortfolioHeader } from '#db/queries/portfolios';
import { clearanceKeepers, getClearance, portfolioPraStatus } from '#db/queries/research';
import { createClearance, editClearance, setCountContractors } from '~/commands/research';
import { useLazyValidation } from '~/components/ui/use-lazy-validation';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [{ title: 'PRA status | Life Experience Workspace' }];

async function load({ request, context }: RequestArgs, slug: string | undefined) {
  const user = requireUser({ request, context });
  const portfolio = found(await getPortfolioHeader(dbOf(context), pathParam(SlugParam, slug)));
  authorize(user, 'portfolio.read', { portfolioId: portfolio.id });
  return { user, portfolio };
}

const ACTIVITIES_SHOWN = 5;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await load({ request, context }, params.slug);
  const today = new Date().toISOString().slice(0, 10);
  const status = await portfolioPraStatus(dbOf(context), portfolio.id, today);
  const titles = new Map(
    status.rows.map((r) => [r.id, { title: r.title, project: r.project_name }]),
  );
  const search = new URL(request.url).searchParams;
  const mayClearance = can(user, 'clearance.edit', { portfolioId: portfolio.id });
  // ?clearance=ID opens that clearance's edit form (for those who keep clearances).
  const editing =
    mayClearance && search.has('clearance')
      ? found(
          await getClearance(
            dbOf(context),
            portfolio.id,
            pathParam(IdParam, search.get('clearance') ?? ''),
          ),
        )
      : null;
  // The planning check: "can we talk to N more people about this?" (a GET form).
  let plan: { answer: ReturnType<typeof planningCheck>; n: number } | null = null;
  let planErrors: Record<string, string[]> = {};
  if (search.has('activity')) {
    const parsed = PlanningSchema.safeParse({
      activity: search.get('activity'),
      n: search.get('n'),
      date: search.get('date') || today,
    });
    if (parsed.success) {
      plan = {
        n: parsed.data.n,
        answer: planningCheck(status.activities, status.clearanceMap, status.settings, {
          activityId: parsed.data.activity,
          date: parsed.data.date,
          n: parsed.data.n,
        }),
      };
    } else {
      planErrors = Object.fromEntries(
        parsed.error.issues.map((i) => [String(i.path[0]), [i.message]]),
      );
    }
  }
  return {
    portfolio,
    today,
    settings: status.settings,
    // Each collection names its first few activities; the rest are a count (a large portfolio
    // has hundreds, all reachable from their projects).
    collections: status.reports.map((r) => ({
      key: r.activityIds.join('-'),
      status: r.status,
      count: r.count,
      explanation: r.explanation,
      activities: r.activityIds
        .slice(0, ACTIVITIES_SHOWN)
        .map((id) => ({ id, ...titles.get(id)! })),
      more: Math.max(0, r.activityIds.length - ACTIVITIES_SHOWN),
    })),
    clearances: status.clearances,
    expiring: expiringClearances(status.clearances, today).map((c) => ({
      ...c,
      activities: status.activities.filter((a) => a.clearanceIds.includes(c.id)).length,
    })),
    editing,
    keepers: mayClearance ? [] : await clearanceKeepers(dbOf(context), portfolio.id),
    activities: status.rows.map((r) => ({ id: r.id, label: `${r.title} (${r.project_name})` })),
    plan: plan
      ? {
          ...plan,
          answer: {
            ...plan.answer,
            remaining: Number.isFinite(plan.answer.remaining) ? plan.answer.remaining : null,
          },
        }
      : null,
    planErrors,
    planInput: {
      activity: search.get('activity') ?? '',
      n: search.get('n') ?? '',
      date: search.get('date') ?? today,
    },
    may: {
      clearance: mayClearance,
      settings: can(user, 'settings.edit'),
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await load({ request, context }, params.slug);
  const formData = await request.formData();
  if (formData.get('intent') === 'contractors') {
    authorize(user, 'settings.edit');
    await setCountContractors(
      dbOf(context),
      formData.get('countContractors') === 'yes',
      user.personId,
    );
    throw redirect(`/portfolios/${portfolio.slug}/pra`);
  }
  authorize(user, 'clearance.edit', { portfolioId: portfolio.id });
  if (formData.get('intent') === 'edit_clearance') {
    const intent = 'edit_clearance';
    const submission = parseWithZod(formData, { schema: ClearanceEditSchema });
    if (submission.status !== 'success')
      return data({ intent, result: submission.reply(), stale: null }, { status: 400 });
    try {
      await editClearance(dbOf(context), {
        portfolioId: portfolio.id,
        actorId: user.personId,
        values: submission.value,
      });
    } catch (error) {
      return refusal(error, submission, { intent });
    }
    throw redirect(`/portfolios/${portfolio.slug}/pra#clearances`);
  }
  const intent = 'create_clearance';
  const submission = parseWithZod(formData, { schema: ClearanceSchema });
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply(), stale: null }, { status: 400 });
  const v = submission.value;
  try {
    await createClearance(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      title: v.title,
      kind: v.kind,
      controlNumber: v.controlNumber ?? null,
      expiresOn: v.expiresOn ?? null,
    });
  } catch (error) {
    return refusal(error, submission, { intent });
  }
  throw redirect(`/portfolios/${portfolio.slug}/pra`);
}

export default function PraStatus({ loaderData, actionData }: Route.ComponentProps) {
  const {
    portfolio,
    settings,
    collections,
    clearances,
    expiring,
    editing,
    keepers,
    activities,
    plan,
    planErrors,
    planInput,
    may,
  } = loaderData;
  const [form, fields] = useForm({
    lastResult: actionData?.intent === 'create_clearance' ? actionData.result : undefined,
    onValidate: useLazyValidation(() =>
      import('~/schemas/research').then((m) => m.ClearanceSchema),
    ),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  });
  const pra = `/portfolios/${portfolio.slug}/pra`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'PRA status' },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={form} />
      <h1>Paperwork Reduction Act status</h1>
      <p className="usa-intro">
        Nine or fewer members of the public in 12 months need no approval; activities with the same
        purpose or the same questions count together (A-11 280.8). Federal employees in their
        official capacity are not counted; contractors{' '}
        {settings.countContractors ? 'are' : 'are not'} counted in this workspace.
      </p>
      <section aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">Clearances expiring</h2>
        {expiring.length === 0 ? (
          <p>No clearance of this portfolio has expired or expires within 90 days.</p>
        ) : (
          <>
            <Alert type={expiring.some((c) => c.warning.level !== '90') ? 'error' : 'warning'} slim>
              {pluralize(expiring.length, 'clearance')}{' '}
              {expiring.length === 1 ? 'has expired or expires' : 'have expired or expire'} within
              90 days. Sessions after a clearance’s expiration date are not covered by it.
            </Alert>
            <Table
              label="Clearances expired or expiring within 90 days"
              data-testid="expiring-clearances"
            >
              <caption className="usa-sr-only">
                Clearances expired or expiring within 90 days, soonest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">OMB control number</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Days left</th>
                  <th scope="col" className="text-right">
                    Activities
                  </th>
                </tr>
              </thead>
              <tbody>
                {expiring.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.title}</th>
                    <td>{c.omb_control_number}</td>
                    <td>{c.expires_on ? formatDate(c.expires_on) : '—'}</td>
                    <td>
                      <span
                        className={`usa-tag ${c.warning.level === '90' ? 'pra-tag--approaching' : 'pra-tag--clearance_expired'}`}
                      >
                        {daysLeftText(c.warning.days)}
                      </span>
                    </td>
                    <td className="text-right">{c.activities}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </section>

      <h2>Collections</h2>
      {collections.length === 0 ? (
        <p>No research activities yet.</p>
      ) : (
        <Table
          label="Collections and their PRA status"
          className="usa-table usa-table--borderless width-full"
        >
          <caption className="usa-sr-only">Collections and their PRA status</caption>
          <thead>
            <tr>
              <th scope="col">Activities</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Counted
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {collections.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  {c.activities.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 ? '; ' : ''}
                      <Link to={`/research/${a.id}`}>{a.title}</Link> ({a.project})
                    </span>
                  ))}
                  {c.more > 0
                    ? `; and ${pluralize(c.more, 'more activity', 'more activities')}`
                    : ''}
                </th>
                <td>
                  <span className={`usa-tag pra-tag--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                </td>
                <td className="text-right">{c.count}</td>
                <td>{c.explanation}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <h2 id="planning">Can we talk to more people?</h2>
      <Form method="get" className="usa-form" aria-labelledby="planning">
        <div className={`usa-form-group${planErrors.activity ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="plan-activity">
            About this activity
          </label>
          <FieldError id="plan-activity-error" errors={planErrors.activity} />
          <select
            className="usa-select"
            id="plan-activity"
            name="activity"
            defaultValue={planInput.activity}
          >
            <option value="">- Select -</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className={`usa-form-group${planErrors.n ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="plan-n">
            How many more people
          </label>
          <FieldError id="plan-n-error" errors={planErrors.n} />
          <input
            className="usa-input"
            id="plan-n"
            name="n"
            inputMode="numeric"
            defaultValue={planInput.n}
          />
        </div>
        <div className={`usa-form-group${planErrors.date ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="plan-date">
            On
          </label>
          <FieldError id="plan-date-error" errors={planErrors.date} />
          <input
            className="usa-input"
            id="plan-date"
            name="date"
            type="date"
            defaultValue={planInput.date}
          />
        </div>
        <button type="submit" className="usa-button">
          Check
        </button>
      </Form>
      {plan ? (
        <Alert
          type={plan.answer.allowed ? 'success' : 'warning'}
          heading={
            plan.answer.allowed
              ? `Yes, ${plan.n} more is within the limit`
              : 'No, a clearance is needed first'
          }
        >
          {plan.answer.explanation}
        </Alert>
      ) : null}

      <h2 id="clearances">Clearances</h2>
      {clearances.length === 0 ? (
        <p>No clearances recorded.</p>
      ) : (
        <Table label="PRA clearances">
          <caption className="usa-sr-only">PRA clearances</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">OMB control number</th>
              <th scope="col">Expires</th>
              {may.clearance ? (
                <th scope="col">
                  <span className="usa-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {clearances.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>{CLEARANCE_KIND_LABELS[c.kind]}</td>
                <td>{c.omb_control_number ?? 'Pending'}</td>
                <td>{c.expires_on ? formatDate(c.expires_on) : '—'}</td>
                {may.clearance ? (
                  <td>
                    <Link to={`${pra}?clearance=${c.id}#edit-clearance`}>
                      Edit<span className="usa-sr-only"> clearance {c.title}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {editing ? (
        <ClearanceEditForm
          key={`${editing.clearance.id}-${editing.clearance.version}`}
          clearance={editing.clearance}
          activities={editing.activities}
          action={`${pra}?clearance=${editing.clearance.id}`}
          cancelTo={pra}
          lastResult={actionData?.intent === 'edit_clearance' ? actionData.result : undefined}
          stale={actionData?.intent === 'edit_clearance' ? actionData.stale : null}
        />
      ) : may.clearance ? (
        <section aria-labelledby="new-clearance">
          <h3 id="new-clearance">Record a clearance</h3>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <ClearanceFields
              fields={fields}
              titleHint="For example: A-11 Section 280 umbrella clearance"
            />
            <button type="submit" className="usa-button">
              Record clearance
            </button>
          </Form>
        </section>
      ) : (
        <ClearanceKeepers keepers={keepers} />
      )}
      {may.settings ? (
        <section aria-labelledby="contractors-heading">
          <h3 id="contractors-heading">Federal contractors</h3>
          <p>
            Sources differ on whether contractors are members of the public. This setting applies to
            the whole workspace.
          </p>
          <Form method="post" className="usa-form">
            <input type="hidden" name="intent" value="contractors" />
            <fieldset className="usa-fieldset">
              <legend className="usa-legend">Count federal contractors toward the limit?</legend>
              {[
                ['yes', 'Yes, count them'],
                ['no', 'No, do not count them'],
              ].map(([value, label]) => (
                <div className="usa-radio" key={value}>
                  <input
                    className="usa-radio__input"
                    type="radio"
                    id={`contractors-${value}`}
                    name="countContractors"
                    value={value}
                    defaultChecked={(value === 'yes') === settings.countContractors}
                  />
                  <label className="usa-radio__label" htmlFor={`contractors-${value}`}>
                    {label}
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" className="usa-button usa-button--outline">
              Save setting
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
