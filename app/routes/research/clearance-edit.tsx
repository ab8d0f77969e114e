import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/clearance-edit';
import { ClearanceEditForm } from '~/components/research/clearance-edit-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { found, pathParam, refusal } from '~/web/toolkit.server';
import { IdParam } from '~/schemas/params';
import { ClearanceEditSchema } from '~/schemas/research';
import { getClearance } from '#db/queries/research';
import { editClearance } from '~/commands/research';
import { dbOf, type RequestArgs, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `Edit clearance: ${data?.clearance.title ?? 'clearance'} | PRA status | Life Experience Workspace`,
  },
];

/** One of a portfolio's PRA clearances, for those who keep clearances (OMB and portfolio leads). */
async function load(args: RequestArgs, params: Route.LoaderArgs['params']) {
  const { user, portfolio } = await findPortfolio(args, params.slug, 'clearance.edit');
  return { user, portfolio, id: pathParam(IdParam, params.clearanceId) };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio, id } = await load({ request, context }, params);
  const { clearance, activities } = found(await getClearance(dbOf(context), portfolio.id, id));
  return { portfolio, clearance, activities };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio, id } = await load({ request, context }, params);
  const formData = await request.formData();
  // The clearance is the page's, whatever the form says.
  formData.set('clearanceId', String(id));
  const submission = parseWithZod(formData, { schema: ClearanceEditSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  try {
    await editClearance(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/portfolios/${portfolio.slug}/pra#clearances`);
}

export default function EditClearance({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, clearance, activities } = loaderData;
  const pra = `/portfolios/${portfolio.slug}/pra`;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: pra, label: 'PRA status' },
          { label: clearance.title },
        ]}
      />
      <h1>Edit clearance: {clearance.title}</h1>
      <ClearanceEditForm
        key={`${clearance.id}-${clearance.version}`}
        clearance={clearance}
        activities={activities}
        cancelTo={pra}
        lastResult={actionData?.result}
        stale={actionData?.stale ?? null}
      />
    </>
  );
}
