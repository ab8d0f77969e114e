import { Form } from 'react-router';
import { Table } from '~/components/ui/table';
import { formatDateTime } from '~/domain/history/time';
import { useTimeZone } from '~/lib/time-zone';
import { ROLE_NAMES } from './access-tables';

export interface AccessPerson {
  id: number;
  name: string;
  email: string;
  agency_name: string;
  last_sign_in_at: string | null;
  deactivated_at: string | null;
  deactivated_reason: string | null;
  role?: string;
}

function LastSignIn({ person }: { person: AccessPerson }) {
  const zone = useTimeZone();
  if (person.deactivated_at) {
    return (
      <>
        Turned off on {formatDateTime(person.deactivated_at, zone)}
        {person.deactivated_reason === 'inactive' ? ' (unused too long)' : ' (removed)'}
      </>
    );
  }
  return <>{person.last_sign_in_at ? formatDateTime(person.last_sign_in_at, zone) : 'Never'}</>;
}

/** A portfolio's members, each with a button to remove their role. */
export function MemberTable({ members, me }: { members: AccessPerson[]; me: number }) {
  if (members.length === 0) return <p>No one is a member of this portfolio.</p>;
  return (
    <Table label="Members of the portfolio">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Agency</th>
          <th scope="col">Role</th>
          <th scope="col">Last signed in</th>
          <th scope="col">
            <span className="usa-sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.name}
              <br />
              <span className="text-base">{m.email}</span>
            </th>
            <td>{m.agency_name}</td>
            <td>{ROLE_NAMES[m.role ?? '']}</td>
            <td>
              <LastSignIn person={m} />
            </td>
            <td>
              {m.id === me ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="personId" value={m.id} />
                  <button
                    type="submit"
                    className="usa-button usa-button--unstyled"
                    aria-label={`Remove the access of ${m.name}`}
                  >
                    Remove access
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** POCs or PMC members: listed for the review, changed on the portfolio's people page. */
export function AgencyRoleTable({ label, people }: { label: string; people: AccessPerson[] }) {
  if (people.length === 0) return <p>None assigned.</p>;
  return (
    <Table label={label}>
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Agency</th>
          <th scope="col">Last signed in</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              {p.name}
              <br />
              <span className="text-base">{p.email}</span>
            </th>
            <td>{p.agency_name}</td>
            <td>
              <LastSignIn person={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
