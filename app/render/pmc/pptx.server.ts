/**
 * The PMC update as the slide deck the President's Management Council is briefed with
 * (pptxgenjs, a maintained generator of PowerPoint's own format): a title slide, the program at
 * a glance, the charts as images with alt text, then per portfolio its highlights and figures and
 * its milestones in a table that continues on further slides rather than overflowing, and the
 * phase gates pending for the Council. Every word is editable text; USWDS colours, Arial, a type
 * scale legible from the back of a room.
 */
import PptxGenJS from 'pptxgenjs';
import { chartImage } from '~/render/charts.server';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';
import { MILESTONE_STATUS_LABELS, formatDate } from '~/domain/portfolio/labels';
import { changesByKind } from '~/domain/pmc/curate';
import { chartAltText, chartTable, type ChartSpec } from '~/presenters/pmc-charts';
import type { PmcDocxInput } from './docx.server';
import { coverWords, glanceFigures, portfolioFigures } from '~/presenters/pmc-figures';

/** What the deck is made from: what the Word document is made from. */
export type PmcDeckInput = PmcDocxInput;

/** USWDS: primary, primary-darker, base-darkest, base-lightest, white. */
const COLOR = {
  primary: '005EA2',
  darker: '1A4480',
  ink: '1B1B1B',
  muted: '565C65',
  light: 'F0F0F0',
  white: 'FFFFFF',
};
const FONT = 'Arial';
/** The type scale, in points: slide title, body, table text, footnote. */
const SIZE = { title: 30, body: 18, table: 12, small: 11 };
/** 16:9, 13.33 by 7.5 inches; half-inch margins. */
const W = 13.333;
const MARGIN = 0.5;
const BODY_W = W - 2 * MARGIN;
const BODY_Y = 1.25;

const statusLabel = (s: string) => MILESTONE_STATUS_LABELS[s as 'completed'] ?? s;

/** A rich-text document as lines of text, lists as bullets with their level. */
function docLines(doc: unknown): { text: string; bullet: boolean; level: number }[] {
  const out: { text: string; bullet: boolean; level: number }[] = [];
  const textOf = (n: DocNode): string =>
    n.type === 'text'
      ? (n.text ?? '')
      : n.type === 'hardBreak'
        ? ' '
        : (n.content ?? []).map(textOf).join('');
  const walk = (nodes: DocNode[] | undefined, level: number, bullet: boolean) => {
    for (const n of nodes ?? []) {
      if (n.type === 'bulletList' || n.type === 'orderedList')
        walk(n.content, bullet ? level + 1 : 0, true);
      else if (n.type === 'listItem') walk(n.content, level, true);
      else if (n.type === 'table') {
        for (const row of n.content ?? [])
          out.push({ text: (row.content ?? []).map(textOf).join(' | '), bullet, level });
      } else {
        const text = textOf(n).trim();
        if (text) out.push({ text, bullet, level });
      }
    }
  };
  if (doc) walk(sanitizeDoc(doc).content, 0, false);
  return out;
}

export async function pmcDeck(input: PmcDeckInput): Promise<Buffer> {
  const { label, title, state, dated, notices } = coverWords(input);

  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = title;
  pptx.subject = dated;
  pptx.company = 'Life Experience Workspace';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.defineSlideMaster({
    title: 'CONTENT',
    background: { color: COLOR.white },
    objects: [
      { rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: COLOR.primary } } },
      {
        text: {
          text: `PMC update, ${label} · ${state}`,
          options: {
            x: MARGIN,
            y: 7.05,
            w: 8,
            h: 0.3,
            fontFace: FONT,
            fontSize: SIZE.small,
            color: COLOR.muted,
          },
        },
      },
    ],
    slideNumber: {
      x: W - MARGIN - 1,
      y: 7.05,
      w: 1,
      h: 0.3,
      fontFace: FONT,
      fontSize: SIZE.small,
      color: COLOR.muted,
      align: 'right',
    },
  });

  const slideTitled = (text: string) => {
    const slide = pptx.addSlide({ masterName: 'CONTENT' });
    slide.addText(text, {
      x: MARGIN,
      y: 0.35,
      w: BODY_W,
      h: 0.8,
      fontFace: FONT,
      fontSize: SIZE.title,
      bold: true,
      color: COLOR.darker,
    });
    return slide;
  };
  const figureTable = (
    slide: PptxGenJS.Slide,
    rows: [string, string][],
    y: number,
    w: number,
    x = MARGIN,
  ) =>
    slide.addTable(
      [
        [
          { text: 'Figure', options: { bold: true, fill: { color: COLOR.light } } },
          { text: 'Value', options: { bold: true, fill: { color: COLOR.light } } },
        ],
        ...rows.map(([name, value]) => [{ text: name }, { text: value }]),
      ],
      {
        x,
        y,
        w,
        colW: [w * 0.45, w * 0.55],
        fontFace: FONT,
        fontSize: SIZE.table + 2,
        color: COLOR.ink,
        border: { type: 'solid', pt: 0.75, color: 'A9AEB1' },
        margin: 0.06,
      },
    );

  // The title slide.
  const cover = pptx.addSlide();
  cover.background = { color: COLOR.darker };
  cover.addText(title, {
    x: MARGIN + 0.3,
    y: 2.2,
    w: BODY_W - 0.6,
    h: 1.6,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: COLOR.white,
  });
  cover.addText(
    [
      {
        text: `Life Experience portfolios, ${formatDate(input.start)} to ${formatDate(input.end)}`,
        options: { breakLine: true },
      },
      { text: dated, options: { bold: true, breakLine: notices.length > 0 } },
      ...notices.map((notice, i) => ({
        text: notice,
        options: { fontSize: 14, breakLine: i < notices.length - 1 },
      })),
    ],
    {
      x: MARGIN + 0.3,
      y: 3.9,
      w: BODY_W - 0.6,
      h: 1,
      fontFace: FONT,
      fontSize: 20,
      color: COLOR.white,
    },
  );

  // The program at a glance, then its highlights.
  figureTable(
    slideTitled('The program at a glance'),
    glanceFigures(input.portfolios),
    BODY_Y,
    BODY_W * 0.75,
  );
  const program = docLines(input.highlights.program);
  bulletSlides(slideTitled, 'Program highlights', program, 'No program highlights written.');

  // The charts, each with its figures beside it in words (alt text) and as a table.
  input.charts.forEach((chart, i) => {
    const slide = slideTitled(chart.title);
    const image = chartImage(chart, `deck-chart${i + 1}`);
    const w = BODY_W * 0.55;
    const h = Math.min(5.4, (w * image.height) / image.width);
    slide.addImage({
      data: `image/png;base64,${image.png.toString('base64')}`,
      x: MARGIN,
      y: BODY_Y,
      w,
      h,
      altText: chartAltText(chart),
    });
    const tableW = BODY_W - w - 0.2;
    const figures = chartRows(chart);
    // The row's name, then its figures sharing the rest.
    const rest = figures[0]!.length - 1;
    slide.addTable(figures, {
      x: MARGIN + w + 0.2,
      y: BODY_Y,
      w: tableW,
      colW: [tableW * 0.3, ...Array.from({ length: rest }, () => (tableW * 0.7) / rest)],
      fontFace: FONT,
      fontSize: SIZE.small - 1,
      color: COLOR.ink,
      border: { type: 'solid', pt: 0.5, color: 'A9AEB1' },
      margin: 0.04,
      autoPage: true,
      autoPageRepeatHeader: true,
      autoPageHeaderRows: 1,
      autoPageSlideStartY: BODY_Y,
    });
  });

  // Per portfolio: its highlights and figures, then its milestones.
  for (const p of input.portfolios) {
    const lines = docLines(input.highlights[p.slug]);
    const slide = slideTitled(p.name);
    slide.addText(
      lines.length > 0
        ? lines.slice(0, 8).map((l) => ({
            text: l.text,
            options: {
              bullet: l.bullet ? { indent: 18 } : false,
              indentLevel: l.level,
              breakLine: true,
            },
          }))
        : [{ text: 'No highlights written.', options: { italic: true } }],
      {
        x: MARGIN,
        y: BODY_Y,
        w: BODY_W * 0.5,
        h: 5.4,
        valign: 'top',
        fontFace: FONT,
        fontSize: SIZE.body - 2,
        color: COLOR.ink,
        fit: 'shrink',
      },
    );
    figureTable(slide, portfolioFigures(p), BODY_Y, BODY_W * 0.47, MARGIN + BODY_W * 0.53);

    // What changed since the last update, curated, by kind with the notes (when anything did).
    const changed = changesByKind(p.curated).flatMap((g) => [
      { text: g.heading, bullet: false, level: 0 },
      ...g.items.flatMap((i) => [
        { text: `${i.text}${i.detail ? ` (${i.detail})` : ''}`, bullet: true, level: 0 },
        ...(p.annotations[i.key]
          ? [{ text: `Note: ${p.annotations[i.key]}`, bullet: false, level: 1 }]
          : []),
      ]),
    ]);
    if (changed.length > 0)
      bulletSlides(slideTitled, `${p.name}: what changed since the last update`, changed, '');

    // Outcomes: measures that moved, and trust by service (suppressed as on the page).
    const o = p.outcomes ?? { measures: [], trust: [] };
    const outcomes = [
      ...(o.measures.length > 0
        ? [{ text: 'Success measures with a value this quarter', bullet: false, level: 0 }]
        : []),
      ...o.measures.map((m) => ({
        text: `${m.name} (${m.project}): ${m.status}, latest ${m.latest}`,
        bullet: true,
        level: 0,
      })),
      ...(o.trust.length > 0
        ? [{ text: 'Trust from post-transaction surveys, by service', bullet: false, level: 0 }]
        : []),
      ...o.trust.map((t) => ({
        text: `${t.service} (${t.agency}${t.illustrative ? ', illustrative data' : ''}), ${t.quarter}: ${t.trust}${t.change ? `, ${t.change}` : ''}; ${t.rule}`,
        bullet: true,
        level: 0,
      })),
    ];
    if (outcomes.length > 0) bulletSlides(slideTitled, `${p.name}: outcomes`, outcomes, '');

    const title = `${p.name}: milestones this quarter`;
    if (p.milestones.length === 0) {
      slideTitled(title).addText('No milestones this quarter.', {
        x: MARGIN,
        y: BODY_Y,
        w: BODY_W,
        h: 0.5,
        fontFace: FONT,
        fontSize: SIZE.body,
      });
      continue;
    }
    const header = ['Milestone', 'Status', 'Timing', 'Owner'].map((text) => ({
      text,
      options: { bold: true, fill: { color: COLOR.light } },
    }));
    const rows = p.milestones.map((m) => {
      const name = p.annotations[m.key] ? `${m.title}\nNote: ${p.annotations[m.key]}` : m.title;
      return { lines: linesOf(name), cells: [name, statusLabel(m.status), m.timing, m.owner] };
    });
    // A long list continues on further slides, its header repeated, instead of overflowing.
    pagesOfRows(rows).forEach((page, i) =>
      slideTitled(i === 0 ? title : `${title} (continued)`).addTable(
        [header, ...page.map((r) => r.cells.map((text) => ({ text })))],
        {
          x: MARGIN,
          y: BODY_Y,
          w: BODY_W,
          colW: [BODY_W * 0.52, BODY_W * 0.14, BODY_W * 0.18, BODY_W * 0.16],
          fontFace: FONT,
          fontSize: SIZE.table,
          color: COLOR.ink,
          border: { type: 'solid', pt: 0.75, color: 'A9AEB1' },
          margin: 0.06,
        },
      ),
    );
  }

  // What waits for the Council: every phase gate pending, by portfolio.
  const pending = input.portfolios.flatMap((p) =>
    p.pending.map((g) => ({
      text: `${p.name}: ${g.text}${g.detail ? ` (${g.detail})` : ''}`,
      bullet: true,
      level: 0,
    })),
  );
  bulletSlides(slideTitled, 'Pending phase decisions', pending, 'No phase gates are pending.');

  // Compressed, as PowerPoint saves a deck: its XML is nine tenths of its size. pptxgenjs
  // (4.0) honours `compression` only for the 'STREAM' output, which is a Node Buffer too.
  return (await pptx.write({ outputType: 'STREAM', compression: true })) as Buffer;
}

/**
 * Lines of 12-point text a milestone's first column takes: about 65 characters to a line in its
 * 6.4 inches, each written line break starting another.
 */
function linesOf(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 65)), 0);
}

/** Lines of table text a slide holds under its header (0.32 inch a line, 5.75 inches). */
const LINES_PER_SLIDE = 15;

/**
 * Rows shared out over slides, in order, each slide taking rows while their lines fit. The deck
 * pages its own tables: pptxgenjs's autoPage writes every word of every cell as a run of its
 * own, which made a 1,000-project program's deck 19 MB of XML and, at four times that, ran the
 * server out of memory (docs/decisions/041-performance-as-ratios.md).
 */
function pagesOfRows<R extends { lines: number }>(rows: R[]): R[][] {
  const pages: R[][] = [];
  let page: R[] = [];
  let used = 0;
  for (const row of rows) {
    if (page.length > 0 && used + row.lines > LINES_PER_SLIDE) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += row.lines;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** A chart's figures as table rows, its header first. */
function chartRows(chart: ChartSpec): PptxGenJS.TableRow[] {
  const { head, rows } = chartTable(chart);
  return [
    head.map((text) => ({ text, options: { bold: true, fill: { color: COLOR.light } } })),
    ...rows.map((r) => r.map((text) => ({ text }))),
  ];
}

/** Lines as bullets, ten to a slide, continued on further slides under the same title. */
function bulletSlides(
  slideTitled: (title: string) => PptxGenJS.Slide,
  title: string,
  lines: { text: string; bullet: boolean; level: number }[],
  none: string,
): void {
  const PER_SLIDE = 10;
  const pages = Math.max(1, Math.ceil(lines.length / PER_SLIDE));
  for (let page = 0; page < pages; page++) {
    const slide = slideTitled(pages > 1 ? `${title} (${page + 1} of ${pages})` : title);
    const chunk = lines.slice(page * PER_SLIDE, (page + 1) * PER_SLIDE);
    slide.addText(
      chunk.length > 0
        ? chunk.map((l) => ({
            text: l.text,
            options: {
              bullet: l.bullet ? { indent: 18 } : false,
              indentLevel: l.level,
              breakLine: true,
            },
          }))
        : [{ text: none, options: { italic: true } }],
      {
        x: MARGIN,
        y: BODY_Y,
        w: BODY_W,
        h: 5.5,
        valign: 'top',
        fontFace: FONT,
        fontSize: SIZE.body,
        color: COLOR.ink,
        paraSpaceAfter: 6,
        fit: 'shrink',
      },
    );
  }
}
