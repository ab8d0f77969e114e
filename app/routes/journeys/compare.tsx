import { Form, redirect } from 'react-router';
import type { Route } from './+types/compare';
import { JourneyComparison } from '~/components/journey/comparison';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { orderVersions } from '~/domain/journey/compare';
import { formatDate } from '~/domain/portfolio/labels';
import { versionText } from '~/domain/journey/types';
import { comparisonView, side } from '~/presenters/journeys';
import { authorize, found, notFound, pathParam } from '~/web/toolkit.server';
import { IdParam, SlugParam } from '~/schemas/params';
import { getJourney, listJourneys } from '#db/queries/journeys';
import { getPortfolioHeader } from '#db/queries/portfolios';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Compare journey versions | Life Experience Workspace' },
];

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
  return {
    portfolio,
    maps,
    error: null,
    comparison: comparisonView(before, after, base),
  };
}

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
            {formatDate(m.created_at)})
          </option>
        ))}
      </select>
    </div>
  );
  const c = comparison;
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
      {c ? <JourneyComparison c={c} /> : null}
    </>
  );
}
