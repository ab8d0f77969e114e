import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { planExtensions } from './extensions';

/**
 * The rich-text editor for a CX Action Plan (tiptap). It renders only in the browser; the page
 * around it says so to people without JavaScript. `onChange` receives the document as JSON.
 */
export function PlanEditor({
  initial,
  onChange,
  resetKey,
  label = 'Plan text',
}: {
  /** The editable area's accessible name. */
  label?: string;
  initial: unknown;
  onChange: (doc: unknown) => void;
  /** Changing it replaces the editor's content with `initial` (after a restore, say). */
  resetKey: number;
}) {
  const editor = useEditor({
    extensions: planExtensions,
    content: initial as object,
    immediatelyRender: false,
    // Re-render on each change so the toolbar shows what is active (bold, heading, …).
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: editorAttributes(label) },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    editor?.commands.setContent(initial as object);
  }, [resetKey]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!editor) return <p>Loading the editor…</p>;
  return (
    <div className="border border-base-light radius-md">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} className="padding-2" />
    </div>
  );
}

/**
 * The editable area's attributes: a labelled multi-line text box in the page's prose style. A
 * `readOnly` one says so (aria-readonly): the role alone announces a box that takes typing.
 */
export function editorAttributes(label: string, readOnly = false): Record<string, string> {
  return {
    'aria-label': label,
    'aria-multiline': 'true',
    role: 'textbox',
    class: 'plan-editor usa-prose',
    ...(readOnly ? { 'aria-readonly': 'true' } : {}),
  };
}

/** The formatting buttons, each a toggle that says whether it is on where the caret is. */
export function EditorToolbar({ editor }: { editor: Editor }) {
  const [linkError, setLinkError] = useState('');
  const state = {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    h2: editor.isActive('heading', { level: 2 }),
    h3: editor.isActive('heading', { level: 3 }),
    bullet: editor.isActive('bulletList'),
    ordered: editor.isActive('orderedList'),
    link: editor.isActive('link'),
  };
  const button = (label: string, pressed: boolean | undefined, run: () => void) => (
    <button
      type="button"
      className={`usa-button usa-button--small ${pressed ? '' : 'usa-button--outline'} margin-right-05 margin-bottom-05`}
      aria-pressed={pressed === undefined ? undefined : pressed}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      className="padding-1 border-bottom border-base-lighter"
    >
      {button('Heading', state.h2, () => editor.chain().focus().toggleHeading({ level: 2 }).run())}
      {button('Subheading', state.h3, () =>
        editor.chain().focus().toggleHeading({ level: 3 }).run(),
      )}
      {button('Bold', state.bold, () => editor.chain().focus().toggleBold().run())}
      {button('Italic', state.italic, () => editor.chain().focus().toggleItalic().run())}
      {button('Bulleted list', state.bullet, () => editor.chain().focus().toggleBulletList().run())}
      {button('Numbered list', state.ordered, () =>
        editor.chain().focus().toggleOrderedList().run(),
      )}
      {button('Link', state.link, () => {
        const href = window.prompt('Link address (https:// or mailto:)', '');
        if (href === null) return;
        if (href === '') {
          editor.chain().focus().unsetLink().run();
          return;
        }
        const ok = editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
        setLinkError(ok ? '' : 'Only https://, http:// and mailto: links are allowed.');
      })}
      {button('Table', undefined, () =>
        editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      )}
      {linkError ? (
        <span className="usa-error-message" role="alert">
          {linkError}
        </span>
      ) : null}
    </div>
  );
}
