import { Link } from '~/components/ui/link';
import type { Route } from './+types/list';
import { listQuery } from '~/web/archive.server';
import { ArchivedFilter, ArchivedTag, DeletedNotice } from '~/components/archive/archive-controls';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { versionText } from '~/domain/journey/types';
import { formatDate } from '~/domain/portfolio/labels';
import { can } from '~/domain/policy';
import { countArchived } from '#db/queries/archive';
import { listJourneys } from '#db/queries/journeys';
import { Table } from '~/components/ui/table';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Journey maps | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  const { showArchived, deleted } = listQuery(request);
  const [maps, archived] = await Promise.all([
    listJourneys(dbOf(context), portfolio.id, { includeArchived: showArchived }),
    countArchived(dbOf(context), 'journey_map', portfolio.id),
  ]);
  return {
    portfolio,
    maps,
    archived: { count: archived, showing: showArchived },
    deleted,
    mayEdit: can(user, 'journey.edit', { portfolioId: portfolio.id }),
  };
}

export default function JourneyList({ loaderData }: Route.ComponentProps) {
  const { portfolio, maps, mayEdit, archived, deleted } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Journey maps' },
        ]}
      />
      <h1>Journey maps: {portfolio.name}</h1>
      <DeletedNotice kind={deleted} />
      {mayEdit ? (
        <ul className="usa-button-group">
          <li className="usa-button-group__item">
            <Link className="usa-button" to={`/portfolios/${portfolio.slug}/journeys/new`}>
              New journey map
            </Link>
          </li>
          <li className="usa-button-group__item">
            <Link
              className="usa-button usa-button--outline"
              to={`/portfolios/${portfolio.slug}/journeys/import`}
            >
              Import Mermaid
            </Link>
          </li>
        </ul>
      ) : null}
      <ArchivedFilter {...archived} path={`/portfolios/${portfolio.slug}/journeys`} />
      {maps.length === 0 ? (
        <p>No journey maps yet.</p>
      ) : (
        <Table label={`Journey maps of ${portfolio.name} (scrolls sideways)`}>
          <caption className="usa-sr-only">Journey maps of {portfolio.name}</caption>
          <thead>
            <tr>
              <th scope="col">Journey map</th>
              <th scope="col">Version</th>
              <th scope="col">Steps</th>
              <th scope="col">Project</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {maps.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/journeys/${m.id}`}>{m.title}</Link>
                  {m.illustrative ? (
                    <span className="usa-tag margin-left-1">Illustrative</span>
                  ) : null}
                  <ArchivedTag at={m.archived_at} />
                </th>
                <td>{versionText(m.version_label, m.version_name)}</td>
                <td>{Number(m.steps ?? 0)}</td>
                <td>{m.project_name ?? '—'}</td>
                <td>{formatDate(m.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {maps.length > 1 ? (
        <p>
          <Link to={`/portfolios/${portfolio.slug}/journeys/compare`}>
            Compare two versions of a journey map
          </Link>
        </p>
      ) : null}
    </>
  );
}
