import { parseWithZod } from '@conform-to/zod/v4';
import { data, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { CollectionForm } from '~/components/surveys/collection-form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { EditCollectionSchema } from '~/schemas/survey';
import { updateCollection } from '~/commands/surveys';
import { listAgencies } from '#db/queries/portfolio-admin';
import { findProjects } from '#db/queries/projects';
import { collectionProjects, portfolioSteps } from '#db/queries/surveys';
import { requireCollection } from '~/routes/surveys/find.server';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `Edit ${data?.collection.service_name ?? 'survey collection'} | Life Experience Workspace`,
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { collection } = await requireCollection(
    { request, context },
    params.collectionId,
    'survey.edit',
  );
  const db = dbOf(context);
  const [agencies, steps, projects, linked] = await Promise.all([
    listAgencies(db),
    portfolioSteps(db, collection.portfolio_id),
    findProjects(db, { portfolioId: collection.portfolio_id, limit: 500, offset: 0 }),
    collectionProjects(db, collection.id),
  ]);
  return {
    collection,
    agencies,
    steps,
    projects: projects.rows.map((p) => ({ id: p.id, name: p.name })),
    linked: linked.map((p) => String(p.id)),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, collection } = await requireCollection(
    { request, context },
    params.collectionId,
    'survey.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: EditCollectionSchema });
  if (submission.status !== 'success')
    return data({ result: submission.reply(), stale: null }, { status: 400 });
  const { version, ...values } = submission.value;
  try {
    await updateCollection(dbOf(context), {
      collectionId: collection.id,
      portfolioId: collection.portfolio_id,
      actorId: user.personId,
      version,
      values,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/surveys/${collection.id}`);
}

export default function EditCollection({ loaderData, actionData }: Route.ComponentProps) {
  const { collection: c, agencies, steps, projects, linked } = loaderData;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${c.portfolio_slug}`, label: c.portfolio_name },
          { to: `/portfolios/${c.portfolio_slug}/surveys`, label: 'Post-transaction surveys' },
          { to: `/surveys/${c.id}`, label: c.service_name },
          { label: 'Edit' },
        ]}
      />
      <h1>Edit the survey collection “{c.service_name}”</h1>
      <p>
        Changing which Likert points count as agreeing changes every quarter’s trust figure; the
        imported responses stay as they are.
      </p>
      <CollectionForm
        key={c.version}
        version={c.version}
        agencies={agencies}
        steps={steps}
        projects={projects}
        lastResult={actionData?.result}
        stale={actionData?.stale}
        submitLabel="Save survey collection"
        defaults={{
          serviceName: c.service_name,
          agencyId: String(c.agency_id),
          surveyTitle: c.survey_title,
          channel: c.channel,
          serviceStage: c.service_stage,
          scale: c.scale,
          trustQuestionText: c.trust_question_text,
          ombControlNumber: c.omb_control_number,
          likertAffirmative: c.likert_affirmative.split(','),
          journeyStepId: c.journey_step_id === null ? '' : String(c.journey_step_id),
          projectIds: linked,
        }}
      />
    </>
  );
}
