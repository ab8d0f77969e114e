import { getFormProps } from '@conform-to/react';
import { Form, redirect } from 'react-router';
import type { Route } from './+types/pra';
import { ClearanceEditForm, ClearanceFields } from '~/components/research/clearance-edit-form';
import { ClearanceKeepers } from '~/components/research/clearance-keepers';
import {
  ClearancesTable,
  CollectionsTable,
  ContractorsSetting,
  ExpiringClearances,
} from '~/components/research/pra-sections';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { Link } from '~/components/ui/link';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { can } from '~/domain/policy';
import { authorize, dispatch, found, pathParam } from '~/web/toolkit.server';
import { IdParam, SlugParam } from '~/schemas/params';
import { PraPageSchema } from '~/schemas/research';
import { getPortfolioHeader } from '#db/queries/portfolios';
import { clearanceKeepers, getClearance, portfolioPraStatus } from '#db/queries/research';
import { createClearance, editClearance, setCountContractors } from '~/commands/research';
import { praStatusView } from '~/presenters/research';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [{ title: 'PRA status | Life Experience Workspace' }];

async function load({ request, context }: RequestArgs, slug: string | undefined) {
  const user = requireUser({ request, context });
  const portfolio = found(await getPortfolioHeader(dbOf(context), pathParam(SlugParam, slug)));
  authorize(user, 'portfolio.read', { portfolioId: portfolio.id });
  return { user, portfolio };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user, portfolio } = await load({ request, context }, params.slug);
  const search = new URL(request.url).searchParams;
  // The planning check has its own page; an answer bookmarked here opens there.
  if (search.has('activity')) throw redirect(`/portfolios/${portfolio.slug}/pra/check?${search}`);
  const today = new Date().toISOString().slice(0, 10);
  const status = await portfolioPraStatus(dbOf(context), portfolio.id, today);
  const mayClearance = can(user, 'clearance.edit', { portfolioId: portfolio.id });
  // ?clearance=ID opens that clearance's edit form (for those who keep clearances).
  const editing =
    mayClearance && search.has('clearance')
      ? found(
          await getClearance(
            dbOf(context),
            portfolio.id,
            pathParam(IdParam, search.get('clearance') ?? ''),
          ),
        )
      : null;
  return {
    portfolio,
    ...praStatusView(status, today),
    editing,
    keepers: mayClearance ? [] : await clearanceKeepers(dbOf(context), portfolio.id),
    may: {
      clearance: mayClearance,
      settings: can(user, 'settings.edit'),
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await load({ request, context }, params.slug);
  const formData = await request.formData();
  // The form that records a clearance sends no intent: it is the page's default.
  if (!formData.has('intent')) formData.set('intent', 'create_clearance');
  // The setting is the workspace's; the clearances are the portfolio's.
  if (formData.get('intent') === 'contractors') authorize(user, 'settings.edit');
  else authorize(user, 'clearance.edit', { portfolioId: portfolio.id });
  const pra = `/portfolios/${portfolio.slug}/pra`;
  const base = { portfolioId: portfolio.id, actorId: user.personId };
  return dispatch(formData, PraPageSchema, {
    contractors: async (v) => {
      await setCountContractors(dbOf(context), v.countContractors, user.personId);
      return pra;
    },
    edit_clearance: async (v) => {
      await editClearance(dbOf(context), { ...base, values: v });
      return `${pra}#clearances`;
    },
    create_clearance: async (v) => {
      await createClearance(dbOf(context), {
        ...base,
        title: v.title,
        kind: v.kind,
        controlNumber: v.controlNumber ?? null,
        expiresOn: v.expiresOn ?? null,
      });
      return pra;
    },
  });
}

export default function PraStatus({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, settings, editing, keepers, may } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.intent === 'create_clearance' ? actionData.result : undefined,
    schema: () => import('~/schemas/research').then((m) => m.ClearanceSchema),
  });
  const pra = `/portfolios/${portfolio.slug}/pra`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'PRA status' },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={form} />
      <h1>Paperwork Reduction Act status</h1>
      <p className="usa-intro">
        Nine or fewer members of the public in 12 months need no approval; activities with the same
        purpose or the same questions count together (A-11 280.8). Federal employees in their
        official capacity are not counted; contractors{' '}
        {settings.countContractors ? 'are' : 'are not'} counted in this workspace.
      </p>
      <ExpiringClearances expiring={loaderData.expiring} />
      <CollectionsTable collections={loaderData.collections} />
      <section aria-labelledby="planning">
        <h2 id="planning">Can we talk to more people?</h2>
        <p>
          Before anyone is contacted,{' '}
          <Link to={`${pra}/check`}>check whether more people fit within the limit</Link>: choose
          the activity, how many more people and the day.
        </p>
      </section>
      <ClearancesTable clearances={loaderData.clearances} mayEdit={may.clearance} pra={pra} />
      {editing ? (
        <ClearanceEditForm
          key={`${editing.clearance.id}-${editing.clearance.version}`}
          clearance={editing.clearance}
          activities={editing.activities}
          action={`${pra}?clearance=${editing.clearance.id}`}
          cancelTo={pra}
          lastResult={actionData?.intent === 'edit_clearance' ? actionData.result : undefined}
          stale={actionData?.intent === 'edit_clearance' ? actionData.stale : null}
        />
      ) : may.clearance ? (
        <section aria-labelledby="new-clearance">
          <h3 id="new-clearance">Record a clearance</h3>
          <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
            <ClearanceFields
              fields={fields}
              titleHint="For example: A-11 Section 280 umbrella clearance"
            />
            <button type="submit" className="usa-button">
              Record clearance
            </button>
          </Form>
        </section>
      ) : (
        <ClearanceKeepers keepers={keepers} />
      )}
      {may.settings ? <ContractorsSetting countContractors={settings.countContractors} /> : null}
    </>
  );
}
