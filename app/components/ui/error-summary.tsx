import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useNavigation } from 'react-router';
import { useHydrated } from '~/lib/hydrated';
import type { FormMetadata } from '@conform-to/react';

/** A problem the summary lists; `href` (`#field-id`) when it belongs to a field. */
export interface SummaryItem {
  message: string;
  href?: string;
}

export const ERROR_TITLE_PREFIX = 'Error: ';

/**
 * The USWDS error summary of a refused form (WCAG 2.1 3.3.1, 2.4.3): at the top of the form,
 * a link to each field with a problem, and focus on it. Without JavaScript the server renders it
 * with `autofocus`; with JavaScript it takes focus after every refused submission (after conform
 * has focused the first field), and prefixes the page title with "Error: " while it is shown for
 * a check the browser made (the root layout does it for refusals from the server, with or
 * without JavaScript).
 */
export function ErrorSummary({
  id,
  formId,
  items,
  heading = 'Not saved',
}: {
  id: string;
  /** The form whose submissions bring focus back here. */
  formId?: string;
  items: SummaryItem[];
  heading?: string;
}) {
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const submitting = useRef(false);
  const shown = items.length > 0;

  // Shown: the page's title says so (the root layout does it for refusals from the server).
  useEffect(() => {
    if (!shown || document.title.startsWith(ERROR_TITLE_PREFIX)) return;
    const before = document.title;
    const after = ERROR_TITLE_PREFIX + before;
    document.title = after;
    return () => {
      // Only undo our own prefix: a new page has set its own title by now.
      if (document.title === after) document.title = before;
    };
  }, [shown]);

  // Refused by the server: focus comes here once the answer is shown (after conform has
  // focused the first invalid field). Never while the person types and errors change.
  useEffect(() => {
    if (navigation.state === 'submitting') submitting.current = true;
    else if (navigation.state === 'idle' && submitting.current) {
      submitting.current = false;
      focusSoon(id);
    }
  }, [navigation.state, id]);

  // Refused by the browser's own check (no request is made): focus comes here too.
  useEffect(() => {
    if (!formId) return;
    const onSubmit = (event: Event) => {
      // conform validates a field as the person types through a submission with an intent.
      const intent = (event as SubmitEvent).submitter?.getAttribute('name') === '__intent__';
      if (!intent && (event.target as HTMLElement | null)?.id === formId) focusSoon(id);
    };
    document.addEventListener('submit', onSubmit, true);
    return () => document.removeEventListener('submit', onSubmit, true);
  }, [formId, id]);

  if (!shown) return null;
  const headingId = `${id}-heading`;
  return (
    <div
      id={id}
      className="usa-alert usa-alert--error margin-y-2 error-summary"
      tabIndex={-1}
      // Without JavaScript the browser moves focus here when the refused page loads. Once React
      // runs, focus moves only after a submission (above), never as errors change while typing.
      autoFocus={!hydrated}
      aria-labelledby={headingId}
      data-error-summary=""
    >
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading" id={headingId}>
          {heading}
          {items.length > 1 ? `: ${items.length} problems` : ''}
        </h2>
        <ul className="usa-list usa-list--unstyled usa-alert__text">
          {items.map((item, i) => (
            <li key={i}>
              {item.href ? (
                <a href={item.href} onClick={focusField}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Focus on the summary once the render under way has shown it (if it has errors to show). */
function focusSoon(id: string) {
  setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * With JavaScript, a summary link focuses its field and shows the field's label, without adding
 * a history entry; without it, the browser follows the fragment and focuses the field itself.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const group = target.closest('.usa-form-group, fieldset') ?? target;
  group.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

/** Conform's field and form errors as summary items, form-level ones first. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function summaryItems(form: FormMetadata<any, string[]>): SummaryItem[] {
  const items: SummaryItem[] = [];
  const all = form.allErrors;
  for (const message of all[''] ?? []) items.push({ message });
  for (const [name, messages] of Object.entries(all)) {
    if (name === '') continue;
    for (const message of messages) items.push({ message, href: `#${form.id}-${name}` });
  }
  return items;
}

/**
 * Whether conform's last submission was refused: the summary stays from that moment while
 * errors remain, even as fixing one field revalidates the form (which clears conform's status).
 */
export function useRefusedSubmission(refused: boolean, hasErrors: boolean): boolean {
  const [sticky, setSticky] = useState(refused && hasErrors);
  if (refused && hasErrors && !sticky) setSticky(true);
  if (!hasErrors && sticky) setSticky(false);
  return (sticky || refused) && hasErrors;
}
