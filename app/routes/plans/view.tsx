import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/view';
import { CommentForm, CommentList } from '~/components/plans/plan-comments';
import { DueDatesForm } from '~/components/plans/plan-due-dates';
import { CiteForm, EvidenceCited } from '~/components/plans/plan-evidence';
import { PlanVersions } from '~/components/plans/plan-versions';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { IntentFields } from '~/components/ui/intent-fields';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import {
  daysLeft,
  dueDatesEditable,
  isEditable,
  planDueDates,
  STATUS_LABELS,
} from '~/domain/plans/status';
import { can } from '~/domain/policy';
import {
  dueFormFields,
  dueLine,
  moveLabel,
  PLAN_FORM_FIELD_IDS,
  planMoves,
} from '~/presenters/plans';
import { planHtmlOf } from '~/render/plans/html.server';
import { settlePlanText } from '~/collab/settle.server';
import { citationViews } from '~/routes/plans/evidence.server';
import { requirePlan } from '~/routes/plans/find.server';
import { PlanViewActionSchema, PlanViewParams } from '~/schemas/plan';
import { getCalendarOverrides } from '#db/queries/calendar';
import { citableEvidence, listCitations, listComments } from '#db/queries/plans';
import {
  addCitation,
  addComment,
  movePlan,
  resolveComment,
  restorePlanVersion,
  setPlanDueDates,
} from '~/commands/plans';
import { dbOf } from '~/web/context.server';
import { authorize, dispatch, notFound } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.plan.title ?? 'CX Action Plan'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const read = () => requirePlan({ request, context }, params.planId, 'portfolio.read');
  let { user, plan, versions } = await read();
  // Everything acknowledged to an editor is in the text shown (app/collab/settle.server.ts).
  if (await settlePlanText(dbOf(context), plan.id)) ({ user, plan, versions } = await read());
  const search = PlanViewParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!search.success) notFound();
  const today = new Date().toISOString().slice(0, 10);
  const { doc, ...rest } = plan;
  const mayEdit = can(user, 'plan.edit', { portfolioId: plan.portfolio_id });
  // Due dates are OMB's per year (A-11 280.12): only an OMB lead changes them, not on a final plan.
  const maySetDueDates =
    can(user, 'plan.set_due_dates', { portfolioId: plan.portfolio_id }) &&
    dueDatesEditable(plan.status);
  const db = dbOf(context);
  const [citations, comments, evidence, calendarDue] = await Promise.all([
    listCitations(db, plan.id).then((c) => citationViews(db, plan.portfolio_id, c)),
    listComments(db, plan.id),
    mayEdit && isEditable(plan.status) && search.data.cite
      ? citableEvidence(db, plan.portfolio_id)
      : Promise.resolve(null),
    // The fiscal year's calendar dates, beside the form that changes the plan's.
    maySetDueDates
      ? getCalendarOverrides(db, plan.fiscal_year).then((o) =>
          planDueDates(plan.fiscal_year, isFederalHoliday, o),
        )
      : Promise.resolve(null),
  ]);
  return {
    citations,
    comments,
    evidence,
    plan: rest,
    html: planHtmlOf(plan.id, plan.version, doc),
    versions,
    due: { draft: daysLeft(plan.draft_due, today), final: daysLeft(plan.final_due, today) },
    moves: planMoves(plan.status, can(user, 'plan.reopen', { portfolioId: plan.portfolio_id })),
    mayEdit,
    maySetDueDates,
    calendarDue,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, plan } = await requirePlan({ request, context }, params.planId, 'portfolio.read');
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  // Anyone who can read the plan may comment on it (reviewers included); the rest is editing,
  // refused before the form is read, an unknown intent included.
  if (intent !== 'comment') authorize(user, 'plan.edit', { portfolioId: plan.portfolio_id });
  if (intent === 'due') authorize(user, 'plan.set_due_dates', { portfolioId: plan.portfolio_id });
  const db = dbOf(context);
  const back = `/plans/${plan.id}`;
  const actorId = user.personId;
  return dispatch(formData, PlanViewActionSchema, {
    comment: async (v) => {
      await addComment(db, { planId: plan.id, section: v.section, body: v.body, actorId });
      return `${back}#comments`;
    },
    cite: async (v) => {
      const { kind, refId } = v.evidence;
      await addCitation(db, {
        planId: plan.id,
        section: v.section,
        kind,
        refId,
        note: v.note,
        actorId,
      });
      return `${back}#evidence`;
    },
    resolve: async (v) => {
      await resolveComment(db, { planId: plan.id, commentId: v.commentId, actorId });
      return `${back}#comments`;
    },
    move: async (v) => {
      const mayReopen = can(user, 'plan.reopen', { portfolioId: plan.portfolio_id });
      await movePlan(db, { id: plan.id, version: v.version, to: v.to, actorId, mayReopen });
      return back;
    },
    due: async (v) => {
      const { draftDue, finalDue, version } = v;
      await setPlanDueDates(db, { id: plan.id, version, draftDue, finalDue, actorId });
      return back;
    },
    restore: async (v) => {
      await restorePlanVersion(db, { id: plan.id, fromVersion: v.fromVersion, actorId });
      return back;
    },
  });
}

export default function PlanView({ loaderData, actionData }: Route.ComponentProps) {
  const { plan, html, versions, due, moves, mayEdit, maySetDueDates, calendarDue } = loaderData;
  const { citations, comments, evidence } = loaderData;
  const version = actionData?.stale?.version ?? plan.version;
  const editable = mayEdit && isEditable(plan.status);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${plan.portfolio_slug}`, label: plan.portfolio_name },
          { to: `/portfolios/${plan.portfolio_slug}/plans`, label: 'CX Action Plans' },
          { label: `FY ${plan.fiscal_year}` },
        ]}
      />
      <h1 className="margin-bottom-1">{plan.title}</h1>
      <p className="margin-top-0">
        <span className="usa-tag bg-primary-dark" data-testid="plan-status">
          {STATUS_LABELS[plan.status]}
        </span>{' '}
        · {dueLine(plan, due)}
      </p>
      <FormErrors
        id="plan-errors"
        errors={actionData?.result.error}
        fields={PLAN_FORM_FIELD_IDS[actionData?.intent ?? '']}
      />
      {plan.status === 'final' ? (
        <Alert type="info" slim>
          This plan is final and read-only. An OMB lead can reopen it.
        </Alert>
      ) : null}
      <ul className="usa-button-group margin-y-2">
        {editable ? (
          <li className="usa-button-group__item">
            <Link className="usa-button" to={`/plans/${plan.id}/edit`}>
              Edit the plan
            </Link>
          </li>
        ) : null}
        {mayEdit
          ? moves.map((to) => (
              <li key={to} className="usa-button-group__item">
                <Form method="post">
                  <IntentFields intent="move" version={version} extra={{ to }} />
                  <button type="submit" className="usa-button usa-button--outline">
                    {moveLabel(plan.status, to)}
                  </button>
                </Form>
              </li>
            ))
          : null}
      </ul>
      <p>
        Download:{' '}
        <a href={`/plans/${plan.id}/export.docx`} download>
          Word (.docx)
        </a>{' '}
        · <a href={`/plans/${plan.id}/export.html`}>Print-friendly HTML</a> ·{' '}
        <a href={`/plans/${plan.id}/export.md`} download>
          Markdown
        </a>
      </p>

      <article
        className="plan-document usa-prose border-top border-base-lighter padding-top-2"
        aria-label="Plan text"
      >
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </article>

      <h2 id="evidence">Evidence cited</h2>
      <EvidenceCited citations={citations} />
      {editable && !evidence ? (
        <p>
          <Link to="?cite=1#cite">Cite evidence</Link>
        </p>
      ) : null}
      {evidence ? <CiteForm evidence={evidence} /> : null}

      <h2 id="comments">Review comments</h2>
      <CommentList comments={comments} mayResolve={mayEdit} />
      <CommentForm />

      <h2>History</h2>
      <PlanVersions
        versions={versions}
        current={plan.version}
        version={version}
        mayRestore={editable}
      />

      {maySetDueDates ? (
        <DueDatesForm
          fiscalYear={plan.fiscal_year}
          calendarDue={calendarDue}
          fields={dueFormFields(plan, actionData)}
          version={version}
        />
      ) : mayEdit && plan.status !== 'final' ? (
        <p>
          The due dates come from the A-11 calendar for FY {plan.fiscal_year}; OMB leads set them.
        </p>
      ) : null}
    </>
  );
}
