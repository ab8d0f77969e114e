import type { Route } from './+types/agency';
import { ROLE_NAMES } from '~/components/access/access-tables';
import { Table } from '~/components/ui/table';
import { formatDateTime } from '~/domain/history/time';
import { useTimeZone } from '~/lib/time-zone';
import { agencyAccess } from '#db/queries/access';
import { signedIn } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Your agency’s access | Life Experience Workspace' },
];

/**
 * Who from the person's agency has access to what (issue 21, point 3): an agency's POC answers
 * for their agency's people; OMB leads see their own agency's here too.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { user, db } = signedIn({ request, context });
  authorize(user, 'access.agency_view');
  return { agency: user.agencyName, people: await agencyAccess(db, user.agencyId) };
}

export default function AgencyAccess({ loaderData }: Route.ComponentProps) {
  const zone = useTimeZone();
  return (
    <>
      <h1>Who from {loaderData.agency} has access</h1>
      <p className="usa-intro">
        Every person of your agency in the workspace, what they may do in each portfolio, and when
        they last signed in. Ask the portfolio’s lead or an OMB lead to change someone’s access.
      </p>
      <Table label={`People of ${loaderData.agency}`}>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Access</th>
            <th scope="col">Last signed in</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.people.map((p) => {
            const access = [
              ...(p.is_omb_lead ? ['OMB lead (the whole program)'] : []),
              ...p.memberships.map((m) => `${ROLE_NAMES[m.role]} of ${m.portfolio_name}`),
              ...p.pocOf.map((name) => `Agency POC for ${name}`),
              ...p.pmcOf.map((name) => `PMC member for ${name}`),
            ];
            return (
              <tr key={p.id}>
                <th scope="row">
                  {p.name}
                  <br />
                  <span className="text-base">{p.email}</span>
                </th>
                <td>
                  {p.deactivated_at ? (
                    <>Turned off on {formatDateTime(p.deactivated_at, zone)}</>
                  ) : access.length > 0 ? (
                    <ul className="usa-list usa-list--unstyled">
                      {access.map((a) => (
                        <li key={a}>{a}</li>
                      ))}
                    </ul>
                  ) : (
                    'No access'
                  )}
                </td>
                <td>{p.last_sign_in_at ? formatDateTime(p.last_sign_in_at, zone) : 'Never'}</td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}
