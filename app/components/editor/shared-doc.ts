/**
 * A shared document of the workspace's co-editing server (decision 029), in the browser: its Yjs
 * doc, this browser's copy (IndexedDB: edits survive a dropped connection or a closed laptop, and
 * are sent again on reconnect), the connection's state, who is here now, and the warning before
 * closing a tab with unsent edits. Used by the rich-text editor and by the PMC update's notes;
 * loaded only on the pages that edit.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { Connection, ConnectionState } from './connection';

export interface CollabPerson {
  name: string;
  /** A caret colour with enough contrast on white for its name label (white text). */
  color: string;
}

/** How long a document left with unacknowledged edits stays connected to send them. */
const LEAVE_WAIT_MS = 30_000;

/** The reason Hocuspocus's server gives when it closes connections to shut down. */
const RESET_CONNECTION = 'Reset Connection';

/**
 * One shared document per mount: its Yjs doc, this browser's copy (IndexedDB) and the
 * connection, whose state is kept from the first event on (the provider connects at once).
 */
export function createShared(documentName: string, localKey: string) {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(localKey, doc);
  let state: ConnectionState = {
    connection: 'connecting',
    synced: false,
    unsent: 0,
    refusal: null,
    stopped: null,
    readOnly: false,
    people: [],
  };
  const listeners = new Set<() => void>();
  // Whether this person typed something the server has not acknowledged yet. Not every unsent
  // change is theirs: opening the page sends what this browser kept and the server lacks.
  let typedUnsent = false;
  const set = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const socket = new HocuspocusProviderWebsocket({
    url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/collab`,
    // Back on line within five seconds of the server's return, not the provider's default of up
    // to thirty: the person is watching the "Offline" notice.
    maxDelay: 5000,
  });
  const provider: HocuspocusProvider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    onStatus: ({ status }) => set({ connection: status as Connection }),
    onSynced: () =>
      set({ synced: true, stopped: null, readOnly: provider.authorizedScope === 'readonly' }),
    onUnsyncedChanges: ({ number }) => {
      if (number === 0) typedUnsent = false;
      set({ unsent: number });
    },
    onAuthenticationFailed: ({ reason }) => set({ refusal: reason }),
    // The server's close of this one document carries its reason; a dropped socket carries none
    // (onStatus says offline), and a server shutting down says "Reset Connection" just before
    // the socket drops and the editor reconnects: neither is a refusal.
    onClose: ({ event }) => {
      if (event.reason && event.reason !== RESET_CONNECTION)
        set({ stopped: event.reason, synced: false });
    },
    onAwarenessChange: ({ states }) =>
      set({
        people: states.flatMap((s) => {
          const user = s.user as { name?: unknown; color?: unknown } | undefined;
          return typeof user?.name === 'string'
            ? [
                {
                  clientId: s.clientId,
                  name: user.name,
                  color: String(user.color ?? '#1b1b1b'),
                  field: typeof s.field === 'string' ? s.field : null,
                },
              ]
            : [];
        }),
      }),
  });
  // A socket of our own (for its back-off) is not opened by the provider: attach it.
  provider.attach();
  // Closing the tab with edits the server has not acknowledged asks first (they are also kept in
  // this browser, and sent the next time the document is opened here).
  const warn = (e: BeforeUnloadEvent) => {
    if (!(typedUnsent && provider.hasUnsyncedChanges)) return;
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', warn);
  let destroyed = false;
  function destroy() {
    if (destroyed) return;
    destroyed = true;
    window.removeEventListener('beforeunload', warn);
    provider.destroy();
    socket.destroy();
    void local.destroy();
    doc.destroy();
  }
  return {
    doc,
    provider,
    /** The person changed the document (not a change that arrived from the server). */
    typed: () => {
      typedUnsent = true;
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current: () => state,
    destroy,
    /**
     * The editor is leaving (a link within the workspace: the page's script keeps running). What
     * this person typed and the server has not acknowledged yet, perhaps because the connection
     * was still opening, is sent first: the connection closes once the server has it, or after
     * LEAVE_WAIT_MS (it is kept in this browser either way, and sent when the document is next
     * opened here).
     */
    release: () => {
      if (!(typedUnsent && provider.hasUnsyncedChanges)) return destroy();
      const timer = setTimeout(destroy, LEAVE_WAIT_MS);
      provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number > 0) return;
        clearTimeout(timer);
        destroy();
      });
    },
  };
}

/** The shared document for as long as the component is mounted, and its state. */
export function useShared(documentName: string, localKey: string) {
  const [shared] = useState(() => createShared(documentName, localKey));
  useEffect(() => shared.release, [shared]);
  const state = useSyncExternalStore(shared.subscribe, shared.current, shared.current);
  return { ...shared, state };
}
