import { Link } from 'react-router';
import type { Route } from './+types/compare';
import { requireUser } from '~/auth/session.server';
import { authorize } from '~/auth/authorize.server';
import { BarChart } from '~/components/charts/bar-chart';
import { Breadcrumbs } from '~/components/ui/form';
import { CATEGORIES, savings, subtract, totalMoney, ZERO, type Burden } from '~/domain/burden/calc';
import { dollars, hours, hoursNumber, percent, perPersonMinutes } from '~/domain/burden/display';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { found, notFound } from '~/http.server';
import { IdParam } from '~/schemas/params';
import { getDb } from '#db/client';
import { getAssessment, type AssessmentDetail } from '#db/queries/burden';

export const meta: Route.MetaFunction = () => [
  { title: 'Burden before and after | Life Experience Workspace' },
];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const search = new URL(request.url).searchParams;
  const beforeId = IdParam.safeParse(search.get('before'));
  const afterId = IdParam.safeParse(search.get('after'));
  if (!beforeId.success || !afterId.success) notFound('Choose two assessments to compare.');
  const db = getDb();
  const [before, after] = await Promise.all([
    getAssessment(db, beforeId.data),
    getAssessment(db, afterId.data),
  ]);
  const b = found(before);
  const a = found(after);
  if (b.assessment.portfolio_id !== a.assessment.portfolio_id)
    notFound('Those assessments are in different portfolios.');
  authorize(user, 'portfolio.read', { portfolioId: b.assessment.portfolio_id });

  const row = (x: Burden, y: Burden) => {
    const s = savings(x, y);
    return {
      beforeHours: hours(x.time),
      afterHours: hours(y.time),
      savedHours: hours(s.time),
      savedHoursPct: percent(s.time, x.time),
      beforeCost: dollars(totalMoney(x)),
      afterCost: dollars(totalMoney(y)),
      savedCost: dollars(totalMoney(s)),
      savedCostPct: percent(totalMoney(s), totalMoney(x)),
    };
  };
  // Steps are matched by their key, which a to-be journey keeps from its as-is.
  const byKey = (d: AssessmentDetail) => {
    const keyOf = new Map(
      d.steps.map((s) => [s.id, { key: s.step_key, title: `${s.stage}: ${s.title}` }]),
    );
    const out = new Map<string, { title: string; burden: Burden }>();
    for (const [stepId, burden] of d.result.byStep) {
      const k =
        stepId === null
          ? { key: '', title: 'Not on a step' }
          : (keyOf.get(stepId) ?? { key: `gone-${stepId}`, title: 'Step removed' });
      out.set(k.key, { title: k.title, burden });
    }
    return out;
  };
  const bs = byKey(b);
  const as = byKey(a);
  const keys = [...new Set([...bs.keys(), ...as.keys()])];
  const perPersonSaved = subtract(
    { time: b.result.perPerson.time, timeMoney: 0n, outOfPocket: 0n },
    { time: a.result.perPerson.time, timeMoney: 0n, outOfPocket: 0n },
  );
  return {
    before: {
      id: b.assessment.id,
      title: b.assessment.title,
      slug: b.assessment.portfolio_slug,
      portfolio: b.assessment.portfolio_name,
    },
    after: { id: a.assessment.id, title: a.assessment.title },
    total: row(b.result.total, a.result.total),
    perPerson: {
      before: perPersonMinutes(b.result.perPerson),
      after: perPersonMinutes(a.result.perPerson),
      saved: perPersonMinutes({ time: perPersonSaved.time, money: 0n }),
      pct: percent(perPersonSaved.time, b.result.perPerson.time),
    },
    byCategory: CATEGORIES.map((c) => ({
      category: c,
      ...row(b.result.byCategory[c], a.result.byCategory[c]),
    })),
    byStep: keys.map((k) => ({
      key: k,
      title: as.get(k)?.title ?? bs.get(k)?.title ?? '',
      ...row(bs.get(k)?.burden ?? ZERO, as.get(k)?.burden ?? ZERO),
    })),
    chart: CATEGORIES.flatMap((c) => [
      {
        label: `${CATEGORY_LABELS[c]}, before`,
        values: [hoursNumber(b.result.byCategory[c].time)],
      },
      { label: `${CATEGORY_LABELS[c]}, after`, values: [hoursNumber(a.result.byCategory[c].time)] },
    ]),
  };
}

export default function CompareBurden({ loaderData }: Route.ComponentProps) {
  const d = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${d.before.slug}`, label: d.before.portfolio },
          { to: `/portfolios/${d.before.slug}/burden`, label: 'Burden' },
          { label: 'Before and after' },
        ]}
      />
      <h1>Before and after</h1>
      <p>
        <Link to={`/burden/${d.before.id}`}>{d.before.title}</Link> →{' '}
        <Link to={`/burden/${d.after.id}`}>{d.after.title}</Link>
      </p>
      <dl className="grid-row grid-gap burden-summary">
        <div className="tablet:grid-col-4">
          <dt>Hours saved a year</dt>
          <dd data-testid="saved-hours">
            {d.total.savedHours} ({d.total.savedHoursPct})
          </dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Dollars saved a year</dt>
          <dd data-testid="saved-cost">
            {d.total.savedCost} ({d.total.savedCostPct})
          </dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Minutes saved per person</dt>
          <dd data-testid="saved-minutes">
            {d.perPerson.saved} ({d.perPerson.pct})
          </dd>
        </div>
      </dl>
      <p>
        Per person: {d.perPerson.before} minutes before, {d.perPerson.after} after.
      </p>
      <BarChart
        title="Hours a year by category, before and after"
        description={`Total hours fall from ${d.total.beforeHours} to ${d.total.afterHours}.`}
        series={[{ name: 'Hours', color: '#005ea2' }]}
        rows={d.chart}
        format={(x) =>
          x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
        }
        unit="hours a year"
      />
      {[
        {
          caption: 'Savings by category',
          rows: d.byCategory.map((r) => ({
            ...r,
            key: r.category,
            title: CATEGORY_LABELS[r.category],
          })),
        },
        { caption: 'Savings by step', rows: d.byStep },
      ].map((t) => (
        <table key={t.caption} className="usa-table usa-table--borderless">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col" className="text-right">
                Hours before
              </th>
              <th scope="col" className="text-right">
                Hours after
              </th>
              <th scope="col" className="text-right">
                Hours saved
              </th>
              <th scope="col" className="text-right">
                Cost before
              </th>
              <th scope="col" className="text-right">
                Cost after
              </th>
              <th scope="col" className="text-right">
                Saved
              </th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.title}</th>
                <td className="text-right">{r.beforeHours}</td>
                <td className="text-right">{r.afterHours}</td>
                <td className="text-right">
                  {r.savedHours} ({r.savedHoursPct})
                </td>
                <td className="text-right">{r.beforeCost}</td>
                <td className="text-right">{r.afterCost}</td>
                <td className="text-right">
                  {r.savedCost} ({r.savedCostPct})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
