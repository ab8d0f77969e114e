import { FieldError } from '~/components/ui/field';

/**
 * A select of a GET filter form (the projects list, the search page): its label, the message
 * for a value the page could not use, and a first option for no filter.
 */
export function FilterSelect({
  id,
  name,
  label,
  value,
  error,
  options,
  all = 'Any',
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  error?: string;
  options: { value: string | number; label: string }[];
  /** The first option's words: no filter. */
  all?: string;
}) {
  return (
    <div className={`usa-form-group margin-top-0${error ? ' usa-form-group--error' : ''}`}>
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      <FieldError id={`${id}-error`} errors={error ? [error] : undefined} />
      <select
        className={`usa-select${error ? ' usa-input--error' : ''}`}
        id={id}
        name={name}
        defaultValue={value}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
