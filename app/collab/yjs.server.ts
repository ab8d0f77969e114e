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

/** The field tiptap's Collaboration extension uses when none is named: a plan's text. */
export const PLAN_FIELD = 'default';

const schema = getSchema(planExtensions);

/** A new shared document holding these fields (field name → tiptap JSON), as one Yjs update. */
export function seedState(fields: Record<string, unknown>): Uint8Array {
  const doc = new Y.Doc();
  for (const [field, json] of Object.entries(fields))
    prosemirrorJSONToYXmlFragment(schema, sanitizeDoc(json), doc.getXmlFragment(field));
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

/** A field of a shared document as tiptap JSON, in canonical form (sanitized like every save). */
export function fieldJson(doc: Y.Doc, field: string): DocNode {
  return canonicalDoc(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(field)));
}

/** Replaces a field's content with `json`, changing only what differs. */
export function replaceField(doc: Y.Doc, field: string, json: unknown): void {
  const node = Node.fromJSON(schema, sanitizeDoc(json));
  updateYFragment(doc, doc.getXmlFragment(field), node, { mapping: new Map(), isOMark: new Map() });
}
