import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Form } from 'react-router';
import { TextField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField, TextAreaField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { RemovalDialog } from '~/components/ui/removal';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import {
  agenciesBeingRemoved,
  describeAgencyRemoval,
  type ParticipatingAgency,
} from '~/domain/portfolio/agency-removal';
import { CONFIRM_FIELD, type Removal } from '~/domain/removal';
import { useHydrated } from '~/lib/hydrated';

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
  participating,
}: {
  defaults: PortfolioDefaults;
  agencies: { id: number; code: string; name: string }[];
  version?: number;
  lastResult?: SubmissionResult<string[]>;
  stale?: { current: Record<string, unknown>; version: number } | null;
  submitLabel: string;
  /**
   * The agencies taking part now (editing only): saving without one of them asks first, in a
   * dialog with JavaScript (the server asks with a page without it). `inUse`: a project involves
   * it, so the server refuses the removal and there is nothing to confirm.
   */
  participating?: (ParticipatingAgency & { inUse: boolean })[];
}) {
  const [form, fields] = useSchemaForm({
    lastResult,
    defaultValue: defaults,
    schema: () =>
      import('~/schemas/portfolio').then((m) =>
        version === undefined ? m.NewPortfolioSchema : m.EditPortfolioSchema,
      ),
  });
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const formProps = getFormProps(form);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter?.getAttribute('name') === CONFIRM_FIELD) {
      dialog.current?.close();
      formProps.onSubmit(event);
      return;
    }
    formProps.onSubmit(event);
    if (event.defaultPrevented || !participating) return;
    const checked = new FormData(event.currentTarget).getAll('agencies').map(Number);
    const ids = agenciesBeingRemoved(
      participating.map((a) => a.id),
      checked,
    );
    const leaving = participating.filter((a) => ids.includes(a.id));
    if (leaving.length === 0 || leaving.some((a) => a.inUse)) return; // the server answers
    const d = dialog.current;
    if (!d || typeof d.showModal !== 'function') return; // the confirmation page, then
    event.preventDefault();
    flushSync(() => setRemoval(describeAgencyRemoval(leaving)));
    d.showModal();
    cancel.current?.focus();
  };
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
      <Form method="post" className="usa-form usa-form--large" {...formProps} onSubmit={onSubmit}>
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
        {participating && hydrated ? (
          <RemovalDialog
            dialogRef={dialog}
            cancelRef={cancel}
            removal={removal ?? { what: '', takes: [], confirm: '' }}
          />
        ) : null}
      </Form>
    </>
  );
}
