import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { PortfolioForm } from '~/components/portfolio/portfolio-form';
import { Breadcrumbs } from '~/components/ui/form';
import { fiscalYearOf } from '~/domain/dates';
import { refusal } from '~/errors.server';
import { NewPortfolioSchema } from '~/schemas/portfolio';
import { getDb } from '#db/client';
import { createPortfolio, listAgencies } from '#db/queries/portfolio-admin';

export const meta: Route.MetaFunction = () => [
  { title: 'New portfolio | Life Experience Workspace' },
];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  authorize(user, 'portfolio.create');
  return { agencies: await listAgencies(getDb()), fy: fiscalYearOf(new Date()) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  authorize(user, 'portfolio.create');
  const submission = parseWithZod(await request.formData(), { schema: NewPortfolioSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  let slug: string;
  try {
    slug = await createPortfolio(getDb(), { actorId: user.personId, values: submission.value });
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
