import { useEffect } from 'react';
import { useNavigate, useSubmit } from 'react-router';

/**
 * Follows clicks on the app's links (`~/components/ui/link`, marked `data-nav`) with the router,
 * as React Router's `<Link>` would: plain left clicks and Enter only; a modified click, another
 * target, a download or another origin stays the browser's. Forms marked `data-nav` (plain forms
 * in markup made on the server, outside the router) are sent by the router as its `<Form>` sends
 * them, with the button pressed. One listener of each for the whole page.
 */
export function useLinkFollowing() {
  const navigate = useNavigate();
  const submit = useSubmit();
  useEffect(() => {
    const follow = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.altKey ||
        event.ctrlKey ||
        event.shiftKey ||
        !(event.target instanceof Element)
      )
        return;
      const a = event.target.closest('a[data-nav]');
      if (!(a instanceof HTMLAnchorElement)) return;
      if ((a.target && a.target !== '_self') || a.hasAttribute('download')) return;
      const url = new URL(a.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      const to = url.pathname + url.search + url.hash;
      const here = window.location.pathname + window.location.search + window.location.hash;
      // The same address again replaces this history entry, as React Router's links do.
      void navigate(to, { replace: to === here });
    };
    const send = (event: SubmitEvent) => {
      const form = event.target;
      if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
      if (!form.hasAttribute('data-nav') || (form.target && form.target !== '_self')) return;
      event.preventDefault();
      // The pressed button carries its name and value (Move up or Move down), as in the browser.
      const by = event.submitter;
      void submit(by instanceof HTMLButtonElement && by.form === form ? by : form);
    };
    document.addEventListener('click', follow);
    document.addEventListener('submit', send);
    return () => {
      document.removeEventListener('click', follow);
      document.removeEventListener('submit', send);
    };
  }, [navigate, submit]);
}
