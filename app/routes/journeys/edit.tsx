import { getFormProps } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useState } from 'react';
import { data, Form, redirect } from 'react-router';
import { Link } from '~/components/ui/link';
import type { Route } from './+types/edit';
import { ArchivedEditPage } from '~/components/archive/archive-controls';
import { JourneyDetailsFields } from '~/components/journey/details-form';
import { ENHANCED_MOVE, MoveStatus, useMoveButtons } from '~/components/journey/reorder';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import { FormErrors } from '~/components/ui/form';
import { Breadcrumbs } from '~/components/ui/breadcrumbs';
import { IntentFields } from '~/components/ui/intent-fields';
import { StaleValues } from '~/components/ui/stale-values';
import { RemovalConfirmation } from '~/components/ui/removal';
import { moveAnnouncement, type MovedItem } from '~/domain/journey/reorder';
import { removalOf } from '~/presenters/journeys';
import { LivePreview, StageEditor, type StepDraft } from '~/components/journey/stage-editor';
import { refusal } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { projectChoices, requireJourney } from '~/routes/journeys/find.server';
import { JourneyEditSchema } from '~/schemas/journey';
import { getJourney, toDiagram } from '#db/queries/journeys';
import { applyJourneyEdit } from '~/commands/journeys';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Edit ${data?.journey.map.title ?? 'journey map'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { journey } = await requireJourney({ request, context }, params.mapId, 'journey.edit');
  const projects = await projectChoices(dbOf(context), journey.map.portfolio_id);
  return {
    // An archived map is read, not edited: the page says so and offers Restore (decision 024).
    archived: journey.map.archived_at !== null,
    journey,
    diagram: toDiagram(journey),
    projects,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, journey } = await requireJourney(
    { request, context },
    params.mapId,
    'journey.edit',
  );
  const formData = await request.formData();
  const intent = String(formData.get('intent') ?? '');
  const scope = String(formData.get('stageId') ?? formData.get('stepId') ?? '');
  const submission = parseWithZod(formData, { schema: JourneyEditSchema });
  if (submission.status !== 'success') {
    return data({ intent, scope, result: submission.reply(), stale: null }, { status: 400 });
  }
  const v = submission.value;
  const removal = removalOf(journey.stages, v);
  if (removal) {
    const ask = askFirst(
      formData,
      () => removal.removal,
      { fields: removal.fields, cancelTo: `/journeys/${journey.map.id}/edit` },
      { intent, scope, result: undefined, stale: null },
    );
    if (ask) return ask;
  }
  try {
    await applyJourneyEdit(dbOf(context), { mapId: journey.map.id, actorId: user.personId }, v);
  } catch (error) {
    return refusal(error, submission, { intent, scope });
  }
  // A move sent by JavaScript (useReorder) stays on the page: answer with the item's new place.
  if (
    formData.get(ENHANCED_MOVE.name) === ENHANCED_MOVE.value &&
    (v.intent === 'move_stage' || v.intent === 'move_step')
  ) {
    const moved: MovedItem =
      v.intent === 'move_stage' ? { kind: 'stage', id: v.stageId } : { kind: 'step', id: v.stepId };
    const now = await getJourney(dbOf(context), journey.map.id);
    return data({
      intent,
      scope,
      result: submission.reply(),
      stale: null,
      moved: { ...moved, direction: v.direction },
      announcement: now ? moveAnnouncement(now.stages, moved) : null,
    });
  }
  const anchor =
    v.intent === 'add_step' || v.intent === 'rename_stage' ? `#stage-${v.stageId}` : '';
  throw redirect(`/journeys/${journey.map.id}/edit${anchor}`);
}

type ActionData = Route.ComponentProps['actionData'];

function resultFor(actionData: ActionData, intent: string, scope = '') {
  return actionData && actionData.intent === intent && (scope === '' || actionData.scope === scope)
    ? actionData.result
    : undefined;
}

export default function EditJourney(props: Route.ComponentProps) {
  const { map } = props.loaderData.journey;
  if (props.loaderData.archived)
    return (
      <ArchivedEditPage
        crumbs={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
          { to: `/journeys/${map.id}`, label: map.title },
          { label: 'Edit' },
        ]}
        heading="Edit journey map"
        kind="journey_map"
        id={map.id}
        version={map.version}
        title={map.title}
      />
    );
  return <EditJourneyForms {...props} />;
}

function EditJourneyForms({ loaderData, actionData }: Route.ComponentProps) {
  const { journey, diagram, projects } = loaderData;
  const { map, stages } = journey;
  const version = actionData?.stale?.version ?? map.version;
  const [detailsForm, detailsFields] = useSchemaForm({
    id: 'details',
    lastResult: resultFor(actionData, 'details'),
    defaultValue: {
      title: map.title,
      personas: map.personas,
      description: map.description,
      versionLabel: map.version_label,
      versionName: map.version_name,
      projectId: map.project_id ? String(map.project_id) : '',
    },
    schema: () => import('~/schemas/journey').then((m) => m.JourneyEditSchema),
  });
  const [stageForm, stageFields] = useSchemaForm({
    id: 'add-stage',
    lastResult: resultFor(actionData, 'add_stage'),
    schema: () => import('~/schemas/journey').then((m) => m.JourneyEditSchema),
    validate: 'onSubmit',
  });
  const [draft, setDraft] = useState<StepDraft | null>(null);
  const { hydrated, status, moveProps } = useMoveButtons();
  if (actionData && 'removal' in actionData)
    return <RemovalConfirmation prompt={actionData.removal} />;
  const otherErrors =
    actionData && !['details', 'add_stage', 'add_step'].includes(actionData.intent)
      ? actionData.result.error?.['']
      : null;

  return (
    <>
      <Breadcrumbs
        items={[
          { to: '/', label: 'Portfolios' },
          { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
          { to: `/portfolios/${map.portfolio_slug}/journeys`, label: 'Journey maps' },
          { to: `/journeys/${map.id}`, label: map.title },
          { label: 'Edit' },
        ]}
      />
      {/* A refused form's summary sits at the top of the page (issue 16, point 10). */}
      <FormErrors form={stageForm} />
      <FormErrors form={detailsForm} />
      <FormErrors
        id="add-step-errors"
        errors={actionData?.intent === 'add_step' ? actionData.result?.error : undefined}
        conformId={actionData?.intent === 'add_step' ? `add-step-${actionData.scope}` : undefined}
      />
      <h1>Edit journey map</h1>
      <p>
        <Link to={`/journeys/${map.id}`}>View the map, its table and exports</Link>
      </p>
      {actionData?.stale ? (
        <StaleValues
          current={actionData.stale.current}
          labels={{ title: 'Title', updated_at: 'Last saved' }}
        />
      ) : null}
      {otherErrors?.length ? (
        <Alert type="error" heading="Not saved">
          {otherErrors.join(' ')}
        </Alert>
      ) : null}

      <div className="grid-row grid-gap-lg">
        <div className="desktop:grid-col-7">
          <h2>Stages and steps</h2>
          {hydrated && stages.length > 0 ? (
            <p className="usa-hint">
              On an Up or Down button, Alt+Up Arrow and Alt+Down Arrow move the stage or step.
            </p>
          ) : null}
          <MoveStatus status={status} />
          {stages.length === 0 ? <p>No stages yet. Add the first stage below.</p> : null}
          <ol className="usa-list usa-list--unstyled">
            {stages.map((stage, si) => (
              <StageEditor
                key={stage.id}
                stage={stage}
                si={si}
                stageCount={stages.length}
                mapId={map.id}
                version={version}
                resultFor={(intent, scope) => resultFor(actionData, intent, scope)}
                moveProps={moveProps}
                onDraft={setDraft}
              />
            ))}
          </ol>

          <h2>Add a stage</h2>
          <Form method="post" className="usa-form" {...getFormProps(stageForm)}>
            <IntentFields intent="add_stage" version={version} />
            <TextField field={stageFields.name} label="Stage name" />
            <button type="submit" className="usa-button">
              Add stage
            </button>
          </Form>
        </div>
        <div className="desktop:grid-col-5">
          <LivePreview
            diagram={diagram}
            stageIds={stages.map((s) => s.id)}
            draft={draft}
            title={map.title}
          />
        </div>
      </div>

      <h2>About this map</h2>
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(detailsForm)}>
        <IntentFields intent="details" version={version} />
        <JourneyDetailsFields fields={detailsFields} projects={projects} />
        <button type="submit" className="usa-button">
          Save details
        </button>
      </Form>
    </>
  );
}
