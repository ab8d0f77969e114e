import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { EVALUATION_DESIGNS } from '~/domain/evaluations/plan';

export interface EvaluationDefaults {
  title: string;
  questions: string;
  design: string;
  designDetail: string;
  population: string;
  sample: string;
  analysisPlan: string;
  decisionRule: string;
  activityIds: string[];
}

const LABELS: Record<string, string> = {
  title: 'Title',
  questions: 'Evaluation questions',
  design: 'Design',
  design_detail: 'How the design is carried out',
  population: 'Population',
  sample: 'Sample',
  analysis_plan: 'Analysis plan',
  decision_rule: 'Decision rule',
};

/**
 * An evaluation plan's design (GAO-12-208G): every part may wait while it is a draft; approving
 * asks for all of them. Works without JavaScript.
 */
export function EvaluationForm({
  defaults,
  activities,
  version,
  lastResult,
  stale,
  submitLabel,
}: {
  defaults: EvaluationDefaults;
  activities: { id: number; title: string }[];
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm({
    lastResult,
    defaultValue: defaults,
    schema: () =>
      import('~/schemas/evaluation').then((m) =>
        version === undefined ? m.NewEvaluationSchema : m.EditEvaluationSchema,
      ),
  });
  return (
    <>
      <FormErrors form={form} />
      {stale ? <StaleValues current={stale.current} labels={LABELS} /> : null}
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        {version !== undefined ? (
          <input type="hidden" name="version" value={stale?.version ?? version} />
        ) : null}
        <TextField field={fields.title} label="Title" />
        <TextAreaField
          field={fields.questions}
          label="Evaluation questions"
          hint="What the evaluation answers, one question a line."
          rows={3}
        />
        <SelectField
          field={fields.design}
          label="Design"
          options={Object.entries(EVALUATION_DESIGNS).map(([value, label]) => ({ value, label }))}
        />
        <TextAreaField
          field={fields.designDetail}
          label="How the design is carried out"
          hint="What is compared with what, and over which period."
          rows={3}
        />
        <TextAreaField field={fields.population} label="Population" rows={2} />
        <TextAreaField
          field={fields.sample}
          label="Sample"
          hint="Who is included and how many; no names or contact details."
          rows={2}
        />
        <TextAreaField field={fields.analysisPlan} label="Analysis plan" rows={3} />
        <TextAreaField
          field={fields.decisionRule}
          label="Decision rule"
          hint="What result scales the pilot, what iterates it, what stops it: set before the data arrives."
          rows={3}
        />
        {activities.length > 0 ? (
          <ChoiceField
            field={fields.activityIds}
            legend="Research it relies on"
            type="checkbox"
            hint="The project’s research activities; their participants count under the Paperwork Reduction Act as any activity’s do."
            options={activities.map((a) => ({ value: String(a.id), label: a.title }))}
          />
        ) : (
          <p>
            This project has no research activities to link yet; log one on the project’s research
            page.
          </p>
        )}
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
