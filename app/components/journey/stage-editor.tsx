/**
 * The edit page's stage card: rename, move and remove the stage, list its steps with their
 * move and remove buttons, and the form that adds a step. Up and Down post without JavaScript;
 * with it, useReorder sends them without leaving the page.
 */
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { useMemo, type FormEvent, type KeyboardEvent } from 'react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import type { MoveItem } from '~/components/journey/reorder';
import { MermaidDiagram } from '~/components/mermaid/mermaid-diagram';
import { TextField } from '~/components/ui/field';
import { SelectField } from '~/components/ui/form';
import { IntentFields } from '~/components/ui/intent-fields';
import { RemoveButton } from '~/components/ui/removal';
import { generateMermaid } from '~/domain/journey/mermaid';
import { CHANNELS, SCORE_LABELS, type JourneyDiagram } from '~/domain/journey/types';
import { stageRemoval, stepRemoval } from '~/presenters/journeys';

/** The server's answer for the form with this intent (and stage or step id), if it was that one. */
export type ResultFor = (intent: string, scope?: string) => SubmissionResult<string[]> | undefined;

export interface StepDraft {
  stageId: number;
  title: string;
  score: number;
  actors: string[];
}

type MoveProps = (
  item: MoveItem,
  direction: 'up' | 'down',
) => {
  id: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
};

interface StageStep {
  id: number;
  title: string;
  score: number;
  actors: string[];
  projects: unknown[];
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
  resultFor,
  onDraft,
}: {
  stage: { id: number; name: string };
  version: number;
  resultFor: ResultFor;
  onDraft: (draft: StepDraft | null) => void;
}) {
  const lastResult = resultFor('add_step', String(stage.id));
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

export function StageEditor({
  stage,
  si,
  stageCount,
  mapId,
  version,
  resultFor,
  moveProps,
  onDraft,
}: {
  stage: { id: number; name: string; steps: StageStep[] };
  si: number;
  stageCount: number;
  mapId: number;
  version: number;
  resultFor: ResultFor;
  moveProps: MoveProps;
  onDraft: (draft: StepDraft | null) => void;
}) {
  return (
    <li
      key={stage.id}
      id={`stage-${stage.id}`}
      className="border border-base-lighter radius-md padding-2 margin-bottom-3"
    >
      <h3 className="margin-top-0">
        Stage {si + 1}: {stage.name}
      </h3>
      <Form method="post" className="usa-form maxw-full">
        <IntentFields intent="rename_stage" version={version} extra={{ stageId: stage.id }} />
        <label className="usa-label" htmlFor={`stage-name-${stage.id}`}>
          Stage name
        </label>
        {resultFor('rename_stage', String(stage.id))?.error?.name ? (
          <span className="usa-error-message" role="alert">
            {resultFor('rename_stage', String(stage.id))?.error?.name?.join(' ')}
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
        {si < stageCount - 1 ? (
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
                <Link className="margin-right-1" to={`/journeys/${mapId}/steps/${step.id}`}>
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
        resultFor={resultFor}
        onDraft={onDraft}
      />
    </li>
  );
}

/** The saved map's diagram plus the step being typed, redrawn as the person types. */
export function LivePreview({
  diagram,
  stageIds,
  draft,
  title,
}: {
  diagram: JourneyDiagram;
  stageIds: number[];
  draft: StepDraft | null;
  title: string;
}) {
  const source = useMemo(() => {
    const d: JourneyDiagram = structuredClone(diagram);
    if (draft) {
      const index = stageIds.indexOf(draft.stageId);
      d.stages[index]?.steps.push({ title: draft.title, score: draft.score, actors: draft.actors });
    }
    return d.stages.length > 0 ? generateMermaid(d) : '';
  }, [diagram, draft, stageIds]);
  return (
    <>
      <h2>Live preview</h2>
      {source ? (
        <MermaidDiagram
          source={source}
          label={`${title} (preview)`}
          description="Updates as you type a new step."
        />
      ) : (
        <p>The diagram appears once the map has a stage.</p>
      )}
    </>
  );
}
