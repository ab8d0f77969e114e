import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
} from 'docx';
import { safeHref, sanitizeDoc, type DocNode } from '~/domain/plans/document';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

/** Word lists have nine levels (0–8); deeper nesting stays at the last. */
const MAX_LEVEL = 8;
/** Each list level indents half an inch more, with the number or bullet in a quarter inch. */
const indentOf = (level: number) => 720 * (level + 1);
const HANGING = 360;

/** 1. a. i. 1. a. i. … by level, as Word numbers nested ordered lists. */
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

/**
 * How ordered lists are numbered. `word`: by Word's own numbering (w:numPr), each list a
 * numbering definition of its own so it starts at its first number and never continues another
 * list's count; the definitions must go into the Document (`planDocx`, `planDocxParts`). `text`:
 * the numbers typed into the paragraph, for a caller whose Document has no definitions.
 */
class Numbering {
  readonly config: { reference: string; levels: ILevelsOptions[] }[] = [];
  constructor(
    readonly mode: 'word' | 'text',
    readonly prefix = 'plan',
  ) {}

  /** A numbering definition for one ordered list starting at `start`; its reference. */
  orderedList(start: number): string {
    const reference = `${this.prefix}-ordered-list-${this.config.length + 1}`;
    const levels: ILevelsOptions[] = Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
      level,
      format: ORDERED_FORMATS[level % ORDERED_FORMATS.length]!,
      text: `%${level + 1}.`,
      start,
      alignment: AlignmentType.START,
      style: { paragraph: { indent: { left: indentOf(level), hanging: HANGING } } },
    }));
    this.config.push({ reference, levels });
    return reference;
  }
}

function runs(nodes: DocNode[] | undefined, bold = false): (TextRun | ExternalHyperlink)[] {
  return (nodes ?? []).flatMap((n): (TextRun | ExternalHyperlink)[] => {
    if (n.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
    if (n.type !== 'text' || !n.text) return [];
    const has = (t: string) => n.marks?.some((m) => m.type === t) ?? false;
    // Only what is set is written: a run's explicit "not bold" would override its style's.
    const run = new TextRun({
      text: n.text,
      bold: bold || has('bold') || undefined,
      italics: has('italic') || undefined,
      underline: has('underline') ? {} : undefined,
      strike: has('strike') || undefined,
      font: has('code') ? 'Courier New' : undefined,
      style: has('link') ? 'Hyperlink' : undefined,
    });
    const href = safeHref(n.marks?.find((m) => m.type === 'link')?.attrs?.href);
    return href ? [new ExternalHyperlink({ link: href, children: [run] })] : [run];
  });
}

interface Context {
  numbering: Numbering;
  /** The level of the list item these blocks are inside (0 for a top-level list), if any. */
  listLevel?: number;
  /** Inside a table's header cell: the text is bold. */
  bold?: boolean;
}

/** A bullet or ordered list: one numbered (or bulleted) paragraph per item, nested lists a
 * level deeper, an item's further paragraphs indented with it. */
function list(n: DocNode, ctx: Context): (Paragraph | Table)[] {
  const level = Math.min(MAX_LEVEL, ctx.listLevel === undefined ? 0 : ctx.listLevel + 1);
  const ordered = n.type === 'orderedList';
  const start = Number(n.attrs?.start ?? 1);
  const reference =
    ordered && ctx.numbering.mode === 'word' ? ctx.numbering.orderedList(start) : null;
  return (n.content ?? []).flatMap((item, i) => {
    if (item.type !== 'listItem') return blocks([item], ctx);
    const [first, ...more] = item.content ?? [];
    // An item starts with a paragraph; if a sanitized document says otherwise, nothing is lost.
    const rest = first?.type === 'paragraph' ? more : (item.content ?? []);
    const text = runs(first?.type === 'paragraph' ? first.content : [], ctx.bold);
    const marker = reference
      ? new Paragraph({ numbering: { reference, level, instance: 0 }, children: text })
      : ordered
        ? new Paragraph({
            indent: { left: indentOf(level), hanging: HANGING },
            children: [
              new TextRun({ text: `${start + i}. `, bold: ctx.bold || undefined }),
              ...text,
            ],
          })
        : new Paragraph({ bullet: { level }, children: text });
    return [marker, ...blocks(rest, { ...ctx, listLevel: level })];
  });
}

/** The text width of a US Letter page with one-inch margins, in twentieths of a point. */
const TEXT_WIDTH = 9360;

function table(n: DocNode, ctx: Context): Table {
  // Equal columns across the page (Word and LibreOffice then lay it out alike).
  const columns = Math.max(
    1,
    ...(n.content ?? []).map((row) =>
      (row.content ?? []).reduce((sum, c) => sum + Number(c.attrs?.colspan ?? 1), 0),
    ),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns)),
    rows: (n.content ?? []).map(
      (row) =>
        new TableRow({
          tableHeader: row.content?.every((c) => c.type === 'tableHeader'),
          children: (row.content ?? []).map((cell) => {
            const children = blocks(cell.content, {
              numbering: ctx.numbering,
              bold: cell.type === 'tableHeader',
            });
            // Word wants every cell to end with a paragraph (an empty cell, one after a table).
            if (!(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({}));
            return new TableCell({
              columnSpan: Number(cell.attrs?.colspan ?? 1),
              rowSpan: Number(cell.attrs?.rowspan ?? 1),
              children,
            });
          }),
        }),
    ),
  });
}

function blocks(nodes: DocNode[] | undefined, ctx: Context): (Paragraph | Table)[] {
  const indent = ctx.listLevel === undefined ? undefined : { left: indentOf(ctx.listLevel) };
  return (nodes ?? []).flatMap((n): (Paragraph | Table)[] => {
    switch (n.type) {
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[Math.min(4, Number(n.attrs?.level ?? 2)) - 1],
            children: runs(n.content),
          }),
        ];
      case 'paragraph':
        return [new Paragraph({ indent, children: runs(n.content, ctx.bold) })];
      case 'blockquote':
        return blocks(n.content, ctx);
      case 'bulletList':
      case 'orderedList':
        return list(n, ctx);
      case 'table':
        return [table(n, ctx)];
      case 'horizontalRule':
        return [new Paragraph({ thematicBreak: true, children: [] })];
      default:
        return [];
    }
  });
}

/**
 * A stored (then sanitized) rich-text document as Word blocks, with the numbering definitions
 * its ordered lists use: a Document built with them needs `numbering` among its options. Several
 * documents in one Word file each need their own `prefix` for their definitions' names.
 */
export function planDocxParts(
  doc: unknown,
  prefix = 'plan',
): {
  children: (Paragraph | Table)[];
  numbering: INumberingOptions;
} {
  const numbering = new Numbering('word', prefix);
  const children = doc ? blocks(sanitizeDoc(doc).content, { numbering }) : [];
  return { children, numbering: { config: numbering.config } };
}

/** The plan as a Word document: title, then the (sanitized) text with headings, lists (Word's
 * own numbering, nested levels kept) and tables. */
export async function planDocx(title: string, doc: unknown): Promise<Buffer> {
  const { children, numbering } = planDocxParts(doc);
  const document = new Document({
    title,
    creator: 'Life Experience Workspace',
    numbering,
    sections: [
      {
        // US Letter, one-inch margins: the page OMB's submissions are printed on.
        properties: {
          page: {
            size: { width: 12240, height: 15840 },
            margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          ...children,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * Word paragraphs for a stored (then sanitized) rich-text document; nothing for none. For a
 * Document without numbering definitions: ordered lists carry their numbers as text (bullets
 * and levels are Word's). `planDocxParts` gives Word's own numbering.
 */
export function planDocxBlocks(doc: unknown): (Paragraph | Table)[] {
  return doc ? blocks(sanitizeDoc(doc).content, { numbering: new Numbering('text') }) : [];
}
