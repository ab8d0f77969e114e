import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { ProjectForm } from '~/components/project/project-form';
import { Breadcrumbs } from '~/components/ui/form';
import { refusal } from '~/errors.server';
import { found } from '~/http.server';
import { pathParam } from '~/params.server';
import { SlugParam } from '~/schemas/params';
import { NewProjectSchema } from '~/schemas/project';
import { getDb } from '#db/client';
import { getPortfolioHeader, portfolioAgencies } from '#db/queries/portfolios';
import { createProject } from '#db/queries/projects';

export const meta: Route.MetaFunction = () => [
  { title: 'New project | Life Experience Workspace' },
];

async function load(request: Request, slug: string | undefined) {
  const user = await requireUser(request);
  const portfolio = found(await getPortfolioHeader(getDb(), pathParam(SlugParam, slug)));
  authorize(user, 'project.create', { portfolioId: portfolio.id });
  return { user, portfolio };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { portfolio } = await load(request, params.slug);
  return { portfolio, agencies: await portfolioAgencies(getDb(), portfolio.id) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { user, portfolio } = await load(request, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: NewProjectSchema });
  if (submission.status !== 'success') {
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  }
  let id: number;
  try {
    id = await createProject(getDb(), {
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
