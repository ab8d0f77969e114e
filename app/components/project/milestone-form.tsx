import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { MILESTONE_STATUS_LABELS } from '~/domain/portfolio/labels';
import { MILESTONE_STATUSES } from '~/schemas/milestone';
import { useSchemaForm } from '~/components/ui/use-schema-form';

export interface MilestoneDefaults {
  title: string;
  owner: string;
  timingKind: 'quarter' | 'date';
  fy: string;
  quarter: string;
  dueDate: string;
  status: string;
  completedOn: string;
  notes: string;
}

const LABELS: Record<string, string> = {
  title: 'Milestone',
  owner: 'Owner',
  timing_fy: 'Fiscal year',
  timing_quarter: 'Quarter',
  due_date: 'Date',
  status: 'Status',
  completed_on: 'Completed on',
  notes: 'Notes',
};

export function MilestoneForm({
  defaults,
  version,
  lastResult,
  stale,
  submitLabel,
}: {
  defaults: MilestoneDefaults;
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm({
    lastResult,
    defaultValue: defaults,
    schema: () =>
      import('~/schemas/milestone').then((m) =>
        version === undefined ? m.NewMilestoneSchema : m.EditMilestoneSchema,
      ),
  });
  return (
    <>
      <FormErrors form={form} />
      {stale ? <StaleValues current={stale.current} labels={LABELS} /> : null}
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="save" />
        {version !== undefined ? (
          <input type="hidden" name="version" value={stale?.version ?? version} />
        ) : null}
        <TextAreaField field={fields.title} label="Milestone" rows={2} />
        <TextField
          field={fields.owner}
          label="Owner"
          hint="The agencies or team that own it, for example HHS, USDA."
        />
        <ChoiceField
          field={fields.timingKind}
          legend="Timing"
          type="radio"
          options={[
            { value: 'quarter', label: 'A fiscal year and quarter' },
            { value: 'date', label: 'A date' },
          ]}
        />
        <TextField
          field={fields.fy}
          label="Fiscal year"
          type="number"
          hint="For a fiscal year and quarter, for example 2025."
        />
        <SelectField
          field={fields.quarter}
          label="Quarter"
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))}
        />
        <TextField
          field={fields.dueDate}
          label="Date"
          type="date"
          hint="For a date, as YYYY-MM-DD."
        />
        <SelectField
          field={fields.status}
          label="Status"
          options={MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_LABELS[s] }))}
        />
        <TextField
          field={fields.completedOn}
          label="Completed on"
          type="date"
          hint="Only for completed milestones, as YYYY-MM-DD."
        />
        <TextAreaField field={fields.notes} label="Notes" rows={3} />
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
