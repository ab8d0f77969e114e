import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/view';
import { archiveState } from '~/web/archive.server';
import { ArchiveControls } from '~/components/archive/archive-controls';
import { burdenStepColumn, JourneyTable } from '~/components/journey/journey-table';
import { ServerMarkup } from '~/components/ui/server-markup';
import { keptMarkup } from '~/render/kept-markup.server';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { formatDate } from '~/domain/portfolio/labels';
import { versionText } from '~/domain/journey/types';
import { pluralize } from '~/domain/plural';
import { can } from '~/domain/policy';
import { journeyView } from '~/routes/journeys/find.server';
import { journeyPortfolio } from '#db/queries/journeys';
import { dbOf, findAuthorized, serverMarkup } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.map.title ?? 'Journey map'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const db = dbOf(context);
  const { user, record } = await findAuthorized(
    { request, context },
    params.mapId,
    'portfolio.read',
    journeyPortfolio,
    (m) => m.portfolio_id,
  );
  const portfolioId = record.portfolio_id;
  const [view, archive] = await Promise.all([
    journeyView(db, record),
    archiveState(db, user, 'journey_map', record.id, portfolioId),
  ]);
  const { journey, burden } = view;
  // The table (every stage and step) is the same for every reader: made once, with the map.
  const table = keptMarkup(view, 'journey-table', () => (
    <JourneyTable
      title={journey.map.title}
      stages={journey.stages}
      extraColumn={burden ? burdenStepColumn(burden.steps) : undefined}
    />
  ));
  return {
    map: journey.map,
    stageCount: journey.stages.length,
    stepCount: journey.stages.reduce((n, s) => n + s.steps.length, 0),
    source: view.source,
    others: view.others,
    burden: burden && { assessmentId: burden.assessmentId, title: burden.title },
    table: serverMarkup(context, table),
    // An archived map is read, not edited: restore it first.
    mayEdit: !archive.info && can(user, 'journey.edit', { portfolioId }),
    archive,
  };
}

export default function JourneyView({ loaderData }: Route.ComponentProps) {
  const { map, stageCount, stepCount, source, others, mayEdit, burden, archive, table } =
    loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
          { to: `/portfolios/${map.portfolio_slug}/journeys`, label: 'Journey maps' },
          { label: map.title },
        ]}
      />
      <h1 className="margin-bottom-1">{map.title}</h1>
      <p className="margin-top-0">
        <span className="usa-tag bg-primary-dark">
          {versionText(map.version_label, map.version_name)}
        </span>{' '}
        created {formatDate(map.created_at)} · {pluralize(stageCount, 'stage')},{' '}
        {pluralize(stepCount, 'step')}
        {map.project_name ? <> · Project: {map.project_name}</> : null}
      </p>
      <ArchiveControls kind="journey_map" id={map.id} version={map.version} state={archive} />
      {map.illustrative ? (
        <Alert type="info" heading="Illustrative journey" slim>
          {map.source_note ||
            'Drawn by the workspace from public texts to show how a journey map works; not the result of research.'}
        </Alert>
      ) : null}
      {map.personas ? (
        <p>
          <strong>Personas:</strong> {map.personas}
        </p>
      ) : null}
      {map.description ? <p>{map.description}</p> : null}
      <ul className="usa-button-group margin-y-2">
        {mayEdit ? (
          <li className="usa-button-group__item">
            <Link className="usa-button" to={`/journeys/${map.id}/edit`}>
              Edit journey map
            </Link>
          </li>
        ) : null}
        {mayEdit ? (
          <li className="usa-button-group__item">
            {/* Copies every stage and step, so two versions can be compared step by step. */}
            <Link className="usa-button usa-button--outline" to={`/journeys/${map.id}/copy`}>
              Start a new version
            </Link>
          </li>
        ) : null}
        <li className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={`/journeys/${map.id}/mermaid.mmd`}
            download
          >
            Download Mermaid (.mmd)
          </a>
        </li>
        <li className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={`/journeys/${map.id}/table.csv`}
            download
          >
            Download table (CSV)
          </a>
        </li>
      </ul>

      <h2>Diagram</h2>
      <MermaidDiagram
        source={source}
        label={map.title}
        description={map.description}
        downloadName={`journey-${map.id}.svg`}
      />

      <h2>Table</h2>
      {burden ? (
        <p>
          Burden per step from <Link to={`/burden/${burden.assessmentId}`}>{burden.title}</Link>:
          hours a year, darker where more burden falls.
        </p>
      ) : null}
      <ServerMarkup markup={table} />

      {others.length > 0 ? (
        <section aria-labelledby="compare-heading">
          <h2 id="compare-heading">Compare with another version</h2>
          <Form
            method="get"
            action={`/portfolios/${map.portfolio_slug}/journeys/compare`}
            className="usa-form"
          >
            <input type="hidden" name="a" value={map.id} />
            <label className="usa-label" htmlFor="compare-b">
              Compare this map with
            </label>
            <div className="usa-hint" id="compare-b-hint">
              The as-is (or, between two of a kind, the older version) is shown as Before; you can
              swap the direction on the comparison.
            </div>
            <select
              className="usa-select"
              id="compare-b"
              name="b"
              aria-describedby="compare-b-hint"
            >
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title} ({versionText(o.version_label, o.version_name)}, created{' '}
                  {formatDate(o.created_at)})
                </option>
              ))}
            </select>
            <button type="submit" className="usa-button margin-top-2">
              Compare
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
