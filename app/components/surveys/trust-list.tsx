import { Link } from '~/components/ui/link';
import { Table } from '~/components/ui/table';
import type { TrustRow } from '~/presenters/surveys';

/**
 * Post-transaction survey trust, each collection's latest quarter (A-11 280.14): a project's
 * or a portfolio's services. Under the OMB minimum the count stands in for the percentage.
 */
export function TrustList({ rows, label }: { rows: TrustRow[]; label: string }) {
  return (
    <section aria-labelledby="trust-heading">
      <h2 id="trust-heading">Trust from post-transaction surveys</h2>
      {rows.length === 0 ? (
        <p>No post-transaction survey measures this yet.</p>
      ) : (
        <Table label={label}>
          <caption className="usa-sr-only">{label}</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Latest quarter</th>
              <th scope="col">Trust</th>
              <th scope="col">Since the quarter before</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/surveys/${r.id}`}>{r.service}</Link> ({r.agency})
                  {r.illustrative ? <div className="font-body-3xs">Illustrative data</div> : null}
                </th>
                <td>{r.quarter ?? 'No data yet'}</td>
                <td>
                  {r.trust ?? '—'}
                  {r.rule ? <div className="font-body-3xs">{r.rule}</div> : null}
                </td>
                <td>{r.change ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
