import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { Form } from 'react-router';
import { Link } from '~/components/ui/link';
import {
  CANCEL_VALUE,
  CONFIRM_FIELD,
  CONFIRM_VALUE,
  type Removal,
  type RemovalPrompt,
} from '~/domain/removal';
import { useHydrated } from '~/lib/hydrated';

/** What the removal takes with it, and that the audit log keeps a record of it. */
function RemovalText({ removal }: { removal: Removal }) {
  return (
    <>
      {removal.takes.length > 0 ? (
        <>
          <p>It takes with it:</p>
          <ul className="usa-list">
            {removal.takes.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>This cannot be undone here. The audit log keeps a record of what was removed.</p>
    </>
  );
}

/**
 * A button that removes a record, asking first (app/domain/removal.ts). Without JavaScript it
 * posts without `confirm`, and the server answers with the confirmation page. With JavaScript
 * it opens a native modal dialog (focus stays inside, Escape cancels, focus comes back to the
 * button) whose "Yes" button posts the same form with `confirm=yes`.
 */
export function RemoveButton({
  removal,
  fields,
  label,
  srLabel,
  buttonClassName = 'usa-button usa-button--secondary',
  formClassName,
}: {
  removal: Removal;
  fields: Record<string, string | number>;
  label: ReactNode;
  /** Said after the label to screen readers: which record. */
  srLabel?: string;
  buttonClassName?: string;
  formClassName?: string;
}) {
  const hydrated = useHydrated();
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Form method="post" className={formClassName} onSubmit={() => dialog.current?.close()}>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        ref={button}
        type="submit"
        className={buttonClassName}
        aria-haspopup={hydrated ? 'dialog' : undefined}
        onClick={(event) => {
          const d = dialog.current;
          if (!d || typeof d.showModal !== 'function') return; // the confirmation page, then
          event.preventDefault();
          d.showModal();
          cancel.current?.focus();
        }}
      >
        {label}
        {srLabel ? <span className="usa-sr-only"> {srLabel}</span> : null}
      </button>
      {hydrated ? (
        <RemovalDialog
          dialogRef={dialog}
          cancelRef={cancel}
          removal={removal}
          onClose={() => button.current?.focus()}
        />
      ) : null}
    </Form>
  );
}

/**
 * The removal dialog (a native modal `<dialog>` styled as a USWDS modal), inside the form it
 * confirms: "Yes" submits that form with `confirm=yes`, Cancel closes it. Used by RemoveButton,
 * and by forms whose save can remove something (the portfolio's participating agencies).
 */
export function RemovalDialog({
  dialogRef,
  cancelRef,
  removal,
  onClose,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  cancelRef: RefObject<HTMLButtonElement | null>;
  removal: Removal;
  onClose?: () => void;
}) {
  const id = useId();
  return (
    <dialog
      ref={dialogRef}
      className="removal-dialog usa-modal"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-text`}
      onClose={onClose}
    >
      <div className="usa-modal__main">
        <h2 className="usa-modal__heading" id={`${id}-heading`}>
          Remove {removal.what}?
        </h2>
        <div className="usa-prose" id={`${id}-text`}>
          <RemovalText removal={removal} />
        </div>
        <div className="usa-modal__footer">
          <ul className="usa-button-group">
            <li className="usa-button-group__item">
              <button
                type="submit"
                name={CONFIRM_FIELD}
                value={CONFIRM_VALUE}
                className="usa-button usa-button--secondary"
              >
                {removal.confirm}
              </button>
            </li>
            <li className="usa-button-group__item">
              <button
                ref={cancelRef}
                type="button"
                className="usa-button usa-button--outline"
                onClick={() => dialogRef.current?.close()}
              >
                Cancel
              </button>
            </li>
          </ul>
        </div>
      </div>
    </dialog>
  );
}

/**
 * The confirmation page the server answers a removal with when it was not confirmed (no
 * JavaScript, or a direct post): what goes, what goes with it, "Yes, remove …" and Cancel.
 */
export function RemovalConfirmation({ prompt }: { prompt: RemovalPrompt }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Shown in place of the page after a post with JavaScript: bring focus to it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8">
        <h1 ref={heading} tabIndex={-1} className="margin-top-4">
          Remove {prompt.what}?
        </h1>
        <div className="usa-alert usa-alert--warning margin-y-2">
          <div className="usa-alert__body">
            <div className="usa-alert__text">
              <RemovalText removal={prompt} />
            </div>
          </div>
        </div>
        <Form method="post">
          {prompt.fields.map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          {prompt.cancelKeepsTyped ? null : (
            <input type="hidden" name={CONFIRM_FIELD} value={CONFIRM_VALUE} />
          )}
          <ul className="usa-button-group">
            <li className="usa-button-group__item">
              <button
                type="submit"
                className="usa-button usa-button--secondary"
                {...(prompt.cancelKeepsTyped ? { name: CONFIRM_FIELD, value: CONFIRM_VALUE } : {})}
              >
                {prompt.confirm}
              </button>
            </li>
            <li className="usa-button-group__item">
              {prompt.cancelKeepsTyped ? (
                <button
                  type="submit"
                  className="usa-button usa-button--outline"
                  name={CONFIRM_FIELD}
                  value={CANCEL_VALUE}
                >
                  Cancel
                </button>
              ) : (
                <Link to={prompt.cancelTo} className="usa-button usa-button--outline">
                  Cancel
                </Link>
              )}
            </li>
          </ul>
        </Form>
      </div>
    </div>
  );
}
