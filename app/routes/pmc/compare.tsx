import { Link } from '~/components/ui/link';
import type { Route } from './+types/compare';
import { diffUpdates, isUnchanged } from '~/domain/pmc/diff';
import { MILESTONE_STATUS_LABELS } from '~/domain/portfolio/labels';
import { loadWholeUpdate } from '~/routes/pmc/view.server';
import { viewName } from '~/presenters/pmc';
import { authorize, notFound } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { Table } from '~/components/ui/table';
import { requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Compare PMC updates | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  // Signed-in people who may read the program, before anything about the request is answered
  // (even a 404).
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const search = new URL(request.url).searchParams;
  const a = IdParam.safeParse(search.get('a'));
  const b = IdParam.safeParse(search.get('b'));
  if (!a.success || !b.success) notFound('Choose two published updates to compare.');
  const [before, after] = await Promise.all([
    loadWholeUpdate({ request, context }, String(a.data)),
    loadWholeUpdate({ request, context }, String(b.data)),
  ]);
  // Published updates, withdrawn ones too: what they published is kept.
  if (before.view.status === 'draft' || after.view.status === 'draft')
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
  const diffs = diffUpdates(before.view.portfolios, after.view.portfolios);
  return {
    a: { id: before.view.id, label: viewName(before.view) },
    b: { id: after.view.id, label: viewName(after.view) },
    rows: diffs.map((d) => ({
      name: d.name,
      before: row(before.view, d.slug),
      after: row(after.view, d.slug),
    })),
    diffs: diffs.map((d) => ({ ...d, unchanged: isUnchanged(d) })),
  };
}

const statusLabel = (s: string) => MILESTONE_STATUS_LABELS[s as 'completed'] ?? s;

export default function ComparePmc({ loaderData }: Route.ComponentProps) {
  const { a, b, rows, diffs } = loaderData;
  const cell = (
    x: { completed: number; inProgress: number; risks: number; reduced: string } | null,
  ) =>
    x
      ? `${x.completed} completed, ${x.inProgress} in progress, ${x.risks} at risk, ${x.reduced} h reduced`
      : '—';
  return (
    <>
      <h1>Compare PMC updates</h1>
      <Table label="Compared updates">
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
      </Table>

      <h2>
        Milestones that changed from {a.label} to {b.label}
      </h2>
      {diffs.map((d) => (
        <section
          key={d.slug}
          aria-labelledby={`diff-${d.slug}`}
          className="border-top border-base-lighter margin-top-3"
        >
          <h3 id={`diff-${d.slug}`}>{d.name}</h3>
          {d.only ? (
            <p>Only in {d.only === 'before' ? a.label : b.label}.</p>
          ) : d.unchanged ? (
            <p>The same milestones with the same statuses in both.</p>
          ) : null}
          {d.statusChanged.length > 0 ? (
            <Table label={`Status changes in ${d.name}`}>
              <caption>
                Status changes in {d.name} ({d.statusChanged.length})
              </caption>
              <thead>
                <tr>
                  <th scope="col">Milestone</th>
                  <th scope="col">{a.label}</th>
                  <th scope="col">{b.label}</th>
                </tr>
              </thead>
              <tbody>
                {d.statusChanged.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{m.title}</th>
                    <td>{statusLabel(m.before)}</td>
                    <td>{statusLabel(m.status)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
          {(
            [
              ['added', `New in ${b.label}`],
              ['removed', `No longer listed in ${b.label}`],
            ] as const
          ).map(([k, title]) =>
            d[k].length > 0 ? (
              <div key={k}>
                <h4 id={`diff-${d.slug}-${k}`}>
                  {title} ({d[k].length})
                </h4>
                <ul className="usa-list" aria-labelledby={`diff-${d.slug}-${k}`}>
                  {d[k].map((m) => (
                    <li key={m.key}>
                      {m.title} <span className="text-base-dark">({statusLabel(m.status)})</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null,
          )}
        </section>
      ))}
    </>
  );
}
