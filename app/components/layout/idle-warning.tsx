import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { TOUCH_EVERY_MS } from '~/domain/auth/hygiene';

/** Activity (a key or a click) keeps the session alive at most this often. */
const ACTIVITY_EVERY_MS = 5 * 60 * 1000;

/**
 * The idle warning (NIST 800-53 AC-11, issue 21 point 4): a modal dialog a little before the
 * session would end for lack of activity, with "Stay signed in" (which starts the idle clock
 * again) and "Sign out". Typing or clicking in the page counts as activity and is reported every
 * few minutes, so a person writing a long text is not signed out. When the time runs out the page
 * goes to sign-in and comes back here afterwards (another tab may have kept the session alive:
 * then it simply comes back). The server says how long is left, not when, so a browser whose
 * clock is off still warns on time. Needs JavaScript; without it every page load is activity,
 * and a page left open past the limit asks to sign in again at its next request.
 */
export function IdleWarning({
  endsInMs,
  idleMs,
  absoluteEndsInMs,
  warnMs,
}: {
  endsInMs: number;
  idleMs: number;
  absoluteEndsInMs: number;
  warnMs: number;
}) {
  const [left, setLeft] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const end = useRef(0);
  const absoluteEnd = useRef(0);
  const lastReport = useRef(0);
  const location = useLocation();

  // What the server said at this render: a page load, or a loader that ran again.
  useEffect(() => {
    end.current = Date.now() + endsInMs;
    absoluteEnd.current = Date.now() + absoluteEndsInMs;
    lastReport.current = Date.now();
  }, [endsInMs, absoluteEndsInMs]);

  // A navigation in the page asked the server for data, which counts as activity there (written
  // at most once a minute, hence the minute taken off).
  const seen = useRef(location.key);
  useEffect(() => {
    if (seen.current === location.key) return;
    seen.current = location.key;
    end.current = Math.min(Date.now() + idleMs - TOUCH_EVERY_MS, absoluteEnd.current);
  }, [location.key, idleMs]);

  async function stay() {
    lastReport.current = Date.now();
    const response = await fetch('/session/extend', {
      method: 'POST',
      headers: { Accept: 'application/json' },
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { endsInMs: number | null } | null;
    end.current = Date.now() + (typeof body?.endsInMs === 'number' ? body.endsInMs : 0);
    setLeft(end.current - Date.now());
  }

  useEffect(() => {
    const tick = () => {
      const remaining = end.current - Date.now();
      if (remaining <= 0) {
        const back = window.location.pathname + window.location.search;
        window.location.assign(`/login?redirectTo=${encodeURIComponent(back)}`);
        return;
      }
      setLeft(remaining);
    };
    const timer = window.setInterval(tick, 1000);
    // The countdown runs in this browser from now (after hydration): the dialog says so.
    dialog.current?.setAttribute('data-armed', 'true');
    const onActivity = () => {
      const warned = end.current - Date.now() <= warnMs;
      if (!warned && Date.now() - lastReport.current >= ACTIVITY_EVERY_MS) void stay();
    };
    window.addEventListener('keydown', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('keydown', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [warnMs]);

  const open = left !== null && left <= warnMs;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const shown = left ?? 0;
  const minutes = Math.floor(shown / 60_000);
  const seconds = Math.floor((shown % 60_000) / 1000);
  return (
    <dialog
      ref={dialog}
      className="idle-warning"
      aria-labelledby="idle-warning-heading"
      aria-describedby="idle-warning-text"
      // Escape would leave the dialog without an answer: treat it as "Stay signed in".
      onCancel={(e) => {
        e.preventDefault();
        void stay();
      }}
    >
      <div className="usa-modal">
        <div className="usa-modal__content">
          <div className="usa-modal__main">
            <h2 className="usa-modal__heading" id="idle-warning-heading">
              Your session is about to end
            </h2>
            <p id="idle-warning-text">
              You have not been active for a while. To keep your work safe, you will be signed out
              in{' '}
              <span data-testid="idle-countdown">
                {minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'} ` : ''}
                {seconds} second{seconds === 1 ? '' : 's'}
              </span>
              . Anything you saved stays saved.
            </p>
            <div className="usa-modal__footer">
              <ul className="usa-button-group">
                <li className="usa-button-group__item">
                  <button
                    type="button"
                    className="usa-button"
                    autoFocus
                    onClick={() => void stay()}
                  >
                    Stay signed in
                  </button>
                </li>
                <li className="usa-button-group__item">
                  <form method="post" action="/logout">
                    <button type="submit" className="usa-button usa-button--unstyled padding-105">
                      Sign out
                    </button>
                  </form>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
