import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { safeHref } from '~/domain/plans/document';

/**
 * The plan's tiptap extensions, shared by the editors (browser) and the server (rendering and
 * the shared document's schema), so what is typed and what is read are the same document. Links
 * accept only http(s) and mailto. `undoRedo: false` for a shared document, where undo is the
 * collaboration extension's (per person), never someone else's typing.
 */
function planKit({ undoRedo }: { undoRedo: boolean }) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      codeBlock: false,
      ...(undoRedo ? {} : { undoRedo: false as const }),
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url: string) => safeHref(url) !== null,
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

export const planExtensions = planKit({ undoRedo: true });

/** The same document written together live (decision 029). */
export const sharedPlanExtensions = planKit({ undoRedo: false });
