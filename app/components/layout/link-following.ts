import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/**
 * Follows clicks on the app's links (`~/components/ui/link`, marked `data-nav`) with the router,
 * as React Router's `<Link>` would: plain left clicks and Enter only; a modified click, another
 * target, a download or another origin stays the browser's. One listener for the whole page.
 */
export function useLinkFollowing() {
  const navigate = useNavigate();
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
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, [navigate]);
}
