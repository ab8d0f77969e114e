import { Link } from '~/components/ui/link';
import type { Route } from './+types/home';
import { pluralize } from '~/domain/plural';
import { HEALTH_LABELS, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import { ROLE_LABELS, rolesIn } from '~/domain/policy';
import { listPortfolioSummaries, programTotals } from '#db/queries/portfolios';
import { cachedForProgram } from '#db/cache';
import { PageNumbers } from '~/components/ui/page-numbers';
import { authorize, notFound } from '~/web/toolkit.server';
import { PageParam } from '~/schemas/params';
import { z } from 'zod';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [{ title: 'Portfolios | Life Experience Workspace' }];

/** Portfolios per page of the dashboard; today's program fits on one. */
const PER_PAGE = 12;
const HomeParams = z.object({ page: PageParam.default(1) });

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const params = HomeParams.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) notFound('That page of portfolios does not exist.');
  const { page } = params.data;
  const db = dbOf(context);
  // A page of the dashboard changes only with an audited change: kept under the newest audit
  // row (one statement), not under each portfolio's own stamp (one statement each).
  const [portfolios, totals] = await cachedForProgram(db, `dashboard:${page}`, () =>
    Promise.all([
      listPortfolioSummaries(db, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
      programTotals(db),
    ]),
  );
  const pages = Math.max(1, Math.ceil(totals.portfolios / PER_PAGE));
  if (page > pages) notFound('That page of portfolios does not exist.');
  return {
    totals,
    page,
    pages,
    portfolios: portfolios.map((p) => ({
      ...p,
      myRoles: [...rolesIn(user, p.id)].filter((r) => r !== 'omb_lead').map((r) => ROLE_LABELS[r]),
    })),
    isOmbLead: user.isOmbLead,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { portfolios, isOmbLead, totals, page, pages } = loaderData;
  return (
    <>
      <h1>Life Experience portfolios</h1>
      <p className="usa-intro">
        {pluralize(totals.portfolios, 'portfolio')} and {pluralize(totals.projects, 'project')} in
        the program
        {isOmbLead ? '. As an OMB lead you can act across all of them.' : '.'}
      </p>
      {isOmbLead ? (
        <p>
          <Link className="usa-button usa-button--outline" to="/portfolios/new">
            New portfolio
          </Link>
        </p>
      ) : null}
      <div
        className="usa-table-container--scrollable"
        tabIndex={0}
        role="region"
        aria-labelledby="portfolio-table-caption"
      >
        <table className="usa-table usa-table--borderless width-full">
          <caption id="portfolio-table-caption">
            Projects by phase and health in each portfolio
          </caption>
          <thead>
            <tr>
              <th scope="col">Portfolio</th>
              <th scope="col">Lead agency</th>
              {PHASES.map((phase) => (
                <th scope="col" key={phase} className="text-right">
                  {PHASE_LABELS[phase]}
                </th>
              ))}
              <th scope="col" className="text-right">
                {HEALTH_LABELS.on_track}
              </th>
              <th scope="col" className="text-right">
                {HEALTH_LABELS.at_risk}
              </th>
              <th scope="col" className="text-right">
                {HEALTH_LABELS.off_track}
              </th>
              <th scope="col">Your role</th>
            </tr>
          </thead>
          <tbody>
            {portfolios.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/portfolios/${p.slug}`}>{p.name}</Link>
                </th>
                <td>{p.leadAgency}</td>
                {PHASES.map((phase) => (
                  <td key={phase} className="text-right">
                    {p.byPhase[phase]}
                  </td>
                ))}
                <td className="text-right">{p.byHealth.on_track}</td>
                <td className="text-right">{p.byHealth.at_risk}</td>
                <td className="text-right">{p.byHealth.off_track}</td>
                <td>{p.myRoles.length > 0 ? p.myRoles.join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageNumbers
        label="Pages of portfolios"
        hrefs={Array.from({ length: pages }, (_, i) => (i === 0 ? '/' : `/?page=${i + 1}`))}
        current={page}
      />
    </>
  );
}
