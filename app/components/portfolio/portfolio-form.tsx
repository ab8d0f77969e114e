import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import {
  ChoiceField,
  FormErrors,
  SelectField,
  StaleValues,
  TextAreaField,
} from '~/components/ui/form';
import { useLazyValidation } from '~/components/ui/use-lazy-validation';

export interface PortfolioDefaults {
  name: string;
  description: string;
  leadAgencyId: string;
  agencies: string[];
  cycleStartFy: string;
}

export function PortfolioForm({
  defaults,
  agencies,
  version,
  lastResult,
  stale,
  submitLabel,
}: {
  defaults: PortfolioDefaults;
  agencies: { id: number; code: string; name: string }[];
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
}) {
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    onValidate: useLazyValidation(() =>
      import('~/schemas/portfolio').then((m) =>
        version === undefined ? m.NewPortfolioSchema : m.EditPortfolioSchema,
      ),
    ),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  });
  const code = (id: unknown) => agencies.find((a) => a.id === Number(id))?.code ?? '(none)';
  return (
    <>
      <FormErrors form={form} />
      {stale ? (
        <StaleValues
          current={stale.current}
          labels={{
            name: 'Name',
            description: 'Description',
            lead_agency_id: 'Lead agency',
            cycle_start_fy: 'Cycle starts (FY)',
            agencies: 'Participating agencies',
          }}
          format={(key, value) =>
            key === 'agencies'
              ? (value as number[]).map(code).join(', ')
              : key === 'lead_agency_id'
                ? code(value)
                : String(value ?? '(empty)')
          }
        />
      ) : null}
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        {version !== undefined ? (
          <input type="hidden" name="version" value={stale?.version ?? version} />
        ) : null}
        <TextField field={fields.name} label="Name" />
        <TextAreaField field={fields.description} label="Description" rows={5} />
        <SelectField
          field={fields.leadAgencyId}
          label="Lead agency"
          options={agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }))}
        />
        <ChoiceField
          field={fields.agencies}
          legend="Participating agencies"
          hint="Each participating agency names one point of contact and one PMC member."
          type="checkbox"
          options={agencies.map((a) => ({ value: String(a.id), label: `${a.name} (${a.code})` }))}
        />
        <TextField
          field={fields.cycleStartFy}
          label="First fiscal year of the cycle"
          type="number"
          hint="The four-year cycle starts with Discovery in this fiscal year."
        />
        <button type="submit" className="usa-button">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
