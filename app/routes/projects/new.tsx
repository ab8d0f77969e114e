import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { ProjectForm } from '~/components/project/project-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { NewProjectSchema } from '~/schemas/project';
import { portfolioAgencies } from '#db/queries/portfolios';
import { createProject } from '~/commands/projects';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New project | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio } = await findPortfolio({ request, context }, params.slug, 'project.create');
  return { portfolio, agencies: await portfolioAgencies(dbOf(context), portfolio.id) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'project.create',
  );
  const submission = parseWithZod(await request.formData(), { schema: NewProjectSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  let id: number;
  try {
    id = await createProject(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/projects/${id}`);
}

export default function NewProject({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, agencies } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { label: 'New project' },
        ]}
      />
      <h1>New project in {portfolio.name}</h1>
      <p>New projects start in Discovery.</p>
      <ProjectForm
        lastResult={actionData?.result}
        agencies={agencies}
        submitLabel="Create project"
        defaults={{
          name: '',
          summary: '',
          painPoints: '',
          outcomesShortTerm: '',
          outcomesLongTerm: '',
          theoryOfChange: '',
          agencies: [],
          ownerAgencyId: '',
          health: 'on_track',
          healthReason: '',
        }}
      />
    </>
  );
}
