/**
 * A portfolio's post-transaction survey collections (A-11 §280.14; issue 20): each service's
 * latest quarter, its trust figure (or the count, under the minimum) and the change from the
 * quarter before.
 */
import { Link } from '~/components/ui/link';
import type { Route } from './+types/list';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { Table } from '~/components/ui/table';
import { can } from '~/domain/policy';
import { getSurveyMinimum } from '#db/queries/surveys';
import { trustRows } from '~/presenters/measurement.server';
import { getPortfolioHeader } from '#db/queries/portfolios';
import { SlugParam } from '~/schemas/params';
import { authorize, found, pathParam } from '~/web/toolkit.server';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Post-transaction surveys | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const db = dbOf(context);
  const portfolio = found(await getPortfolioHeader(db, pathParam(SlugParam, params.slug)));
  authorize(user, 'portfolio.read', { portfolioId: portfolio.id });
  const [rows, { minimum }] = await Promise.all([
    trustRows(db, { portfolioId: portfolio.id }),
    getSurveyMinimum(db),
  ]);
  return {
    portfolio,
    rows,
    minimum,
    mayEdit: can(user, 'survey.edit', { portfolioId: portfolio.id }),
  };
}

export default function SurveyList({ loaderData }: Route.ComponentProps) {
  const { portfolio, rows, minimum, mayEdit } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Post-transaction surveys' },
        ]}
      />
      <h1>Post-transaction surveys</h1>
      <p>
        Each quarter’s A-11 Section 280.14 survey data per service, imported as Touchpoints CSV.
        Trust is the share of respondents who answered the trust question affirmatively. No
        percentage is shown for fewer than {minimum} respondents.
      </p>
      {mayEdit ? (
        <p>
          <Link className="usa-button" to={`/portfolios/${portfolio.slug}/surveys/new`}>
            Add a survey collection
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>No survey collections yet.</p>
      ) : (
        <Table label="Survey collections">
          <caption className="usa-sr-only">Survey collections and their latest quarter</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Agency</th>
              <th scope="col">Latest quarter</th>
              <th scope="col">Respondents</th>
              <th scope="col">Trust</th>
              <th scope="col">Since the quarter before</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/surveys/${r.id}`}>{r.service}</Link>
                  <div className="font-body-3xs">
                    {r.title}
                    {r.illustrative ? ' (illustrative data)' : ''}
                  </div>
                </th>
                <td>{r.agency}</td>
                <td>{r.quarter ?? 'No data yet'}</td>
                <td>{r.respondents === null ? '—' : r.respondents.toLocaleString('en-US')}</td>
                <td>
                  {r.trust ?? '—'}
                  {r.rule ? <div className="font-body-3xs">{r.rule}</div> : null}
                </td>
                <td>{r.change ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
