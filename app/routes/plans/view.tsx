import { data, Form, Link } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/view';
import { Alert } from '~/components/ui/alert';
import { FieldError } from '~/components/ui/field';
import { Breadcrumbs, FormErrors } from '~/components/ui/form';
import { isFederalHoliday } from '~/domain/calendar/holidays';
import { formatDateTime } from '~/domain/history/time';
import { formatDate } from '~/domain/portfolio/labels';
import {
  canMove,
  daysLeft,
  dueDatesEditable,
  dueText,
  isEditable,
  planDueDates,
  STATUS_LABELS,
  type PlanStatus,
} from '~/domain/plans/status';
import { can } from '~/domain/policy';
import { authorize, submitEdit, notFound } from '~/web/toolkit.server';
import { planHtmlOf } from '~/render/plans/html.server';
import { requirePlan } from '~/routes/plans/find.server';
import {
  CitationSchema,
  CommentSchema,
  DueDatesSchema,
  MoveSchema,
  ResolveSchema,
  RestoreSchema,
} from '~/schemas/plan';
import { getCalendarOverrides } from '#db/queries/calendar';
import {
  addCitation,
  addComment,
  citableEvidence,
  listCitations,
  listComments,
  movePlan,
  resolveComment,
  restorePlanVersion,
  setPlanDueDates,
} from '#db/queries/plans';
import { citationViews } from '~/routes/plans/evidence.server';
import { PLAN_SECTIONS } from '~/domain/plans/document';
import { Table } from '~/components/ui/table';
import { useTimeZone } from '~/lib/time-zone';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.plan.title ?? 'CX Action Plan'} | Life Experience Workspace` },
];

/** `?cite=1` opens the form for citing evidence, which lists the portfolio's pain points,
 * research and to-be assessments; the read view itself does not carry that list. */
const ViewParams = z.object({ cite: z.literal('1').optional() });

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, plan, versions } = await requirePlan(
    { request, context },
    params.planId,
    'portfolio.read',
  );
  const search = ViewParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
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
    moves: (['draft', 'in_review', 'final'] as PlanStatus[]).filter(
      (to) => to !== plan.status && canMove(plan.status, to, user.isOmbLead),
    ),
    mayEdit,
    maySetDueDates,
    calendarDue,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, plan } = await requirePlan({ request, context }, params.planId, 'portfolio.read');
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const back = `/plans/${plan.id}`;
  // Anyone who can read the plan may comment on it (reviewers included); the rest is editing.
  if (intent === 'comment') {
    return submitEdit(
      formData,
      intent,
      CommentSchema,
      (v) =>
        addComment(dbOf(context), {
          planId: plan.id,
          section: v.section,
          body: v.body,
          actorId: user.personId,
        }),
      `${back}#comments`,
    );
  }
  authorize(user, 'plan.edit', { portfolioId: plan.portfolio_id });
  if (intent === 'cite') {
    return submitEdit(
      formData,
      intent,
      CitationSchema,
      (v) =>
        addCitation(dbOf(context), {
          planId: plan.id,
          section: v.section,
          kind: v.evidence.kind,
          refId: v.evidence.refId,
          note: v.note,
          actorId: user.personId,
        }),
      `${back}#evidence`,
    );
  }
  if (intent === 'resolve') {
    return submitEdit(
      formData,
      intent,
      ResolveSchema,
      (v) =>
        resolveComment(dbOf(context), {
          planId: plan.id,
          commentId: v.commentId,
          actorId: user.personId,
        }),
      `${back}#comments`,
    );
  }
  if (intent === 'move') {
    return submitEdit(
      formData,
      intent,
      MoveSchema,
      (v) =>
        movePlan(dbOf(context), {
          id: plan.id,
          version: v.version,
          to: v.to,
          actorId: user.personId,
          isOmbLead: user.isOmbLead,
        }),
      back,
    );
  }
  if (intent === 'due') {
    authorize(user, 'plan.set_due_dates', { portfolioId: plan.portfolio_id });
    return submitEdit(
      formData,
      intent,
      DueDatesSchema,
      (v) =>
        setPlanDueDates(dbOf(context), {
          id: plan.id,
          version: v.version,
          draftDue: v.draftDue,
          finalDue: v.finalDue,
          actorId: user.personId,
        }),
      back,
    );
  }
  if (intent === 'restore') {
    return submitEdit(
      formData,
      intent,
      RestoreSchema,
      (v) =>
        restorePlanVersion(dbOf(context), {
          id: plan.id,
          version: v.version,
          fromVersion: v.fromVersion,
          actorId: user.personId,
        }),
      back,
    );
  }
  return data(
    {
      intent,
      result: { status: 'error' as const, error: { '': ['Unknown action.'] } },
      stale: null,
    },
    { status: 400 },
  );
}

const MOVE_LABELS: Record<PlanStatus, string> = {
  draft: 'Back to draft',
  in_review: 'Send for review',
  final: 'Mark final',
};

/** When a comment was made or resolved, or a version saved: the viewer's zone, shown. */
function When({ iso }: { iso: string }) {
  const zone = useTimeZone();
  return <time dateTime={iso}>{formatDateTime(iso, zone)}</time>;
}

/** "Luis Ortega (USDA)". */
const named = (name: string | null, agency: string | null) =>
  name ? (agency ? `${name} (${agency})` : name) : null;

export default function PlanView({ loaderData, actionData }: Route.ComponentProps) {
  const {
    plan,
    html,
    versions,
    due,
    moves,
    mayEdit,
    maySetDueDates,
    calendarDue,
    citations,
    comments,
    evidence,
  } = loaderData;
  const version = actionData?.stale?.version ?? plan.version;
  const errors = actionData?.result.error;
  // The summary links each message to its field: the field ids of the form that was sent.
  const fieldIds: Record<string, Record<string, string>> = {
    cite: { section: 'cite-section', evidence: 'cite-evidence', note: 'cite-note' },
    comment: { section: 'comment-section', body: 'comment-body' },
    due: { draftDue: 'draftDue', finalDue: 'finalDue' },
  };
  // The due-date form's own errors sit next to its fields, and what was typed stays there.
  const dueForm =
    actionData?.intent === 'due' && 'initialValue' in actionData.result ? actionData.result : null;
  const dueErrors = (name: 'draftDue' | 'finalDue') => dueForm?.error?.[name] ?? undefined;
  const dueValue = (name: 'draftDue' | 'finalDue') => {
    const typed = (dueForm?.initialValue as Record<string, unknown> | null | undefined)?.[name];
    return typeof typed === 'string'
      ? typed
      : plan[name === 'draftDue' ? 'draft_due' : 'final_due'];
  };
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
        · Draft due {formatDate(plan.draft_due)}
        {plan.status !== 'final' ? ` (${dueText(due.draft)})` : ''} · Final due{' '}
        {formatDate(plan.final_due)}
        {plan.status !== 'final' ? ` (${dueText(due.final)})` : ''}
      </p>
      <FormErrors id="plan-errors" errors={errors} fields={fieldIds[actionData?.intent ?? '']} />
      {plan.status === 'final' ? (
        <Alert type="info" slim>
          This plan is final and read-only. An OMB lead can reopen it.
        </Alert>
      ) : null}
      <ul className="usa-button-group margin-y-2">
        {mayEdit && isEditable(plan.status) ? (
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
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="to" value={to} />
                  <input type="hidden" name="version" value={version} />
                  <button type="submit" className="usa-button usa-button--outline">
                    {plan.status === 'final' ? 'Reopen as draft' : MOVE_LABELS[to]}
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
      {citations.length === 0 ? (
        <p>No evidence cited yet.</p>
      ) : (
        PLAN_SECTIONS.map((title, section) => {
          const here = citations.filter((c) => c.section === section);
          return here.length === 0 ? null : (
            <section key={title} aria-label={`Evidence for ${title}`}>
              <h3>{title}</h3>
              <ul className="usa-list">
                {here.map((c) => (
                  <li key={c.id}>
                    <Link to={c.href}>{c.label}</Link>: {c.figures}
                    {c.note ? <div className="font-body-xs">Note: {c.note}</div> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}
      {mayEdit && isEditable(plan.status) && !evidence ? (
        <p>
          <Link to="?cite=1#cite">Cite evidence</Link>
        </p>
      ) : null}
      {evidence ? (
        <Form method="post" id="cite" className="usa-form usa-form--large">
          <input type="hidden" name="intent" value="cite" />
          <label className="usa-label" htmlFor="cite-section">
            Section
          </label>
          <select className="usa-select" id="cite-section" name="section">
            {PLAN_SECTIONS.map((t, i) => (
              <option key={t} value={i}>
                {t}
              </option>
            ))}
          </select>
          <label className="usa-label" htmlFor="cite-evidence">
            Evidence
          </label>
          <select className="usa-select" id="cite-evidence" name="evidence" defaultValue="">
            <option value="">- Select -</option>
            <optgroup label="Journey pain points">
              {evidence.steps.map((s) => (
                <option key={`s${s.id}`} value={`journey_step:${s.id}`}>
                  {s.map_title}: {s.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Research activities">
              {evidence.activities.map((a) => (
                <option key={`a${a.id}`} value={`research_activity:${a.id}`}>
                  {a.title} ({a.project_name})
                </option>
              ))}
            </optgroup>
            <optgroup label="Burden savings (to-be assessments)">
              {evidence.toBe.map((b) => (
                <option key={`b${b.id}`} value={`burden_savings:${b.id}`}>
                  {b.title}
                </option>
              ))}
            </optgroup>
          </select>
          <label className="usa-label" htmlFor="cite-note">
            Note (optional)
          </label>
          <input className="usa-input" id="cite-note" name="note" maxLength={500} />
          <button type="submit" className="usa-button usa-button--outline margin-top-1">
            Cite evidence
          </button>
        </Form>
      ) : null}

      <h2 id="comments">Review comments</h2>
      {comments.length === 0 ? (
        <p>No comments yet.</p>
      ) : (
        <ul className="usa-list usa-list--unstyled">
          {comments.map((c) => (
            <li
              key={c.id}
              className="border-left-05 border-base-light padding-left-2 margin-bottom-2"
            >
              <div className="font-body-xs text-base-dark">
                {PLAN_SECTIONS[c.section]} · {named(c.author, c.author_agency)},{' '}
                <When iso={c.created_at} /> ·{' '}
                {c.resolved_at ? (
                  <>
                    Resolved by {named(c.resolver, c.resolver_agency)} on{' '}
                    <When iso={c.resolved_at} />
                  </>
                ) : (
                  'Open'
                )}
              </div>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
              {!c.resolved_at && mayEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <button type="submit" className="usa-button usa-button--unstyled">
                    Resolve<span className="usa-sr-only"> comment by {c.author}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Form method="post" className="usa-form usa-form--large">
        <input type="hidden" name="intent" value="comment" />
        <label className="usa-label" htmlFor="comment-section">
          Section
        </label>
        <select className="usa-select" id="comment-section" name="section">
          {PLAN_SECTIONS.map((t, i) => (
            <option key={t} value={i}>
              {t}
            </option>
          ))}
        </select>
        <label className="usa-label" htmlFor="comment-body">
          Comment
        </label>
        <textarea
          className="usa-textarea"
          id="comment-body"
          name="body"
          rows={3}
          maxLength={2000}
        />
        <button type="submit" className="usa-button usa-button--outline margin-top-1">
          Add comment
        </button>
      </Form>

      <h2>History</h2>
      <Table label="Saved versions">
        <caption className="usa-sr-only">Saved versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Name and note</th>
            {mayEdit && isEditable(plan.status) ? (
              <th scope="col">
                <span className="usa-sr-only">Restore</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <th scope="row">{v.version}</th>
              <td>
                <When iso={v.saved_at} />
                {v.saved_by_name ? `, ${named(v.saved_by_name, v.saved_by_agency)}` : ''}
              </td>
              <td>
                {v.name ? <strong>{v.name}</strong> : '—'}
                {v.note ? `: ${v.note}` : ''}
              </td>
              {mayEdit && isEditable(plan.status) ? (
                <td>
                  {v.version !== plan.version ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="fromVersion" value={v.version} />
                      <input type="hidden" name="version" value={version} />
                      <button type="submit" className="usa-button usa-button--unstyled">
                        Restore<span className="usa-sr-only"> version {v.version}</span>
                      </button>
                    </Form>
                  ) : (
                    'Current'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>

      {maySetDueDates ? (
        <section aria-labelledby="due-heading">
          <h2 id="due-heading">Due dates</h2>
          <p>
            A new plan takes its fiscal year’s dates from the A-11 calendar (280.12), where OMB
            leads set each year’s dates.
            {calendarDue
              ? ` For FY ${plan.fiscal_year} the calendar says draft ${formatDate(calendarDue.draftDue)}, final ${formatDate(calendarDue.finalDue)}.`
              : ''}
          </p>
          <Form method="post" className="usa-form">
            <input type="hidden" name="intent" value="due" />
            <input type="hidden" name="version" value={version} />
            {(['draftDue', 'finalDue'] as const).map((name) => {
              const fieldErrors = dueErrors(name);
              return (
                <div
                  key={name}
                  className={`usa-form-group${fieldErrors?.length ? ' usa-form-group--error' : ''}`}
                >
                  <label
                    className={`usa-label${fieldErrors?.length ? ' usa-label--error' : ''}`}
                    htmlFor={name}
                  >
                    {name === 'draftDue' ? 'Draft due' : 'Final due'}
                  </label>
                  <FieldError id={`${name}-error`} errors={fieldErrors} />
                  <input
                    key={dueValue(name)}
                    className={`usa-input${fieldErrors?.length ? ' usa-input--error' : ''}`}
                    type="date"
                    id={name}
                    name={name}
                    defaultValue={dueValue(name)}
                    aria-invalid={fieldErrors?.length ? true : undefined}
                    aria-describedby={fieldErrors?.length ? `${name}-error` : undefined}
                  />
                </div>
              );
            })}
            <button type="submit" className="usa-button usa-button--outline margin-top-2">
              Save due dates
            </button>
          </Form>
        </section>
      ) : mayEdit && plan.status !== 'final' ? (
        <p>
          The due dates come from the A-11 calendar for FY {plan.fiscal_year}; OMB leads set them.
        </p>
      ) : null}
    </>
  );
}
