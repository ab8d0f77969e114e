/**
 * A document written together live (decision 029): tiptap bound to a shared Yjs document that the
 * workspace's co-editing server (`/collab`, same origin, the session cookie) keeps and stores.
 * Everyone's edits merge; each person sees the others' carets and names and who is here now.
 * Edits are kept in this browser (IndexedDB) until the server acknowledges them, so a dropped
 * connection or a closed laptop loses nothing; they are sent again on reconnect, and closing the
 * tab while some are unsent asks first. Loaded only on the pages that edit (React.lazy).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { sharedPlanExtensions } from './extensions';
import { EditorToolbar, editorAttributes } from './plan-editor';

export interface CollabPerson {
  name: string;
  /** A caret colour with enough contrast on white for its name label (white text). */
  color: string;
}

/** The reason Hocuspocus's server gives when it closes connections to shut down. */
const RESET_CONNECTION = 'Reset Connection';

type Connection = 'connecting' | 'connected' | 'disconnected';

interface ConnectionState {
  connection: Connection;
  /** The server's copy has been received (and this person's access is known). */
  synced: boolean;
  /** Changes sent and not yet acknowledged by the server. */
  unsent: number;
  /** Why the server refused this person, when it did. */
  refusal: string | null;
  /**
   * Why the server stopped taking this person's changes (too fast, too large, now read-only):
   * it closed this document's connection with a reason while the socket stayed open, so nothing
   * reconnects by itself. What they typed stays in this browser; a reload sends it again.
   */
  stopped: string | null;
  readOnly: boolean;
  people: { clientId: number; name: string; color: string }[];
}

/**
 * One shared document per mount: its Yjs doc, this browser's copy (IndexedDB) and the
 * connection, whose state is kept from the first event on (the provider connects at once).
 */
function createShared(documentName: string, localKey: string) {
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
            ? [{ clientId: s.clientId, name: user.name, color: String(user.color ?? '#1b1b1b') }]
            : [];
        }),
      }),
  });
  // A socket of our own (for its back-off) is not opened by the provider: attach it.
  provider.attach();
  return {
    doc,
    provider,
    /** The person changed the document (not a change that arrived from the server). */
    typed: () => {
      typedUnsent = true;
    },
    /** Closing now would leave something this person typed unsent. */
    typedUnsent: () => typedUnsent && provider.hasUnsyncedChanges,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current: () => state,
    destroy: () => {
      provider.destroy();
      socket.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

function useShared(documentName: string, localKey: string) {
  const [shared] = useState(() => createShared(documentName, localKey));
  useEffect(() => shared.destroy, [shared]);
  const state = useSyncExternalStore(shared.subscribe, shared.current, shared.current);

  // Closing the tab with edits the server has not acknowledged asks first (they are also kept in
  // this browser, and sent the next time the plan is opened here).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!shared.typedUnsent()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [shared]);
  return { ...shared, state };
}

function statusText(c: ConnectionState): string {
  if (c.refusal) return `You cannot edit here: ${c.refusal}`;
  if (c.connection === 'disconnected')
    return c.unsent > 0
      ? 'Offline. Your changes are kept in this browser and will be sent when the connection returns.'
      : 'Offline. Reconnecting…';
  if (c.stopped) return `Your changes are not being saved: ${c.stopped}`;
  if (c.connection === 'connecting' || !c.synced) return 'Connecting…';
  if (c.readOnly) return 'You can read this document as others write; you cannot change it.';
  return c.unsent > 0 ? 'Sending your changes…' : 'All changes saved.';
}

export default function CollabEditor({
  documentName,
  localKey,
  me,
  label = 'Plan text',
  field = 'default',
}: {
  /** The shared document, `<kind>:<id>` (app/collab/names.ts). */
  documentName: string;
  /**
   * The part of the document this editor writes: a plan has one (`default`); a PMC update has
   * one per highlights target (`program`, a portfolio's slug).
   */
  field?: string;
  /** Where this browser keeps its copy: changes when the record is a different one. */
  localKey: string;
  me: CollabPerson;
  label?: string;
}) {
  const { doc, provider, typed, state: connection } = useShared(documentName, localKey);
  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: editorAttributes(label) },
    // A change that did not come from the server is the person's own.
    onUpdate: ({ transaction }) => {
      if (!transaction.getMeta(ySyncPluginKey)) typed();
    },
    extensions: [
      ...sharedPlanExtensions,
      Collaboration.configure({ document: doc, field }),
      CollaborationCaret.configure({ provider, user: me }),
    ],
  });
  const editable =
    connection.synced && !connection.readOnly && !connection.refusal && !connection.stopped;
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  const others = connection.people.filter((p) => p.clientId !== doc.clientID);
  return (
    <div>
      <p role="status" aria-live="polite" data-testid="save-status">
        {statusText(connection)}
      </p>
      <div aria-live="polite" data-testid="presence">
        {others.length === 0 ? (
          <p className="margin-y-1">No one else is in this document now.</p>
        ) : (
          <p className="margin-y-1">
            Here now:{' '}
            {others.map((p, i) => (
              <span key={p.clientId}>
                {i > 0 ? ', ' : ''}
                <span className="collab-person" style={{ borderBottom: `3px solid ${p.color}` }}>
                  {p.name}
                </span>
              </span>
            ))}
          </p>
        )}
      </div>
      {editor ? (
        <div className="border border-base-light radius-md">
          {editable ? <EditorToolbar editor={editor} /> : null}
          <EditorContent editor={editor} className="padding-2" />
        </div>
      ) : (
        <p>Loading the editor…</p>
      )}
    </div>
  );
}
