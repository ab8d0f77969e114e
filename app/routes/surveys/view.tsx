/**
 * A post-transaction survey collection (A-11 §280.14; issue 20): what it is, its figures by
 * quarter (trust, drivers, response rate, the change from the quarter before, suppressed under
 * the minimum), the charts with their tables, and every import, replaced ones included.
 */
import { Link } from '~/components/ui/link';
import type { Route } from './+types/view';
import { ImportsTable, QuarterFigures } from '~/components/surveys/quarter-figures';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { can } from '~/domain/policy';
import { formatDate } from '~/domain/portfolio/labels';
import { changeText, shareText } from '~/domain/surveys/figures';
import { SCALE_LABELS } from '~/domain/surveys/format';
import { quarterLabel } from '~/domain/surveys/quarters';
import { loadCollectionFigures } from '~/routes/surveys/figures.server';
import { keptMarkup } from '~/render/kept-markup.server';
import { ServerMarkup } from '~/components/ui/server-markup';
import { serverMarkup } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.collection.service ?? 'Survey collection'} | Life Experience Workspace` },
];

/** What the import just did, said once on the page it lands on. */
function importedMessage(
  datasets: { id: number; fiscal_year: number; quarter: number; respondents: number }[],
  param: string | null,
): string | null {
  const d = param && /^\d{1,12}$/.test(param) ? datasets.find((x) => x.id === Number(param)) : null;
  if (!d) return null;
  const replaced = datasets.some(
    (x) => x.id !== d.id && x.fiscal_year === d.fiscal_year && x.quarter === d.quarter,
  );
  return `Imported ${d.respondents.toLocaleString('en-US')} responses for ${quarterLabel(d.fiscal_year, d.quarter)}${replaced ? '; the earlier data for that quarter is kept in the history below' : ''}.`;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const figures = await loadCollectionFigures({ request, context }, params.collectionId);
  const { user, collection: c, datasets, projects, minimum, quarters } = figures;
  const url = new URL(request.url);
  // The figures, their charts and the imports are the same for every reader: made once.
  const tables = keptMarkup(figures.basis, 'figures', () => (
    <>
      <QuarterFigures
        quarters={quarters.map((q) => ({
          label: q.label,
          respondents: q.figures.respondents,
          responseRate: shareText(q.figures.responseRate),
          trust: q.figures.trust,
          change: q.change === null ? null : changeText(q.change),
          drivers: q.figures.drivers,
        }))}
        rule={quarters[0]?.figures.trustRule ?? null}
        minimum={minimum}
      />
      <ImportsTable
        imports={datasets.map((d) => ({
          id: d.id,
          quarter: quarterLabel(d.fiscal_year, d.quarter),
          respondents: d.respondents,
          file: d.file_name,
          openText: d.open_text,
          imported: `${formatDate(d.imported_at.slice(0, 10))}${d.imported_by_name ? ` by ${d.imported_by_name}` : ''}`,
          replaced: d.replaced_at
            ? `Replaced ${formatDate(d.replaced_at.slice(0, 10))}${d.replaced_by_name ? ` by ${d.replaced_by_name}` : ''}`
            : null,
        }))}
      />
    </>
  ));
  return {
    collection: {
      id: c.id,
      service: c.service_name,
      title: c.survey_title,
      agency: `${c.agency_name} (${c.agency_code})`,
      channel: c.channel,
      stage: c.service_stage,
      scale: SCALE_LABELS[c.scale],
      question: c.trust_question_text,
      control: c.omb_control_number,
      step: c.step_title ? { title: c.step_title, mapId: c.step_map_id } : null,
      illustrative: c.illustrative === 1,
      portfolioSlug: c.portfolio_slug,
      portfolioName: c.portfolio_name,
    },
    projects,
    tables: serverMarkup(context, tables),
    imported: importedMessage(datasets, url.searchParams.get('imported')),
    mayEdit: can(user, 'survey.edit', { portfolioId: c.portfolio_id }),
  };
}

export default function CollectionPage({ loaderData }: Route.ComponentProps) {
  const { collection: c, projects, tables, imported, mayEdit } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${c.portfolioSlug}`, label: c.portfolioName },
          { to: `/portfolios/${c.portfolioSlug}/surveys`, label: 'Post-transaction surveys' },
          { label: c.service },
        ]}
      />
      {imported ? (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{imported}</p>
          </div>
        </div>
      ) : null}
      <h1>{c.service}</h1>
      {c.illustrative ? (
        <p className="usa-tag bg-gold text-ink">Illustrative data, not an agency’s figures</p>
      ) : null}
      <dl className="facts margin-y-2">
        <dt>Survey</dt>
        <dd>{c.title}</dd>
        <dt>Agency</dt>
        <dd>{c.agency}</dd>
        <dt>Channel and stage</dt>
        <dd>
          {c.channel}; {c.stage}
        </dd>
        <dt>Trust question</dt>
        <dd>
          “{c.question}” ({c.scale})
        </dd>
        <dt>OMB control number</dt>
        <dd>{c.control || 'None given'}</dd>
        <dt>Journey step</dt>
        <dd>{c.step ? <Link to={`/journeys/${c.step.mapId}`}>{c.step.title}</Link> : 'None'}</dd>
        <dt>Projects it measures</dt>
        <dd>
          {projects.length === 0
            ? 'None'
            : projects.map((p, i) => (
                <span key={p.id}>
                  {i > 0 ? ', ' : ''}
                  <Link to={`/projects/${p.id}`}>{p.name}</Link>
                </span>
              ))}
        </dd>
      </dl>
      <ul className="usa-button-group">
        {mayEdit ? (
          <>
            <li className="usa-button-group__item">
              <Link className="usa-button" to={`/surveys/${c.id}/import`}>
                Import a quarter’s data
              </Link>
            </li>
            <li className="usa-button-group__item">
              <Link className="usa-button usa-button--outline" to={`/surveys/${c.id}/edit`}>
                Edit collection
              </Link>
            </li>
          </>
        ) : null}
        <li className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={`/surveys/${c.id}/figures.csv`}
            download
          >
            Figures as CSV
          </a>
        </li>
        <li className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={`/surveys/${c.id}/figures.json`}
            download
          >
            Figures as JSON
          </a>
        </li>
      </ul>

      <ServerMarkup markup={tables} />
    </>
  );
}
