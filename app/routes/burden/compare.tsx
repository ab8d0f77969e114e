import { Link } from '~/components/ui/link';
import type { Route } from './+types/compare';
import { BarChart } from '~/components/charts/bar-chart';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { SavingsTables } from '~/components/burden/savings-tables';
import { comparisonView } from '~/presenters/burden';
import { authorize, found, notFound } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { cachedPageForPortfolio } from '#db/cache';
import { assessmentPortfolios, getAssessment } from '#db/queries/burden';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser, serverMarkup } from '~/web/context.server';
import { ServerMarkup } from '~/components/ui/server-markup';
import { keptMarkup } from '~/render/kept-markup.server';
import { oneDecimal } from '~/domain/numbers';

export const meta: Route.MetaFunction = () => [
  { title: 'Burden before and after | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const search = new URL(request.url).searchParams;
  const beforeId = IdParam.safeParse(search.get('before'));
  const afterId = IdParam.safeParse(search.get('after'));
  if (!beforeId.success || !afterId.success) notFound('Choose two assessments to compare.');
  const db = dbOf(context);
  const portfolios = await assessmentPortfolios(db, [beforeId.data, afterId.data]);
  const portfolioId = found(portfolios.get(beforeId.data));
  if (found(portfolios.get(afterId.data)) !== portfolioId)
    notFound('Those assessments are in different portfolios.');
  authorize(user, 'portfolio.read', { portfolioId });
  // Worked out again only when something in the portfolio (or the workspace) has changed.
  const d = await cachedPageForPortfolio(
    db,
    portfolioId,
    `burden-compare:${beforeId.data}:${afterId.data}`,
    async () => {
      const [before, after] = await Promise.all([
        getAssessment(db, beforeId.data),
        getAssessment(db, afterId.data),
      ]);
      return comparisonView(found(before), found(after));
    },
  );
  // The segments, chart and savings tables are the same for every reader: made once.
  const details = keptMarkup(d, 'burden-compare', () => <Details d={d} />);
  return {
    before: d.before,
    after: d.after,
    total: d.total,
    perPerson: d.perPerson,
    details: serverMarkup(context, details),
  };
}

/** The savings by segment, by category (with the chart) and by step. */
function Details({ d }: { d: ReturnType<typeof comparisonView> }) {
  return (
    <>
      {d.bySegment.length > 0 ? (
        <Table label="Savings by segment">
          <caption>Savings by segment</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col" className="text-right">
                Share before → after
              </th>
              <th scope="col" className="text-right">
                Minutes per person before
              </th>
              <th scope="col" className="text-right">
                Minutes per person after
              </th>
              <th scope="col" className="text-right">
                Minutes saved per person
              </th>
              <th scope="col" className="text-right">
                Dollars saved per person
              </th>
              <th scope="col" className="text-right">
                Hours saved a year
              </th>
            </tr>
          </thead>
          <tbody>
            {d.bySegment.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.name}</th>
                <td className="text-right">{s.share}</td>
                <td className="text-right">{s.before}</td>
                <td className="text-right">{s.after}</td>
                <td className="text-right">{`${s.saved} (${s.savedPct})`}</td>
                <td className="text-right">{s.savedDollars}</td>
                <td className="text-right">{s.savedHours}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <BarChart
        title="Hours a year by category, before and after"
        description={`Total hours fall from ${d.total.beforeHours} to ${d.total.afterHours}.`}
        series={[{ name: 'Hours', color: '#005ea2' }]}
        rows={d.chart}
        format={oneDecimal}
        unit="hours a year"
      />
      <SavingsTables byCategory={d.byCategory} byStep={d.byStep} />
    </>
  );
}

export default function CompareBurden({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${d.before.slug}`, label: d.before.portfolio },
          { to: `/portfolios/${d.before.slug}/burden`, label: 'Burden' },
          { label: 'Before and after' },
        ]}
      />
      <h1>Before and after</h1>
      <p>
        <Link to={`/burden/${d.before.id}`}>{d.before.title}</Link> →{' '}
        <Link to={`/burden/${d.after.id}`}>{d.after.title}</Link>
      </p>
      <dl className="grid-row grid-gap burden-summary">
        <div className="tablet:grid-col-4">
          <dt>Hours saved a year</dt>
          <dd data-testid="saved-hours">{`${d.total.savedHours} (${d.total.savedHoursPct})`}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Dollars saved a year</dt>
          <dd data-testid="saved-cost">{`${d.total.savedCost} (${d.total.savedCostPct})`}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Minutes saved per person</dt>
          <dd data-testid="saved-minutes">
            {`${d.total.savedMinutes} (${d.total.savedMinutesPct})`}
          </dd>
        </div>
      </dl>
      <p>
        Per person{d.perPerson.weighted ? ' (weighted across segments)' : ''}: {d.perPerson.before}{' '}
        minutes before, {d.perPerson.after} after.
      </p>
      <ServerMarkup markup={d.details} />
    </>
  );
}
