import { Link } from '~/components/ui/link';
import type { Route } from './+types/project';
import { MeasureList } from '~/components/measures/measure-list';
import { EvaluationList } from '~/components/evaluations/evaluation-list';
import { TrustList } from '~/components/surveys/trust-list';
import { PhaseSteps } from '~/components/phase/phase-steps';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { HistorySentence, HistoryTime } from '~/components/history/history-line';
import { HealthTag } from '~/components/ui/tags';
import { VERSION_LABELS } from '~/domain/journey/types';
import { agenciesDueForReview } from '~/domain/phases/gate';
import {
  formatDate,
  formatTiming,
  MILESTONE_STATUS_LABELS,
  PHASE_LABELS,
} from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { inZone } from '~/presenters/history.server';
import { projectPortfolio } from '#db/queries/projects';
import { projectPage } from '~/routes/projects/find.server';
import { dbOf, findAuthorized } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.project.name ?? 'Project'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const db = dbOf(context);
  const { user, record } = await findAuthorized(
    { request, context },
    params.projectId,
    'portfolio.read',
    projectPortfolio,
    (p) => p.portfolio_id,
  );
  const target = { portfolioId: record.portfolio_id };
  const now = new Date();
  const page = await projectPage(db, record, now.toISOString().slice(0, 10));
  const { detail } = page;
  const due = agenciesDueForReview(
    detail.agencies.map((a) => a.id),
    page.lastConcurrences,
    page.enteredPhase ?? now,
    now,
  );
  return {
    ...detail,
    journeySteps: page.journeySteps,
    measurement: page.measurement,
    pendingTo: page.pendingTo,
    dueCodes: detail.agencies.filter((a) => due.includes(a.id)).map((a) => a.code),
    changes: inZone(page.changes, user.timeZone),
    may: {
      edit: can(user, 'project.edit', target),
      milestones: can(user, 'milestone.edit', target),
      measures: can(user, 'measure.edit', target),
      evaluations: can(user, 'evaluation.edit', target),
    },
  };
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-bold">{term}</dt>
      <dd className="margin-left-0 margin-bottom-1" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </dd>
    </>
  );
}

export default function ProjectPage({ loaderData }: Route.ComponentProps) {
  const { project, agencies, milestones, journeySteps, pendingTo, dueCodes, changes, may } =
    loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${project.portfolio_slug}`, label: project.portfolio_name },
          { label: project.name },
        ]}
      />
      <h1 className="margin-top-1">{project.name}</h1>
      <p className="usa-intro">{project.summary}</p>
      <PhaseSteps phase={project.phase} />
      <p>
        {pendingTo ? (
          <>
            <strong>
              A request to move to {PHASE_LABELS[pendingTo]} is waiting for the agencies’ answers.
            </strong>{' '}
          </>
        ) : null}
        {dueCodes.length > 0 ? (
          <>
            <span className="usa-tag bg-gold text-ink">Due for review</span> Annual concurrence due
            from {dueCodes.join(', ')}.{' '}
          </>
        ) : null}
        <Link to={`/projects/${project.id}/phase`}>Phase gate and history</Link> ·{' '}
        <Link to={`/projects/${project.id}/research`}>Research log</Link>
      </p>
      {may.edit ? (
        <p>
          <Link className="usa-button usa-button--outline" to={`/projects/${project.id}/edit`}>
            Edit project
          </Link>
        </p>
      ) : null}

      <dl className="margin-y-3">
        <Detail term="Health">
          <HealthTag health={project.health} />
          {project.health_reason ? <span> {project.health_reason}</span> : null}
        </Detail>
        <Detail term="Owner">
          {project.owner_name ? `${project.owner_name} (${project.owner_code})` : 'Not set'}
        </Detail>
        <Detail term="Involved agencies">
          {agencies.length > 0 ? agencies.map((a) => a.code).join(', ') : 'None yet'}
        </Detail>
        <Detail term="Pain points addressed">{project.pain_points || 'Not written yet'}</Detail>
        <Detail term="Short-term outcomes">
          {project.outcomes_short_term || 'Not written yet'}
        </Detail>
        <Detail term="Long-term outcomes">{project.outcomes_long_term || 'Not written yet'}</Detail>
        <Detail term="Theory of change">{project.theory_of_change || 'Not written yet'}</Detail>
      </dl>

      <h2 id="milestones">Milestones</h2>
      {may.milestones ? (
        <p>
          <Link
            className="usa-button usa-button--outline"
            to={`/projects/${project.id}/milestones/new`}
          >
            Add milestone
          </Link>
        </p>
      ) : null}
      {milestones.length === 0 ? (
        <p>No milestones yet.</p>
      ) : (
        <table className="usa-table usa-table--stacked">
          <caption className="usa-sr-only">Milestones of {project.name}</caption>
          <thead>
            <tr>
              <th scope="col">Milestone</th>
              <th scope="col">Status</th>
              <th scope="col">Timing</th>
              <th scope="col">Owner</th>
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.id} id={`milestone-${m.id}`}>
                <th scope="row" data-label="Milestone">
                  {m.title}
                  {m.source_note ? (
                    <div className="font-body-3xs text-base-dark text-normal">
                      Source: {m.source_note}
                    </div>
                  ) : null}
                  {may.milestones ? (
                    <div className="text-normal font-body-2xs">
                      <Link to={`/projects/${project.id}/milestones/${m.id}`}>
                        Edit<span className="usa-sr-only"> milestone: {m.title}</span>
                      </Link>
                    </div>
                  ) : null}
                </th>
                <td data-label="Status">
                  {MILESTONE_STATUS_LABELS[m.status]}
                  {m.completed_on ? ` (${formatDate(m.completed_on)})` : ''}
                </td>
                <td data-label="Timing">{formatTiming(m)}</td>
                <td data-label="Owner">{m.owner}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <MeasureList
        measures={loaderData.measurement.measures}
        projectId={project.id}
        mayEdit={may.measures}
      />
      <EvaluationList
        plans={loaderData.measurement.evaluations}
        projectId={project.id}
        mayEdit={may.evaluations}
      />
      <TrustList rows={loaderData.measurement.trust} label="Trust in the services it measures" />

      <h2>Journey steps it addresses</h2>
      {journeySteps.length === 0 ? (
        <p>No journey step is linked to this project yet. Link one from a journey map’s step.</p>
      ) : (
        <ul className="usa-list">
          {journeySteps.map((s) => (
            <li key={s.id}>
              <Link to={`/journeys/${s.map_id}`}>{s.map_title}</Link> (
              {VERSION_LABELS[s.version_label]}), {s.stage}: <strong>{s.title}</strong> (score{' '}
              {s.score})
              {s.pain_points ? (
                <div className="font-body-xs">Pain points: {s.pain_points}</div>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Change log</h2>
      {changes.length === 0 ? (
        <p>No changes recorded in the workspace yet.</p>
      ) : (
        <ul className="usa-list font-body-xs" aria-label="Changes, newest first">
          {changes.map((c) => (
            <li key={c.id}>
              <HistoryTime at={c.at} when={c.when} />: <HistorySentence line={c} />
            </li>
          ))}
        </ul>
      )}

      {project.source_note ? (
        <>
          <h2>Source</h2>
          <p className="font-body-xs">{project.source_note}</p>
        </>
      ) : null}
    </>
  );
}
