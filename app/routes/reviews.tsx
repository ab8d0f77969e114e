import { Link } from '~/components/ui/link';
import type { Route } from './+types/reviews';
import { isFederalHoliday } from '~/routes/calendar.server';
import { daysWaiting, REVIEW_BUSINESS_DAYS, reviewDueOn } from '~/domain/phases/review';
import { pluralize } from '~/domain/plural';
import { formatDate, PHASE_LABELS } from '~/domain/portfolio/labels';
import { getMyReviews } from '#db/queries/phases';
import { Table } from '~/components/ui/table';
import { dbOf, requireUser } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [{ title: 'My reviews | Life Experience Workspace' }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  // Every signed-in person has this page; it lists only the requests waiting for their agency.
  authorize(user, 'program.read');
  const reviews = await getMyReviews(dbOf(context), user);
  const today = new Date().toISOString().slice(0, 10);
  return {
    ...reviews,
    // Each request with how long it has waited and when the answer is due (domain/phases/review).
    pending: reviews.pending.map((r) => {
      const dueOn = reviewDueOn(r.requested_at.slice(0, 10), isFederalHoliday);
      return {
        ...r,
        waiting: daysWaiting(r.requested_at, today),
        dueOn,
        overdue: dueOn < today,
      };
    }),
    isPoc: user.pocFor.length > 0,
  };
}

export default function Reviews({ loaderData }: Route.ComponentProps) {
  const { pending, due, isPoc } = loaderData;
  return (
    <>
      <h1>My reviews</h1>
      {!isPoc ? (
        <p>
          You are not an agency point of contact in any portfolio, so no phase requests wait for
          you.
        </p>
      ) : null}
      <h2>Phase requests waiting for your agency’s answer</h2>
      <p>
        An answer is due {REVIEW_BUSINESS_DAYS} business days after the day of the request (weekends
        and federal holidays do not count).
      </p>
      {pending.length === 0 ? (
        <p>Nothing is waiting for you.</p>
      ) : (
        <Table label="Phase requests waiting for your answer">
          <caption className="usa-sr-only">Phase requests waiting for your answer</caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Request</th>
              <th scope="col">For agency</th>
              <th scope="col">Asked</th>
              <th scope="col" className="text-right">
                Waiting
              </th>
              <th scope="col">Answer due</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((r) => (
              <tr key={`${r.id}-${r.agency_id}`}>
                <th scope="row">
                  <Link to={`/projects/${r.project_id}/phase`}>{r.project_name}</Link>
                </th>
                <td>
                  {PHASE_LABELS[r.from_phase]} → {PHASE_LABELS[r.to_phase]}
                </td>
                <td>{r.agency_code}</td>
                <td>
                  {formatDate(r.requested_at)} by {r.requested_by_name}
                </td>
                <td className="text-right">
                  {r.waiting === 0 ? 'Asked today' : pluralize(r.waiting, 'day')}
                </td>
                <td>
                  {formatDate(r.dueOn)}
                  {r.overdue ? (
                    <>
                      {' '}
                      <span className="usa-tag bg-secondary-dark">Overdue</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <h2>Annual concurrence due</h2>
      <p>
        Projects whose last concurrence from your agency in their current phase (or, with none, the
        day they entered it) is more than 12 months old.
      </p>
      {due.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="usa-list">
          {due.map((d) => (
            <li key={`${d.project_id}-${d.agency_id}`}>
              <Link to={`/projects/${d.project_id}/phase`}>{d.project_name}</Link> ({d.agency_code},{' '}
              {PHASE_LABELS[d.phase]}):{' '}
              {d.lastConcurred
                ? `last concurred ${formatDate(d.lastConcurred)}`
                : 'no concurrence recorded'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
