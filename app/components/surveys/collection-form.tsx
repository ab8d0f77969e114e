import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { useSchemaForm } from '~/components/ui/use-schema-form';

export interface CollectionDefaults {
  serviceName: string;
  agencyId: string;
  surveyTitle: string;
  channel: string;
  serviceStage: string;
  scale: string;
  trustQuestionText: string;
  ombControlNumber: string;
  likertAffirmative: string[];
  journeyStepId: string;
  projectIds: string[];
}

const LABELS: Record<string, string> = {
  service_name: 'Service',
  agency_id: 'Agency',
  journey_step_id: 'Journey step',
  survey_title: 'Survey title',
  channel: 'Channel',
  service_stage: 'Service stage',
  scale: 'Trust question answered as',
  trust_question_text: 'Trust question',
  omb_control_number: 'OMB control number',
  likert_affirmative: 'Points counted as agreeing',
};

/**
 * A survey collection's form, new or edited (Touchpoints' collection detail); works without
 * JavaScript, checked on the server.
 */
export function CollectionForm({
  defaults,
  agencies,
  steps,
  projects,
  version,
  lastResult,
  stale,
  submitLabel,
}: {
  defaults: CollectionDefaults;
  agencies: { id: number; code: string; name: string }[];
  steps: { id: number; label: string }[];
  projects: { id: number; name: string }[];
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
}) {
  const [form, fields] = useSchemaForm({
    lastResult,
    defaultValue: defaults,
    schema: () =>
      import('~/schemas/survey').then((m) =>
        version === undefined ? m.NewCollectionSchema : m.EditCollectionSchema,
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
        <TextField
          field={fields.serviceName}
          label="Service"
          hint="The service the survey follows, as the agency names it: for example Passport renewal."
        />
        <SelectField
          field={fields.agencyId}
          label="Agency"
          placeholder="Choose the agency"
          options={agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
        />
        <TextField field={fields.surveyTitle} label="Survey title" />
        <TextField
          field={fields.channel}
          label="Channel"
          hint="Where the transaction happened: online, phone, in person, mail."
        />
        <TextField
          field={fields.serviceStage}
          label="Service stage"
          hint="When in the service the survey is offered: start, middle, end."
        />
        <ChoiceField
          field={fields.scale}
          legend="Trust question answered as"
          type="radio"
          options={[
            { value: 'thumbs', label: 'Thumbs up or down (0 or 1)' },
            { value: 'likert', label: 'Likert scale (1 to 5)' },
          ]}
        />
        <ChoiceField
          field={fields.likertAffirmative}
          legend="On a Likert scale, the points that count as agreeing"
          type="checkbox"
          hint="Trust is the share of respondents who answered with one of these. Usually 4 and 5; always shown beside the figure. Not used for thumbs."
          options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
        />
        <TextAreaField
          field={fields.trustQuestionText}
          label="Trust question"
          hint="As the survey asks it: for example “This interaction increased my trust in the agency.”"
          rows={2}
        />
        <TextField
          field={fields.ombControlNumber}
          label="OMB control number (optional)"
          hint="The PRA clearance the survey runs under, as 0000-0000."
        />
        {steps.length > 0 ? (
          <SelectField
            field={fields.journeyStepId}
            label="Journey step (optional)"
            placeholder="None"
            options={steps.map((s) => ({ value: s.id, label: s.label }))}
          />
        ) : null}
        {projects.length > 0 ? (
          <ChoiceField
            field={fields.projectIds}
            legend="Projects it measures"
            type="checkbox"
            hint="The survey's trust figure can then feed these projects' success measures."
            options={projects.map((p) => ({ value: String(p.id), label: p.name }))}
          />
        ) : null}
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
