/**
 * Start a new version of a journey map: every stage and step copied, so the two versions can be
 * compared step by step. A task of its own, reached from the map's page, so that the map's page
 * (read far more often) carries no form.
 */
import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { data, Form, redirect } from 'react-router';
import type { Route } from './+types/copy';
import { ArchivedEditPage } from '~/components/archive/archive-controls';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { FormErrors } from '~/components/ui/form';
import { VersionFields } from '~/components/journey/details-form';
import { Link } from '~/components/ui/link';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { versionText } from '~/domain/journey/types';
import { copyJourney } from '~/commands/journeys';
import { requireJourney } from '~/routes/journeys/find.server';
import { CopySchema } from '~/schemas/journey';
import { dbOf } from '~/web/context.server';
import { refusal } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = ({ data }) => [
  {
    title: `Start a new version of ${data?.map.title ?? 'a journey map'} | Life Experience Workspace`,
  },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { journey } = await requireJourney({ request, context }, params.mapId, 'journey.edit');
  const { id, title, version, version_label, version_name, archived_at } = journey.map;
  const { portfolio_slug, portfolio_name } = journey.map;
  return {
    map: { id, title, version, version_label, version_name, portfolio_slug, portfolio_name },
    // An archived map is read, not copied or edited: restore it first (decision 024).
    archived: archived_at !== null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, journey } = await requireJourney(
    { request, context },
    params.mapId,
    'journey.edit',
  );
  const submission = parseWithZod(await request.formData(), { schema: CopySchema });
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 });
  let id: number;
  try {
    id = await copyJourney(dbOf(context), {
      mapId: journey.map.id,
      actorId: user.personId,
      ...submission.value,
    });
  } catch (error) {
    return refusal(error, submission);
  }
  throw redirect(`/journeys/${id}/edit`);
}

export default function CopyJourney({ loaderData, actionData }: Route.ComponentProps) {
  const { map, archived } = loaderData;
  const crumbs = [
    { to: '/', label: 'Portfolios' },
    { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
    { to: `/journeys/${map.id}`, label: map.title },
    { label: 'Start a new version' },
  ];
  const [form, fields] = useSchemaForm({
    id: 'copy',
    lastResult: actionData?.result,
    defaultValue: {
      versionLabel: map.version_label === 'as_is' ? 'to_be' : 'other',
      versionName: '',
    },
    schema: () => import('~/schemas/journey').then((m) => m.CopySchema),
    validate: 'onSubmit',
  });
  if (archived)
    return (
      <ArchivedEditPage
        crumbs={crumbs}
        heading="Start a new version"
        kind="journey_map"
        id={map.id}
        version={map.version}
        title={map.title}
      />
    );
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <FormErrors form={form} />
      <h1>Start a new version</h1>
      <p className="usa-intro">
        Copies every stage and step of {map.title} (
        {versionText(map.version_label, map.version_name)}), so the two versions can be compared
        step by step.
      </p>
      <Form method="post" className="usa-form" {...getFormProps(form)}>
        <VersionFields fields={fields} legend="New version" />
        <button type="submit" className="usa-button">
          Copy as a new version
        </button>
      </Form>
      <p>
        <Link to={`/journeys/${map.id}`}>Back to the journey map</Link>
      </p>
    </>
  );
}
