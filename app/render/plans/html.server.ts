import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { planExtensions } from '~/components/editor/extensions';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';
import { markdownText, toMarkdown } from '~/domain/plans/markdown';
import { BoundedMap } from '~/lib/bounded-map';
import { sectionAnchor } from '~/domain/search/plan-sections';

/** Sanitized HTML of a stored plan document, for the read view and the HTML export. */
export function planHtml(doc: unknown): string {
  return renderToHTMLString({ content: sanitizeDoc(doc) as never, extensions: planExtensions });
}

const rendered = new BoundedMap<string, string>(200);

/** planHtml of a stored version of a plan: each version's text never changes, so it is
 * rendered once per server (a measurable share of the read view; scripts/bench.mjs). Each
 * section's heading gets the id a search result links to (domain/search/plan-sections.ts). */
export function planHtmlOf(planId: number, version: number, docJson: string): string {
  return rendered.getOrSet(`${planId}:${version}`, () =>
    withSectionIds(planHtml(JSON.parse(docJson))),
  );
}

/** The nth level-2 heading gets the id `section-n`. The renderer escapes text, so every `<h2`
 * in its output is a heading. */
function withSectionIds(html: string): string {
  let n = 0;
  return html.replace(/<h2(?=[\s>])/g, () => `<h2 id="${sectionAnchor(++n)}"`);
}

/**
 * The plan as a Markdown file: its title as the top heading, then the document, with every
 * character a person typed that Markdown would read as syntax escaped (domain/plans/markdown.ts).
 */
export function planMarkdown(title: string, doc: unknown): string {
  return `# ${markdownText(title)}\n\n${toMarkdown(sanitizeDoc(doc))}`;
}

export type { DocNode };
