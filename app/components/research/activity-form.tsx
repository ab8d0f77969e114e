import { getFormProps, getInputProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { FieldError } from '~/components/ui/field';
import { SelectField, TextAreaField } from '~/components/ui/form';
import { METHOD_LABELS } from '~/domain/pra/labels';
import { PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import { METHODS } from '~/schemas/research';
import { useSchemaForm } from '~/components/ui/use-schema-form';

export interface ActivityDefaults {
  title: string;
  method: string;
  purpose: string;
  questions: string;
  unscripted: boolean;
  phase: string;
  screeningQuestions: string;
  incentiveDollars: string;
  incentiveKind: string;
  counselApproved: boolean;
}

/** An activity form's conform state: the page that owns it shows its error summary on top. */
export function useActivityForm({
  id = 'activity',
  defaults,
  lastResult,
}: {
  /** A new id starts the form afresh (conform resets it), e.g. after a save. */
  id?: string;
  defaults: ActivityDefaults;
  lastResult?: SubmissionResult<string[]>;
}) {
  return useSchemaForm({
    id,
    lastResult,
    defaultValue: {
      ...defaults,
      unscripted: defaults.unscripted ? 'on' : '',
      counselApproved: defaults.counselApproved ? 'on' : '',
    },
    schema: () => import('~/schemas/research').then((m) => m.ActivitySchema),
  });
}

/** A research activity's form, for a page that keeps its conform state (`useActivityForm`). */
export function ActivityFields({
  form,
  fields,
  hidden,
  submitLabel,
}: {
  form: ReturnType<typeof useActivityForm>[0];
  fields: ReturnType<typeof useActivityForm>[1];
  hidden: Record<string, string | number>;
  submitLabel: string;
}) {
  const checkbox = (name: 'unscripted' | 'counselApproved', label: string, hint: string) => {
    const field = fields[name];
    return (
      <div className={`usa-form-group${field.errors?.length ? ' usa-form-group--error' : ''}`}>
        <FieldError id={field.errorId} errors={field.errors} />
        <div className="usa-checkbox">
          <input
            className="usa-checkbox__input"
            {...getInputProps(field, { type: 'checkbox', ariaDescribedBy: `${field.id}-hint` })}
          />
          <label className="usa-checkbox__label" htmlFor={field.id}>
            {label}
            <span className="usa-checkbox__label-description" id={`${field.id}-hint`}>
              {hint}
            </span>
          </label>
        </div>
      </div>
    );
  };
  return (
    <>
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <TextField field={fields.title} label="Title" />
        <SelectField
          field={fields.method}
          label="Method"
          options={METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
        />
        <TextAreaField
          field={fields.purpose}
          label="Purpose"
          rows={2}
          hint="Activities with the same purpose count together."
        />
        <TextAreaField
          field={fields.questions}
          label="Questions"
          rows={6}
          hint="One per line. The same questions count together, however they are numbered or spaced."
        />
        {checkbox(
          'unscripted',
          'Unscripted and open-ended',
          'Observing, asking for general reactions, or a listening session.',
        )}
        <SelectField
          field={fields.phase}
          label="Project phase"
          options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
        />
        <TextAreaField
          field={fields.screeningQuestions}
          label="Screening questions asked, if any"
          rows={2}
          hint="For example a demographic question, or “how often do you use this service?”"
        />
        <TextField
          field={fields.incentiveDollars}
          label="Incentive per participant (dollars), if any"
        />
        <TextField
          field={fields.incentiveKind}
          label="Kind of incentive"
          hint="For example a gift card."
        />
        {checkbox(
          'counselApproved',
          'Legal counsel approved the incentive',
          'Required before offering compensation.',
        )}
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
