import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/new';
import { CollectionForm } from '~/components/surveys/collection-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { NewCollectionSchema } from '~/schemas/survey';
import { SlugParam } from '~/schemas/params';
import { createCollection } from '~/commands/surveys';
import { listAgencies } from '#db/queries/portfolio-admin';
import { getPortfolioHeader } from '#db/queries/portfolios';
import { findProjects } from '#db/queries/projects';
import { portfolioSteps } from '#db/queries/surveys';
import { authorize, found, pathParam, refusal } from '~/web/toolkit.server';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New survey collection | Life Experience Workspace' },
];

async function load(args: RequestArgs, slug: string | undefined) {
  const user = requireUser(args);
  const portfolio = found(await getPortfolioHeader(dbOf(args.context), pathParam(SlugParam, slug)));
  authorize(user, 'survey.edit', { portfolioId: portfolio.id });
  return { user, portfolio };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio } = await load({ request, context }, params.slug);
  const db = dbOf(context);
  const [agencies, steps, projects] = await Promise.all([
    listAgencies(db),
    portfolioSteps(db, portfolio.id),
    findProjects(db, { portfolioId: portfolio.id, limit: 500, offset: 0 }),
  ]);
  return {
    portfolio,
    agencies,
    steps,
    projects: projects.rows.map((p) => ({ id: p.id, name: p.name })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await load({ request, context }, params.slug);
  const submission = parseWithZod(await request.formData(), { schema: NewCollectionSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  let id: number;
  try {
    id = await createCollection(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      values: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/surveys/${id}`);
}

export default function NewCollection({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, agencies, steps, projects } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: `/portfolios/${portfolio.slug}/surveys`, label: 'Post-transaction surveys' },
          { label: 'New collection' },
        ]}
      />
      <h1>New survey collection</h1>
      <p>
        One post-transaction survey of one service, as its Touchpoints collection describes it. Each
        quarter’s responses are imported into it afterwards.
      </p>
      <CollectionForm
        agencies={agencies}
        steps={steps}
        projects={projects}
        lastResult={actionData?.result}
        submitLabel="Add survey collection"
        defaults={{
          serviceName: '',
          agencyId: '',
          surveyTitle: '',
          channel: '',
          serviceStage: '',
          scale: 'thumbs',
          trustQuestionText: '',
          ombControlNumber: '',
          likertAffirmative: ['4', '5'],
          journeyStepId: '',
          projectIds: [],
        }}
      />
    </>
  );
}
