import { Form, Link, redirect } from 'react-router';
import type { Route } from './+types/compare';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs } from '~/components/ui/form';
import {
  compareJourneys,
  countChanges,
  fieldSentence,
  isReversed,
  orderVersions,
  sideNames,
  STEP_FIELD_LABELS,
  summarySentence,
  versionDate,
  type ComparableStep,
  type VersionSide,
} from '~/domain/journey/compare';
import { generateMermaid } from '~/domain/journey/mermaid';
import { VERSION_LABELS, versionText } from '~/domain/journey/types';
import { authorize, found, notFound, pathParam } from '~/web/toolkit.server';
import { IdParam, SlugParam } from '~/schemas/params';
import { getJourney, listJourneys, toDiagram, type JourneyDetail } from '#db/queries/journeys';
import { getPortfolioHeader } from '#db/queries/portfolios';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Compare journey versions | Life Experience Workspace' },
];

const side = (m: {
  id: number;
  version_label: VersionSide['label'];
  version_name: string;
  created_at: string;
}): VersionSide => ({
  id: m.id,
  label: m.version_label,
  versionName: m.version_name,
  createdAt: m.created_at,
});

const flat = (j: JourneyDetail): ComparableStep[] =>
  j.stages.flatMap((s) =>
    s.steps.map((st) => ({
      key: st.step_key,
      stage: s.name,
      title: st.title,
      score: st.score,
      channel: st.channel,
      touchpoint: st.touchpoint,
      painPoints: st.pain_points,
      opportunities: st.opportunities,
      actors: st.actors,
    })),
  );

/**
 * `?a=&b=` (two maps in any order, as the pickers send them) is put in the rule's direction and
 * redirected to `?before=&after=`; `?before=&after=` is shown as asked, so the swap control is a
 * plain link, and says when it reads against the rule.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const db = dbOf(context);
  const portfolio = found(await getPortfolioHeader(db, pathParam(SlugParam, params.slug)));
  authorize(user, 'portfolio.read', { portfolioId: portfolio.id });
  const search = new URL(request.url).searchParams;
  const maps = await listJourneys(db, portfolio.id);
  const base = `/portfolios/${portfolio.slug}/journeys/compare`;
  const choose = { portfolio, maps, comparison: null, error: 'Choose two journey maps.' };

  if (search.has('a') || search.has('b')) {
    const a = IdParam.safeParse(search.get('a'));
    const b = IdParam.safeParse(search.get('b'));
    if (!a.success || !b.success) return choose;
    const ma = found(maps.find((m) => m.id === a.data));
    const mb = found(maps.find((m) => m.id === b.data));
    const { before, after } = orderVersions(side(ma), side(mb));
    throw redirect(`${base}?before=${before.id}&after=${after.id}`);
  }

  const beforeId = IdParam.safeParse(search.get('before'));
  const afterId = IdParam.safeParse(search.get('after'));
  if (!beforeId.success || !afterId.success) {
    return { ...choose, error: search.size > 0 ? choose.error : null };
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
  const [sb, sa] = [side(before.map), side(after.map)];
  const comparison = compareJourneys(flat(before), flat(after));
  const counts = countChanges(comparison);
  const names = sideNames(sb, sa);
  const present = (j: JourneyDetail) => ({
    id: j.map.id,
    title: j.map.title,
    kind: VERSION_LABELS[j.map.version_label],
    version: versionText(j.map.version_label, j.map.version_name),
    created: versionDate(j.map.created_at),
    changed: versionDate(j.map.updated_at),
    source: generateMermaid(toDiagram(j)),
  });
  return {
    portfolio,
    maps,
    error: null,
    comparison: {
      before: present(before),
      after: present(after),
      names,
      reversed: isReversed(sb, sa),
      swap: `${base}?before=${after.map.id}&after=${before.map.id}`,
      summary: summarySentence(names, counts),
      fieldSummary: fieldSentence(counts),
      ...comparison,
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

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : String(n));

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
            {m.title} ({versionText(m.version_label, m.version_name)}, created{' '}
            {versionDate(m.created_at)})
          </option>
        ))}
      </select>
    </div>
  );
  const c = comparison;
  const fieldRows = c ? c.steps.flatMap((s) => s.fields.map((f) => ({ step: s, change: f }))) : [];
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
      <Form method="get" className="usa-form maxw-full">
        <p className="usa-hint" id="compare-hint">
          The as-is (or, between two of a kind, the older version) is shown as Before, the to-be (or
          the newer) as After. You can swap the direction once compared.
        </p>
        <div className="display-flex flex-wrap flex-align-end" style={{ gap: '0 1rem' }}>
          {pick('a', 'Compare', c?.before.id)}
          {pick('b', 'With', c?.after.id)}
          <button type="submit" className="usa-button margin-top-2" aria-describedby="compare-hint">
            Compare
          </button>
        </div>
      </Form>
      {error ? <p className="usa-error-message">{error}</p> : null}
      {c ? (
        <>
          <div className="grid-row grid-gap margin-top-3">
            {(['before', 'after'] as const).map((which) => {
              const s = c[which];
              const heading = which === 'before' ? 'Before' : 'After';
              return (
                <section
                  key={which}
                  aria-labelledby={`side-${which}`}
                  className="tablet:grid-col-6 margin-bottom-2"
                >
                  <div className="border-1px border-base-lighter radius-md padding-2 height-full">
                    <h2 id={`side-${which}`} className="margin-top-0 font-heading-md">
                      {heading}
                    </h2>
                    <p className="margin-y-1">
                      <span className="usa-tag bg-primary-dark">{s.version}</span>{' '}
                      <Link to={`/journeys/${s.id}`}>{s.title}</Link>
                    </p>
                    <p className="margin-y-1">
                      {s.kind}, created {s.created}; last changed {s.changed}.
                    </p>
                  </div>
                </section>
              );
            })}
          </div>
          {c.reversed ? (
            <Alert type="warning" slim>
              This reads backwards: Before is the {c.names[0]}, After the {c.names[1]}, so “better”
              means better in the {c.names[1]}. Swap the direction to read from the {c.names[1]} to
              the {c.names[0]}.
            </Alert>
          ) : null}
          <p className="margin-y-2">
            <Link className="usa-button usa-button--outline" to={c.swap}>
              Swap direction: from the {c.names[1]} to the {c.names[0]}
            </Link>
          </p>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <p className="usa-intro" data-testid="compare-summary">
              {c.summary}
            </p>
            <p>
              Average experience score: {c.averageBefore ?? '—'} ({c.names[0]}) →{' '}
              {c.averageAfter ?? '—'} ({c.names[1]}).
            </p>
            <p data-testid="compare-field-summary">{c.fieldSummary}</p>
          </section>

          <h2>Scores, step by step</h2>
          <Table
            label="Scores, step by step (scrolls sideways)"
            className="usa-table usa-table--borderless width-full"
          >
            <caption>
              Step by step, from the {c.names[0]} (Before) to the {c.names[1]} (After)
            </caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Step</th>
                <th scope="col">Before ({c.names[0]})</th>
                <th scope="col">After ({c.names[1]})</th>
                <th scope="col">Change</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {c.steps.map((s) => (
                <tr key={`${s.status}-${s.key}`}>
                  <td>{s.stage}</td>
                  <th scope="row">{s.title}</th>
                  <td>{s.before ?? '—'}</td>
                  <td>{s.after ?? '—'}</td>
                  <td>{signed(s.change)}</td>
                  <td>{STATUS[s.status]}</td>
                </tr>
              ))}
            </tbody>
          </Table>

          <h2 id="fields-heading">Pain points, channels, touchpoints and other text</h2>
          {fieldRows.length === 0 ? (
            <p>No step in both versions changed anything besides its score.</p>
          ) : (
            <Table
              label="Other changes, step by step (scrolls sideways)"
              className="usa-table usa-table--borderless width-full"
            >
              <caption>
                What changed besides the score, from the {c.names[0]} to the {c.names[1]}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">What</th>
                  <th scope="col">Before ({c.names[0]})</th>
                  <th scope="col">After ({c.names[1]})</th>
                </tr>
              </thead>
              <tbody>
                {fieldRows.map(({ step, change }) => (
                  <tr key={`${step.key}-${change.field}`}>
                    <th scope="row">{step.title}</th>
                    <td>{STEP_FIELD_LABELS[change.field]}</td>
                    <td className="pre-line">{change.before || '—'}</td>
                    <td className="pre-line">{change.after || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}

          <h2>Diagrams</h2>
          {(['before', 'after'] as const).map((which, i) => (
            <section key={which} aria-labelledby={`diagram-${which}`}>
              <h3 id={`diagram-${which}`}>
                {which === 'before' ? 'Before' : 'After'}: {c[which].version}
              </h3>
              <MermaidDiagram
                source={c[which].source}
                label={`${c[which].title}, ${c[which].version}`}
                description={`${which === 'before' ? 'Before' : 'After'} (${c.names[i]}). The tables above have the same scores.`}
              />
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
