import { Link } from 'react-router';
import type { Route } from './+types/compare';
import { requireUser } from '~/auth/session.server';
import { loadWholeUpdate } from '~/pmc.server';
import { notFound } from '~/http.server';
import { IdParam } from '~/schemas/params';

export const meta: Route.MetaFunction = () => [
  { title: 'Compare PMC updates | Life Experience Workspace' },
];

export async function loader({ request }: Route.LoaderArgs) {
  // Signed-in people only, before anything about the request is answered (even a 404).
  await requireUser(request);
  const search = new URL(request.url).searchParams;
  const a = IdParam.safeParse(search.get('a'));
  const b = IdParam.safeParse(search.get('b'));
  if (!a.success || !b.success) notFound('Choose two published updates to compare.');
  const [before, after] = await Promise.all([
    loadWholeUpdate(request, String(a.data)),
    loadWholeUpdate(request, String(b.data)),
  ]);
  if (before.view.status !== 'published' || after.view.status !== 'published')
    notFound('Only published updates can be compared.');
  const row = (v: typeof before.view, slug: string) => {
    const p = v.portfolios.find((x) => x.slug === slug);
    return p
      ? {
          completed: p.milestones.filter((m) => m.buckets.includes('completed')).length,
          inProgress: p.milestones.filter((m) => m.buckets.includes('in_progress')).length,
          risks: p.risks.length,
          reduced: p.burden.reducedHours,
        }
      : null;
  };
  const slugs = [
    ...new Set([...before.view.portfolios, ...after.view.portfolios].map((p) => p.slug)),
  ];
  return {
    a: { id: before.view.id, label: `FY ${before.view.fiscalYear} Q${before.view.quarter}` },
    b: { id: after.view.id, label: `FY ${after.view.fiscalYear} Q${after.view.quarter}` },
    rows: slugs.map((slug) => ({
      name: [...after.view.portfolios, ...before.view.portfolios].find((p) => p.slug === slug)!
        .name,
      before: row(before.view, slug),
      after: row(after.view, slug),
    })),
  };
}

export default function ComparePmc({ loaderData }: Route.ComponentProps) {
  const { a, b, rows } = loaderData;
  const cell = (
    x: { completed: number; inProgress: number; risks: number; reduced: string } | null,
  ) =>
    x
      ? `${x.completed} completed, ${x.inProgress} in progress, ${x.risks} at risk, ${x.reduced} h reduced`
      : '—';
  return (
    <>
      <h1>Compare PMC updates</h1>
      <table className="usa-table usa-table--borderless">
        <caption>
          <Link to={`/pmc/${a.id}`}>{a.label}</Link> and <Link to={`/pmc/${b.id}`}>{b.label}</Link>
        </caption>
        <thead>
          <tr>
            <th scope="col">Portfolio</th>
            <th scope="col">{a.label}</th>
            <th scope="col">{b.label}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{cell(r.before)}</td>
              <td>{cell(r.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
