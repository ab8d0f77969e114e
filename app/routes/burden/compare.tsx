import { Link } from 'react-router';
import type { Route } from './+types/compare';
import { BarChart } from '~/components/charts/bar-chart';
import { Breadcrumbs } from '~/components/ui/form';
import { CATEGORIES, totalMoney } from '~/domain/burden/calc';
import { compareAssessments, type BurdenChange } from '~/domain/burden/compare';
import {
  dollars,
  hours,
  hoursNumber,
  percent,
  perPersonDollars,
  perPersonMinutes,
} from '~/domain/burden/display';
import { fromScaled } from '~/domain/burden/units';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { authorize, found, notFound } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { getAssessment, type AssessmentDetail } from '#db/queries/burden';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Burden before and after | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  const search = new URL(request.url).searchParams;
  const beforeId = IdParam.safeParse(search.get('before'));
  const afterId = IdParam.safeParse(search.get('after'));
  if (!beforeId.success || !afterId.success) notFound('Choose two assessments to compare.');
  const db = dbOf(context);
  const [before, after] = await Promise.all([
    getAssessment(db, beforeId.data),
    getAssessment(db, afterId.data),
  ]);
  const b = found(before);
  const a = found(after);
  if (b.assessment.portfolio_id !== a.assessment.portfolio_id)
    notFound('Those assessments are in different portfolios.');
  authorize(user, 'portfolio.read', { portfolioId: b.assessment.portfolio_id });

  const row = (c: BurdenChange) => ({
    beforeHours: hours(c.before.time),
    afterHours: hours(c.after.time),
    savedHours: hours(c.saved.time),
    savedHoursPct: percent(c.saved.time, c.before.time),
    beforeCost: dollars(totalMoney(c.before)),
    afterCost: dollars(totalMoney(c.after)),
    savedCost: dollars(totalMoney(c.saved)),
    savedCostPct: percent(totalMoney(c.saved), totalMoney(c.before)),
    savedMinutes: perPersonMinutes(c.perPersonSaved),
    savedMinutesPct: percent(c.perPersonSaved.time, c.perPersonBefore.time),
  });
  // Steps are matched by their key, which a to-be journey keeps from its as-is.
  const stepsOf = (d: AssessmentDetail) => {
    const byId = new Map(
      d.steps.map((s) => [s.id, { key: s.step_key, title: `${s.stage}: ${s.title}` }]),
    );
    return (stepId: number | null) =>
      stepId === null
        ? { key: '', title: 'Not on a step' }
        : (byId.get(stepId) ?? { key: `gone-${stepId}`, title: 'Step removed' });
  };
  const beforeSteps = stepsOf(b);
  const afterSteps = stepsOf(a);
  // The to-be's title of a step wins, where both have it.
  const titles = new Map(
    [
      ...[...b.result.byStep.keys()].map(beforeSteps),
      ...[...a.result.byStep.keys()].map(afterSteps),
    ].map((s) => [s.key, s.title]),
  );
  const comparison = compareAssessments(b.result, a.result, {
    before: (stepId) => beforeSteps(stepId).key,
    after: (stepId) => afterSteps(stepId).key,
  });
  return {
    before: {
      id: b.assessment.id,
      title: b.assessment.title,
      slug: b.assessment.portfolio_slug,
      portfolio: b.assessment.portfolio_name,
    },
    after: { id: a.assessment.id, title: a.assessment.title },
    total: row(comparison.total),
    perPerson: {
      before: perPersonMinutes(comparison.total.perPersonBefore),
      after: perPersonMinutes(comparison.total.perPersonAfter),
      weighted: comparison.bySegment.length > 0,
    },
    // Each segment's own time tax before and after (a side without it: its base figures).
    bySegment: comparison.bySegment.map((s) => {
      const side = (x: { shareBp: number; timePercent: number } | null) =>
        x ? `${fromScaled(x.shareBp, 2)}%` : 'not a segment';
      return {
        key: s.key,
        name: s.name,
        share: `${side(s.before)} → ${side(s.after)}`,
        before: perPersonMinutes(s.perPersonBefore),
        after: perPersonMinutes(s.perPersonAfter),
        saved: perPersonMinutes(s.perPersonSaved),
        savedPct: percent(s.perPersonSaved.time, s.perPersonBefore.time),
        savedDollars: perPersonDollars(s.perPersonSaved),
        savedHours: s.saved ? hours(s.saved.time) : '—',
      };
    }),
    byCategory: CATEGORIES.map((c) => ({ category: c, ...row(comparison.byCategory[c]) })),
    byStep: comparison.byStep.map((s) => ({
      key: s.key,
      title: titles.get(s.key) ?? '',
      ...row(s.change),
    })),
    chart: CATEGORIES.flatMap((c) => [
      {
        label: `${CATEGORY_LABELS[c]}, before`,
        values: [hoursNumber(comparison.byCategory[c].before.time)],
      },
      {
        label: `${CATEGORY_LABELS[c]}, after`,
        values: [hoursNumber(comparison.byCategory[c].after.time)],
      },
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
            {d.total.savedMinutes} ({d.total.savedMinutesPct})
          </dd>
        </div>
      </dl>
      <p>
        Per person{d.perPerson.weighted ? ' (weighted across segments)' : ''}: {d.perPerson.before}{' '}
        minutes before, {d.perPerson.after} after.
      </p>
      {d.bySegment.length > 0 ? (
        <Table label="Savings by segment">
          <caption>Savings by segment</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col" className="text-right">
                Share before → after
              </th>
              <th scope="col" className="text-right">
                Minutes per person before
              </th>
              <th scope="col" className="text-right">
                Minutes per person after
              </th>
              <th scope="col" className="text-right">
                Minutes saved per person
              </th>
              <th scope="col" className="text-right">
                Dollars saved per person
              </th>
              <th scope="col" className="text-right">
                Hours saved a year
              </th>
            </tr>
          </thead>
          <tbody>
            {d.bySegment.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.name}</th>
                <td className="text-right">{s.share}</td>
                <td className="text-right">{s.before}</td>
                <td className="text-right">{s.after}</td>
                <td className="text-right">
                  {s.saved} ({s.savedPct})
                </td>
                <td className="text-right">{s.savedDollars}</td>
                <td className="text-right">{s.savedHours}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
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
              <th scope="col" className="text-right">
                Minutes saved per person
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
                <td className="text-right">
                  {r.savedMinutes} ({r.savedMinutesPct})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
