/**
 * CX Action Plan documents (A-11 280.15): the template with the sections the text names, and the
 * sanitizer every saved document passes through. Documents are stored as tiptap JSON; only the
 * node types, marks and attributes below survive, and links keep only http(s) and mailto
 * addresses, so the read view and every export render nothing a person could use to run script.
 */

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

/** The sections A-11 280.15 names for a CX Action Plan, in order. */
export const PLAN_SECTIONS = [
  'Improvements to designated services',
  'Actions to improve CX maturity',
  'Actions on service delivery capability and capacity',
  'Actions on equity in service delivery',
  'Updates to current-year priorities',
  'Next year’s priorities',
  'Proposals for the next President’s Budget',
  'What success will look like for an individual customer',
] as const;

/** A new plan: one heading per section, each followed by an empty paragraph. */
/** A plan's title when its author leaves it blank: the portfolio and the fiscal year it is for. */
export function defaultPlanTitle(portfolioName: string, fiscalYear: number): string {
  return `${portfolioName} CX Action Plan, FY ${fiscalYear}`;
}

export function planTemplate(): DocNode {
  return {
    type: 'doc',
    content: PLAN_SECTIONS.flatMap((title) => [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: title }] },
      { type: 'paragraph' },
    ]),
  };
}

const NODES = new Set([
  'doc',
  'paragraph',
  'text',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'blockquote',
  'hardBreak',
  'horizontalRule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
]);
const MARKS = new Set(['bold', 'italic', 'link', 'underline', 'strike', 'code']);

/** Only http(s) and mailto links are kept. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) && !/[\s<>"]/.test(trimmed) ? trimmed : null;
}

function cleanAttrs(
  type: string,
  attrs: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!attrs) return undefined;
  if (type === 'heading') {
    const level = Number(attrs.level);
    return { level: Number.isInteger(level) && level >= 1 && level <= 4 ? level : 2 };
  }
  if (type === 'orderedList') {
    const start = Number(attrs.start);
    return { start: Number.isInteger(start) && start >= 1 && start < 10_000 ? start : 1 };
  }
  if (type === 'tableCell' || type === 'tableHeader') {
    const span = (v: unknown) =>
      Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 20 ? Number(v) : 1;
    return { colspan: span(attrs.colspan), rowspan: span(attrs.rowspan) };
  }
  return undefined;
}

/**
 * The document with everything unknown removed: unknown nodes are dropped (their text kept as
 * plain paragraphs' text where possible), unknown marks and attributes removed, unsafe links
 * unlinked. Also bounds the size: at most `maxNodes` nodes.
 */
export function sanitizeDoc(input: unknown, maxNodes = 20_000): DocNode {
  let count = 0;
  const walk = (node: unknown): DocNode | null => {
    if (!node || typeof node !== 'object' || ++count > maxNodes) return null;
    const n = node as DocNode;
    if (typeof n.type !== 'string' || !NODES.has(n.type)) return null;
    if (n.type === 'text') {
      if (typeof n.text !== 'string' || n.text === '') return null;
      const marks = (Array.isArray(n.marks) ? n.marks : [])
        .filter((m) => m && typeof m.type === 'string' && MARKS.has(m.type))
        .flatMap((m) => {
          if (m.type !== 'link') return [{ type: m.type }];
          const href = safeHref(m.attrs?.href);
          return href ? [{ type: 'link', attrs: { href } }] : [];
        });
      return { type: 'text', text: n.text.slice(0, 100_000), ...(marks.length ? { marks } : {}) };
    }
    const out: DocNode = { type: n.type };
    const attrs = cleanAttrs(n.type, n.attrs);
    if (attrs) out.attrs = attrs;
    if (Array.isArray(n.content)) {
      const children = n.content.map(walk).filter((c): c is DocNode => c !== null);
      if (children.length) out.content = children;
    }
    return out;
  };
  const doc = walk(input);
  return doc && doc.type === 'doc' ? doc : { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** The plain text of a document (for search, diffs and the conflict view). */
export function docText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  const inner = (node.content ?? []).map(docText).join(node.type === 'doc' ? '\n\n' : '');
  return ['paragraph', 'heading', 'listItem', 'tableRow'].includes(node.type)
    ? `${inner}\n`
    : inner;
}
