/**
 * Live notes on a draft PMC update's portfolio view: the page asks for them with `useLiveNotes`,
 * which loads the co-editing code (Yjs) only then, and gives each note field what it needs through
 * `LiveNotesContext`. Until they are ready (and without JavaScript) a note is a small form saved
 * with its button.
 */
import { createContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CollabPerson } from '~/components/editor/shared-doc';
import type { ConnectionState } from '~/components/editor/connection';
import type { NotesConnection } from './live-notes';
import { noteField } from '~/domain/pmc/texts';

export interface LiveNotes {
  /** Notes are written live now: the fields are bound, the save buttons are not needed. */
  ready: boolean;
  bind: (key: string, input: HTMLInputElement) => () => void;
  /** The names of the others writing this note now. */
  writers: (key: string) => string[];
}

export const LiveNotesContext = createContext<LiveNotes | null>(null);

const noState = () => null;
const noSubscription = () => () => {};

/**
 * The notes of the update `documentName`, live, while `options` is given; the connection's state
 * for the page to show.
 */
export function useLiveNotes(
  options: { documentName: string; localKey: string; me: CollabPerson } | null,
): { live: LiveNotes | null; state: ConnectionState | null; clientId: number } {
  const [connection, setConnection] = useState<NotesConnection | null>(null);
  const documentName = options?.documentName;
  const localKey = options?.localKey;
  const name = options?.me.name;
  const color = options?.me.color;
  useEffect(() => {
    if (!documentName || !localKey || !name || !color) return;
    let cancelled = false;
    let opened: NotesConnection | null = null;
    void import('./live-notes').then(({ connectNotes }) => {
      if (cancelled) return;
      opened = connectNotes({ documentName, localKey, me: { name, color } });
      setConnection(opened);
    });
    return () => {
      cancelled = true;
      opened?.destroy();
      setConnection(null);
    };
  }, [documentName, localKey, name, color]);
  const state = useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    connection?.current ?? noState,
    noState,
  );
  const ready = !!state && state.synced && !state.readOnly && !state.refusal && !state.stopped;
  const people = state?.people;
  const clientId = connection?.clientId ?? -1;
  const live = useMemo<LiveNotes | null>(
    () =>
      connection
        ? {
            ready,
            bind: connection.bind,
            writers: (key) =>
              (people ?? [])
                .filter((p) => p.field === noteField(key) && p.clientId !== clientId)
                .map((p) => p.name),
          }
        : null,
    [connection, ready, people, clientId],
  );
  return { live, state, clientId };
}
