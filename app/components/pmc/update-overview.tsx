/**
 * The overview of a PMC update (not a portfolio's own view): the publish button, the program's
 * highlights, and the charts of the portfolios on this page and of burden reduced over time.
 */
import { Link } from 'react-router';
import { BarChart } from '~/components/charts/bar-chart';
import { PageNumbers } from '~/components/ui/page-numbers';
import { MILESTONE_STATUS_LABELS, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import type { PreviewPortfolio, UpdatePreview } from '~/presenters/pmc';
import { IntentButton } from './update-portfolio';

/** One formatter for every figure of the burden chart (making one per call is slow). */
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const STATUSES = ['completed', 'in_progress', 'planned', 'missed'] as const;
const STATUS_COLORS = {
  completed: '#216e1f',
  in_progress: '#005ea2',
  planned: '#71767a',
  missed: '#b50909',
};
const PHASE_COLORS = ['#73b3e7', '#2378c3', '#1a4480', '#162e51'];

export function UpdatePager({ hrefs, current }: { hrefs: string[]; current: number }) {
  return <PageNumbers label="Pages of portfolios" hrefs={hrefs} current={current} />;
}

export function UpdateOverview({
  view,
  portfolios,
  published,
  pageUrls,
  mayManage,
  version,
}: {
  view: UpdatePreview['view'];
  portfolios: PreviewPortfolio[];
  published: UpdatePreview['published'];
  pageUrls: string[];
  mayManage: boolean;
  version: number;
}) {
  return (
    <>
      {mayManage ? (
        <IntentButton
          intent="publish"
          version={version}
          extra={{ texts: view.texts }}
          formClassName="margin-y-2"
          className="usa-button"
        >
          Publish this update
        </IntentButton>
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
      <BarChart
        title="Milestones by status"
        description="Milestones of each portfolio by status."
        series={STATUSES.map((s) => ({
          name: MILESTONE_STATUS_LABELS[s],
          color: STATUS_COLORS[s],
        }))}
        rows={portfolios.map((p) => ({
          label: p.name,
          values: STATUSES.map((s) => p.milestonesByStatus[s] ?? 0),
        }))}
        format={(x) => String(x)}
        unit="milestones"
      />
      <BarChart
        title="Projects by phase"
        description="Projects of each portfolio by phase."
        series={PHASES.map((ph, i) => ({ name: PHASE_LABELS[ph], color: PHASE_COLORS[i]! }))}
        rows={portfolios.map((p) => ({
          label: p.name,
          values: PHASES.map((ph) => p.byPhase[ph]),
        }))}
        format={(x) => String(x)}
        unit="projects"
      />
      <BarChart
        title="Burden reduced so far, quarter by quarter"
        description="Hours a year of burden reduced by planned redesigns across the program, at each published update and now."
        series={[{ name: 'Hours reduced', color: '#005ea2' }]}
        rows={[
          ...published.map((u) => ({ label: u.label, values: [u.hours] })),
          {
            label: `FY ${view.fiscalYear} Q${view.quarter}`,
            values: [view.programReducedHours],
          },
        ]}
        format={(x) => ONE_DECIMAL.format(x)}
        unit="hours a year"
      />
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
