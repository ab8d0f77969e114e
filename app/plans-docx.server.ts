import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { safeHref, sanitizeDoc, type DocNode } from '~/domain/plans/document';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

function runs(nodes: DocNode[] | undefined): (TextRun | ExternalHyperlink)[] {
  return (nodes ?? []).flatMap((n): (TextRun | ExternalHyperlink)[] => {
    if (n.type === 'hardBreak') return [new TextRun({ text: '', break: 1 })];
    if (n.type !== 'text' || !n.text) return [];
    const has = (t: string) => n.marks?.some((m) => m.type === t) ?? false;
    const run = new TextRun({
      text: n.text,
      bold: has('bold'),
      italics: has('italic'),
      underline: has('underline') ? {} : undefined,
      strike: has('strike'),
      style: has('link') ? 'Hyperlink' : undefined,
    });
    const href = safeHref(n.marks?.find((m) => m.type === 'link')?.attrs?.href);
    return href ? [new ExternalHyperlink({ link: href, children: [run] })] : [run];
  });
}

function blocks(
  nodes: DocNode[] | undefined,
  list?: { ordered: boolean; level: number },
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let number = 0;
  for (const n of nodes ?? []) {
    switch (n.type) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: HEADINGS[Math.min(4, Number(n.attrs?.level ?? 2)) - 1],
            children: runs(n.content),
          }),
        );
        break;
      case 'paragraph':
        out.push(new Paragraph({ children: runs(n.content) }));
        break;
      case 'blockquote':
        out.push(...blocks(n.content).map((b) => b));
        break;
      case 'bulletList':
      case 'orderedList':
        out.push(
          ...blocks(n.content, {
            ordered: n.type === 'orderedList',
            level: list ? list.level + 1 : 0,
          }),
        );
        break;
      case 'listItem': {
        number++;
        const [first, ...rest] = n.content ?? [];
        const prefix = list?.ordered ? `${number}. ` : '';
        out.push(
          new Paragraph({
            bullet: list && !list.ordered ? { level: list.level } : undefined,
            indent: list?.ordered ? { left: 360 * (list.level + 1) } : undefined,
            children: [
              new TextRun(prefix),
              ...runs(first?.type === 'paragraph' ? first.content : []),
            ],
          }),
        );
        out.push(...blocks(rest, list));
        break;
      }
      case 'table':
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: (n.content ?? []).map(
              (row) =>
                new TableRow({
                  tableHeader: row.content?.every((c) => c.type === 'tableHeader'),
                  children: (row.content ?? []).map(
                    (cell) =>
                      new TableCell({
                        columnSpan: Number(cell.attrs?.colspan ?? 1),
                        rowSpan: Number(cell.attrs?.rowspan ?? 1),
                        children: blocks(cell.content).filter(
                          (b): b is Paragraph => b instanceof Paragraph,
                        ),
                      }),
                  ),
                }),
            ),
          }),
        );
        break;
      case 'horizontalRule':
        out.push(new Paragraph({ thematicBreak: true, children: [] }));
        break;
      default:
        break;
    }
  }
  return out;
}

/** The plan as a Word document: title, then the (sanitized) text with headings, lists and tables. */
export async function planDocx(title: string, doc: unknown): Promise<Buffer> {
  const clean = sanitizeDoc(doc);
  const document = new Document({
    title,
    creator: 'Life Experience Workspace',
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          ...blocks(clean.content),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Word paragraphs for a stored (then sanitized) rich-text document; nothing for none. */
export function planDocxBlocks(doc: unknown): (Paragraph | Table)[] {
  return doc ? blocks(sanitizeDoc(doc).content) : [];
}
