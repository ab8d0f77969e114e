import { Link } from '~/components/ui/link';
import { BreakdownTable, SegmentTable } from '~/components/burden/breakdown-tables';
import { BarChart, CATEGORY_COLORS } from '~/components/charts/bar-chart';
import { Table } from '~/components/ui/table';
import { CATEGORIES } from '~/domain/burden/calc';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import type { AssessmentView } from '~/presenters/burden';
import { oneDecimal } from '~/domain/numbers';

/**
 * An assessment's figures: the annual burden, per person, by segment, the ICR download, the
 * chart, each breakdown and the items (linked to their edit page for those who may edit).
 */
export function AssessmentFigures({ d }: { d: AssessmentView & { mayEdit: boolean } }) {
  const a = d.assessment;
  return (
    <>
      <h2>Annual burden</h2>
      <dl className="grid-row grid-gap burden-summary">
        <div className="tablet:grid-col-4">
          <dt>Hours a year</dt>
          <dd data-testid="total-hours">{d.total.hours}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Monetized time</dt>
          <dd>{d.total.timeMoney}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Out-of-pocket</dt>
          <dd>{d.total.outOfPocket}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Total cost</dt>
          <dd data-testid="total-cost">{d.total.total}</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Time tax per person{d.weighted ? ' (weighted across segments)' : ''}</dt>
          <dd data-testid="per-person-minutes">{d.perPerson.minutes} minutes</dd>
        </div>
        <div className="tablet:grid-col-4">
          <dt>Cost per person{d.weighted ? ' (weighted across segments)' : ''}</dt>
          <dd>{d.perPerson.dollars}</dd>
        </div>
      </dl>
      <p className="font-body-2xs">
        Per person: one person going through every item as often as it says in a year; in the tables
        below, only that row’s items.
        {d.weighted
          ? ' With segments, it is the average over all the people affected: each segment’s figure times its share, and the base figures for everyone else.'
          : ''}{' '}
        Psychological costs count in hours and dollars only where a time-equivalent was estimated.
      </p>

      {d.bySegment.length > 0 ? <SegmentTable rows={d.bySegment} weighted={d.perPerson} /> : null}

      <h2 id="icr-heading">ICR supporting statement</h2>
      <p>
        The ICR table follows the supporting statement of an information collection request. Item 12
        is the hour burden of responding: learning and compliance time, and its cost at the wage.
        Item 13 is the cost burden beyond that time: out-of-pocket money such as fees, postage and
        copies. Psychological costs (stress, stigma, frustration, loss of autonomy) are not burden
        under the Paperwork Reduction Act, so they are in neither total; the table lists them in a
        section of their own, labelled, so they are not lost.
      </p>
      <ul className="usa-button-group">
        <li className="usa-button-group__item">
          <a
            className="usa-button usa-button--outline"
            href={`/burden/${a.id}/icr.csv`}
            download
            aria-describedby="icr-heading"
          >
            Download ICR table (CSV)
          </a>
        </li>
      </ul>

      {d.stageChart.length > 0 ? (
        <BarChart
          title="Burden by stage and category"
          description={`Hours a year in each journey stage, split into learning, compliance and psychological costs. Total ${d.total.hours} hours.`}
          series={CATEGORIES.map((c) => ({ name: CATEGORY_LABELS[c], color: CATEGORY_COLORS[c] }))}
          rows={d.stageChart}
          format={oneDecimal}
          unit="hours a year"
        />
      ) : null}

      <h2>By category</h2>
      <BreakdownTable
        caption="Burden by category"
        heading="Category"
        rows={d.byCategory.map((c) => ({
          ...c,
          key: c.category,
          title: CATEGORY_LABELS[c.category],
        }))}
      />
      {d.psychological.items > 0 ? (
        <p>
          Psychological ratings (average of {d.psychological.items} items, 1–5): stress{' '}
          {d.psychological.averages.stress ?? '—'}, stigma {d.psychological.averages.stigma ?? '—'},
          frustration {d.psychological.averages.frustration ?? '—'}, loss of autonomy{' '}
          {d.psychological.averages.autonomy ?? '—'}.
        </p>
      ) : null}

      {d.byStage.length > 0 ? (
        <>
          <h2>By stage</h2>
          <BreakdownTable
            caption="Burden by journey stage"
            heading="Stage"
            rows={d.byStage.map((s) => ({ ...s, key: s.stage, title: s.stage }))}
          />
        </>
      ) : null}

      {d.byStep.length > 0 ? (
        <>
          <h2>By step</h2>
          <BreakdownTable
            caption="Burden by journey step"
            heading="Step"
            rows={d.byStep.map((s) => ({ ...s, key: String(s.id) }))}
          />
        </>
      ) : null}

      {d.bySegment.length === 0 ? (
        <>
          <h2>By segment</h2>
          <p>
            No segments yet. Add one below to see the burden on people with limited English
            proficiency, rural residents, people with disabilities or older adults.
          </p>
        </>
      ) : null}

      <h2>Items</h2>
      {d.items.length === 0 ? (
        <p>No items yet.</p>
      ) : (
        <Table label="Burden items">
          <caption className="usa-sr-only">Burden items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Category</th>
              <th scope="col">Step</th>
              <th scope="col" className="text-right">
                People a year
              </th>
              <th scope="col" className="text-right">
                Occurrences
              </th>
              <th scope="col" className="text-right">
                Minutes
              </th>
              <th scope="col" className="text-right">
                Out-of-pocket
              </th>
              <th scope="col" className="text-right">
                Hours
              </th>
              <th scope="col" className="text-right">
                Total cost
              </th>
            </tr>
          </thead>
          <tbody>
            {d.items.map((i) => (
              <tr key={i.id} id={`item-${i.id}`}>
                <th scope="row">
                  {d.mayEdit ? (
                    <Link to={`/burden/${a.id}/items/${i.id}`}>{i.description}</Link>
                  ) : (
                    i.description
                  )}
                </th>
                <td>{CATEGORY_LABELS[i.category]}</td>
                <td>{i.step}</td>
                <td className="text-right">{i.people}</td>
                <td className="text-right">{i.occurrences}</td>
                <td className="text-right">{i.minutes}</td>
                <td className="text-right">{i.oopPerOccurrence}</td>
                <td className="text-right">{i.hours}</td>
                <td className="text-right">{i.total}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
