import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { renderToMarkdown } from '@tiptap/static-renderer/pm/markdown';
import { planExtensions } from '~/components/editor/extensions';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';

/** Sanitized HTML of a stored plan document, for the read view and the HTML export. */
export function planHtml(doc: unknown): string {
  return renderToHTMLString({ content: sanitizeDoc(doc) as never, extensions: planExtensions });
}

/** The same document as Markdown. */
export function planMarkdown(doc: unknown): string {
  return renderToMarkdown({ content: sanitizeDoc(doc) as never, extensions: planExtensions });
}

export type { DocNode };
