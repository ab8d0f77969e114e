import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { renderToMarkdown } from '@tiptap/static-renderer/pm/markdown';
import { planExtensions } from '~/components/editor/extensions';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';

/** Sanitized HTML of a stored plan document, for the read view and the HTML export. */
export function planHtml(doc: unknown): string {
  return renderToHTMLString({ content: sanitizeDoc(doc) as never, extensions: planExtensions });
}

const rendered = new Map<string, string>();

/** planHtml of a stored version of a plan: each version's text never changes, so it is
 * rendered once per server (a measurable share of the read view; scripts/bench.mjs). */
export function planHtmlOf(planId: number, version: number, docJson: string): string {
  const key = `${planId}:${version}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = planHtml(JSON.parse(docJson));
    if (rendered.size >= 200) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, html);
  }
  return html;
}

/** The same document as Markdown. */
export function planMarkdown(doc: unknown): string {
  return renderToMarkdown({ content: sanitizeDoc(doc) as never, extensions: planExtensions });
}

export type { DocNode };
