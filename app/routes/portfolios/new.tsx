import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { PortfolioForm } from '~/components/portfolio/portfolio-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { fiscalYearOf } from '~/domain/dates';
import { authorize, refusal } from '~/web/toolkit.server';
import { NewPortfolioSchema } from '~/schemas/portfolio';
import { listAgencies } from '#db/queries/portfolio-admin';
import { createPortfolio } from '~/commands/portfolios';
import { dbOf, requireUser } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New portfolio | Life Experience Workspace' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'portfolio.create');
  return { agencies: await listAgencies(dbOf(context)), fy: fiscalYearOf(new Date()) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'portfolio.create');
  const submission = parseWithZod(await request.formData(), { schema: NewPortfolioSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  let slug: string;
  try {
    slug = await createPortfolio(dbOf(context), {
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/portfolios/${slug}/people`);
}

export default function NewPortfolio({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: 'Portfolios' }, { label: 'New portfolio' }]} />
      <h1>New Life Experience portfolio</h1>
      <PortfolioForm
        agencies={loaderData.agencies}
        lastResult={actionData?.result}
        submitLabel="Create portfolio"
        defaults={{
          name: '',
          description: '',
          leadAgencyId: '',
          agencies: [],
          cycleStartFy: String(loaderData.fy),
        }}
      />
    </>
  );
}
