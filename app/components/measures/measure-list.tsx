import { Link } from '~/components/ui/link';
import { Table } from '~/components/ui/table';
import type { measureSummary } from '~/presenters/measures';

/** A project's success measures with their status and why (issue 20), and the link to add one. */
export function MeasureList({
  measures,
  projectId,
  mayEdit,
}: {
  measures: ReturnType<typeof measureSummary>[];
  projectId: number;
  mayEdit: boolean;
}) {
  return (
    <section aria-labelledby="measures">
      <h2 id="measures">Success measures</h2>
      {mayEdit ? (
        <p>
          <Link to={`/projects/${projectId}/measures/new`}>Add a success measure</Link>
        </p>
      ) : null}
      {measures.length === 0 ? (
        <p>No success measures yet: define what the pilot should achieve, by when.</p>
      ) : (
        <Table label="Success measures">
          <caption className="usa-sr-only">Success measures, with their status and why</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Status</th>
              <th scope="col">Latest</th>
              <th scope="col">From baseline to target</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/measures/${m.id}`}>{m.name}</Link>
                </th>
                <td>
                  <strong>{m.statusLabel}</strong>
                  <br />
                  <span className="font-body-2xs">{m.reason}</span>
                </td>
                <td>{m.latest}</td>
                <td>{m.goal}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
