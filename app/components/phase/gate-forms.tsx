import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { ANSWER_LABELS } from '~/domain/phases/gate';
import { PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { useSchemaForm } from '~/components/ui/use-schema-form';

type Result = SubmissionResult<string[]> | undefined;

export function RequestForm({ toPhase, lastResult }: { toPhase: Phase; lastResult: Result }) {
  const [form, fields] = useSchemaForm({
    id: 'request-phase',
    lastResult,
    schema: () => import('~/schemas/phase').then((m) => m.RequestPhaseSchema),
    validate: 'onSubmit',
  });
  return (
    <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="request" />
      <input type="hidden" name="toPhase" value={toPhase} />
      <TextAreaField
        field={fields.evidence}
        label="Evidence summary"
        hint={`What shows the project is ready for ${PHASE_LABELS[toPhase]}: research, results, pilots.`}
        rows={5}
      />
      <button type="submit" className="usa-button">
        Ask for {PHASE_LABELS[toPhase]}
      </button>
    </Form>
  );
}

export function AnswerForm({
  agency,
  lastResult,
}: {
  agency: { id: number; code: string };
  lastResult: Result;
}) {
  const [form, fields] = useSchemaForm({
    id: `answer-${agency.id}`,
    lastResult,
    schema: () => import('~/schemas/phase').then((m) => m.AnswerSchema),
    validate: 'onSubmit',
  });
  return (
    <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="agencyId" value={agency.id} />
      <ChoiceField
        field={fields.answer}
        legend={`${agency.code}’s answer`}
        type="radio"
        options={Object.entries(ANSWER_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <TextAreaField
        field={fields.comment}
        label="Comment"
        hint="Required when you concur with comments or non-concur."
      />
      <button type="submit" className="usa-button">
        Record {agency.code}’s answer
      </button>
    </Form>
  );
}

export function OverrideForm({ lastResult }: { lastResult: Result }) {
  const [form, fields] = useSchemaForm({
    id: 'override',
    lastResult,
    schema: () => import('~/schemas/phase').then((m) => m.OverrideSchema),
    validate: 'onSubmit',
  });
  return (
    <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
      <FormErrors form={form} />
      <input type="hidden" name="intent" value="override" />
      <ChoiceField
        field={fields.decision}
        legend="Decision"
        type="radio"
        options={[
          { value: 'advance', label: 'Advance to the requested phase now' },
          { value: 'hold', label: 'Hold in the current phase' },
        ]}
      />
      <TextAreaField field={fields.reason} label="Reason for the override" rows={3} />
      <button type="submit" className="usa-button usa-button--secondary">
        Record override
      </button>
    </Form>
  );
}

export function MoveBackForm({ phase, lastResult }: { phase: Phase; lastResult: Result }) {
  // Checked by the server only: the page summarises its refusal at the top, above the h1 (the
  // form sits at the foot of a long page).
  const [form, fields] = useForm<{ toPhase: string; reason: string }>({
    id: 'move-back',
    lastResult,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  });
  const earlier = PHASES.slice(0, PHASES.indexOf(phase));
  return (
    <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="move_back" />
      <SelectField
        field={fields.toPhase}
        label="Move back to"
        options={earlier.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
      />
      <TextAreaField field={fields.reason} label="Reason for moving back" rows={3} />
      <button type="submit" className="usa-button usa-button--secondary">
        Move project back
      </button>
    </Form>
  );
}
