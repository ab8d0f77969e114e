/**
 * The PMC update as a Word document an OMB lead hands to the President's Management Council,
 * section for section as on the screen: a cover (title, quarter, date, draft or published), the
 * program at a glance (figures and the charts as images with alt text, the SVG beside a PNG),
 * the program's highlights, then per portfolio its highlights, figures, phase decisions, pending
 * phase gates, projects at risk and its milestones with their notes. Real Word headings and
 * tables whose header row repeats on each page; page numbers in the footer.
 */
import type { Lineage, UpdateStatus } from '~/domain/pmc/standing';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
} from 'docx';
import { chartImage } from '~/render/charts.server';
import { planDocxParts } from '~/render/plans/docx.server';
import { MILESTONE_STATUS_LABELS, formatDate } from '~/domain/portfolio/labels';
import { changesByKind } from '~/domain/pmc/curate';
import type { UpdateItem } from '~/domain/pmc/items';
import { chartAltText, chartTable, type ChartSpec } from '~/presenters/pmc-charts';
import type { ComposedPortfolio } from '~/presenters/pmc';
import { coverWords, glanceFigures, portfolioFigures } from '~/presenters/pmc-figures';

export interface PmcDocxInput {
  fiscalYear: number;
  quarter: number;
  start: string;
  end: string;
  status: UpdateStatus;
  publishedAt: string | null;
  /** Withdrawn and why, or what it corrects: said on the cover. */
  lineage: Lineage;
  /** When the document was made (a draft says "as of" this date). */
  madeAt: string;
  portfolios: ComposedPortfolio[];
  /** Rich text per target: `program` and each portfolio's slug. */
  highlights: Record<string, unknown>;
  charts: ChartSpec[];
}

/** US Letter with one-inch margins: 6.5 inches of text, in twentieths of a point. */
const TEXT_WIDTH = 9360;
/** The milestone table's columns: the title takes what the others leave. */
const MILESTONE_COLUMNS = [
  { header: 'Milestone', width: 4380 },
  { header: 'Status', width: 1400 },
  { header: 'Timing', width: 2080 },
  { header: 'Owner', width: 1500 },
];
const MEASURE_COLUMNS = [
  { header: 'Success measure', width: 3860 },
  { header: 'Status', width: 3500 },
  { header: 'Latest', width: 2000 },
];
const TRUST_COLUMNS = [
  { header: 'Service', width: 3160 },
  { header: 'Quarter', width: 1400 },
  { header: 'Trust', width: 3300 },
  { header: 'Since the quarter before', width: 1500 },
];

/**
 * Whether the pilots work (issue 20): measures with a value in the quarter, and survey trust
 * by service, as the update's page shows them.
 */
function outcomes(p: ComposedPortfolio): (Paragraph | Table)[] {
  const o = p.outcomes ?? { measures: [], trust: [] };
  if (o.measures.length === 0 && o.trust.length === 0)
    return [para('No success measure moved and no survey data this quarter.')];
  return [
    ...(o.measures.length === 0
      ? [para('No success measure has a value dated this quarter.')]
      : [
          table(
            MEASURE_COLUMNS,
            o.measures.map((m) => [
              [para(m.name), para(m.project, { italics: true })],
              [para(m.status, { bold: true }), para(m.reason)],
              [para(m.latest)],
            ]),
          ),
        ]),
    ...(o.trust.length === 0
      ? []
      : [
          para('Trust from post-transaction surveys, latest quarter by service:'),
          table(
            TRUST_COLUMNS,
            o.trust.map((t) => [
              [
                para(`${t.service} (${t.agency})`),
                ...(t.illustrative ? [para('Illustrative data', { italics: true })] : []),
              ],
              [para(t.quarter)],
              [para(t.trust), para(t.rule, { italics: true })],
              [para(t.change ?? '—')],
            ]),
          ),
        ]),
  ];
}

/** The image of a chart on the page: 6.5 inches wide, in pixels at 96 per inch. */
const CHART_WIDTH_PX = 624;

const statusLabel = (s: string) => MILESTONE_STATUS_LABELS[s as 'completed'] ?? s;

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [new TextRun(text)],
  });
}

function para(text: string, options: { italics?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, ...options })] });
}

function cell(children: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children,
    ...(header ? { shading: { fill: 'DFE1E2' } } : {}),
  });
}

/** A table whose first row is its header, repeated on every page it spans. */
function table(columns: { header: string; width: number }[], rows: Paragraph[][][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c) => cell([para(c.header, { bold: true })], c.width, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((paragraphs, i) => cell(paragraphs, columns[i]!.width)),
          }),
      ),
    ],
  });
}

/** A chart's figures as a table, as the page shows them under the chart. */
function chartFigures(chart: ChartSpec): Table {
  const { head, rows } = chartTable(chart);
  const each = Math.floor((TEXT_WIDTH - 2400) / (head.length - 1));
  const columns = head.map((header, i) => ({
    header,
    width: i === 0 ? TEXT_WIDTH - each * (head.length - 1) : each,
  }));
  return table(
    columns,
    rows.map((r) => r.map((text) => [para(text)])),
  );
}

/** Two columns, a figure's name and its value. */
function figures(rows: [string, string][]): Table {
  return table(
    [
      { header: 'Figure', width: 5360 },
      { header: 'Value', width: 4000 },
    ],
    rows.map(([name, value]) => [[para(name)], [para(value)]]),
  );
}

function noteOf(p: ComposedPortfolio, key: string): Paragraph[] {
  const note = p.annotations[key];
  return note ? [para(`Note: ${note}`, { italics: true })] : [];
}

/** A list of items, each with its detail and the lead's note; a sentence when there are none. */
function items(p: ComposedPortfolio, list: UpdateItem[], none: string): Paragraph[] {
  if (list.length === 0) return [para(none)];
  return list.flatMap((i) => [
    new Paragraph({
      bullet: { level: 0 },
      children: [
        new TextRun(i.text),
        ...(i.detail ? [new TextRun({ text: ` (${i.detail})` })] : []),
      ],
    }),
    ...(p.annotations[i.key]
      ? [
          new Paragraph({
            indent: { left: 720 },
            children: [new TextRun({ text: `Note: ${p.annotations[i.key]}`, italics: true })],
          }),
        ]
      : []),
  ]);
}

/** What changed since the last update, curated: each kind under its heading, with the notes. */
function whatChanged(p: ComposedPortfolio): Paragraph[] {
  const groups = changesByKind(p.curated);
  if (groups.length === 0)
    return [para('No phase moves, completed or slipped milestones, clearances or burden reduced.')];
  return groups.flatMap((g) => [
    new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(g.heading)] }),
    ...items(p, g.items, ''),
  ]);
}

/** Rich-text highlights as Word blocks; their lists' numbering definitions go into `numbering`. */
function highlightBlocks(
  doc: unknown,
  numbering: INumberingOptions['config'][number][],
  none: string,
): (Paragraph | Table)[] {
  const parts = planDocxParts(doc, `highlights-${numbering.length}`);
  numbering.push(...parts.numbering.config);
  return parts.children.length > 0 ? parts.children : [para(none)];
}

export async function pmcDocx(input: PmcDocxInput): Promise<Buffer> {
  const words = coverWords(input);
  const { label, title, state } = words;
  const dated = words.draft ? `${words.dated}, and it may change` : words.dated;
  const numbering: INumberingOptions['config'][number][] = [];
  const ps = input.portfolios;

  const cover = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    para(`Life Experience portfolios, ${formatDate(input.start)} to ${formatDate(input.end)}`),
    para(dated, { bold: true }),
    ...words.notices.map((notice) => para(notice, { bold: true })),
    para(
      'Prepared in the Life Experience Workspace under OMB Circular A-11, Section 280. Figures are as of the date above.',
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const charts = input.charts.flatMap((chart, i) => {
    const image = chartImage(chart, `chart${i + 1}`);
    const alt = chartAltText(chart);
    return [
      heading(chart.title, 2),
      new Paragraph({
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(image.svg),
            fallback: { type: 'png', data: image.png },
            transformation: {
              width: CHART_WIDTH_PX,
              height: Math.round((CHART_WIDTH_PX * image.height) / image.width),
            },
            altText: { name: chart.title, title: chart.title, description: alt },
          }),
        ],
      }),
      chartFigures(chart),
    ];
  });

  const glance = [heading('The program at a glance', 1), figures(glanceFigures(ps)), ...charts];

  const program = [
    heading('Highlights', 1),
    ...highlightBlocks(input.highlights.program, numbering, 'No program highlights written.'),
  ];

  const portfolios = ps.flatMap((p) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(p.name)],
    }),
    heading('Highlights', 2),
    ...highlightBlocks(input.highlights[p.slug], numbering, 'No highlights written.'),
    heading('At a glance', 2),
    figures(portfolioFigures(p)),
    heading('What changed since the last update', 2),
    ...whatChanged(p),
    heading('Outcomes', 2),
    ...outcomes(p),
    heading('Phase decisions this quarter', 2),
    ...items(p, p.decisions, 'No phase decisions this quarter.'),
    heading('Phase gates pending', 2),
    ...items(p, p.pending, 'No phase gates pending.'),
    heading('Projects at risk or off track', 2),
    ...items(p, p.risks, 'No projects at risk or off track.'),
    heading('Milestones this quarter', 2),
    ...(p.milestones.length === 0
      ? [para('No milestones this quarter.')]
      : [
          table(
            MILESTONE_COLUMNS,
            p.milestones.map((m) => [
              [para(m.title), ...noteOf(p, m.key)],
              [para(statusLabel(m.status))],
              [para(m.timing)],
              [para(m.owner)],
            ]),
          ),
        ]),
  ]);

  const document = new Document({
    title,
    description: `${title}. ${dated}.`,
    creator: 'Life Experience Workspace',
    // A sans-serif every copy of Word has, at 11 points; headings keep Word's own styles.
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: { config: numbering },
    features: { updateFields: true },
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 },
            margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 },
          },
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `PMC update, ${label} · ${state}`, size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    size: 18,
                  }),
                ],
              }),
            ],
          }),
          first: new Footer({ children: [para(`${state} · ${label}`)] }),
        },
        children: [...cover, ...program, ...glance, ...portfolios],
      },
    ],
  });
  return Packer.toBuffer(document);
}
