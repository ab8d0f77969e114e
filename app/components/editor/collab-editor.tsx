/**
 * A document written together live (decision 029): tiptap bound to a shared Yjs document that the
 * workspace's co-editing server (`/collab`, same origin, the session cookie) keeps and stores.
 * Everyone's edits merge; each person sees the others' carets and names and who is here now.
 * Edits are kept in this browser (IndexedDB) until the server acknowledges them, so a dropped
 * connection or a closed laptop loses nothing; they are sent again on reconnect, and closing the
 * tab while some are unsent asks first. Loaded only on the pages that edit (React.lazy).
 */
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect } from 'react';
import { sharedPlanExtensions } from './extensions';
import { EditorToolbar, editorAttributes } from './plan-editor';
import { Presence, statusText } from './connection';
import { useShared, type CollabPerson } from './shared-doc';

export type { CollabPerson } from './shared-doc';

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
  // Typing is taken once the server's copy is here (and this person may write): keys pressed
  // before go nowhere, so until then the text box says it is read-only, for assistive technology
  // and for the end-to-end tests, which wait for it to take typing as a person waits.
  const editable =
    connection.synced && !connection.readOnly && !connection.refusal && !connection.stopped;
  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: true,
    editable,
    editorProps: { attributes: editorAttributes(label, !editable) },
    // A change that did not come from the server, made while the editor has the focus, is the
    // person's own (the editor's own fixes to a document as it loads are not: no focus yet).
    onUpdate: ({ editor, transaction }) => {
      if (!transaction.getMeta(ySyncPluginKey) && editor.isFocused) typed();
    },
    extensions: [
      ...sharedPlanExtensions,
      Collaboration.configure({ document: doc, field }),
      CollaborationCaret.configure({ provider, user: me }),
    ],
  });
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  return (
    <div>
      <p role="status" aria-live="polite" data-testid="save-status">
        {statusText(connection)}
      </p>
      <Presence people={connection.people} me={doc.clientID} />
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
