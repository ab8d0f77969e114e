/**
 * The state of a shared document's connection, in words a person reads: saved, sending, offline,
 * refused, read-only; and who else is here now. No Yjs here: pages that load the live code lazily
 * render these from its state.
 */

export type Connection = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
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
  people: {
    clientId: number;
    name: string;
    color: string;
    /** The part of the document they are in, when they say (a note's field). */
    field: string | null;
  }[];
}

export function statusText(c: ConnectionState): string {
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

/** Who else is in the document now, by name, each underlined in their caret's colour. */
export function Presence({ people, me }: { people: ConnectionState['people']; me: number }) {
  const others = people.filter((p) => p.clientId !== me);
  return (
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
  );
}
