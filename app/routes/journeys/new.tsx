import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/new';
import { JourneyDetailsFields } from '~/components/journey/details-form';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { refusal } from '~/web/toolkit.server';
import { JourneyDetailsSchema } from '~/schemas/journey';
import { createJourney } from '~/commands/journeys';
import { projectChoices } from '~/routes/journeys/find.server';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dbOf, findPortfolio } from '~/web/context.server';

export const meta: Route.MetaFunction = () => [
  { title: 'New journey map | Life Experience Workspace' },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { portfolio } = await findPortfolio({ request, context }, params.slug, 'journey.edit');
  return { portfolio, projects: await projectChoices(dbOf(context), portfolio.id) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, portfolio } = await findPortfolio(
    { request, context },
    params.slug,
    'journey.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: JourneyDetailsSchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  let id: number;
  try {
    id = await createJourney(dbOf(context), {
      portfolioId: portfolio.id,
      actorId: user.personId,
      details: submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/journeys/${id}/edit`);
}

export default function NewJourney({ loaderData, actionData }: Route.ComponentProps) {
  const { portfolio, projects } = loaderData;
  const [form, fields] = useSchemaForm({
    lastResult: actionData?.result,
    defaultValue: { versionLabel: 'as_is' },
    schema: () => import('~/schemas/journey').then((m) => m.JourneyDetailsSchema),
  });
  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${portfolio.slug}`, label: portfolio.name },
          { to: `/portfolios/${portfolio.slug}/journeys`, label: 'Journey maps' },
          { label: 'New' },
        ]}
      />
      <h1>New journey map</h1>
      <p>Start with its title; you add stages and steps next.</p>
      <FormErrors form={form} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        <JourneyDetailsFields fields={fields} projects={projects} />
        <button type="submit" className="usa-button">
          Create journey map
        </button>
      </Form>
    </>
  );
}
