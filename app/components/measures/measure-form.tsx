import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { SOURCE_LABELS } from '~/domain/measures/sources';
import { CADENCE_LABELS } from '~/presenters/measures';

export interface MeasureDefaults {
  name: string;
  definition: string;
  unit: string;
  direction: string;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  dataSource: string;
  cadence: string;
  tolerance: string;
  ownerAgencyId: string;
  sourceKind: string;
  sourceCollectionId: string;
  sourceAssessmentId: string;
}

const LABELS: Record<string, string> = {
  name: 'Name',
  definition: 'Definition',
  unit: 'Unit',
  direction: 'Better when',
  baseline_value: 'Baseline value',
  baseline_date: 'Baseline date',
  target_value: 'Target value',
  target_date: 'Target date',
  data_source: 'Data source',
  cadence: 'Measured',
  tolerance: 'Tolerance (share)',
  owner_agency_id: 'Owner agency',
  source_kind: 'Actual values from',
  source_collection_id: 'Survey collection',
  source_assessment_id: 'Burden assessment',
};

/** A success measure's form, new or edited; works without JavaScript, checked on the server. */
export function MeasureForm({
  defaults,
  agencies,
  sources,
  version,
  lastResult,
  stale,
  submitLabel,
}: {
  defaults: MeasureDefaults;
  agencies: { id: number; code: string; name: string }[];
  /** The portfolio's survey collections and burden assessments a measure may take values from. */
  sources: {
    collections: { id: number; label: string }[];
    assessments: { id: number; label: string }[];
  };
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm({
    lastResult,
    defaultValue: defaults,
    schema: () =>
      import('~/schemas/measure').then((m) =>
        version === undefined ? m.NewMeasureSchema : m.EditMeasureSchema,
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
        <TextField field={fields.name} label="Name" hint="What is measured, in a few words." />
        <TextAreaField
          field={fields.definition}
          label="Definition"
          hint="How it is counted: who, what and over which period."
          rows={3}
        />
        <TextField
          field={fields.unit}
          label="Unit"
          hint="Written after each figure: %, days, hours. Leave empty for a plain count."
        />
        <ChoiceField
          field={fields.direction}
          legend="Better when"
          type="radio"
          options={[
            { value: 'higher', label: 'Higher is better' },
            { value: 'lower', label: 'Lower is better' },
          ]}
        />
        <TextField
          field={fields.baselineValue}
          label="Baseline value"
          hint="For example 60 or 72.5."
        />
        <TextField
          field={fields.baselineDate}
          label="Baseline date"
          type="date"
          hint="As YYYY-MM-DD."
        />
        <TextField field={fields.targetValue} label="Target value" />
        <TextField
          field={fields.targetDate}
          label="Target date"
          type="date"
          hint="As YYYY-MM-DD, after the baseline date."
        />
        <ChoiceField
          field={fields.sourceKind}
          legend="Actual values from"
          type="radio"
          hint="A survey’s or an assessment’s figures are read from it each time the measure is shown, in its unit (%, hours or dollars); nothing to enter by hand."
          options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          field={fields.sourceCollectionId}
          label="Survey collection (for a survey’s trust figure)"
          placeholder="None"
          options={sources.collections.map((c) => ({ value: c.id, label: c.label }))}
        />
        <SelectField
          field={fields.sourceAssessmentId}
          label="Burden assessment (for hours or dollars per person)"
          placeholder="None"
          options={sources.assessments.map((a) => ({ value: a.id, label: a.label }))}
        />
        <TextAreaField
          field={fields.dataSource}
          label="Data source"
          hint="Where the actual values come from, for example the agency’s case management system or an exit survey."
          rows={2}
        />
        <SelectField
          field={fields.cadence}
          label="Measured"
          options={Object.entries(CADENCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          field={fields.tolerance}
          label="Tolerance (optional)"
          hint="How far short of the line still counts as at risk rather than off track, as a percentage of the way from baseline to target. Empty means 10."
        />
        <SelectField
          field={fields.ownerAgencyId}
          label="Owner agency (optional)"
          placeholder="None"
          options={agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
        />
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
