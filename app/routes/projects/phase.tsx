import { Link } from '~/components/ui/link';
import type { Route } from './+types/phase';
import { AnswerForm, MoveBackForm, OverrideForm, RequestForm } from '~/components/phase/gate-forms';
import { AnnualReviewTable, AnswersTable, PhaseHistory } from '~/components/phase/gate-tables';
import { PhaseSteps } from '~/components/phase/phase-steps';
import { MeasurementEvidence } from '~/components/measures/measurement-evidence';
import { projectMeasurement } from '~/presenters/measurement.server';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { agenciesDueForReview, gateFacts, nextPhase, type GateEvent } from '~/domain/phases/gate';
import { phaseTimeline } from '~/domain/history/phase-timeline';
import { formatDateTime } from '~/domain/history/time';
import { formatDate, PHASE_LABELS } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { applyGateEvent } from '~/commands/phases';
import { authorize, dispatch, found, pathParam } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { PhaseGateSchema } from '~/schemas/phase';
import {
  getPhaseHistory,
  getReaffirmations,
  lastConcurrences,
  loadGateState,
  phaseEnteredAt,
} from '#db/queries/phases';
import { getProject } from '#db/queries/projects';
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
  // What this person may do here, given the gate as it is now (the policy knows both).
  const target = {
    portfolioId: project.portfolio_id,
    gate: gate ? gateFacts(gate.state) : undefined,
  };
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
  const next = nextPhase(project.phase);
  // The pilot's outcomes are the evidence for entering and staying in Measurement.
  const measuring = [project.phase, next, pending?.to_phase].includes('measurement');
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
    next,
    measurement: measuring
      ? await projectMeasurement(db, project.id, now.toISOString().slice(0, 10))
      : null,
    review: agencies.map((a) => ({
      ...a,
      lastConcurred: lastByAgency.get(a.id)?.toISOString() ?? null,
      due: due.has(a.id),
      canReaffirm: can(user, 'phase.reaffirm', { ...target, agencyId: a.id }),
    })),
    // Answer forms for the agencies this person is the current POC of, still unanswered.
    answerFor: (pending?.agencies ?? []).filter((a) =>
      can(user, 'phase.answer', { ...target, agencyId: a.id }),
    ),
    may: {
      request: can(user, 'phase.request', target),
      override: can(user, 'phase.override', target),
      moveBack: can(user, 'phase.move_back', target),
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  const projectId = pathParam(IdParam, params.projectId);
  const gate = async (event: GateEvent) => {
    const done = await applyGateEvent(dbOf(context), { projectId, user, event });
    return `/projects/${projectId}/phase?done=${done.result}`;
  };
  return dispatch(await request.formData(), PhaseGateSchema, {
    request: (v) => gate({ type: 'request', toPhase: v.toPhase, evidence: v.evidence }),
    answer: (v) =>
      gate({ type: 'answer', agencyId: v.agencyId, answer: v.answer, comment: v.comment }),
    override: (v) => gate({ type: 'override', decision: v.decision, reason: v.reason }),
    move_back: (v) => gate({ type: 'move_back', toPhase: v.toPhase, reason: v.reason }),
    reaffirm: (v) => gate({ type: 'reaffirm', agencyId: v.agencyId }),
  });
}

const DONE: Record<string, string> = {
  requested: 'Your request was sent to the involved agencies’ points of contact.',
  answered: 'Your agency’s answer was recorded.',
  advanced: 'The project moved to its next phase.',
  held: 'The project is held in its current phase.',
  moved_back: 'The project was moved back.',
  reaffirmed: 'Your agency’s concurrence was re-affirmed for this year.',
};

export default function PhaseGate({ loaderData, actionData }: Route.ComponentProps) {
  const { project, pending, timeline, next, review, answerFor, may, done, measurement } =
    loaderData;
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

      {measurement ? (
        <MeasurementEvidence projectId={project.id} measurement={measurement} />
      ) : null}

      {pending ? (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">Open request: {PHASE_LABELS[pending.to_phase]}</h2>
          <p>
            Asked by {pending.requested_by_name} ({pending.requested_by_agency}) on{' '}
            {formatDate(pending.requested_at)}.
          </p>
          <h3>Evidence</h3>
          <p style={{ whiteSpace: 'pre-wrap' }}>{pending.evidence}</p>
          <AnswersTable pending={pending} />
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
      <AnnualReviewTable review={review} />

      {may.moveBack && project.phase !== 'discovery' ? (
        <section aria-labelledby="move-back-heading">
          <h2 id="move-back-heading">Move back a phase</h2>
          <MoveBackForm phase={project.phase} lastResult={resultFor('move_back')} />
        </section>
      ) : null}

      <h2>Phase history</h2>
      <PhaseHistory timeline={timeline} />
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
