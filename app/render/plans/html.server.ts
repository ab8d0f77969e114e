import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { planExtensions } from '~/components/editor/extensions';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';
import { markdownText, toMarkdown } from '~/domain/plans/markdown';
import { BoundedMap } from '~/lib/bounded-map';

/** Sanitized HTML of a stored plan document, for the read view and the HTML export. */
export function planHtml(doc: unknown): string {
  return renderToHTMLString({ content: sanitizeDoc(doc) as never, extensions: planExtensions });
}

const rendered = new BoundedMap<string, string>(200);

/** planHtml of a stored version of a plan: each version's text never changes, so it is
 * rendered once per server (a measurable share of the read view; scripts/bench.mjs). */
export function planHtmlOf(planId: number, version: number, docJson: string): string {
  return rendered.getOrSet(`${planId}:${version}`, () => planHtml(JSON.parse(docJson)));
}

/**
 * The plan as a Markdown file: its title as the top heading, then the document, with every
 * character a person typed that Markdown would read as syntax escaped (domain/plans/markdown.ts).
 */
export function planMarkdown(title: string, doc: unknown): string {
  return `# ${markdownText(title)}\n\n${toMarkdown(sanitizeDoc(doc))}`;
}

export type { DocNode };
