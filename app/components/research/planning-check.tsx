import { Form } from 'react-router';
import { Alert } from '~/components/ui/alert';
import { FieldError } from '~/components/ui/field';
import type { planningView } from '~/presenters/research';

type Planning = Omit<ReturnType<typeof planningView>, 'activityChoices'> & {
  /** The activity select's options as markup. */
  activityOptions: string;
};

/** A refused field points at its message. */
const invalid = (id: string, errors: string[] | undefined) =>
  errors?.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

/**
 * The planning check, a GET form: "can we talk to N more people about this?", answered under it.
 * `labelledBy` is the id of the page's heading that names the form.
 */
export function PlanningCheck({
  activityOptions,
  plan,
  planErrors,
  planInput,
  labelledBy,
}: Planning & { labelledBy: string }) {
  return (
    <>
      <Form method="get" className="usa-form" aria-labelledby={labelledBy}>
        <div className={`usa-form-group${planErrors.activity ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="plan-activity">
            About this activity
          </label>
          <FieldError id="plan-activity-error" errors={planErrors.activity} />
          <select
            className="usa-select"
            id="plan-activity"
            name="activity"
            {...invalid('plan-activity', planErrors.activity)}
            // The options, grouped by project, with the asked one chosen: made on the server
            // (render/forms/options.server.ts).
            dangerouslySetInnerHTML={{ __html: activityOptions }}
          />
        </div>
        <div className={`usa-form-group${planErrors.n ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="plan-n">
            How many more people
          </label>
          <FieldError id="plan-n-error" errors={planErrors.n} />
          <input
            className="usa-input"
            id="plan-n"
            name="n"
            {...invalid('plan-n', planErrors.n)}
            inputMode="numeric"
            defaultValue={planInput.n}
          />
        </div>
        <div className={`usa-form-group${planErrors.date ? ' usa-form-group--error' : ''}`}>
          <label className="usa-label" htmlFor="plan-date">
            On
          </label>
          <FieldError id="plan-date-error" errors={planErrors.date} />
          <input
            className="usa-input"
            id="plan-date"
            name="date"
            {...invalid('plan-date', planErrors.date)}
            type="date"
            defaultValue={planInput.date}
          />
        </div>
        <button type="submit" className="usa-button">
          Check
        </button>
      </Form>
      {plan ? (
        <Alert
          type={plan.answer.allowed ? 'success' : 'warning'}
          heading={
            plan.answer.allowed
              ? `Yes, ${plan.n} more is within the limit`
              : 'No, a clearance is needed first'
          }
        >
          {plan.answer.explanation}
        </Alert>
      ) : null}
    </>
  );
}
