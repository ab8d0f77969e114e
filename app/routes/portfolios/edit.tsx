import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { PortfolioForm } from '~/components/portfolio/portfolio-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { RemovalConfirmation } from '~/components/ui/removal';
import {
  agenciesBeingRemoved,
  describeAgencyRemoval,
  type ParticipatingAgency,
} from '~/domain/portfolio/agency-removal';
import { isCancelled } from '~/domain/removal';
import { authorize, refusal, found, pathParam } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { SlugParam } from '~/schemas/params';
import { EditPortfolioSchema } from '~/schemas/portfolio';
import { listAgencies, projectsInvolving } from '#db/queries/portfolio-admin';
import { updatePortfolio } from '~/commands/portfolios';
import { getPortfolioBySlug } from '#db/queries/portfolios';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';
import type { DB } from '#db/client';

export const meta: Route.MetaFunction = () => [
  { title: 'Edit portfolio | Life Experience Workspace' },
];

async function load({ request, context }: RequestArgs, slug: string | undefined) {
  const user = requireUser({ request, context });
  const detail = found(await getPortfolioBySlug(dbOf(context), pathParam(SlugParam, slug)));
  authorize(user, 'portfolio.edit', { portfolioId: detail.portfolio.id });
  return { user, ...detail };
}

/** The agencies taking part now, with who ends with them, and whether a project involves them. */
async function participatingNow(
  db: DB,
  portfolioId: number,
  agencies: {
    id: number;
    code: string;
    name: string;
    poc_name: string | null;
    pmc_name: string | null;
  }[],
): Promise<(ParticipatingAgency & { inUse: boolean })[]> {
  const used = await projectsInvolving(
    db,
    portfolioId,
    agencies.map((a) => a.id),
  );
  return agencies.map((a) => ({
    id: a.id,
    code: a.code,
    name: a.name,
    pocName: a.poc_name,
    pmcName: a.pmc_name,
    inUse: used.some((u) => u.code === a.code),
  }));
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio, agencies } = await load({ request, context }, params.slug);
  return {
    portfolio,
    participating: agencies.map((a) => String(a.id)),
    current: await participatingNow(dbOf(context), portfolio.id, agencies),
    agencies: await listAgencies(dbOf(context)),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio, agencies } = await load({ request, context }, params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: EditPortfolioSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  const { version, ...values } = submission.value;
  // Taking an agency out ends its POC's role and its PMC seat: ask first. When a project
  // involves it, updatePortfolio refuses (and says which), so there is nothing to confirm.
  const current = await participatingNow(dbOf(context), portfolio.id, agencies);
  const removing = agenciesBeingRemoved(
    current.map((a) => a.id),
    values.agencies,
  );
  const leaving = current.filter((a) => removing.includes(a.id));
  // Cancel on the confirmation page: the form again, with what was typed, nothing saved.
  if (isCancelled(formData)) return data({ result: submission.reply(), stale: null });
  if (leaving.length > 0 && !leaving.some((a) => a.inUse)) {
    const ask = askFirst(
      formData,
      () => describeAgencyRemoval(leaving),
      {
        fields: [...formData.entries()].flatMap(([k, v]): [string, string][] =>
          typeof v === 'string' && k !== 'confirm' ? [[k, v]] : [],
        ),
        cancelTo: `/portfolios/${portfolio.slug}/edit`,
        cancelKeepsTyped: true,
      },
      { result: undefined, stale: null },
    );
    if (ask) return ask;
  }
  try {
    await updatePortfolio(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      version,
      values,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/portfolios/${portfolio.slug}`);
}

export default function EditPortfolio({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, participating, current, agencies } = loaderData;
  if (actionData && 'removal' in actionData && actionData.removal)
    return <RemovalConfirmation prompt={actionData.removal} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'Edit' },
        ]}
      />
      <h1>Edit {portfolio.name}</h1>
      <PortfolioForm
        key={portfolio.version}
        version={portfolio.version}
        agencies={agencies}
        lastResult={actionData?.result}
        stale={actionData?.stale}
        submitLabel="Save portfolio"
        participating={current}
        defaults={{
          name: portfolio.name,
          description: portfolio.description,
          leadAgencyId: String(portfolio.lead_agency_id),
          agencies: participating,
          cycleStartFy: String(portfolio.cycle_start_fy),
        }}
      />
    </>
  );
}
