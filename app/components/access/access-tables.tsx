import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { Table } from '~/components/ui/table';
import { invitationStatus, type InvitationStatus } from '~/domain/auth/hygiene';
import { formatDateTime } from '~/domain/history/time';
import { useTimeZone } from '~/lib/time-zone';

export const ROLE_NAMES: Record<string, string> = {
  lead: 'Portfolio lead',
  member: 'Team member',
  viewer: 'Viewer',
  omb_lead: 'OMB lead',
};

const STATUS_TEXT: Record<InvitationStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  revoked: 'Revoked',
  expired: 'Expired',
};

export interface InvitationRow {
  id: number;
  email: string;
  name: string;
  agency_name: string;
  portfolio_name: string | null;
  role: string | null;
  omb_lead: number;
  invited_by_name: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface RequestRow {
  id: number;
  email: string;
  name: string;
  agency_name: string;
  portfolio_name: string;
  role: string;
  reason: string;
  status: 'waiting' | 'approved' | 'declined';
  created_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
  note: string | null;
}

/** Requests waiting for a decision, each linking to its decision page. */
export function WaitingRequests({ requests }: { requests: RequestRow[] }) {
  const zone = useTimeZone();
  if (requests.length === 0) return <p>No request is waiting.</p>;
  return (
    <Table label="Access requests waiting for a decision">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Agency</th>
          <th scope="col">Asks for</th>
          <th scope="col">Reason</th>
          <th scope="col">Asked</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link to={`/access/requests/${r.id}`}>{r.name}</Link>
              <br />
              <span className="text-base">{r.email}</span>
            </th>
            <td>{r.agency_name}</td>
            <td>
              {ROLE_NAMES[r.role]} of {r.portfolio_name}
            </td>
            <td>{r.reason}</td>
            <td>{formatDateTime(r.created_at, zone)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Requests already decided, with the decision and its note. */
export function DecidedRequests({ requests }: { requests: RequestRow[] }) {
  const zone = useTimeZone();
  if (requests.length === 0) return <p>No request has been decided yet.</p>;
  return (
    <Table label="Decided access requests">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Asked for</th>
          <th scope="col">Decision</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.name}
              <br />
              <span className="text-base">{r.email}</span>
            </th>
            <td>
              {ROLE_NAMES[r.role]} of {r.portfolio_name}
            </td>
            <td>
              {r.status === 'approved' ? 'Approved' : 'Declined'} by {r.decided_by_name ?? '—'}
              {r.decided_at ? `, ${formatDateTime(r.decided_at, zone)}` : ''}
            </td>
            <td>{r.note ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Invitations with their status; an open one can be revoked. */
export function Invitations({ invitations, now }: { invitations: InvitationRow[]; now: string }) {
  const zone = useTimeZone();
  if (invitations.length === 0) return <p>No one has been invited yet.</p>;
  return (
    <Table label="Invitations">
      <thead>
        <tr>
          <th scope="col">Person</th>
          <th scope="col">Access</th>
          <th scope="col">Invited</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="usa-sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => {
          const status = invitationStatus(
            {
              acceptedAt: i.accepted_at ? new Date(i.accepted_at) : null,
              revokedAt: i.revoked_at ? new Date(i.revoked_at) : null,
              expiresAt: new Date(i.expires_at),
            },
            new Date(now),
          );
          return (
            <tr key={i.id}>
              <th scope="row">
                {i.name}
                <br />
                <span className="text-base">
                  {i.email}, {i.agency_name}
                </span>
              </th>
              <td>
                {i.omb_lead ? 'OMB lead' : `${ROLE_NAMES[i.role ?? '']} of ${i.portfolio_name}`}
              </td>
              <td>
                {formatDateTime(i.created_at, zone)}
                {i.invited_by_name ? ` by ${i.invited_by_name}` : ''}
              </td>
              <td>
                {STATUS_TEXT[status]}
                {status === 'open' ? ` until ${formatDateTime(i.expires_at, zone)}` : ''}
              </td>
              <td>
                {status === 'open' ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button
                      type="submit"
                      className="usa-button usa-button--unstyled"
                      aria-label={`Revoke the invitation of ${i.name}`}
                    >
                      Revoke
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
