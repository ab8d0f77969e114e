import { Link } from '~/components/ui/link';
import type { Route } from './+types/portfolio';
import { TrustList } from '~/components/surveys/trust-list';
import { HealthTag } from '~/components/ui/tags';
import { PHASE_LABELS, PHASE_PURPOSE, PHASES } from '~/domain/portfolio/labels';
import { can, ROLE_LABELS, rolesIn } from '~/domain/policy';
import { Table } from '~/components/ui/table';
import { portfolioPage } from '~/routes/portfolios/find.server';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.portfolio.name ?? 'Portfolio'} | Life Experience Workspace` },
];

const MEMBERSHIP_LABELS = { lead: 'Portfolio lead', member: 'Team member', viewer: 'Viewer' };

export async function loader(args: Route.LoaderArgs) {
  const { user, portfolio } = await findPortfolio(args, args.params.slug, 'portfolio.read');
  const target = { portfolioId: portfolio.id };
  const today = new Date().toISOString().slice(0, 10);
  return {
    ...(await portfolioPage(dbOf(args.context), portfolio, today)),
    may: {
      edit: can(user, 'portfolio.edit', target),
      people: can(user, 'portfolio.assign_poc', target),
      newProject: can(user, 'project.create', target),
    },
    myRoles: [...rolesIn(user, portfolio.id)].map((r) => ROLE_LABELS[r]),
  };
}

export default function PortfolioPage({ loaderData }: Route.ComponentProps) {
  const { portfolio, agencies, team, projects, projectCounts, myRoles, may, burden } = loaderData;
  return (
    <>
      <nav aria-label="Breadcrumbs" className="usa-breadcrumb padding-top-2">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link to="/" className="usa-breadcrumb__link">
              <span>Portfolios</span>
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            <span>{portfolio.name}</span>
          </li>
        </ol>
      </nav>
      <h1 className="margin-top-1">{portfolio.name}</h1>
      <p className="usa-intro">{portfolio.description}</p>
      <ul className="usa-list usa-list--unstyled">
        <li>
          <strong>Lead agency:</strong> {portfolio.lead_name} ({portfolio.lead_code})
        </li>
        <li>
          <strong>Cycle:</strong> Discovery in FY {portfolio.cycle_start_fy}, Measurement in FY{' '}
          {portfolio.cycle_start_fy + 3}
        </li>
        <li>
          <strong>Your roles here:</strong> {myRoles.length > 0 ? myRoles.join(', ') : 'Reader'}
        </li>
      </ul>

      <ul className="usa-button-group">
        {[
          { to: 'journeys', label: 'Journey maps', show: true },
          { to: 'burden', label: 'Burden', show: true },
          { to: 'plans', label: 'CX Action Plans', show: true },
          { to: 'pra', label: 'PRA status', show: true },
          { to: 'surveys', label: 'Surveys', show: true },
          { to: 'charter', label: 'Charter', show: true },
          { to: 'projects/new', label: 'New project', show: may.newProject },
          { to: 'edit', label: 'Edit portfolio', show: may.edit },
          { to: 'people', label: 'Points of contact and PMC members', show: may.people },
        ]
          .filter((l) => l.show)
          .map((l) => (
            <li key={l.to} className="usa-button-group__item">
              <Link
                className="usa-button usa-button--outline"
                to={`/portfolios/${portfolio.slug}/${l.to}`}
              >
                {l.label}
              </Link>
            </li>
          ))}
      </ul>

      <h2>Projects by phase</h2>
      <div className="phase-board">
        {PHASES.map((phase) => {
          const inPhase = projects.filter((p) => p.phase === phase);
          return (
            <section
              key={phase}
              aria-labelledby={`phase-${phase}`}
              className="bg-base-lightest padding-2 radius-md"
            >
              <h3 id={`phase-${phase}`} className="margin-top-0">
                {PHASE_LABELS[phase]} <span className="text-base">({projectCounts[phase]})</span>
              </h3>
              <p className="font-body-2xs text-base-dark margin-top-0">{PHASE_PURPOSE[phase]}</p>
              {inPhase.length === 0 ? (
                <p className="font-body-xs">No projects in this phase.</p>
              ) : (
                <ul className="usa-list usa-list--unstyled">
                  {inPhase.map((p) => (
                    <li
                      key={p.id}
                      className="bg-white padding-1 margin-bottom-1 radius-sm border border-base-lighter"
                    >
                      <Link to={`/projects/${p.id}`} className="text-bold">
                        {p.name}
                      </Link>
                      <div className="margin-top-05">
                        <HealthTag health={p.health} />{' '}
                        {p.owner_code ? (
                          <span className="font-body-2xs">Owner: {p.owner_code}</span>
                        ) : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {projectCounts[phase] > inPhase.length ? (
                <Link
                  className="font-body-xs"
                  to={`/projects?portfolio=${portfolio.id}&phase=${phase}`}
                >
                  See all {projectCounts[phase]} projects in {PHASE_LABELS[phase]}
                </Link>
              ) : null}
            </section>
          );
        })}
      </div>

      <h2>Burden</h2>
      {burden.assessments === 0 ? (
        <p>
          No burden assessments yet.{' '}
          <Link to={`/portfolios/${portfolio.slug}/burden`}>
            Estimate the burden of a journey or service.
          </Link>
        </p>
      ) : (
        <p data-testid="portfolio-burden">
          Baseline burden: {burden.hours} hours and {burden.cost} a year. Reduced so far:{' '}
          {burden.reducedHours} hours and {burden.reducedCost} a year.{' '}
          <Link to={`/portfolios/${portfolio.slug}/burden`}>See the assessments</Link>
        </p>
      )}

      <h2>Success measures</h2>
      {loaderData.measures.total === 0 ? (
        <p>No success measures yet; a project defines its own.</p>
      ) : (
        <p data-testid="portfolio-measures">
          {loaderData.measures.total} success measures across the projects:{' '}
          {loaderData.measures.byStatus
            .map((s) => `${s.count} ${s.label.toLowerCase()}`)
            .join(', ')}
          . Each project’s page lists its own, with why.
        </p>
      )}
      <TrustList rows={loaderData.trust} label="Trust by service" />

      <h2>Participating agencies</h2>
      <Table label="Participating agencies">
        <caption className="usa-sr-only">
          Participating agencies with their point of contact and PMC member
        </caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Point of contact</th>
            <th scope="col">PMC member</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.name} ({a.code})
              </th>
              <td>{a.poc_name ?? 'Not assigned'}</td>
              <td>{a.pmc_name ?? 'Not assigned'}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h2>Team</h2>
      {team.length === 0 ? (
        <p>No team members yet.</p>
      ) : (
        <ul className="usa-list">
          {team.map((m) => (
            <li key={m.id}>
              {m.name} ({m.agency_code}), {MEMBERSHIP_LABELS[m.role]}
            </li>
          ))}
        </ul>
      )}

      {portfolio.source_note ? (
        <>
          <h2>Source</h2>
          <p className="font-body-xs">{portfolio.source_note}</p>
        </>
      ) : null}
    </>
  );
}
