/** A plan's saved versions, newest first, each restorable while the plan can be edited. */
import { Form } from 'react-router';
import { IntentFields } from '~/components/ui/intent-fields';
import { Table } from '~/components/ui/table';
import { named } from '~/presenters/plans';
import { When } from './when';

export function PlanVersions({
  versions,
  current,
  version,
  mayRestore,
}: {
  versions: {
    id: number;
    version: number;
    name: string;
    note: string;
    saved_at: string;
    saved_by_name: string | null;
    saved_by_agency: string | null;
  }[];
  /** The plan's version now. */
  current: number;
  /** The version the restore form is based on (the newer one after a stale save). */
  version: number;
  mayRestore: boolean;
}) {
  return (
    <Table label="Saved versions">
      <caption className="usa-sr-only">Saved versions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Saved</th>
          <th scope="col">Name and note</th>
          {mayRestore ? (
            <th scope="col">
              <span className="usa-sr-only">Restore</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id}>
            <th scope="row">{v.version}</th>
            <td>
              <When iso={v.saved_at} />
              {v.saved_by_name ? `, ${named(v.saved_by_name, v.saved_by_agency)}` : ''}
            </td>
            <td>
              {v.name ? <strong>{v.name}</strong> : '—'}
              {v.note ? `: ${v.note}` : ''}
            </td>
            {mayRestore ? (
              <td>
                {v.version !== current ? (
                  <Form method="post">
                    <IntentFields
                      intent="restore"
                      version={version}
                      extra={{ fromVersion: v.version }}
                    />
                    <button type="submit" className="usa-button usa-button--unstyled">
                      Restore<span className="usa-sr-only"> version {v.version}</span>
                    </button>
                  </Form>
                ) : (
                  'Current'
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
