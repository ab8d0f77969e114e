/**
 * The page's title and where focus goes when the page changes (WCAG 2.1 2.4.2, 2.4.3, 4.1.3).
 * A refused form's page is titled "Error: …" in the server's answer, so it works without
 * JavaScript; after a client-side navigation focus moves to the new page's main heading (or to
 * its error summary) and a live region announces the new title.
 */
import {
  Children,
  cloneElement,
  isValidElement,
  useContext,
  useEffect,
  useRef,
  useState,
} from 'react';
import { Meta, UNSAFE_DataRouterStateContext, useLocation } from 'react-router';
import { ERROR_TITLE_PREFIX } from '~/components/ui/error-summary';

/**
 * Whether the last action on this page was refused. Every refusal answers with a conform reply,
 * `{ result: { status: 'error', error } }` (app/errors.server.ts). Route `meta` functions are not
 * given action data, so the layout reads it from the router's state.
 */
function useRefusedAction(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  return Object.values(state?.actionData ?? {}).some((value) => {
    const result = (value as { result?: { status?: unknown } } | null)?.result;
    return result?.status === 'error';
  });
}

/** React Router's `<Meta />`, with the one `<title>` prefixed "Error: " after a refusal. */
export function PageMeta() {
  const refused = useRefusedAction();
  // Meta only reads contexts: called here, its hooks are this component's hooks.
  const meta = Meta();
  if (!refused) return meta;
  const children = Children.map((meta.props as { children?: React.ReactNode }).children, (child) =>
    isValidElement<{ children?: unknown }>(child) && child.type === 'title'
      ? cloneElement(child, {}, `${ERROR_TITLE_PREFIX}${String(child.props.children)}`)
      : child,
  );
  return <>{children}</>;
}

/**
 * After a client-side navigation to another page: focus on the page's error summary if it has
 * one, else its main heading, and the new title announced. Not on the first load (the browser
 * starts at the top, where the skip link is) and not when only the fragment changes.
 */
export function RouteAnnouncer() {
  const location = useLocation();
  const [message, setMessage] = useState('');
  const first = useRef(true);
  const page = location.pathname + location.search;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main-content');
    const target =
      main?.querySelector<HTMLElement>('[data-error-summary]') ??
      main?.querySelector<HTMLElement>('h1') ??
      main;
    if (target) {
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }
    setMessage(document.title);
  }, [page]);
  return (
    <div className="usa-sr-only" aria-live="polite" aria-atomic="true" data-route-announcer="">
      {message}
    </div>
  );
}
