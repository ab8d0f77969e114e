import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/phase';
import { AnswerForm, MoveBackForm, OverrideForm, RequestForm } from '~/components/phase/gate-forms';
import { HistoryTime } from '~/components/history/history-line';
import { PhaseSteps } from '~/components/phase/phase-steps';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs, FormErrors } from '~/components/ui/form';
import {
  agenciesDueForReview,
  ANSWER_LABELS,
  nextPhase,
  type GateEvent,
} from '~/domain/phases/gate';
import { phaseTimeline } from '~/domain/history/phase-timeline';
import { formatDateTime } from '~/domain/history/time';
import { formatDate, PHASE_LABELS } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { authorize, forbidden, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { PhaseGateSchema, type PhaseGateInput } from '~/schemas/phase';
import {
  applyGateEvent,
  getPhaseHistory,
  getReaffirmations,
  lastConcurrences,
  loadGateState,
  phaseEnteredAt,
} from '#db/queries/phases';
import { getProject } from '#db/queries/projects';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Phase gate: ${data?.project.name ?? 'project'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const db = dbOf(context);
  const detail = found(await getProject(db, pathParam(IdParam, params.projectId)));
  const { project, agencies } = detail;
  authorize(user, 'portfolio.read', { portfolioId: project.portfolio_id });
  const [gate, history, reaffirmations, last, entered] = await Promise.all([
    loadGateState(db, project.id),
    getPhaseHistory(db, project.id),
    getReaffirmations(db, project.id),
    lastConcurrences(db, [project.id]),
    phaseEnteredAt(db, [project.id]),
  ]);
  const now = new Date();
  const target = { portfolioId: project.portfolio_id };
  const myPocAgencies = user.pocFor
    .filter((p) => p.portfolioId === project.portfolio_id)
    .map((p) => p.agencyId);
  const pending = history.find((h) => h.status === 'pending') ?? null;
  const lastByAgency = last.get(project.id) ?? new Map<number, Date>();
  const due = new Set(
    agenciesDueForReview(
      agencies.map((a) => a.id),
      lastByAgency,
      entered.get(project.id) ?? now,
      now,
    ),
  );
  const doneParam = new URL(request.url).searchParams.get('done');
  return {
    done: doneParam && doneParam in DONE ? doneParam : null,
    project,
    pending,
    // Every request (the pending one too), answer, outcome, override, move back and
    // re-affirmation, newest first, with the moment in the viewer's time zone.
    timeline: phaseTimeline(history, reaffirmations).map((e) => ({
      ...e,
      when: formatDateTime(e.at, user.timeZone),
    })),
    next: nextPhase(project.phase),
    review: agencies.map((a) => ({
      ...a,
      lastConcurred: lastByAgency.get(a.id)?.toISOString() ?? null,
      due: due.has(a.id),
      canReaffirm: myPocAgencies.includes(a.id),
    })),
    // Answer forms for the agencies this person is the current POC of, still unanswered.
    answerFor: pending
      ? pending.agencies.filter(
          (a) => myPocAgencies.includes(a.id) && !gate?.state.pending?.answers.has(a.id),
        )
      : [],
    may: {
      request: can(user, 'phase.request', target),
      override: can(user, 'phase.override', target),
    },
  };
}

function toEvent(input: PhaseGateInput): GateEvent {
  switch (input.intent) {
    case 'request':
      return { type: 'request', toPhase: input.toPhase, evidence: input.evidence };
    case 'answer':
      return {
        type: 'answer',
        agencyId: input.agencyId,
        answer: input.answer,
        comment: input.comment,
      };
    case 'override':
      return { type: 'override', decision: input.decision, reason: input.reason };
    case 'move_back':
      return { type: 'move_back', toPhase: input.toPhase, reason: input.reason };
    case 'reaffirm':
      return { type: 'reaffirm', agencyId: input.agencyId };
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const projectId = pathParam(IdParam, params.projectId);
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const submission = parseWithZod(formData, { schema: PhaseGateSchema });
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply() }, { status: 400 });
  }
  const outcome = await applyGateEvent(dbOf(context), {
    projectId,
    user,
    event: toEvent(submission.value),
  });
  if (!outcome.ok) {
    if (outcome.code === 'forbidden') forbidden(outcome.message);
    const result = outcome.field
      ? submission.reply({ fieldErrors: { [outcome.field]: [outcome.message] } })
      : submission.reply({ formErrors: [outcome.message] });
    return data({ intent, result }, { status: outcome.code === 'conflict' ? 409 : 400 });
  }
  throw redirect(`/projects/${projectId}/phase?done=${outcome.result}`);
}

const DONE: Record<string, string> = {
  requested: 'Your request was sent to the involved agencies’ points of contact.',
  answered: 'Your agency’s answer was recorded.',
  advanced: 'The project moved to its next phase.',
  held: 'The project is held in its current phase.',
  moved_back: 'The project was moved back.',
  reaffirmed: 'Your agency’s concurrence was re-affirmed for this year.',
};

function when(iso: string | null) {
  return iso ? formatDate(iso) : '—';
}

export default function PhaseGate({ loaderData, actionData }: Route.ComponentProps) {
  const { project, pending, timeline, next, review, answerFor, may, done } = loaderData;
  const resultFor = (intent: string) =>
    actionData?.intent === intent ? actionData.result : undefined;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { to: `/projects/${project.id}`, label: project.name },
          { label: 'Phase gate' },
        ]}
      />
      {/* The move-back form sits at the foot of the page: its refusal is summarised here. */}
      <FormErrors
        id="move-back-errors"
        errors={resultFor('move_back')?.error}
        conformId="move-back"
      />
      <h1>Phase gate: {project.name}</h1>
      <DoneMessage done={done} />
      <PhaseSteps phase={project.phase} />
      <p>
        Current phase: <strong>{PHASE_LABELS[project.phase]}</strong>.{' '}
        {next ? `The next phase is ${PHASE_LABELS[next]}.` : 'Measurement is the last phase.'}
      </p>

      {pending ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Open request: {PHASE_LABELS[pending.to_phase]}</h2>
          <p>
            Asked by {pending.requested_by_name} ({pending.requested_by_agency}) on{' '}
            {when(pending.requested_at)}.
          </p>
          <h3>Evidence</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{pending.evidence}</p>
          <Table label="Answers from the involved agencies">
            <caption>Answers from the involved agencies</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Answer</th>
                <th scope="col">Comment</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {pending.agencies.map((a) => {
                const answer = pending.answers.find((x) => x.agency_id === a.id);
                return (
                  <tr key={a.id}>
                    <th scope="row">{a.code}</th>
                    <td>{answer ? ANSWER_LABELS[answer.answer] : 'Waiting'}</td>
                    <td>{answer?.comment || '—'}</td>
                    <td>
                      {answer
                        ? `${answer.person_name} (${answer.person_agency}), ${when(answer.answered_at)}`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {answerFor.map((agency) => (
            <section key={agency.id} aria-label={`Answer for ${agency.code}`}>
              <h3>Answer for {agency.code}</h3>
              <AnswerForm agency={agency} lastResult={resultFor('answer')} />
            </section>
          ))}
          {may.override ? (
            <section aria-labelledby="override-heading">
              <h3 id="override-heading">OMB lead override</h3>
              <p>
                Advance or hold without waiting for every agency. The reason is kept in the history.
              </p>
              <OverrideForm lastResult={resultFor('override')} />
            </section>
          ) : null}
        </section>
      ) : may.request && next ? (
        <section aria-labelledby="request-heading">
          <h2 id="request-heading">Ask for {PHASE_LABELS[next]}</h2>
          <p>Each involved agency’s point of contact will be asked to concur.</p>
          <RequestForm toPhase={next} lastResult={resultFor('request')} />
        </section>
      ) : null}
      {!pending && resultFor('answer') ? (
        <Alert type="error" heading="Not recorded">
          {resultFor('answer')?.error?.['']?.join(' ') ?? 'There is no open request to answer.'}
        </Alert>
      ) : null}

      <h2>Annual review</h2>
      <p>
        Agencies concur on each project in each phase every year (A-11 280.16). A project is due for
        an agency’s review when its last concurrence in this phase, or with none the day the project
        entered this phase, is more than 12 months old.
      </p>
      <Table label="Last concurrence per involved agency">
        <caption className="usa-sr-only">Last concurrence per involved agency</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Last concurred</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {review.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.code}</th>
              <td>{a.lastConcurred ? when(a.lastConcurred) : 'No concurrence recorded'}</td>
              <td>
                {a.due ? (
                  <span className="usa-tag bg-gold text-ink">Due for review</span>
                ) : (
                  'Current'
                )}
                {a.canReaffirm ? (
                  <Form method="post" className="display-inline margin-left-2">
                    <input type="hidden" name="intent" value="reaffirm" />
                    <input type="hidden" name="agencyId" value={a.id} />
                    <button
                      type="submit"
                      className="usa-button usa-button--outline usa-button--small"
                    >
                      Re-affirm {a.code}’s concurrence
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>

      {may.override && project.phase !== 'discovery' ? (
        <section aria-labelledby="move-back-heading">
          <h2 id="move-back-heading">Move back a phase</h2>
          <MoveBackForm phase={project.phase} lastResult={resultFor('move_back')} />
        </section>
      ) : null}

      <h2>Phase history</h2>
      {timeline.length === 0 ? (
        <p>No phase requests, answers or re-affirmations recorded in the workspace yet.</p>
      ) : (
        <ol className="usa-list usa-list--unstyled" aria-label="Phase history, newest first">
          {timeline.map((e) => (
            <li
              key={e.key}
              className="margin-bottom-2 border-left-05 border-primary-lighter padding-left-2 padding-y-05"
            >
              <div className="font-body-2xs text-base-dark">
                <HistoryTime at={e.at} when={e.when} />
              </div>
              <div>
                {e.who ? (
                  <>
                    <strong>{e.who}</strong> {e.text}
                  </>
                ) : (
                  <strong>{e.text}</strong>
                )}
              </div>
              {e.note ? <div className="font-body-xs">{e.note}</div> : null}
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={`/projects/${project.id}`}>Back to the project</Link>
      </p>
    </>
  );
}

function DoneMessage({ done }: { done: string | null }) {
  if (!done || !DONE[done]) return null;
  return (
    <Alert type="success" slim>
      {DONE[done]}
    </Alert>
  );
}
