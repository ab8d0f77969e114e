/**
 * The overview of a PMC update (not a portfolio's own view): the publish button, the program's
 * highlights, and the charts of the portfolios on this page and of burden reduced over time.
 */
import { Link } from '~/components/ui/link';
import { BarChart } from '~/components/charts/bar-chart';
import { PageNumbers } from '~/components/ui/page-numbers';
import { ServerMarkup, type ServerMarkupValue } from '~/components/ui/server-markup';
import type { PreviewPortfolio, UpdatePreview } from '~/presenters/pmc';
import { chartValue, updateCharts } from '~/presenters/pmc-charts';
import { IntentButton } from './update-portfolio';

export function UpdatePager({ hrefs, current }: { hrefs: string[]; current: number }) {
  return <PageNumbers label="Pages of portfolios" hrefs={hrefs} current={current} />;
}

/**
 * The charts of the portfolios on a page of the preview and of burden reduced over time. Made
 * into markup once on the server (render/pmc/preview.server.tsx) and shown by UpdateOverview.
 */
export function OverviewCharts({
  view,
  portfolios,
  published,
}: {
  view: UpdatePreview['view'];
  portfolios: PreviewPortfolio[];
  published: UpdatePreview['published'];
}) {
  return updateCharts({
    portfolios,
    published,
    fiscalYear: view.fiscalYear,
    quarter: view.quarter,
    programReducedHours: view.programReducedHours,
  }).map((chart) => (
    <BarChart key={chart.title} {...chart} format={(x) => chartValue(chart.kind, x)} />
  ));
}

export function UpdateOverview({
  view,
  charts,
  pageUrls,
  mayManage,
}: {
  view: UpdatePreview['view'];
  /** OverviewCharts, as markup. */
  charts: ServerMarkupValue;
  pageUrls: string[];
  mayManage: boolean;
}) {
  return (
    <>
      {mayManage ? (
        <p className="margin-y-2">
          <Link className="usa-button" to={`/pmc/${view.id}/publish`}>
            Review and publish this update
          </Link>
        </p>
      ) : null}

      <h2>Highlights</h2>
      <div
        className="usa-prose"
        dangerouslySetInnerHTML={{
          __html: view.programHighlightsHtml ?? '<p>No program highlights written yet.</p>',
        }}
      />
      {mayManage ? (
        <p>
          <Link to={`/pmc/${view.id}/highlights/program`}>Write the program highlights</Link>
        </p>
      ) : null}

      {view.pages > 1 ? (
        <p>
          Portfolios {(view.page - 1) * view.perPage + 1} to{' '}
          {Math.min(view.page * view.perPage, view.portfolioCount)} of {view.portfolioCount}; the
          charts show the portfolios on this page.
        </p>
      ) : null}
      <UpdatePager hrefs={pageUrls} current={view.page} />
      <ServerMarkup markup={charts} />
    </>
  );
}

/** Items a manager left out of the draft, each with a button to put it back. */
export function LeftOut({
  items,
  version,
}: {
  items: { key: string; text: string }[];
  version: number;
}) {
  return (
    <section aria-labelledby="left-out">
      <h2 id="left-out">Left out of this update</h2>
      <ul className="usa-list">
        {items.map((i) => (
          <li key={i.key}>
            {i.text}{' '}
            <IntentButton
              intent="include"
              version={version}
              extra={{ key: i.key }}
              formClassName="display-inline"
              className="usa-button usa-button--unstyled"
            >
              Put back<span className="usa-sr-only">: {i.text}</span>
            </IntentButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
