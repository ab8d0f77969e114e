import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { data, Form, Link, redirect } from 'react-router';
import type { Route } from './+types/edit';
import { ArchivedEditNotice } from '~/components/archive/archive-controls';
import { JourneyDetailsFields } from '~/components/journey/details-form';
import {
  ENHANCED_MOVE,
  MoveStatus,
  moveFormId,
  useReorder,
  type MoveItem,
} from '~/components/journey/reorder';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { Alert } from '~/components/ui/alert';
import { TextField } from '~/components/ui/field';
import {
  Breadcrumbs,
  FormErrors,
  IntentFields,
  SelectField,
  StaleValues,
} from '~/components/ui/form';
import { RemovalConfirmation, RemoveButton } from '~/components/ui/removal';
import { generateMermaid } from '~/domain/journey/mermaid';
import { moveAnnouncement, type MovedItem } from '~/domain/journey/reorder';
import { CHANNELS, SCORE_LABELS, type JourneyDiagram } from '~/domain/journey/types';
import { pluralize } from '~/domain/plural';
import type { Removal } from '~/domain/removal';
import { refusal } from '~/web/toolkit.server';
import { askFirst } from '~/web/removal.server';
import { requireJourney } from '~/routes/journeys/find.server';
import { JourneyEditSchema } from '~/schemas/journey';
import { editJourney, getJourney, journeyEdits, toDiagram } from '#db/queries/journeys';
import { findProjects } from '#db/queries/projects';
import { useLazyValidation } from '~/components/ui/use-lazy-validation';
import { useHydrated } from '~/lib/hydrated';
import { dbOf } from '~/web/context.server';

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Edit ${data?.journey.map.title ?? 'journey map'} | Life Experience Workspace` },
];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { journey } = await requireJourney({ request, context }, params.mapId, 'journey.edit');
  const projects = await findProjects(dbOf(context), {
    portfolioId: journey.map.portfolio_id,
    limit: 500,
    offset: 0,
  });
  return {
    // An archived map is read, not edited: the page says so and offers Restore (decision 024).
    archived: journey.map.archived_at !== null,
    journey,
    diagram: toDiagram(journey),
    projects: projects.rows.map((p) => ({ id: p.id, name: p.name })),
  };
}

type StepLike = { title: string; projects: unknown[] };

/** What removing a step takes away: its links to projects (burden items keep no step). */
const stepRemoval = (step: StepLike): Removal => ({
  what: `the step “${step.title}”`,
  takes: [
    ...(step.projects.length > 0
      ? [`its links to ${pluralize(step.projects.length, 'project')}`]
      : []),
    'its place on burden items attached to it (the items stay, with no step)',
  ],
  confirm: 'Yes, remove the step',
});

/** What removing a stage takes away: every step in it. */
const stageRemoval = (stage: { name: string; steps: StepLike[] }): Removal => ({
  what: `the stage “${stage.name}”`,
  takes:
    stage.steps.length > 0
      ? [
          `its ${pluralize(stage.steps.length, 'step')}: ${stage.steps.map((s) => s.title).join(', ')}`,
          'their links to projects, and their place on burden items (the items stay, with no step)',
        ]
      : [],
  confirm: 'Yes, remove the stage and its steps',
});

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
  const base = { mapId: journey.map.id, version: v.version, actorId: user.personId };
  if (v.intent === 'delete_stage' || v.intent === 'delete_step') {
    const stage =
      v.intent === 'delete_stage' ? journey.stages.find((s) => s.id === v.stageId) : undefined;
    const step =
      v.intent === 'delete_step'
        ? journey.stages.flatMap((s) => s.steps).find((s) => s.id === v.stepId)
        : undefined;
    // An unknown stage or step goes on to the edit, which refuses it (404).
    const removal = stage ? stageRemoval(stage) : step ? stepRemoval(step) : null;
    if (removal) {
      const ask = askFirst(
        formData,
        () => removal,
        {
          fields:
            v.intent === 'delete_stage'
              ? { intent: v.intent, stageId: v.stageId, version: v.version }
              : { intent: v.intent, stepId: v.stepId, version: v.version },
          cancelTo: `/journeys/${journey.map.id}/edit`,
        },
        { intent, scope, result: undefined, stale: null },
      );
      if (ask) return ask;
    }
  }
  try {
    await editJourney(dbOf(context), { ...base, action: v.intent }, (trx, map) => {
      switch (v.intent) {
        case 'details':
          return journeyEdits.details(trx, map, v);
        case 'add_stage':
          return journeyEdits.addStage(trx, map, v.name);
        case 'rename_stage':
          return journeyEdits.renameStage(trx, map, v.stageId, v.name);
        case 'move_stage':
          return journeyEdits.moveStage(trx, map, v.stageId, v.direction);
        case 'delete_stage':
          return journeyEdits.deleteStage(trx, map, v.stageId);
        case 'add_step':
          return journeyEdits.addStep(trx, map, v.stageId, v);
        case 'move_step':
          return journeyEdits.moveStep(trx, map, v.stepId, v.direction);
        case 'delete_step':
          return journeyEdits.deleteStep(trx, map, v.stepId);
      }
    });
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

/** A one-button form (move, delete). */
function ActionButton({
  intent,
  version,
  extra,
  label,
  srLabel,
  secondary,
  move,
}: {
  intent: string;
  version: number;
  extra: Record<string, string | number>;
  label: string;
  srLabel: string;
  secondary?: boolean;
  /** For Up/Down: the JavaScript enhancement (the form still posts without it). */
  move?: {
    id: string;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  };
}) {
  return (
    <Form
      method="post"
      className="display-inline-block margin-right-1"
      data-move={move?.id}
      onSubmit={move?.onSubmit}
    >
      <IntentFields intent={intent} version={version} extra={extra} />
      <button
        type="submit"
        className={`usa-button usa-button--small ${secondary ? 'usa-button--secondary' : 'usa-button--outline'}`}
        onKeyDown={move?.onKeyDown}
        aria-keyshortcuts={move?.onKeyDown ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
      >
        {label}
        <span className="usa-sr-only"> {srLabel}</span>
      </button>
    </Form>
  );
}

function AddStepForm({
  stage,
  version,
  actionData,
  onDraft,
}: {
  stage: { id: number; name: string };
  version: number;
  actionData: ActionData;
  onDraft: (
    draft: { stageId: number; title: string; score: number; actors: string[] } | null,
  ) => void;
}) {
  const lastResult = resultFor(actionData, 'add_step', String(stage.id));
  const [form, fields] = useForm<{ title: string; score: string; actors: string; channel: string }>(
    {
      id: `add-step-${stage.id}`,
      lastResult,
      // Checked by the server only: its refusal is summarised at the top of the page, above the
      // h1 (one form per stage cannot each own a summary there).
      shouldValidate: 'onSubmit',
      shouldRevalidate: 'onInput',
    },
  );
  return (
    // Open when the server refused this form, so the message shows without JavaScript.
    <details className="margin-top-2" open={lastResult ? true : undefined}>
      <summary className="text-bold cursor-pointer">Add a step to “{stage.name}”</summary>
      <Form
        method="post"
        className="usa-form"
        {...getFormProps(form)}
        onInput={(e) => {
          const fd = new FormData(e.currentTarget);
          const title = String(fd.get('title') ?? '').trim();
          const score = Number(fd.get('score'));
          onDraft(
            title && score >= 1 && score <= 5
              ? {
                  stageId: stage.id,
                  title,
                  score,
                  actors: String(fd.get('actors') ?? '')
                    .split(',')
                    .map((a) => a.trim())
                    .filter(Boolean),
                }
              : null,
          );
        }}
      >
        <IntentFields intent="add_step" version={version} extra={{ stageId: stage.id }} />
        <TextField field={fields.title} label="Step" />
        <SelectField
          field={fields.score}
          label="Experience score"
          options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: SCORE_LABELS[n]! }))}
        />
        <TextField field={fields.actors} label="Actors" hint="Separate names with commas." />
        <SelectField
          field={fields.channel}
          label="Channel"
          options={CHANNELS.map((c) => ({ value: c, label: c }))}
        />
        <button type="submit" className="usa-button">
          Add step
        </button>
      </Form>
    </details>
  );
}

export default function EditJourney(props: Route.ComponentProps) {
  const { map } = props.loaderData.journey;
  if (props.loaderData.archived)
    return (
      <>
        <Breadcrumbs
          items={[
            { to: '/', label: 'Portfolios' },
            { to: `/portfolios/${map.portfolio_slug}`, label: map.portfolio_name },
            { to: `/journeys/${map.id}`, label: map.title },
            { label: 'Edit' },
          ]}
        />
        <h1>Edit journey map</h1>
        <ArchivedEditNotice
          kind="journey_map"
          id={map.id}
          version={map.version}
          title={map.title}
        />
      </>
    );
  return <EditJourneyForms {...props} />;
}

function EditJourneyForms({ loaderData, actionData }: Route.ComponentProps) {
  const { journey, diagram, projects } = loaderData;
  const { map, stages } = journey;
  const version = actionData?.stale?.version ?? map.version;
  const [detailsForm, detailsFields] = useForm({
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
    onValidate: useLazyValidation(() =>
      import('~/schemas/journey').then((m) => m.JourneyEditSchema),
    ),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  });
  const [stageForm, stageFields] = useForm({
    id: 'add-stage',
    lastResult: resultFor(actionData, 'add_stage'),
    onValidate: useLazyValidation(() =>
      import('~/schemas/journey').then((m) => m.JourneyEditSchema),
    ),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  });
  const [draft, setDraft] = useState<{
    stageId: number;
    title: string;
    score: number;
    actors: string[];
  } | null>(null);
  // The live preview: the saved map plus the step being typed.
  const previewSource = useMemo(() => {
    const d: JourneyDiagram = structuredClone(diagram);
    if (draft) {
      const index = stages.findIndex((s) => s.id === draft.stageId);
      d.stages[index]?.steps.push({ title: draft.title, score: draft.score, actors: draft.actors });
    }
    return d.stages.length > 0 ? generateMermaid(d) : '';
  }, [diagram, draft, stages]);
  const hydrated = useHydrated();
  const reorder = useReorder();
  // Up/Down with JavaScript: sent by the fetcher, and Alt+Arrow keys on the buttons.
  const moveProps = (item: MoveItem, direction: 'up' | 'down') => ({
    id: moveFormId(item, direction),
    onSubmit: reorder.onSubmit,
    onKeyDown: hydrated
      ? (event: KeyboardEvent<HTMLButtonElement>) => reorder.onKeyDown(event, item)
      : undefined,
  });
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
          <MoveStatus status={reorder.status} />
          {stages.length === 0 ? <p>No stages yet. Add the first stage below.</p> : null}
          <ol className="usa-list usa-list--unstyled">
            {stages.map((stage, si) => (
              <li
                key={stage.id}
                id={`stage-${stage.id}`}
                className="border border-base-lighter radius-md padding-2 margin-bottom-3"
              >
                <h3 className="margin-top-0">
                  Stage {si + 1}: {stage.name}
                </h3>
                <Form method="post" className="usa-form maxw-full">
                  <IntentFields
                    intent="rename_stage"
                    version={version}
                    extra={{ stageId: stage.id }}
                  />
                  <label className="usa-label" htmlFor={`stage-name-${stage.id}`}>
                    Stage name
                  </label>
                  {resultFor(actionData, 'rename_stage', String(stage.id))?.error?.name ? (
                    <span className="usa-error-message" role="alert">
                      {resultFor(actionData, 'rename_stage', String(stage.id))?.error?.name?.join(
                        ' ',
                      )}
                    </span>
                  ) : null}
                  <input
                    className="usa-input"
                    id={`stage-name-${stage.id}`}
                    name="name"
                    defaultValue={stage.name}
                  />
                  <button
                    type="submit"
                    className="usa-button usa-button--outline usa-button--small margin-top-1"
                  >
                    Rename<span className="usa-sr-only"> stage {stage.name}</span>
                  </button>
                </Form>
                <div className="margin-top-1">
                  {si > 0 ? (
                    <ActionButton
                      intent="move_stage"
                      version={version}
                      extra={{ stageId: stage.id, direction: 'up' }}
                      label="Move stage up"
                      srLabel={stage.name}
                      move={moveProps({ kind: 'stage', id: stage.id, name: stage.name }, 'up')}
                    />
                  ) : null}
                  {si < stages.length - 1 ? (
                    <ActionButton
                      intent="move_stage"
                      version={version}
                      extra={{ stageId: stage.id, direction: 'down' }}
                      label="Move stage down"
                      srLabel={stage.name}
                      move={moveProps({ kind: 'stage', id: stage.id, name: stage.name }, 'down')}
                    />
                  ) : null}
                  <RemoveButton
                    removal={stageRemoval(stage)}
                    fields={{ intent: 'delete_stage', version, stageId: stage.id }}
                    label="Remove stage"
                    srLabel={`${stage.name} and its steps`}
                    buttonClassName="usa-button usa-button--small usa-button--secondary"
                    formClassName="display-inline-block margin-right-1"
                  />
                </div>
                {stage.steps.length > 0 ? (
                  <ol className="usa-list margin-top-2">
                    {stage.steps.map((step, pi) => (
                      <li key={step.id} className="margin-bottom-1">
                        <strong>{step.title}</strong> ({SCORE_LABELS[step.score]}
                        {step.actors.length ? `; ${step.actors.join(', ')}` : ''})
                        <div>
                          <Link
                            className="margin-right-1"
                            to={`/journeys/${map.id}/steps/${step.id}`}
                          >
                            Edit<span className="usa-sr-only"> step {step.title}</span>
                          </Link>
                          {pi > 0 ? (
                            <ActionButton
                              intent="move_step"
                              version={version}
                              extra={{ stepId: step.id, direction: 'up' }}
                              label="Up"
                              srLabel={`move ${step.title} up`}
                              move={moveProps(
                                { kind: 'step', id: step.id, name: step.title, stage: stage.name },
                                'up',
                              )}
                            />
                          ) : null}
                          {pi < stage.steps.length - 1 ? (
                            <ActionButton
                              intent="move_step"
                              version={version}
                              extra={{ stepId: step.id, direction: 'down' }}
                              label="Down"
                              srLabel={`move ${step.title} down`}
                              move={moveProps(
                                { kind: 'step', id: step.id, name: step.title, stage: stage.name },
                                'down',
                              )}
                            />
                          ) : null}
                          <RemoveButton
                            removal={stepRemoval(step)}
                            fields={{ intent: 'delete_step', version, stepId: step.id }}
                            label="Remove"
                            srLabel={`step ${step.title}`}
                            buttonClassName="usa-button usa-button--small usa-button--secondary"
                            formClassName="display-inline-block margin-right-1"
                          />
                        </div>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p>No steps yet.</p>
                )}
                {/* Remounted after each added step, so the form is empty for the next one. */}
                <AddStepForm
                  key={`${stage.id}-${stage.steps.length}`}
                  stage={stage}
                  version={version}
                  actionData={actionData}
                  onDraft={setDraft}
                />
              </li>
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
          <h2>Live preview</h2>
          {previewSource ? (
            <MermaidDiagram
              source={previewSource}
              label={`${map.title} (preview)`}
              description="Updates as you type a new step."
            />
          ) : (
            <p>The diagram appears once the map has a stage.</p>
          )}
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
