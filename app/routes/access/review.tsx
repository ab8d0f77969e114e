import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/review';
import { confirmAccessReview, removeAccess } from '~/commands/access-review';
import { AgencyRoleTable, MemberTable } from '~/components/access/review-tables';
import { Alert } from '~/components/ui/alert';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { formatDateTime } from '~/domain/history/time';
import { quarterOf } from '~/domain/pmc/quarter';
import { useTimeZone } from '~/lib/time-zone';
import { AccessReviewSchema } from '~/schemas/access';
import { SlugParam } from '~/schemas/params';
import { portfolioAccess } from '#db/queries/access';
import { getPortfolioBySlug } from '#db/queries/portfolios';
import { signedIn, type RequestArgs } from '~/web/context.server';
import { authorize, dispatch, found, pathParam } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Access review | Life Experience Workspace' },
];

async function load(args: RequestArgs, slug: string | undefined) {
  const { user, db } = signedIn(args);
  const { portfolio } = found(await getPortfolioBySlug(db, pathParam(SlugParam, slug)));
  authorize(user, 'access.manage', { portfolioId: portfolio.id });
  return { user, db, portfolio };
}

/**
 * The quarterly access review (NIST 800-53 AC-2(j), issue 21 point 4): who has which role in
 * the portfolio and when they last signed in, for its lead to confirm, or to remove someone.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, db, portfolio } = await load({ request, context }, params.slug);
  const { fy, q } = quarterOf(new Date().toISOString().slice(0, 10));
  const access = await portfolioAccess(db, portfolio.id);
  return {
    portfolio: { name: portfolio.name, slug: portfolio.slug },
    me: user.personId,
    quarter: { fy, q },
    done: access.reviews.find((r) => r.fiscal_year === fy && r.quarter === q) ?? null,
    ...access,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, db, portfolio } = await load({ request, context }, params.slug);
  const here = `/portfolios/${portfolio.slug}/access-review`;
  return dispatch(await request.formData(), AccessReviewSchema, {
    confirm: async (v) => {
      await confirmAccessReview(db, { actor: user, portfolioId: portfolio.id, fy: v.fy, q: v.q });
      return here;
    },
    remove: async (v) => {
      await removeAccess(db, { actor: user, portfolioId: portfolio.id, personId: v.personId });
      return here;
    },
  });
}

export default function AccessReview({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, quarter, done } = loaderData;
  const zone = useTimeZone();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Access review' },
        ]}
      />
      <h1>Access review: {portfolio.name}</h1>
      <p className="usa-intro">
        Once a quarter, check that everyone here still needs their access. Remove anyone who does
        not; someone left with no role anywhere is signed out and can no longer sign in.
      </p>
      <FormErrors id="review-error" errors={actionData?.result.error ?? null} heading="Not done" />
      <h2>Members</h2>
      <MemberTable members={loaderData.members} me={loaderData.me} />
      <h2>Agency points of contact</h2>
      <AgencyRoleTable label="Agency points of contact" people={loaderData.pocs} />
      <h2>PMC members</h2>
      <AgencyRoleTable label="PMC members" people={loaderData.pmcs} />
      <p>
        POCs and PMC members are changed on the portfolio’s{' '}
        <Link to={`/portfolios/${portfolio.slug}/people`}>people page</Link> (OMB leads).
      </p>
      <h2>
        FY {quarter.fy} Q{quarter.q} review
      </h2>
      {done ? (
        <Alert type="success" heading="Confirmed for this quarter">
          {done.reviewed_by_name ?? 'Someone'} confirmed this list on{' '}
          {formatDateTime(done.reviewed_at, zone)}.
        </Alert>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="fy" value={quarter.fy} />
          <input type="hidden" name="q" value={quarter.q} />
          <button type="submit" className="usa-button">
            Confirm: everyone listed still needs their access
          </button>
        </Form>
      )}
      {loaderData.reviews.length > 0 ? (
        <>
          <h3>Earlier reviews</h3>
          <ul className="usa-list">
            {loaderData.reviews.map((r) => (
              <li key={`${r.fiscal_year}-${r.quarter}`}>
                FY {r.fiscal_year} Q{r.quarter}: {r.reviewed_by_name ?? 'someone'},{' '}
                {formatDateTime(r.reviewed_at, zone)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
