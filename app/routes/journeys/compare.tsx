import { Form, Link } from 'react-router';
import type { Route } from './+types/compare';
import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { Breadcrumbs } from '~/components/ui/form';
import { compareJourneys } from '~/domain/journey/compare';
import { generateMermaid } from '~/domain/journey/mermaid';
import { versionText } from '~/domain/journey/types';
import { found, notFound } from '~/http.server';
import { pathParam } from '~/params.server';
import { IdParam, SlugParam } from '~/schemas/params';
import { getDb } from '#db/client';
import { getJourney, listJourneys, toDiagram } from '#db/queries/journeys';
import { getPortfolioHeader } from '#db/queries/portfolios';

export const meta: Route.MetaFunction = () => [
  { title: 'Compare journey versions | Life Experience Workspace' },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const portfolio = found(await getPortfolioHeader(db, pathParam(SlugParam, params.slug)));
  authorize(user, 'portfolio.read', { portfolioId: portfolio.id });
  const search = new URL(request.url).searchParams;
  const maps = await listJourneys(db, portfolio.id);
  const beforeId = IdParam.safeParse(search.get('before'));
  const afterId = IdParam.safeParse(search.get('after'));
  if (!beforeId.success || !afterId.success) {
    return {
      portfolio,
      maps,
      comparison: null,
      error: search.size > 0 ? 'Choose two journey maps from the lists.' : null,
    };
  }
  const [before, after] = await Promise.all([
    getJourney(db, beforeId.data),
    getJourney(db, afterId.data),
  ]);
  if (
    !before ||
    !after ||
    before.map.portfolio_id !== portfolio.id ||
    after.map.portfolio_id !== portfolio.id
  )
    notFound();
  const flat = (j: NonNullable<typeof before>) =>
    j.stages.flatMap((s) =>
      s.steps.map((st) => ({ key: st.step_key, stage: s.name, title: st.title, score: st.score })),
    );
  return {
    portfolio,
    maps,
    error: null,
    comparison: {
      before: {
        id: before.map.id,
        title: before.map.title,
        version: versionText(before.map.version_label, before.map.version_name),
        source: generateMermaid(toDiagram(before)),
      },
      after: {
        id: after.map.id,
        title: after.map.title,
        version: versionText(after.map.version_label, after.map.version_name),
        source: generateMermaid(toDiagram(after)),
      },
      ...compareJourneys(flat(before), flat(after)),
    },
  };
}

const STATUS = {
  added: 'Added',
  removed: 'Removed',
  improved: 'Better',
  worse: 'Worse',
  same: 'Same',
} as const;

export default function CompareJourneys({ loaderData }: Route.ComponentProps) {
  const { portfolio, maps, comparison, error } = loaderData;
  const pick = (name: string, label: string, selected?: number) => (
    <div className="usa-form-group margin-top-0">
      <label className="usa-label" htmlFor={`compare-${name}`}>
        {label}
      </label>
      <select
        className="usa-select"
        id={`compare-${name}`}
        name={name}
        defaultValue={selected ?? ''}
      >
        <option value="">- Select -</option>
        {maps.map((m) => (
          <option key={m.id} value={m.id}>
            {m.title} ({versionText(m.version_label, m.version_name)})
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: `/portfolios/${portfolio.slug}/journeys`, label: 'Journey maps' },
          { label: 'Compare' },
        ]}
      />
      <h1>Compare journey versions</h1>
      <Form
        method="get"
        className="usa-form maxw-full display-flex flex-wrap flex-align-end"
        style={{ gap: '1rem' }}
      >
        {pick('before', 'Before (for example as-is)', comparison?.before.id)}
        {pick('after', 'After (for example to-be)', comparison?.after.id)}
        <button type="submit" className="usa-button">
          Compare
        </button>
      </Form>
      {error ? <p className="usa-error-message">{error}</p> : null}
      {comparison ? (
        <>
          <p className="usa-intro">
            Average experience score: {comparison.averageBefore ?? '—'} →{' '}
            {comparison.averageAfter ?? '—'}.{' '}
            {comparison.steps.filter((s) => s.status === 'added').length} steps added,{' '}
            {comparison.steps.filter((s) => s.status === 'removed').length} removed,{' '}
            {comparison.steps.filter((s) => s.status === 'improved').length} better,{' '}
            {comparison.steps.filter((s) => s.status === 'worse').length} worse.
          </p>
          <table className="usa-table usa-table--borderless width-full">
            <caption>
              Step by step:{' '}
              <Link to={`/journeys/${comparison.before.id}`}>{comparison.before.version}</Link> →{' '}
              <Link to={`/journeys/${comparison.after.id}`}>{comparison.after.version}</Link>
            </caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Step</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">Change</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {comparison.steps.map((s) => (
                <tr key={s.key}>
                  <td>{s.stage}</td>
                  <th scope="row">{s.title}</th>
                  <td>{s.before ?? '—'}</td>
                  <td>{s.after ?? '—'}</td>
                  <td>
                    {s.change === null ? '—' : s.change > 0 ? `+${s.change}` : String(s.change)}
                  </td>
                  <td>{STATUS[s.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="grid-row grid-gap">
            <div className="tablet:grid-col-6">
              <h2>{comparison.before.version}</h2>
              <MermaidDiagram
                source={comparison.before.source}
                label={`${comparison.before.title}, ${comparison.before.version}`}
                description=""
              />
            </div>
            <div className="tablet:grid-col-6">
              <h2>{comparison.after.version}</h2>
              <MermaidDiagram
                source={comparison.after.source}
                label={`${comparison.after.title}, ${comparison.after.version}`}
                description=""
              />
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
