/**
 * The notes of a PMC update's items, written together live (decision 029): each note field is
 * bound to a plain-text field of the update's shared document (`note:<item key>`). A person's
 * typing goes in as the smallest change; someone else's arrives in the field with the caret kept
 * where it was in the text. Whoever is writing a note says so (awareness), so the others see it.
 * Loaded by app/components/pmc/notes-context.ts only on a draft's portfolio view, for managers.
 */
import type * as Y from 'yjs';
import { createShared, type CollabPerson } from '~/components/editor/shared-doc';
import { mapIndex, textChange } from '~/domain/collab/text';
import { noteField } from '~/domain/pmc/texts';

/** The origin of this browser's own changes to a note. */
const TYPED_HERE = Symbol('typed here');

export function connectNotes(options: {
  documentName: string;
  localKey: string;
  me: CollabPerson;
}) {
  const shared = createShared(options.documentName, options.localKey);
  shared.provider.setAwarenessField('user', options.me);

  /** Binds a note's field to the note's shared text; returns the unbinding. */
  function bind(key: string, input: HTMLInputElement): () => void {
    const text = shared.doc.getText(noteField(key));
    input.value = text.toString();
    const onInput = () => {
      const change = textChange(text.toString(), input.value);
      if (!change) return;
      shared.doc.transact(() => {
        if (change.remove > 0) text.delete(change.at, change.remove);
        if (change.insert) text.insert(change.at, change.insert);
      }, TYPED_HERE);
      shared.typed();
    };
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === TYPED_HERE) return;
      const focused = document.activeElement === input;
      const start = input.selectionStart ?? 0;
      const end = input.selectionEnd ?? 0;
      input.value = text.toString();
      if (focused)
        input.setSelectionRange(mapIndex(event.delta, start), mapIndex(event.delta, end));
    };
    const onFocus = () => shared.provider.setAwarenessField('field', noteField(key));
    const onBlur = () => shared.provider.setAwarenessField('field', null);
    input.addEventListener('input', onInput);
    input.addEventListener('focus', onFocus);
    input.addEventListener('blur', onBlur);
    text.observe(onChange);
    if (document.activeElement === input) onFocus();
    return () => {
      input.removeEventListener('input', onInput);
      input.removeEventListener('focus', onFocus);
      input.removeEventListener('blur', onBlur);
      text.unobserve(onChange);
    };
  }

  return {
    bind,
    clientId: shared.doc.clientID,
    subscribe: shared.subscribe,
    current: shared.current,
    destroy: shared.destroy,
  };
}

export type NotesConnection = ReturnType<typeof connectNotes>;
