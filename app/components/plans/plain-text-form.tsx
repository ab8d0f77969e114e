import { Alert } from '~/components/ui/alert';

/**
 * Editing without JavaScript: the plan as Markdown in a text box, saved like the editor's text
 * (and refused the same way when someone saved first). Shown only when scripts are off.
 */
export function PlainTextForm({
  planId,
  version,
  markdown,
  newer,
  errors,
}: {
  planId: number;
  version: number;
  markdown: string;
  newer: string | null;
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
      {newer !== null ? (
        <Alert type="warning" heading="Someone saved a newer version">
          Your text is still in the box below and has not been saved. The newer text is shown under
          it: merge what you need into yours, then save again to keep yours as the newest.
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
      {newer !== null ? (
        <>
          <label className="usa-label" htmlFor="plan-newer">
            The newer saved text (read only)
          </label>
          <textarea
            className="usa-textarea maxw-full height-mobile"
            id="plan-newer"
            rows={12}
            readOnly
            defaultValue={newer}
          />
        </>
      ) : null}
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
