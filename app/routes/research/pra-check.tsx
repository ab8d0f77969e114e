import type { Route } from './+types/pra-check';
import { PlanningCheck } from '~/components/research/planning-check';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { Link } from '~/components/ui/link';
import { portfolioPraStatus } from '#db/queries/research';
import { planningView } from '~/presenters/research';
import { groupedOptionsHtml } from '~/render/forms/options.server';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Can we talk to more people? | PRA status | Life Experience Workspace' },
];

/**
 * The planning check on a page of its own (issue 6, point 6): "can we talk to N more people about
 * this?", answered from the portfolio's PRA status before anyone is contacted. A GET form, so an
 * answer has an address a team can share.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const db = dbOf(context);
  const { portfolio } = await findPortfolio({ request, context }, params.slug, 'portfolio.read');
  const today = new Date().toISOString().slice(0, 10);
  const status = await portfolioPraStatus(db, portfolio.id, today);
  const { activityChoices, ...view } = planningView(
    status,
    new URL(request.url).searchParams,
    today,
  );
  return {
    portfolio,
    countContractors: status.settings.countContractors,
    ...view,
    // Hundreds of activities at most: sent as the select's markup, made once per list.
    activityOptions: groupedOptionsHtml(
      activityChoices,
      (g) => ({
        label: g.project,
        options: g.activities.map((a) => ({ value: String(a.id), label: a.title })),
      }),
      '- Select -',
      view.planInput.activity,
    ),
  };
}

export default function PraCheck({ loaderData }: Route.ComponentProps) {
  const { portfolio, countContractors } = loaderData;
  const pra = `/portfolios/${portfolio.slug}/pra`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: pra, label: 'PRA status' },
          { label: 'Planning check' },
        ]}
      />
      <h1 id="planning">Can we talk to more people?</h1>
      <p className="usa-intro">
        Before anyone is contacted: would this many more members of the public, on that day, keep
        the activity’s collection within nine in any 12 months (A-11 280.8)? Everyone the collection
        has already talked to counts. Federal employees in their official capacity are not counted;
        contractors {countContractors ? 'are' : 'are not'} counted in this workspace.
      </p>
      <PlanningCheck {...loaderData} labelledBy="planning" />
      <p>
        <Link to={pra}>Back to the PRA status</Link>
      </p>
    </>
  );
}
