/**
 * The documents people write together live, named `<kind>:<id>` on the socket and in storage:
 * a CX Action Plan's text, and a PMC update's highlights and notes (one field per target).
 */
import { z } from 'zod';

export const COLLAB_KINDS = ['action_plan', 'pmc_update'] as const;
export type CollabKind = (typeof COLLAB_KINDS)[number];

export interface CollabName {
  kind: CollabKind;
  id: number;
}

/** A document name from a socket, checked: unknown kinds and ids that are not ids are refused. */
export const CollabNameSchema = z
  .string()
  .max(40)
  .regex(/^(action_plan|pmc_update):[1-9]\d{0,14}$/)
  .transform((s): CollabName => {
    const [kind, id] = s.split(':') as [CollabKind, string];
    return { kind, id: Number(id) };
  });

export const collabName = (n: CollabName): string => `${n.kind}:${n.id}`;

/**
 * Where a browser keeps its copy of a shared document (IndexedDB): the document's name and
 * something that differs when a record reuses an id (a plan's creation time, an update's quarter),
 * so a new record never starts from an old one's copy.
 */
export const localCopyKey = (n: CollabName, distinct: string): string =>
  `${collabName(n)}:${distinct}`;
