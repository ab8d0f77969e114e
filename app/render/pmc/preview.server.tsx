/**
 * A page of a PMC update's preview, made once for each way it is shown. The overview's charts and
 * portfolio sections hold no state of their own: rendered by React on every request, and copied
 * into the page's data for hydration, they were most of the page's cost (measured in
 * docs/decisions/041-performance-as-ratios.md). They are made into markup once, by the same
 * components, and the page sets that markup; their links and forms are followed by the router
 * once the page's script runs (components/layout/link-following.ts). A portfolio's own view, where
 * notes are written live, stays React's.
 *
 * Kept while the update's view is the same object (views are kept under the program's change
 * stamp, routes/pmc/view.server.ts), for each viewer's place, time zone and role.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { OverviewCharts } from '~/components/pmc/update-overview';
import { PortfolioSection } from '~/components/pmc/update-portfolio';
import { keptFor } from '~/render/kept-markup.server';
import {
  changesSince,
  freshSince,
  previewUrl,
  updatePreview,
  type UpdateView,
} from '~/presenters/pmc';

type PreviewInput = Parameters<typeof updatePreview>[1];

/** The preview as its page shows it: on the overview, the charts and sections as markup. */
export type PreviewPage = ReturnType<typeof updatePreview> & {
  markup: { charts: string; sections: string } | null;
};

export function previewPage(view: UpdateView, input: PreviewInput): PreviewPage {
  return keptFor(view, `preview:${JSON.stringify(input)}`, () => assemble(view, input));
}

function assemble(view: UpdateView, input: PreviewInput): PreviewPage {
  const preview = updatePreview(view, input);
  if (preview.focused) return { ...preview, markup: null };
  const v = preview.view;
  const since = changesSince(v.previous);
  const newSince = freshSince(v.previous, v.fiscalYear, v.quarter);
  const pageUrl = previewUrl(v.id, input.place);
  const charts = renderToStaticMarkup(
    <OverviewCharts view={v} portfolios={preview.portfolios} published={preview.published} />,
    { identifierPrefix: 'charts-' },
  );
  const sections = renderToStaticMarkup(
    <>
      {preview.portfolios.map((p) => (
        <PortfolioSection
          key={p.slug}
          p={p}
          updateId={v.id}
          pageUrl={pageUrl}
          portfolioCount={v.portfolioCount}
          version={v.version}
          focused={false}
          mayManage={preview.mayManage}
          since={since}
          newSince={newSince}
          reply={undefined}
        />
      ))}
    </>,
  );
  // The sections' data is in their markup: the page's data does not carry it twice.
  return { ...preview, portfolios: [], markup: { charts, sections } };
}
