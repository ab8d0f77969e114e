import { Link } from 'react-router';
import type { Route } from './+types/project';
import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { HealthTag } from '~/components/ui/tags';
import {
  formatTiming,
  MILESTONE_STATUS_LABELS,
  PHASE_LABELS,
  PHASES,
} from '~/domain/portfolio/labels';
import { found } from '~/http.server';
import { pathParam } from '~/params.server';
import { IdParam } from '~/schemas/params';
import { getDb } from '#db/client';
import { getProject } from '#db/queries/projects';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.project.name ?? 'Project'} | Life Experience Workspace` },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const id = pathParam(IdParam, params.projectId);
  const detail = found(await getProject(getDb(), id));
  authorize(user, 'portfolio.read', { portfolioId: detail.project.portfolio_id });
  return detail;
}

export default function ProjectPage({ loaderData }: Route.ComponentProps) {
  const { project, agencies, milestones } = loaderData;
  const current = PHASES.indexOf(project.phase);
  return (
    <>
      <nav aria-label="Breadcrumbs" className="usa-breadcrumb padding-top-2">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link to="/" className="usa-breadcrumb__link">
              <span>Portfolios</span>
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item">
            <Link to={`/portfolios/${project.portfolio_slug}`} className="usa-breadcrumb__link">
              <span>{project.portfolio_name}</span>
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            <span>{project.name}</span>
          </li>
        </ol>
      </nav>
      <h1 className="margin-top-1">{project.name}</h1>
      <p className="usa-intro">{project.summary}</p>

      <div
        className="usa-step-indicator usa-step-indicator--counters-sm"
        aria-label="Project phase"
      >
        <ol className="usa-step-indicator__segments">
          {PHASES.map((phase, i) => (
            <li
              key={phase}
              className={`usa-step-indicator__segment${i < current ? ' usa-step-indicator__segment--complete' : ''}${i === current ? ' usa-step-indicator__segment--current' : ''}`}
              aria-current={i === current ? 'step' : undefined}
            >
              <span className="usa-step-indicator__segment-label">
                {PHASE_LABELS[phase]}
                {i < current ? <span className="usa-sr-only"> completed</span> : null}
                {i > current ? <span className="usa-sr-only"> not started</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </div>

      <dl className="margin-y-3">
        <dt className="text-bold">Health</dt>
        <dd className="margin-left-0 margin-bottom-1">
          <HealthTag health={project.health} />
          {project.health_reason ? <span> {project.health_reason}</span> : null}
        </dd>
        <dt className="text-bold">Owner</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {project.owner_name ? `${project.owner_name} (${project.owner_code})` : 'Not set'}
        </dd>
        <dt className="text-bold">Involved agencies</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {agencies.length > 0 ? agencies.map((a) => a.code).join(', ') : 'None yet'}
        </dd>
        <dt className="text-bold">Pain points addressed</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {project.pain_points || 'Not written yet'}
        </dd>
        <dt className="text-bold">Short-term outcomes</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {project.outcomes_short_term || 'Not written yet'}
        </dd>
        <dt className="text-bold">Long-term outcomes</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {project.outcomes_long_term || 'Not written yet'}
        </dd>
        <dt className="text-bold">Theory of change</dt>
        <dd className="margin-left-0 margin-bottom-1">
          {project.theory_of_change || 'Not written yet'}
        </dd>
      </dl>

      <h2 id="milestones">Milestones</h2>
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
              <tr key={m.id}>
                <th scope="row" data-label="Milestone">
                  {m.title}
                  {m.source_note ? (
                    <div className="font-body-3xs text-base-dark text-normal">
                      Source: {m.source_note}
                    </div>
                  ) : null}
                </th>
                <td data-label="Status">{MILESTONE_STATUS_LABELS[m.status]}</td>
                <td data-label="Timing">{formatTiming(m)}</td>
                <td data-label="Owner">{m.owner}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Source</h2>
      <p className="font-body-xs">{project.source_note}</p>
    </>
  );
}
