/**
 * Between the plan's stored JSON and its shared Yjs document, on the server: seeding a document
 * from the JSON the first time it is opened, reading a field back as sanitized JSON for read
 * views, exports and search, and replacing a field's content with the smallest change (a restore
 * or a no-JavaScript save), which editors connected at the time receive like anyone's typing.
 */
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProsemirrorJSON,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { planExtensions } from '~/components/editor/extensions';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';
import { keptNote, noteKeyOf } from '~/domain/pmc/texts';

/** The field tiptap's Collaboration extension uses when none is named: a plan's text. */
export const PLAN_FIELD = 'default';

const schema = getSchema(planExtensions);

/**
 * A new shared document holding these fields, as one Yjs update: rich-text `fields` (name →
 * tiptap JSON) and plain-text `texts` (name → string).
 */
export function seedState(seed: {
  fields: Record<string, unknown>;
  texts: Record<string, string>;
}): Uint8Array {
  const doc = new Y.Doc();
  for (const [field, json] of Object.entries(seed.fields))
    prosemirrorJSONToYXmlFragment(schema, sanitizeDoc(json), doc.getXmlFragment(field));
  for (const [field, text] of Object.entries(seed.texts)) doc.getText(field).insert(0, text);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * A document as the editor's schema reads it: sanitized, every attribute at its default where
 * none was given. A document and its round trip through Yjs compare equal in this form.
 */
export function canonicalDoc(json: unknown): DocNode {
  return Node.fromJSON(schema, sanitizeDoc(json)).toJSON() as DocNode;
}

/** A field never written, as the editor reads it: one empty paragraph. */
export const EMPTY_FIELD: DocNode = canonicalDoc({ type: 'doc', content: [{ type: 'paragraph' }] });

/** A field of a shared document as tiptap JSON, in canonical form (sanitized like every save). */
export function fieldJson(doc: Y.Doc, field: string): DocNode {
  return canonicalDoc(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(field)));
}

/** `read` of a throwaway document built from `merged` (a stored state), which is then freed. */
export function readMerged<T>(merged: Uint8Array, read: (copy: Y.Doc) => T): T {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, merged);
  const result = read(copy);
  copy.destroy();
  return result;
}

/** Replaces a field's content with `json`, changing only what differs. */
export function replaceField(doc: Y.Doc, field: string, json: unknown): void {
  const node = Node.fromJSON(schema, sanitizeDoc(json));
  updateYFragment(doc, doc.getXmlFragment(field), node, { mapping: new Map(), isOMark: new Map() });
}

/**
 * A PMC update's words in its shared document (app/domain/pmc/texts.ts): the highlights of the
 * fields named after a target, and the notes of the fields named after an item. Any other field
 * is ignored, and so is a field of the wrong kind, which only a crafted client writes.
 */
export function updateTexts(
  doc: Y.Doc,
  targets: ReadonlySet<string>,
): { highlights: Record<string, DocNode>; notes: Record<string, string> } {
  const highlights: Record<string, DocNode> = {};
  const notes: Record<string, string> = {};
  for (const field of [...doc.share.keys()]) {
    try {
      const key = noteKeyOf(field);
      if (key) notes[key] = keptNote(doc.getText(field).toString());
      else if (targets.has(field)) highlights[field] = fieldJson(doc, field);
    } catch {
      // Defined as another kind of field by this document already: not a note, not highlights.
    }
  }
  return { highlights, notes };
}
