import { getFormProps, useForm } from '@conform-to/react';
import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/activity';
import { archiveState } from '~/web/archive.server';
import { ArchiveControls } from '~/components/archive/archive-controls';
import { ActivityFields, useActivityForm } from '~/components/research/activity-form';
import { ClearanceKeepers } from '~/components/research/clearance-keepers';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import {
  Breadcrumbs,
  ChoiceField,
  FormErrors,
  SelectField,
  StaleValues,
  TextAreaField,
} from '~/components/ui/form';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import { fromScaled } from '~/domain/burden/units';
import {
  DECISION_QUESTIONS,
  decisionAnswers,
  METHOD_LABELS,
  STATUS_LABELS,
} from '~/domain/pra/labels';
import { formatDate, PHASE_LABELS } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, submitEdit, found, pathParam } from '~/web/toolkit.server';
import { pluralize } from '~/domain/plural';
import type { Removal } from '~/domain/removal';
import { askFirst } from '~/web/removal.server';
import { IdParam } from '~/schemas/params';
import {
  ActivitySchema,
  DecisionSchema,
  LinkClearanceSchema,
  OverrideSchema,
  SessionSchema,
} from '~/schemas/research';
import { VersionField } from '~/schemas/common';
import {
  clearanceKeepers,
  getActivity,
  listClearances,
  parseDecision,
  portfolioPraStatus,
} from '#db/queries/research';
import { activityEdits, editActivity } from '~/commands/research';
import { useLazyValidation } from '~/components/ui/use-lazy-validation';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';
import { asAuditAction } from '~/domain/audit';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.activity.title ?? 'Research activity'} | Life Experience Workspace` },
];

async function load({ request, context }: RequestArgs, id: string | undefined) {
  const user = requireUser({ request, context });
  const detail = found(await getActivity(dbOf(context), pathParam(IdParam, id)));
  authorize(user, 'portfolio.read', { portfolioId: detail.activity.portfolio_id });
  return { user, ...detail };
}

/** What removing a session takes away: its participants, who stop counting for the PRA. */
const sessionRemoval = (s: {
  held_on: string;
  participants: { code: string; category: string }[];
}): Removal => ({
  what: `the session of ${formatDate(s.held_on)}`,
  takes:
    s.participants.length > 0
      ? [
          `its ${pluralize(s.participants.length, 'participant')} (${s.participants.map((p) => p.code).join(', ')}), who no longer count toward the Paperwork Reduction Act limit`,
        ]
      : [],
  confirm: 'Yes, remove the session',
});

const today = () => new Date().toISOString().slice(0, 10);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, activity, sessions, clearances } = await load(
    { request, context },
    params.activityId,
  );
  const target = { portfolioId: activity.portfolio_id };
  const mayClearance = can(user, 'clearance.edit', target);
  const [status, allClearances, keepers, archive] = await Promise.all([
    portfolioPraStatus(dbOf(context), activity.portfolio_id, today()),
    listClearances(dbOf(context), activity.portfolio_id),
    mayClearance ? [] : clearanceKeepers(dbOf(context), activity.portfolio_id),
    archiveState(dbOf(context), user, 'research_activity', activity.id, activity.portfolio_id),
  ]);
  // An archived activity is read, not edited (its people still count): restore it first.
  const open = !archive.info;
  const report = status.reports.find((r) => r.activityIds.includes(activity.id)) ?? null;
  return {
    activity: { ...activity, decision: parseDecision(activity.decision) },
    sessions,
    clearances,
    otherClearances: allClearances.filter((c) => !clearances.some((l) => l.id === c.id)),
    report,
    grouped: report
      ? status.rows.filter((r) => report.activityIds.includes(r.id) && r.id !== activity.id)
      : [],
    keepers,
    may: {
      edit: open && can(user, 'research.edit', target),
      override: open && can(user, 'pra.override', target),
      clearance: mayClearance,
    },
    archive,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, activity, sessions } = await load({ request, context }, params.activityId);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  authorize(user, intent === 'override' ? 'pra.override' : 'research.edit', {
    portfolioId: activity.portfolio_id,
  });
  type Change = Parameters<typeof editActivity>[2];
  const edit = <T extends { version: number }>(schema: z.ZodType<T>, change: (v: T) => Change) =>
    submitEdit(
      formData,
      intent,
      schema,
      (v) =>
        editActivity(
          dbOf(context),
          {
            id: activity.id,
            version: v.version,
            actorId: user.personId,
            action: asAuditAction(intent),
          },
          change(v),
        ),
      `/research/${activity.id}`,
    );
  switch (intent) {
    case 'update':
      return edit(
        ActivitySchema.and(z.object({ version: VersionField })),
        (v) => (trx, a) => activityEdits.update(trx, a, v),
      );
    case 'add_session':
      return edit(
        SessionSchema,
        (v) => (trx, a) =>
          activityEdits.addSession(trx, a, {
            heldOn: v.heldOn,
            participants: [
              ...v.publicCodes.map((code) => ({ code, category: 'public' as const })),
              ...v.federalCodes.map((code) => ({ code, category: 'federal_employee' as const })),
              ...v.contractorCodes.map((code) => ({ code, category: 'contractor' as const })),
            ],
          }),
      );
    case 'delete_session': {
      const DeleteSession = z.object({ sessionId: IdParam, version: VersionField });
      const asked = DeleteSession.safeParse(Object.fromEntries(formData));
      const session = asked.success
        ? sessions.find((s) => s.id === asked.data.sessionId)
        : undefined;
      // An unknown session or a bad form goes on to the edit, which refuses it (404, 400).
      if (asked.success && session) {
        const ask = askFirst(
          formData,
          () => sessionRemoval(session),
          {
            fields: { intent, sessionId: session.id, version: asked.data.version },
            cancelTo: `/research/${activity.id}`,
          },
          { intent, result: undefined, stale: null },
        );
        if (ask) return ask;
      }
      return edit(
        DeleteSession,
        (v) => (trx, a) => activityEdits.deleteSession(trx, a, v.sessionId),
      );
    }
    case 'link_clearance':
      return edit(
        LinkClearanceSchema,
        (v) => (trx, a) => activityEdits.linkClearance(trx, a, v.clearanceId),
      );
    case 'decision':
      return edit(
        DecisionSchema,
        (v) => (trx, a) =>
          activityEdits.decision(trx, a, v, {
            personId: user.personId,
            name: user.name,
            on: today(),
          }),
      );
    case 'override':
      return edit(
        OverrideSchema,
        (v) => (trx, a) => activityEdits.override(trx, a, v.reason, user.personId),
      );
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

/**
 * How the PRA box looks: a status to act on is a USWDS warning (at the limit, a clearance
 * expired) or error (a clearance is needed), not the blue summary box of a status that is fine.
 */
const BOX: Record<keyof typeof STATUS_LABELS, 'summary' | 'warning' | 'error'> = {
  clear: 'summary',
  approaching: 'summary',
  covered: 'summary',
  at_limit: 'warning',
  clearance_expired: 'warning',
  needs_clearance: 'error',
};

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export default function Activity({ loaderData, actionData }: Route.ComponentProps) {
  const {
    activity: a,
    sessions,
    clearances,
    otherClearances,
    report,
    grouped,
    keepers,
    may,
    archive,
  } = loaderData;
  const version = actionData?.stale?.version ?? a.version;
  // The edit form's id follows the saved version: after a save it starts from the saved values.
  const [activityForm, activityFields] = useActivityForm({
    id: `activity-${a.version}`,
    lastResult: resultFor(actionData, 'update'),
    defaults: {
      title: a.title,
      method: a.method,
      purpose: a.purpose,
      questions: a.questions,
      unscripted: a.unscripted === 1,
      phase: a.phase,
      screeningQuestions: a.screening_questions,
      incentiveDollars: a.incentive_cents === null ? '' : fromScaled(a.incentive_cents, 2),
      incentiveKind: a.incentive_kind,
      counselApproved: a.counsel_approved === 1,
    },
  });
  const [sessionForm, sessionFields] = useForm({
    id: 'session',
    lastResult: resultFor(actionData, 'add_session'),
    onValidate: useLazyValidation(() => import('~/schemas/research').then((m) => m.SessionSchema)),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  });
  const [decisionForm, decisionFields] = useForm<
    Record<
      'tenOrMore' | 'membersOfPublic' | 'sameQuestions' | 'observationOnly' | 'outcome',
      string
    >
  >({
    id: 'decision',
    lastResult: resultFor(actionData, 'decision'),
    defaultValue: a.decision,
    onValidate: useLazyValidation(() => import('~/schemas/research').then((m) => m.DecisionSchema)),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  });
  const [overrideForm, overrideFields] = useForm({
    id: 'override',
    lastResult: resultFor(actionData, 'override'),
    onValidate: useLazyValidation(() => import('~/schemas/research').then((m) => m.OverrideSchema)),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  });
  const [linkForm, linkFields] = useForm<{ clearanceId: string }>({
    id: 'link',
    lastResult: resultFor(actionData, 'link_clearance'),
  });
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  const otherErrors =
    actionData?.intent === 'delete_session' ? actionData.result.error?.[''] : null;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${a.portfolio_slug}`, label: a.portfolio_name },
          { to: `/projects/${a.project_id}`, label: a.project_name },
          { to: `/projects/${a.project_id}/research`, label: 'Research log' },
          { label: a.title },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={activityForm} />
      <FormErrors form={sessionForm} />
      <FormErrors form={linkForm} />
      <FormErrors form={decisionForm} />
      <FormErrors form={overrideForm} />
      <h1 className="margin-bottom-1">{a.title}</h1>
      <p className="margin-top-0">
        {METHOD_LABELS[a.method]}
        {a.unscripted ? ', unscripted' : ''} · {PHASE_LABELS[a.phase]} · Purpose: {a.purpose}
      </p>
      <ArchiveControls kind="research_activity" id={a.id} version={a.version} state={archive} />
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Title', updated_at: 'Last saved' }}
        />
      ) : null}
      {otherErrors?.length ? (
        <Alert type="error" heading="Not saved">
          {otherErrors.join(' ')}
        </Alert>
      ) : null}

      {report ? (
        <section
          aria-labelledby="pra-heading"
          className={
            BOX[report.status] === 'summary'
              ? 'usa-summary-box margin-y-3'
              : `usa-alert usa-alert--${BOX[report.status]} margin-y-3`
          }
          data-testid="pra-box"
        >
          <div
            className={
              BOX[report.status] === 'summary' ? 'usa-summary-box__body' : 'usa-alert__body'
            }
          >
            <h2
              id="pra-heading"
              className={
                BOX[report.status] === 'summary' ? 'usa-summary-box__heading' : 'usa-alert__heading'
              }
              data-testid="pra-status"
            >
              PRA status: {STATUS_LABELS[report.status]}
            </h2>
            <div
              className={
                BOX[report.status] === 'summary' ? 'usa-summary-box__text' : 'usa-alert__text'
              }
            >
              <p>{report.explanation}</p>
              {grouped.length > 0 ? (
                <p>
                  Counted with:{' '}
                  {grouped.map((g, i) => (
                    <span key={g.id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/research/${g.id}`}>{g.title}</Link> ({g.project_name})
                    </span>
                  ))}
                </p>
              ) : null}
              {a.override_reason ? (
                <p>
                  Override recorded by {a.override_by_name}: {a.override_reason}
                </p>
              ) : null}
            </div>
          </div>
        </section>
      ) : null}

      <h2>Sessions</h2>
      {sessions.length === 0 ? (
        <p>No sessions logged yet.</p>
      ) : (
        <Table label="Sessions and participants">
          <caption className="usa-sr-only">Sessions and participants</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Members of the public</th>
              <th scope="col">Federal employees</th>
              <th scope="col">Contractors</th>
              {may.edit ? (
                <th scope="col">
                  <span className="usa-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const by = (c: string) =>
                s.participants
                  .filter((p) => p.category === c)
                  .map((p) => p.code)
                  .join(', ') || '—';
              return (
                <tr key={s.id}>
                  <th scope="row">{formatDate(s.held_on)}</th>
                  <td>{by('public')}</td>
                  <td>{by('federal_employee')}</td>
                  <td>{by('contractor')}</td>
                  {may.edit ? (
                    <td>
                      <RemoveButton
                        removal={sessionRemoval(s)}
                        fields={{ intent: 'delete_session', sessionId: s.id, version }}
                        label="Remove"
                        srLabel={`session of ${formatDate(s.held_on)}`}
                        buttonClassName="usa-button usa-button--unstyled"
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}

      {may.edit ? (
        <section aria-labelledby="log-session">
          <h2 id="log-session">Log a session</h2>
          <p>
            Participants are pseudonymous codes such as P-014. The workspace keeps no names, emails
            or phone numbers of research participants.
          </p>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(sessionForm)}>
            <input type="hidden" name="intent" value="add_session" />
            <input type="hidden" name="version" value={version} />
            <TextField field={sessionFields.heldOn} label="Date of the session" type="date" />
            <TextAreaField
              field={sessionFields.publicCodes}
              label="Members of the public (codes)"
              rows={3}
              hint="Separate codes with commas or new lines."
            />
            <TextAreaField
              field={sessionFields.federalCodes}
              label="Federal employees in their official capacity (codes)"
              rows={2}
            />
            <TextAreaField
              field={sessionFields.contractorCodes}
              label="Federal contractors (codes)"
              rows={2}
            />
            <button type="submit" className="usa-button">
              Log session
            </button>
          </Form>
        </section>
      ) : null}

      <h2>Clearances</h2>
      {clearances.length === 0 ? (
        <p>No clearance attached.</p>
      ) : (
        <ul className="usa-list">
          {clearances.map((c) => (
            <li key={c.id}>
              {c.title}:{' '}
              {c.omb_control_number
                ? `OMB control number ${c.omb_control_number}, expires ${c.expires_on ? formatDate(c.expires_on) : 'on no date yet'}`
                : 'no control number yet'}
            </li>
          ))}
        </ul>
      )}
      {may.edit && otherClearances.length > 0 ? (
        <>
          <Form method="post" className="usa-form" {...getFormProps(linkForm)}>
            <input type="hidden" name="intent" value="link_clearance" />
            <input type="hidden" name="version" value={version} />
            <SelectField
              field={linkFields.clearanceId}
              label="Attach a clearance"
              options={otherClearances.map((c) => ({
                value: c.id,
                label: `${c.title}${c.omb_control_number && c.expires_on ? ` (${c.omb_control_number}, expires ${formatDate(c.expires_on)})` : ''}`,
              }))}
            />
            <button type="submit" className="usa-button usa-button--outline">
              Attach clearance
            </button>
          </Form>
        </>
      ) : null}
      {may.clearance ? (
        <p>
          <Link to={`/portfolios/${a.portfolio_slug}/pra#new-clearance`}>
            Record a new clearance on the portfolio’s PRA page
          </Link>
        </p>
      ) : (
        <ClearanceKeepers keepers={keepers} />
      )}

      <h2>Decision record</h2>
      <p>The questions pra.digital.gov asks, answered for this activity, and who reviewed them.</p>
      {a.decision.outcome ? (
        <div data-testid="decision-record">
          <p>
            Last reviewed by {a.decision.reviewed_by}
            {a.decision.reviewed_on ? ` on ${formatDate(a.decision.reviewed_on)}` : ''}.
          </p>
          <dl className="margin-top-0">
            {decisionAnswers(a.decision).map((d) => (
              <div key={d.key} className="margin-bottom-1">
                <dt className="text-bold">{d.question}</dt>
                <dd className="margin-left-0">{d.answer}</dd>
              </div>
            ))}
            <div className="margin-bottom-1">
              <dt className="text-bold">Outcome</dt>
              <dd className="margin-left-0" style={{ whiteSpace: 'pre-wrap' }}>
                {a.decision.outcome}
              </dd>
            </div>
          </dl>
        </div>
      ) : (
        <p>No decision recorded yet.</p>
      )}
      {may.edit ? (
        <>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(decisionForm)}>
            <input type="hidden" name="intent" value="decision" />
            <input type="hidden" name="version" value={version} />
            <ChoiceField
              field={decisionFields.tenOrMore}
              legend={DECISION_QUESTIONS.tenOrMore}
              type="radio"
              options={YES_NO}
            />
            <ChoiceField
              field={decisionFields.membersOfPublic}
              legend={DECISION_QUESTIONS.membersOfPublic}
              type="radio"
              options={YES_NO}
            />
            <ChoiceField
              field={decisionFields.sameQuestions}
              legend={DECISION_QUESTIONS.sameQuestions}
              type="radio"
              options={YES_NO}
            />
            <ChoiceField
              field={decisionFields.observationOnly}
              legend={DECISION_QUESTIONS.observationOnly}
              type="radio"
              options={YES_NO}
            />
            <TextAreaField field={decisionFields.outcome} label="Outcome" rows={3} />
            <button type="submit" className="usa-button usa-button--outline">
              Record decision
            </button>
          </Form>
        </>
      ) : null}

      {may.override && !a.override_reason ? (
        <section aria-labelledby="override-heading">
          <h2 id="override-heading">OMB lead override</h2>
          <p>
            Lets sessions be logged past the limit, for example on counsel’s written determination.
            It is audited.
          </p>
          <Form method="post" className="usa-form" {...getFormProps(overrideForm)}>
            <input type="hidden" name="intent" value="override" />
            <input type="hidden" name="version" value={version} />
            <TextAreaField field={overrideFields.reason} label="Reason for the override" rows={3} />
            <button type="submit" className="usa-button usa-button--secondary">
              Record override
            </button>
          </Form>
        </section>
      ) : null}

      {may.edit ? (
        <section aria-labelledby="edit-activity">
          <h2 id="edit-activity">Edit this activity</h2>
          <ActivityFields
            key={activityForm.id}
            form={activityForm}
            fields={activityFields}
            hidden={{ intent: 'update', version }}
            submitLabel="Save activity"
          />
        </section>
      ) : null}
    </>
  );
}
