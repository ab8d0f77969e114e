import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField } from '~/components/ui/form';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { CATEGORY_VALUES } from '~/schemas/burden';
import { useSchemaForm } from '~/components/ui/use-schema-form';

export interface ItemDefaults {
  category: string;
  description: string;
  stepId: string;
  peoplePerYear: string;
  occurrencesPerPerson: string;
  minutesPerOccurrence: string;
  outOfPocketDollars: string;
  stress: string;
  stigma: string;
  frustration: string;
  autonomy: string;
  timeEquivalentMinutes: string;
}

export const EMPTY_ITEM: ItemDefaults = {
  category: 'compliance',
  description: '',
  stepId: '',
  peoplePerYear: '',
  occurrencesPerPerson: '1',
  minutesPerOccurrence: '',
  outOfPocketDollars: '',
  stress: '',
  stigma: '',
  frustration: '',
  autonomy: '',
  timeEquivalentMinutes: '',
};

const RATINGS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

/** A burden item form's conform state: the page that owns it shows its error summary on top. */
export function useItemForm({
  id,
  defaults,
  lastResult,
}: {
  id: string;
  defaults: ItemDefaults;
  lastResult?: SubmissionResult<string[]>;
}) {
  return useSchemaForm({
    id,
    lastResult,
    defaultValue: defaults,
    schema: () => import('~/schemas/burden').then((m) => m.ItemSchema),
  });
}

/** A burden item: the same form for adding and editing, with its error summary above it. */
export function ItemForm({
  id,
  defaults,
  lastResult,
  ...rest
}: {
  id: string;
  defaults: ItemDefaults;
  lastResult?: SubmissionResult<string[]>;
} & Omit<Parameters<typeof ItemFields>[0], 'form' | 'fields'>) {
  const [form, fields] = useItemForm({ id, defaults, lastResult });
  return (
    <>
      <FormErrors form={form} />
      <ItemFields form={form} fields={fields} {...rest} />
    </>
  );
}

/** The item form itself, for a page that keeps its conform state (`useItemForm`). */
export function ItemFields({
  form,
  fields,
  steps,
  hidden,
  submitLabel,
}: {
  form: ReturnType<typeof useItemForm>[0];
  fields: ReturnType<typeof useItemForm>[1];
  steps: { id: number; title: string; stage: string }[];
  hidden: Record<string, string | number>;
  submitLabel: string;
}) {
  return (
    <>
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <ChoiceField
          field={fields.category}
          legend="Kind of burden"
          type="radio"
          options={CATEGORY_VALUES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
        />
        <TextField
          field={fields.description}
          label="Description"
          hint="For example: find out which documents are needed."
        />
        {steps.length > 0 ? (
          <SelectField
            field={fields.stepId}
            label="Journey step"
            placeholder="Not on a step"
            options={steps.map((s) => ({ value: s.id, label: `${s.stage}: ${s.title}` }))}
          />
        ) : null}
        <TextField
          field={fields.peoplePerYear}
          label="People affected per year"
          hint="Respondents; at most the U.S. population."
        />
        <TextField
          field={fields.occurrencesPerPerson}
          label="Occurrences per person per year"
          hint="Responses per respondent, for example 1 or 0.5."
        />
        <TextField
          field={fields.minutesPerOccurrence}
          label="Minutes per occurrence"
          hint="Learning: finding and understanding. Compliance: forms, documents, travel, waiting. One decimal at most."
        />
        <TextField
          field={fields.outOfPocketDollars}
          label="Out-of-pocket dollars per occurrence"
          hint="Fees, copies, travel, child care, lost pay."
        />
        <fieldset className="usa-fieldset margin-top-3">
          <legend className="usa-legend">Psychological costs (rate 1 to 5)</legend>
          <div className="usa-hint">Only for psychological items.</div>
          <div className="grid-row grid-gap">
            <div className="grid-col-6 tablet:grid-col-3">
              <SelectField field={fields.stress} label="Stress" placeholder="—" options={RATINGS} />
            </div>
            <div className="grid-col-6 tablet:grid-col-3">
              <SelectField field={fields.stigma} label="Stigma" placeholder="—" options={RATINGS} />
            </div>
            <div className="grid-col-6 tablet:grid-col-3">
              <SelectField
                field={fields.frustration}
                label="Frustration"
                placeholder="—"
                options={RATINGS}
              />
            </div>
            <div className="grid-col-6 tablet:grid-col-3">
              <SelectField
                field={fields.autonomy}
                label="Loss of autonomy"
                placeholder="—"
                options={RATINGS}
              />
            </div>
          </div>
          <TextField
            field={fields.timeEquivalentMinutes}
            label="Time-equivalent in minutes (an estimate)"
            hint="Optional. Psychological costs count in hours and dollars only when you give this estimate."
          />
        </fieldset>
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
