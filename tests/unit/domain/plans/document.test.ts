import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { defaultPlanTitle, type DocNode } from '~/domain/plans/document';
import { NewPlanSchema } from '~/schemas/plan';
import { planDocx, planDocxBlocks } from '~/render/plans/docx.server';
import { planHtml } from '~/render/plans/html.server';

const t = (text: string, ...marks: string[]): DocNode => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
});
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const li = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });
const ul = (...items: DocNode[]): DocNode => ({ type: 'bulletList', content: items });
const ol = (start: number, ...items: DocNode[]): DocNode => ({
  type: 'orderedList',
  attrs: { start },
  content: items,
});
const cell = (type: 'tableHeader' | 'tableCell', ...content: DocNode[]): DocNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1 },
  content,
});

/** A plan with what an export has to keep: headings, nested lists of both kinds, a table. */
const PLAN: DocNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('Improvements to designated services')] },
    p(t('Three actions:')),
    ol(
      1,
      li(p(t('Pilot income verification')), ul(li(p(t('Three states'))), li(p(t('One tribe'))))),
      li(
        p(t('Shorten the form')),
        p(t('A second paragraph of the item.')),
        ol(1, li(p(t('Drop question 7'))), li(p(t('Merge questions 9 and 10')))),
      ),
    ),
    { type: 'heading', attrs: { level: 3 }, content: [t('Measures')] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', p(t('Measure'))), cell('tableHeader')] },
        {
          type: 'tableRow',
          content: [
            cell('tableCell', p(t('Minutes to apply'))),
            cell('tableCell', ul(li(p(t('45 today'))), li(p(t('20 by FY 2028'))))),
          ],
        },
      ],
    },
    ol(3, li(p(t('Third, continued'))), li(p(t('Fourth')))),
    p(t('bad', 'bold'), {
      type: 'text',
      text: ' link',
      marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
    }),
  ],
};

interface WordParagraph {
  text: string;
  style: string | null;
  numId: string | null;
  level: number | null;
}

/** The paragraphs of a Word document's XML, in order, with their style and list numbering. */
function paragraphs(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p\/>|<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    numId: /<w:numId w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    level: /<w:ilvl w:val="(\d+)"/.test(p) ? Number(/<w:ilvl w:val="(\d+)"/.exec(p)![1]) : null,
  }));
}

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    numbering: await zip.file('word/numbering.xml')!.async('string'),
  };
}

/** The abstract numbering definition a list (numId) uses, as XML. */
function abstractFor(numbering: string, numId: string): string {
  const num = new RegExp(`<w:num w:numId="${numId}"[^>]*>([\\s\\S]*?)</w:num>`).exec(numbering);
  const abstractId = /<w:abstractNumId w:val="(\d+)"/.exec(num![1]!)![1];
  return new RegExp(
    `<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>[\\s\\S]*?</w:abstractNum>`,
  ).exec(numbering)![0];
}

/** The w:lvl element of level `level` in an abstract numbering definition. */
const levelOf = (abstract: string, level: number) =>
  new RegExp(`<w:lvl w:ilvl="${level}"[^>]*>[\\s\\S]*?</w:lvl>`).exec(abstract)![0];

describe('action plan .docx export, read back', () => {
  it('keeps headings, lists with Word numbering at their nesting levels, and the table', async () => {
    const { document, numbering } = await unzip(await planDocx('FY 2027 plan', PLAN));
    const ps = paragraphs(document);
    const find = (text: string) => {
      const found = ps.find((x) => x.text === text);
      expect(found, text).toBeDefined();
      return found!;
    };

    expect(find('FY 2027 plan').style).toBe('Title');
    expect(find('Improvements to designated services').style).toBe('Heading2');
    expect(find('Measures').style).toBe('Heading3');

    // Ordered items are Word list paragraphs, not "1. " typed into the text.
    const pilot = find('Pilot income verification');
    const shorten = find('Shorten the form');
    expect(pilot).toMatchObject({ level: 0 });
    expect(shorten).toMatchObject({ level: 0, numId: pilot.numId });
    expect(pilot.numId).not.toBe('1'); // 1 is docx's bullet list
    expect(ps.some((x) => /^\d+\.\s/.test(x.text))).toBe(false);
    const top = abstractFor(numbering, pilot.numId!);
    expect(levelOf(top, 0)).toContain('<w:numFmt w:val="decimal"/>');
    expect(levelOf(top, 0)).toContain('<w:lvlText w:val="%1."/>');

    // Nested lists keep their level: bullets under item 1, a numbered list under item 2.
    expect(find('Three states')).toMatchObject({ level: 1, numId: '1' });
    expect(find('One tribe')).toMatchObject({ level: 1, numId: '1' });
    const drop = find('Drop question 7');
    expect(drop.level).toBe(1);
    expect(find('Merge questions 9 and 10')).toMatchObject({ level: 1, numId: drop.numId });
    expect(drop.numId).not.toBe(pilot.numId);
    const nested = abstractFor(numbering, drop.numId!);
    expect(levelOf(nested, 1)).toContain('<w:numFmt w:val="lowerLetter"/>');
    expect(levelOf(nested, 1)).toContain('<w:start w:val="1"/>');
    // An item's second paragraph is not numbered; it is indented with the item.
    expect(find('A second paragraph of the item.')).toMatchObject({ numId: null, level: null });

    // A list that starts at 3 starts at 3, on a numbering of its own (it continues no other).
    const third = find('Third, continued');
    expect(find('Fourth').numId).toBe(third.numId);
    expect(new Set([pilot.numId, drop.numId, third.numId]).size).toBe(3);
    expect(levelOf(abstractFor(numbering, third.numId!), 0)).toContain('<w:start w:val="3"/>');

    // Every list paragraph's numbering exists (no unresolved references).
    expect(document).not.toMatch(/\{plan-ordered/);
    for (const x of ps.filter((y) => y.numId !== null))
      expect(numbering).toContain(`<w:num w:numId="${x.numId}"`);

    // The table: a repeated header row, its cells' text, a list inside a cell, an empty cell.
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)?.[0] ?? '';
    expect(table).toContain('<w:tblHeader/>');
    // Two equal columns across a US Letter page's text width.
    expect(table).toContain(
      '<w:tblGrid><w:gridCol w:w="4680"/><w:gridCol w:w="4680"/></w:tblGrid>',
    );
    expect(document).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    const cells = [...table.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(4);
    expect(paragraphs(cells[0]!)[0]!.text).toBe('Measure');
    expect(cells[0]).toContain('<w:b/>'); // header text is bold
    expect(paragraphs(cells[1]!)).toHaveLength(1); // an empty cell still holds a paragraph
    expect(paragraphs(cells[2]!)[0]!.text).toBe('Minutes to apply');
    expect(paragraphs(cells[3]!).map((x) => [x.text, x.numId, x.level])).toEqual([
      ['45 today', '1', 0],
      ['20 by FY 2028', '1', 0],
    ]);

    expect(document).not.toMatch(/javascript:/i);
    expect(find('bad link').numId).toBeNull();
    // Runs say only what is set: no "not bold" overriding a heading style's bold.
    expect(document).not.toMatch(/<w:(b|i|strike) w:val="false"\/>/);
  });

  it('blocks for another document (the PMC update) number ordered lists as text and keep levels', async () => {
    const buffer = await Packer.toBuffer(
      new Document({ sections: [{ children: planDocxBlocks(PLAN) }] }),
    );
    const zip = await JSZip.loadAsync(buffer);
    const ps = paragraphs(await zip.file('word/document.xml')!.async('string'));
    const texts = ps.map((x) => x.text);
    expect(texts).toContain('1. Pilot income verification');
    expect(texts).toContain('2. Shorten the form');
    expect(texts).toContain('1. Drop question 7');
    expect(texts).toContain('3. Third, continued');
    expect(texts).toContain('4. Fourth');
    expect(ps.find((x) => x.text === 'Three states')).toMatchObject({ numId: '1', level: 1 });
    expect(ps.every((x) => x.numId === null || x.numId === '1')).toBe(true);
    expect(planDocxBlocks(null)).toEqual([]);
  });
});

describe('action plan HTML (read view and HTML export)', () => {
  /** The HTML's tags without attributes, to compare structure. */
  const structure = (html: string) => html.replace(/<(\/?[a-z0-9]+)[^>]*>/g, '<$1>');

  it('keeps nested lists inside their items', () => {
    const html = structure(planHtml(PLAN));
    expect(html).toContain(
      '<ol><li><p>Pilot income verification</p><ul><li><p>Three states</p></li><li><p>One tribe</p></li></ul></li>' +
        '<li><p>Shorten the form</p><p>A second paragraph of the item.</p><ol><li><p>Drop question 7</p></li>' +
        '<li><p>Merge questions 9 and 10</p></li></ol></li></ol>',
    );
    expect(planHtml(PLAN)).toMatch(/<ol start="3"[^>]*><li><p>Third, continued<\/p>/);
  });

  it('keeps the table with its header cells and a list in a cell', () => {
    const html = structure(planHtml(PLAN));
    expect(html).toMatch(
      /<table>.*<tr><th><p>Measure<\/p><\/th><th><\/th><\/tr><tr><td><p>Minutes to apply<\/p><\/td><td><ul><li><p>45 today<\/p><\/li><li><p>20 by FY 2028<\/p><\/li><\/ul><\/td><\/tr>.*<\/table>/,
    );
  });

  it('keeps the headings and drops the unsafe link', () => {
    const html = planHtml(PLAN);
    expect(structure(html)).toContain('<h2>Improvements to designated services</h2>');
    expect(structure(html)).toContain('<h3>Measures</h3>');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<strong>bad</strong> link');
  });
});

describe('a plan left without a title', () => {
  it.each([
    [
      'Having a Child and Early Childhood',
      2030,
      'Having a Child and Early Childhood CX Action Plan, FY 2030',
    ],
    ['Facing a Financial Shock', 2027, 'Facing a Financial Shock CX Action Plan, FY 2027'],
  ])('%s, FY %i is named “%s”', (portfolio, fy, title) => {
    expect(defaultPlanTitle(portfolio, fy)).toBe(title);
  });

  it('a blank title passes the form’s check; the year is still required', () => {
    expect(NewPlanSchema.safeParse({ fiscalYear: '2030', title: '  ' })).toMatchObject({
      success: true,
      data: { fiscalYear: 2030, title: '' },
    });
    expect(NewPlanSchema.safeParse({ title: 'A plan' }).success).toBe(false);
  });
});
