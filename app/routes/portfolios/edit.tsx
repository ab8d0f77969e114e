import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { PortfolioForm } from '~/components/portfolio/portfolio-form';
import { Breadcrumbs } from '~/components/ui/form';
import { refusal } from '~/errors.server';
import { found } from '~/http.server';
import { pathParam } from '~/params.server';
import { SlugParam } from '~/schemas/params';
import { EditPortfolioSchema } from '~/schemas/portfolio';
import { getDb } from '#db/client';
import { listAgencies, updatePortfolio } from '#db/queries/portfolio-admin';
import { getPortfolioBySlug } from '#db/queries/portfolios';

export const meta: Route.MetaFunction = () => [
  { title: 'Edit portfolio | Life Experience Workspace' },
];

async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const detail = found(await getPortfolioBySlug(getDb(), pathParam(SlugParam, slug)));
  authorize(user, 'portfolio.edit', { portfolioId: detail.portfolio.id });
  return { user, ...detail };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { portfolio, agencies } = await load(request, params.slug);
  return {
    portfolio,
    participating: agencies.map((a) => String(a.id)),
    agencies: await listAgencies(getDb()),
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, portfolio } = await load(request, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: EditPortfolioSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  const { version, ...values } = submission.value;
  try {
    await updatePortfolio(getDb(), {
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
  const { portfolio, participating, agencies } = loaderData;
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
