import { Alert } from '~/components/ui/alert';

/** A save merged by section: how many sections were taken, and those both people changed. */
export interface MergedSave {
  version: number;
  applied: number;
  conflicts: { title: string; mine: string; theirs: string }[];
}

/**
 * Editing without JavaScript: the plan as Markdown in a text box. A save is merged by section
 * into the plan as it is now (others may be writing live): a section someone else changed since
 * the page was loaded is not overwritten; both texts come back here. Shown only when scripts are
 * off.
 */
export function PlainTextForm({
  planId,
  version,
  markdown,
  merged,
  errors,
}: {
  planId: number;
  version: number;
  markdown: string;
  merged: MergedSave | null;
  errors: Record<string, string[] | null | undefined>;
}) {
  const problem = errors.markdown?.[0] ?? errors.version?.[0] ?? errors['']?.[0];
  return (
    <form method="post" action={`/plans/${planId}/edit`} className="usa-form maxw-full">
      <Alert type="info" heading="Editing as plain text">
        The rich-text editor needs JavaScript, so the plan is shown here as Markdown: # before a
        heading, - before a list item, **bold**, *italic*, [text](https://address) for a link, and |
        between table cells.
      </Alert>
      {merged ? (
        <Alert type="warning" heading="Some of your changes were not saved">
          {merged.applied > 0
            ? `${merged.applied === 1 ? 'One section' : `${merged.applied} sections`} you changed ${merged.applied === 1 ? 'was' : 'were'} saved. `
            : ''}
          Someone else changed{' '}
          {merged.conflicts.length === 1 ? 'one section' : `${merged.conflicts.length} sections`}{' '}
          you also changed, since you opened this page. Their text is kept; yours is shown under the
          box for each. The box now holds the plan as it is: copy in what you need, then save again.
        </Alert>
      ) : null}
      <input type="hidden" name="version" value={version} />
      <div className={`usa-form-group${problem ? ' usa-form-group--error' : ''}`}>
        <label className="usa-label" htmlFor="plan-markdown">
          Plan text
        </label>
        {problem ? (
          <span className="usa-error-message" id="plan-markdown-error" role="alert">
            {problem}
          </span>
        ) : null}
        <textarea
          className="usa-textarea maxw-full height-mobile"
          id="plan-markdown"
          name="markdown"
          rows={24}
          defaultValue={markdown}
          aria-describedby={problem ? 'plan-markdown-error' : undefined}
        />
      </div>
      {merged?.conflicts.map((c, n) => (
        <fieldset key={n} className="usa-fieldset margin-top-2">
          <legend className="usa-legend usa-legend--large">Both changed: {c.title}</legend>
          <label className="usa-label" htmlFor={`conflict-mine-${n}`}>
            Your text (not saved)
          </label>
          <textarea
            className="usa-textarea maxw-full"
            id={`conflict-mine-${n}`}
            rows={8}
            readOnly
            defaultValue={c.mine}
          />
          <label className="usa-label" htmlFor={`conflict-theirs-${n}`}>
            The text now in the plan
          </label>
          <textarea
            className="usa-textarea maxw-full"
            id={`conflict-theirs-${n}`}
            rows={8}
            readOnly
            defaultValue={c.theirs}
          />
        </fieldset>
      ))}
      <label className="usa-label" htmlFor="plain-version-name">
        Version name (optional)
      </label>
      <input className="usa-input" id="plain-version-name" name="name" maxLength={100} />
      <label className="usa-label" htmlFor="plain-version-note">
        Note (optional)
      </label>
      <textarea
        className="usa-textarea height-10"
        id="plain-version-note"
        name="note"
        rows={2}
        maxLength={1000}
      />
      <button type="submit" className="usa-button margin-top-2">
        Save the plan
      </button>
    </form>
  );
}
