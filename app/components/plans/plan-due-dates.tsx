/** An OMB lead's form for a plan's due dates, beside what the A-11 calendar says for its year. */
import { Form } from 'react-router';
import { FieldError } from '~/components/ui/field';
import { IntentFields } from '~/components/ui/intent-fields';
import { formatDate } from '~/domain/portfolio/labels';
import type { dueFormFields } from '~/presenters/plans';

export function DueDatesForm({
  fiscalYear,
  calendarDue,
  fields,
  version,
}: {
  fiscalYear: number;
  calendarDue: { draftDue: string; finalDue: string } | null;
  fields: ReturnType<typeof dueFormFields>;
  version: number;
}) {
  return (
    <section aria-labelledby="due-heading">
      <h2 id="due-heading">Due dates</h2>
      <p>
        A new plan takes its fiscal year’s dates from the A-11 calendar (280.12), where OMB leads
        set each year’s dates.
        {calendarDue
          ? ` For FY ${fiscalYear} the calendar says draft ${formatDate(calendarDue.draftDue)}, final ${formatDate(calendarDue.finalDue)}.`
          : ''}
      </p>
      <Form method="post" className="usa-form">
        <IntentFields intent="due" version={version} />
        {fields.map(({ name, label, value, errors }) => (
          <div
            key={name}
            className={`usa-form-group${errors?.length ? ' usa-form-group--error' : ''}`}
          >
            <label
              className={`usa-label${errors?.length ? ' usa-label--error' : ''}`}
              htmlFor={name}
            >
              {label}
            </label>
            <FieldError id={`${name}-error`} errors={errors} />
            <input
              key={value}
              className={`usa-input${errors?.length ? ' usa-input--error' : ''}`}
              type="date"
              id={name}
              name={name}
              defaultValue={value}
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={errors?.length ? `${name}-error` : undefined}
            />
          </div>
        ))}
        <button type="submit" className="usa-button usa-button--outline margin-top-2">
          Save due dates
        </button>
      </Form>
    </section>
  );
}
