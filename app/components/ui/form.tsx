import {
  getCollectionProps,
  getSelectProps,
  getTextareaProps,
  type FormMetadata,
} from '@conform-to/react';
import type { ReactNode } from 'react';
import {
  ErrorSummary,
  summaryItems,
  useRefusedSubmission,
  type SummaryItem,
} from './error-summary';
import { FieldError, type AnyField } from './field';

function groupClass(errors?: string[]) {
  return `usa-form-group${errors?.length ? ' usa-form-group--error' : ''}`;
}

export function TextAreaField({
  field,
  label,
  hint,
  rows = 4,
}: {
  field: AnyField;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className={groupClass(field.errors)}>
      <label className="usa-label" htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldError id={field.errorId} errors={field.errors} />
      <textarea
        className={`usa-textarea${field.errors?.length ? ' usa-input--error' : ''}`}
        rows={rows}
        {...getTextareaProps(field, { ariaDescribedBy: hintId })}
      />
    </div>
  );
}

export function SelectField({
  field,
  label,
  options,
  placeholder = '- Select -',
  hint,
}: {
  field: AnyField;
  label: string;
  options: { value: string | number; label: string }[];
  placeholder?: string;
  hint?: ReactNode;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className={groupClass(field.errors)}>
      <label className="usa-label" htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldError id={field.errorId} errors={field.errors} />
      <select
        className={`usa-select${field.errors?.length ? ' usa-input--error' : ''}`}
        {...getSelectProps(field, { ariaDescribedBy: hintId })}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes or radio buttons in a fieldset whose legend labels the group. */
export function ChoiceField({
  field,
  legend,
  type,
  options,
  hint,
}: {
  field: AnyField;
  legend: string;
  type: 'checkbox' | 'radio';
  options: { value: string; label: string }[];
  hint?: ReactNode;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getCollectionProps(field, {
    type,
    options: options.map((o) => o.value),
    ariaDescribedBy: hintId,
  });
  return (
    <div className={groupClass(field.errors)}>
      <fieldset
        className="usa-fieldset"
        // The error summary links here (the options carry ids of their own).
        id={field.id}
        tabIndex={-1}
        aria-describedby={field.errors?.length ? field.errorId : undefined}
      >
        <legend className="usa-legend">{legend}</legend>
        {hint ? (
          <div className="usa-hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        <FieldError id={field.errorId} errors={field.errors} />
        {props.map((p) => {
          const option = options.find((o) => o.value === p.value)!;
          return (
            <div key={p.key} className={`usa-${type}`}>
              <input className={`usa-${type}__input`} {...p} key={p.key} />
              <label className={`usa-${type}__label`} htmlFor={p.id}>
                {option.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/**
 * The error summary of a conform form (`form`), listing its form-level errors and a link to each
 * field with an error. The older `id` + `errors` call lists form-level errors only.
 */
export function FormErrors(
  props:
    | { form: FormMetadata<any, string[]>; heading?: string } // eslint-disable-line @typescript-eslint/no-explicit-any
    | {
        id: string;
        /** Messages, or a reply's errors by field name ('' for the form's own). */
        errors?:
          | readonly (string | null)[]
          | Readonly<Record<string, readonly string[] | null | undefined>>
          | null;
        /** Field name → the id of its input, so the summary links to it. */
        fields?: Readonly<Record<string, string>>;
        /** The conform form the errors came from: its fields are `<id>-<name>`. */
        conformId?: string;
        heading?: string;
      },
) {
  return 'form' in props ? (
    <ConformSummary form={props.form} heading={props.heading} />
  ) : (
    <ErrorSummary
      id={props.id}
      formId={props.id.replace(/-error$/, '')}
      items={plainItems(props.errors, props.fields, props.conformId)}
      heading={props.heading}
    />
  );
}

/** Summary items of a form that is not conform's: linked to a field where its id is known. */
function plainItems(
  errors:
    | readonly (string | null)[]
    | Readonly<Record<string, readonly string[] | null | undefined>>
    | null
    | undefined,
  fields: Readonly<Record<string, string>> = {},
  conformId?: string,
): SummaryItem[] {
  if (!errors) return [];
  if (Array.isArray(errors))
    return errors.flatMap((message: string | null) => (message ? [{ message }] : []));
  const record = errors as Readonly<Record<string, readonly string[] | null | undefined>>;
  const items: SummaryItem[] = (record[''] ?? []).map((message) => ({ message }));
  for (const [name, messages] of Object.entries(record)) {
    if (name === '') continue;
    const id = fields[name] ?? (conformId ? `${conformId}-${name}` : undefined);
    for (const message of messages ?? [])
      items.push(id ? { message, href: `#${id}` } : { message });
  }
  return items;
}

function ConformSummary({
  form,
  heading,
}: {
  form: FormMetadata<any, string[]>; // eslint-disable-line @typescript-eslint/no-explicit-any
  heading?: string;
}) {
  const items = summaryItems(form);
  const shown = useRefusedSubmission(form.status === 'error', items.length > 0);
  return (
    <ErrorSummary id={form.errorId} formId={form.id} items={shown ? items : []} heading={heading} />
  );
}
