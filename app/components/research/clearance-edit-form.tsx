import { getFormProps, type SubmissionResult } from '@conform-to/react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import { TextField, type AnyField } from '~/components/ui/field';
import { ChoiceField, FormErrors, SelectField } from '~/components/ui/form';
import { StaleValues } from '~/components/ui/stale-values';
import { useSchemaForm } from '~/components/ui/use-schema-form';
import { CLEARANCE_KIND_LABELS } from '~/domain/pra/labels';

export interface EditedClearance {
  id: number;
  title: string;
  kind: keyof typeof CLEARANCE_KIND_LABELS;
  omb_control_number: string | null;
  expires_on: string | null;
  version: number;
}

/**
 * Editing one clearance: its fields (a pending clearance gets its number and date here) and the
 * activities to unlink. Posts to its page, without JavaScript too; a stale save shows the values
 * saved now. The page names the clearance in its heading.
 */
export function ClearanceEditForm({
  clearance: c,
  activities,
  cancelTo,
  lastResult,
  stale,
}: {
  clearance: EditedClearance;
  activities: { id: number; title: string; project_name: string }[];
  cancelTo: string;
  lastResult?: SubmissionResult<string[]>;
  stale: { current: Record<string, unknown>; version: number } | null;
}) {
  const [form, fields] = useSchemaForm({
    id: 'clearance-edit',
    lastResult,
    defaultValue: {
      title: c.title,
      kind: c.kind,
      controlNumber: c.omb_control_number ?? '',
      expiresOn: c.expires_on ?? '',
    },
    schema: () => import('~/schemas/research').then((m) => m.ClearanceEditSchema),
  });
  return (
    <>
      {stale ? (
        <StaleValues
          current={stale.current}
          labels={{
            title: 'Title',
            kind: 'Kind',
            omb_control_number: 'OMB control number',
            expires_on: 'Expiration date',
          }}
          format={(key, value) =>
            key === 'kind'
              ? (CLEARANCE_KIND_LABELS[value as EditedClearance['kind']] ?? String(value))
              : value === null || value === ''
                ? '(empty)'
                : String(value)
          }
        />
      ) : null}
      <FormErrors form={form} />
      <Form method="post" className="usa-form usa-form--large" {...getFormProps(form)}>
        {/* The schema's: the browser checks the form with it; the page's address decides. */}
        <input type="hidden" name="clearanceId" value={c.id} />
        <input type="hidden" name="version" value={stale?.version ?? c.version} />
        <ClearanceFields fields={fields} />
        {activities.length > 0 ? (
          <ChoiceField
            field={fields.unlink}
            legend="Unlink activities from this clearance"
            hint="Sessions of an unlinked activity count toward the nine-person limit again."
            type="checkbox"
            options={activities.map((a) => ({
              value: String(a.id),
              label: `${a.title} (${a.project_name})`,
            }))}
          />
        ) : (
          <p>No activities are linked to this clearance.</p>
        )}
        <button type="submit" className="usa-button">
          Save clearance
        </button>
        <Link to={cancelTo} className="usa-button usa-button--unstyled margin-left-2">
          Cancel
        </Link>
      </Form>
    </>
  );
}

/** A clearance's own fields, for recording one and for editing it. */
export function ClearanceFields({
  fields,
  titleHint,
}: {
  fields: { title: AnyField; kind: AnyField; controlNumber: AnyField; expiresOn: AnyField };
  titleHint?: string;
}) {
  return (
    <>
      <TextField field={fields.title} label="Title" hint={titleHint} />
      <SelectField
        field={fields.kind}
        label="Kind"
        options={Object.entries(CLEARANCE_KIND_LABELS).map(([value, label]) => ({
          value,
          label,
        }))}
      />
      <TextField
        field={fields.controlNumber}
        label="OMB control number"
        hint="Four digits, a hyphen, four digits. Leave empty while approval is pending."
      />
      <TextField
        field={fields.expiresOn}
        label="Expiration date"
        type="date"
        hint="Required with a control number."
      />
    </>
  );
}
