import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { Alert } from '~/components/ui/alert';
import { IntentFields } from '~/components/ui/intent-fields';
import { Table } from '~/components/ui/table';
import { CLEARANCE_KIND_LABELS, daysLeftText, STATUS_LABELS } from '~/domain/pra/labels';
import { pluralize } from '~/domain/plural';
import { formatDate } from '~/domain/portfolio/labels';
import type { praStatusView } from '~/presenters/research';

type Status = ReturnType<typeof praStatusView>;

/** The portfolio's clearances expired or expiring within 90 days, soonest first. */
export function ExpiringClearances({ expiring }: Pick<Status, 'expiring'>) {
  return (
    <section aria-labelledby="expiring-heading">
      <h2 id="expiring-heading">Clearances expiring</h2>
      {expiring.length === 0 ? (
        <p>No clearance of this portfolio has expired or expires within 90 days.</p>
      ) : (
        <>
          <Alert type={expiring.some((c) => c.warning.level !== '90') ? 'error' : 'warning'} slim>
            {pluralize(expiring.length, 'clearance')}{' '}
            {expiring.length === 1 ? 'has expired or expires' : 'have expired or expire'} within 90
            days. Sessions after a clearance’s expiration date are not covered by it.
          </Alert>
          <Table
            label="Clearances expired or expiring within 90 days"
            data-testid="expiring-clearances"
          >
            <caption className="usa-sr-only">
              Clearances expired or expiring within 90 days, soonest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">OMB control number</th>
                <th scope="col">Expires</th>
                <th scope="col">Days left</th>
                <th scope="col" className="text-right">
                  Activities
                </th>
              </tr>
            </thead>
            <tbody>
              {expiring.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.title}</th>
                  <td>{c.omb_control_number}</td>
                  <td>{c.expires_on ? formatDate(c.expires_on) : '—'}</td>
                  <td>
                    <span
                      className={`usa-tag ${c.warning.level === '90' ? 'pra-tag--approaching' : 'pra-tag--clearance_expired'}`}
                    >
                      {daysLeftText(c.warning.days)}
                    </span>
                  </td>
                  <td className="text-right">{c.activities}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}

/** Each collection of activities counted together, with its PRA status and why. */
export function CollectionsTable({ collections }: Pick<Status, 'collections'>) {
  return (
    <>
      <h2>Collections</h2>
      {collections.length === 0 ? (
        <p>No research activities yet.</p>
      ) : (
        <Table
          label="Collections and their PRA status"
          className="usa-table usa-table--borderless width-full"
        >
          <caption className="usa-sr-only">Collections and their PRA status</caption>
          <thead>
            <tr>
              <th scope="col">Activities</th>
              <th scope="col">Status</th>
              <th scope="col" className="text-right">
                Counted
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {collections.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  {c.activities.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 ? '; ' : ''}
                      <Link to={`/research/${a.id}`}>{a.title}</Link> ({a.project})
                    </span>
                  ))}
                  {c.more > 0
                    ? `; and ${pluralize(c.more, 'more activity', 'more activities')}`
                    : ''}
                </th>
                <td>
                  <span className={`usa-tag pra-tag--${c.status}`}>{STATUS_LABELS[c.status]}</span>
                </td>
                <td className="text-right">{c.count}</td>
                <td>{c.explanation}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** The portfolio's clearances, each with its edit link for those who keep clearances. */
export function ClearancesTable({
  clearances,
  mayEdit,
  pra,
}: Pick<Status, 'clearances'> & { mayEdit: boolean; pra: string }) {
  const may = { clearance: mayEdit };
  return (
    <>
      <h2 id="clearances">Clearances</h2>
      {clearances.length === 0 ? (
        <p>No clearances recorded.</p>
      ) : (
        <Table label="PRA clearances">
          <caption className="usa-sr-only">PRA clearances</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Kind</th>
              <th scope="col">OMB control number</th>
              <th scope="col">Expires</th>
              {may.clearance ? (
                <th scope="col">
                  <span className="usa-sr-only">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {clearances.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td>{CLEARANCE_KIND_LABELS[c.kind]}</td>
                <td>{c.omb_control_number ?? 'Pending'}</td>
                <td>{c.expires_on ? formatDate(c.expires_on) : '—'}</td>
                {may.clearance ? (
                  <td>
                    <Link to={`${pra}/clearances/${c.id}`}>
                      Edit<span className="usa-sr-only"> clearance {c.title}</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** The workspace's setting: whether federal contractors count toward the limit. */
export function ContractorsSetting({ countContractors }: { countContractors: boolean }) {
  const settings = { countContractors };
  return (
    <section aria-labelledby="contractors-heading">
      <h3 id="contractors-heading">Federal contractors</h3>
      <p>
        Sources differ on whether contractors are members of the public. This setting applies to the
        whole workspace.
      </p>
      <Form method="post" className="usa-form">
        <IntentFields intent="contractors" />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Count federal contractors toward the limit?</legend>
          {[
            ['yes', 'Yes, count them'],
            ['no', 'No, do not count them'],
          ].map(([value, label]) => (
            <div className="usa-radio" key={value}>
              <input
                className="usa-radio__input"
                type="radio"
                id={`contractors-${value}`}
                name="countContractors"
                value={value}
                defaultChecked={(value === 'yes') === settings.countContractors}
              />
              <label className="usa-radio__label" htmlFor={`contractors-${value}`}>
                {label}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="usa-button usa-button--outline">
          Save setting
        </button>
      </Form>
    </section>
  );
}
