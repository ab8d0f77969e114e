/**
 * The plan editor's saving: autosave a few seconds after the last change (and at least every
 * ten seconds while typing goes on), save on leaving the page, a named save, and a refused save
 * kept as a conflict beside the newer text until the person keeps theirs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetcher } from 'react-router';
import { useTimeZone } from '~/lib/time-zone';

/** Autosave this long after the last change, in milliseconds … */
const AUTOSAVE_MS = 3000;
/** … and at least this often while someone keeps typing. */
const AUTOSAVE_MAX_WAIT_MS = 10_000;

/** The edit route's answer to a save from the editor (the plain-text form's has `noscript`). */
export type PlanSaveReply =
  | { ok: true; version: number; stale: null; newerHtml: null }
  | { ok: false; version: number | null; stale: unknown; newerHtml: string | null }
  | { noscript: unknown };

export function usePlanAutosave({
  planId,
  initialDoc,
  initialVersion,
}: {
  planId: number;
  initialDoc: unknown;
  initialVersion: number;
}) {
  const fetcher = useFetcher<PlanSaveReply>();
  const [changes, setChanges] = useState(0);
  const [version, setVersion] = useState(initialVersion);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<{ html: string; version: number } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const zone = useTimeZone();
  // The latest document, kept out of React state: saves read it, typing does not re-render.
  const docRef = useRef<unknown>(initialDoc);
  // How many edits were made, and how many of them the last save sent: a save answered while
  // the person kept typing leaves the page dirty, and the same edits are never sent twice (an
  // autosave timer firing between the answer and its state update would send a stale version).
  const changesRef = useRef(0);
  const sentRef = useRef(0);

  // The version a save is based on, and the fetcher, read through refs: `save` stays the same
  // function across renders, so a render that changes nothing does not restart the autosave
  // timer (useFetcher answers a new object on every render).
  const versionRef = useRef(initialVersion);
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });
  const save = useCallback((extra: Record<string, string> = {}) => {
    sentRef.current = changesRef.current;
    fetcherRef.current.submit(
      { doc: JSON.stringify(docRef.current), version: String(versionRef.current), ...extra },
      { method: 'post' },
    );
  }, []);

  // The server's answer to a save: a new version, or a conflict with the newer text. Syncing
  // with that answer is what this effect is for, so it sets state.
  useEffect(() => {
    const d = fetcher.data;
    if (!d || fetcher.state !== 'idle' || 'noscript' in d) return;
    /* eslint-disable react-hooks/set-state-in-effect */
    if (d.ok) {
      versionRef.current = d.version;
      setVersion(d.version);
      setDirty(changesRef.current !== sentRef.current);
      setConflict(null);
      setSavedAt(
        new Date().toLocaleTimeString('en-US', {
          hour: 'numeric',
          minute: '2-digit',
          second: '2-digit',
          timeZone: zone,
          timeZoneName: 'short',
        }),
      );
    } else if (d.stale && d.newerHtml && d.version) {
      setConflict({ html: d.newerHtml, version: d.version });
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [fetcher.data, fetcher.state, zone]);

  // Autosave a few seconds after the last change, and at least every ten seconds while typing
  // goes on, unless a conflict waits for the person.
  const dirtySince = useRef<number | null>(null);
  useEffect(() => {
    if (!dirty) {
      dirtySince.current = null;
      return;
    }
    dirtySince.current ??= Date.now();
    if (conflict || fetcher.state !== 'idle' || sentRef.current === changesRef.current) return;
    const wait = Math.min(AUTOSAVE_MS, dirtySince.current + AUTOSAVE_MAX_WAIT_MS - Date.now());
    const t = setTimeout(() => save(), Math.max(0, wait));
    return () => clearTimeout(t);
  }, [dirty, conflict, fetcher.state, changes, save]);

  // Leaving saves what is unsaved: closing or hiding the tab (keepalive outlives the page), and
  // following a link inside the workspace (the editor unmounts).
  const unsaved = useRef({ dirty, conflict: conflict !== null, version });
  useEffect(() => {
    unsaved.current = { dirty, conflict: conflict !== null, version };
  }, [dirty, conflict, version]);
  useEffect(() => {
    const flush = () => {
      const { dirty: pending, conflict: waiting, version: base } = unsaved.current;
      if (!pending || waiting) return;
      unsaved.current = { ...unsaved.current, dirty: false };
      const body = new FormData();
      body.set('doc', JSON.stringify(docRef.current));
      body.set('version', String(base));
      void fetch(`/plans/${planId}/edit`, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'same-origin',
      });
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, [planId]);

  const status = conflict
    ? 'Not saved: someone else saved a newer version.'
    : fetcher.state !== 'idle'
      ? 'Saving…'
      : dirty
        ? 'Unsaved changes'
        : savedAt
          ? `All changes saved at ${savedAt}`
          : 'No changes yet';

  /** The editor changed: remember the document, and autosave later. */
  const onChange = (d: unknown) => {
    docRef.current = d;
    changesRef.current += 1;
    setDirty(true);
    setChanges((n) => n + 1);
  };

  /** Saves the person's text over the newer version the conflict showed. */
  const keepMine = () => {
    if (!conflict) return;
    versionRef.current = conflict.version;
    setVersion(conflict.version);
    setConflict(null);
    sentRef.current = changesRef.current;
    fetcher.submit(
      { doc: JSON.stringify(docRef.current), version: String(conflict.version) },
      { method: 'post' },
    );
  };

  return { status, version, conflict, save, onChange, keepMine };
}
