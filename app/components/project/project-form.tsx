import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { HEALTH_LABELS } from '~/domain/portfolio/labels';
import { HEALTHS } from '~/schemas/project';
import { useSchemaForm } from '~/components/ui/use-schema-form';

export interface ProjectDefaults {
  name: string;
  summary: string;
  painPoints: string;
  outcomesShortTerm: string;
  outcomesLongTerm: string;
  theoryOfChange: string;
  agencies: string[];
  ownerAgencyId: string;
  health: string;
  healthReason: string;
}

const LABELS: Record<string, string> = {
  name: 'Project name',
  summary: 'Summary',
  pain_points: 'Pain points it addresses',
  outcomes_short_term: 'Short-term outcomes',
  outcomes_long_term: 'Long-term outcomes',
  theory_of_change: 'Theory of change',
  agencies: 'Involved agencies',
  owner_agency_id: 'Owner',
  health: 'Health',
  health_reason: 'Reason',
};

/** The project form, for creating (no version) and editing (with the row's version). */
export function ProjectForm({
  defaults,
  agencies,
  version,
  lastResult,
  stale,
  submitLabel,
}: {
  defaults: ProjectDefaults;
  agencies: { id: number; code: string; name: string }[];
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm({
    lastResult,
    defaultValue: defaults,
    schema: () =>
      import('~/schemas/project').then((m) =>
        version === undefined ? m.NewProjectSchema : m.EditProjectSchema,
      ),
  });
  const agencyName = (id: unknown) => agencies.find((a) => a.id === Number(id))?.code ?? '(none)';
  return (
    <>
      <FormErrors form={form} />
      {stale ? (
        <StaleValues
          current={stale.current}
          labels={LABELS}
          format={(key, value) => {
            if (key === 'agencies')
              return (value as number[]).map(agencyName).join(', ') || '(none)';
            if (key === 'owner_agency_id') return agencyName(value);
            if (key === 'health') return HEALTH_LABELS[value as 'on_track'] ?? String(value);
            return value === null || value === '' ? '(empty)' : String(value);
          }}
        />
      ) : null}
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        {version !== undefined ? (
          <input type="hidden" name="version" value={stale?.version ?? version} />
        ) : null}
        <TextField field={fields.name} label="Project name" />
        <TextAreaField field={fields.summary} label="Summary" rows={3} />
        <TextAreaField field={fields.painPoints} label="Pain points it addresses" />
        <TextAreaField field={fields.outcomesShortTerm} label="Short-term outcomes" rows={3} />
        <TextAreaField field={fields.outcomesLongTerm} label="Long-term outcomes" rows={3} />
        <TextAreaField
          field={fields.theoryOfChange}
          label="Theory of change"
          hint="If we do this, then that will change for people, because…"
        />
        <ChoiceField
          field={fields.agencies}
          legend="Involved agencies"
          hint="Each involved agency’s point of contact concurs at every phase gate."
          type="checkbox"
          options={agencies.map((a) => ({ value: String(a.id), label: `${a.name} (${a.code})` }))}
        />
        <SelectField
          field={fields.ownerAgencyId}
          label="Owner"
          options={agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
        />
        <ChoiceField
          field={fields.health}
          legend="Health"
          type="radio"
          options={HEALTHS.map((h) => ({ value: h, label: HEALTH_LABELS[h] }))}
        />
        <TextAreaField
          field={fields.healthReason}
          label="Reason (required when at risk or off track)"
          rows={2}
        />
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
