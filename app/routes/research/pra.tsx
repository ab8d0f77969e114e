import { redirect } from 'react-router';
import type { Route } from './+types/pra';
import { ClearanceKeepers } from '~/components/research/clearance-keepers';
import {
  ClearancesTable,
  CollectionsTable,
  ContractorsSetting,
  ExpiringClearances,
} from '~/components/research/pra-sections';
import { Alert } from '~/components/ui/alert';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { Link } from '~/components/ui/link';
import { can } from '~/domain/policy';
import { authorize, dispatch } from '~/web/toolkit.server';
import { PraPageSchema } from '~/schemas/research';
import { clearanceKeepers, portfolioPraStatus } from '#db/queries/research';
import { setCountContractors } from '~/commands/research';
import { praStatusView } from '~/presenters/research';
import { dbOf, findPortfolio, serverMarkup } from '~/web/context.server';
import { ServerMarkup } from '~/components/ui/server-markup';
import { keptMarkup } from '~/render/kept-markup.server';

export const meta: Route.MetaFunction = () => [{ title: 'PRA status | Life Experience Workspace' }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  const search = new URL(request.url).searchParams;
  const pra = `/portfolios/${portfolio.slug}/pra`;
  // The planning check and a clearance's form have pages of their own; addresses saved from the
  // time they were on this page open there.
  if (search.has('activity')) throw redirect(`${pra}/check?${search}`);
  const clearance = search.get('clearance');
  if (clearance !== null) throw redirect(`${pra}/clearances/${encodeURIComponent(clearance)}`);
  const today = new Date().toISOString().slice(0, 10);
  const status = await portfolioPraStatus(dbOf(context), portfolio.id, today);
  const mayClearance = can(user, 'clearance.edit', { portfolioId: portfolio.id });
  // The counts and clearances are the same for every reader (kept for the day): made once.
  const tables = keptMarkup(status, `pra-${mayClearance}`, () => {
    const view = praStatusView(status, today);
    return (
      <>
        <ExpiringClearances expiring={view.expiring} />
        <CollectionsTable collections={view.collections} />
        <section aria-labelledby="planning">
          <h2 id="planning">Can we talk to more people?</h2>
          <p>
            Before anyone is contacted,{' '}
            <Link to={`${pra}/check`}>check whether more people fit within the limit</Link>: choose
            the activity, how many more people and the day.
          </p>
        </section>
        <ClearancesTable clearances={view.clearances} mayEdit={mayClearance} pra={pra} />
      </>
    );
  });
  return {
    portfolio,
    settings: status.settings,
    tables: serverMarkup(context, tables),
    keepers: mayClearance ? [] : await clearanceKeepers(dbOf(context), portfolio.id),
    may: {
      clearance: mayClearance,
      settings: can(user, 'settings.edit'),
    },
  };
}

/** The page's one form: the workspace's setting for contractors. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'portfolio.read',
  );
  authorize(user, 'settings.edit');
  return dispatch(await request.formData(), PraPageSchema, {
    contractors: async (v) => {
      await setCountContractors(dbOf(context), v.countContractors, user.personId);
      return `/portfolios/${portfolio.slug}/pra`;
    },
  });
}

export default function PraStatus({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, settings, keepers, may } = loaderData;
  const pra = `/portfolios/${portfolio.slug}/pra`;
  const refused = actionData?.result.error?.['']?.[0];
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'PRA status' },
        ]}
      />
      {refused ? (
        <Alert type="error" heading="The setting was not saved">
          {refused}
        </Alert>
      ) : null}
      <h1>Paperwork Reduction Act status</h1>
      <p className="usa-intro">
        Nine or fewer members of the public in 12 months need no approval; activities with the same
        purpose or the same questions count together (A-11 280.8). Federal employees in their
        official capacity are not counted; contractors{' '}
        {settings.countContractors ? 'are' : 'are not'} counted in this workspace.
      </p>
      <ServerMarkup markup={loaderData.tables} />
      {may.clearance ? (
        <p>
          <Link to={`${pra}/clearances/new`} className="usa-button usa-button--outline">
            Record a clearance
          </Link>
        </p>
      ) : (
        <ClearanceKeepers keepers={keepers} />
      )}
      {may.settings ? <ContractorsSetting countContractors={settings.countContractors} /> : null}
    </>
  );
}
