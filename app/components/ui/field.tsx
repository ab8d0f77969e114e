import { getInputProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';

/** Any conform field; the components below render its value as text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyField = FieldMetadata<any, any, string[]>;

/** A labelled USWDS input whose errors sit next to it and are announced. */
export function TextField({
  field,
  label,
  hint,
  type = 'text',
  autoComplete,
}: {
  field: AnyField;
  label: string;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'date' | 'number';
  autoComplete?: string;
}) {
  const errors = field.errors;
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className={`usa-form-group${errors?.length ? ' usa-form-group--error' : ''}`}>
      <label className={`usa-label${errors?.length ? ' usa-label--error' : ''}`} htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <FieldError id={field.errorId} errors={errors} />
      <input
        className={`usa-input${errors?.length ? ' usa-input--error' : ''}`}
        {...getInputProps(field, { type, ariaDescribedBy: hintId })}
        autoComplete={autoComplete}
      />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span className="usa-error-message" id={id} role="alert">
      {errors.join(' ')}
    </span>
  );
}
