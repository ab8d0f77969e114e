import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { safeHref } from '~/domain/plans/document';

/**
 * The one list of tiptap extensions, shared by the editor (browser) and the server renderer, so
 * what is typed and what is read are the same document. Links accept only http(s) and mailto.
 */
export const planExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url: string) => safeHref(url) !== null,
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
];
