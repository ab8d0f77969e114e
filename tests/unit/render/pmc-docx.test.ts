/**
 * The PMC update's Word document, opened as Word would: every section and figure of the seeded
 * program is there, each chart is an image with alt text (SVG with a PNG beside it), tables have
 * fixed column widths and a header row that repeats, and the footer numbers the pages.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { pmcDocx, type PmcDocxInput } from '~/render/pmc/docx.server';
import {
  CHANGE_NOTE,
  LEFT_OUT,
  NOTE,
  seededUpdate,
  WITHDRAWN,
  WITHDRAWN_LINES,
} from './seeded-update';

let input: PmcDocxInput;
let files: Record<string, string>;
let media: string[];

/** The text of the document, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

beforeAll(async () => {
  input = await seededUpdate();
  const docx = await pmcDocx(input);
  // To look at it (decision 030): PMC_DOCX_OUT=/tmp/pmc.docx npx vitest run tests/unit/render
  if (process.env.PMC_DOCX_OUT) fs.writeFileSync(process.env.PMC_DOCX_OUT, docx);
  const zip = await JSZip.loadAsync(docx);
  files = {};
  for (const name of Object.keys(zip.files))
    if (name.endsWith('.xml')) files[name] = await zip.file(name)!.async('string');
  media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
});

describe('the PMC update in Word', () => {
  it('has a cover with the title, quarter, date and state', () => {
    const text = paragraphs(files['word/document.xml']!);
    expect(text[0]).toBe('President’s Management Council update, FY 2024 Q4');
    expect(text).toContain('Draft as of December 6, 2026: not yet published, and it may change');
    expect(text).toContain('Life Experience portfolios, July 1, 2024 to September 30, 2024');
    expect(files['docProps/core.xml']).toContain(
      '<dc:title>President’s Management Council update, FY 2024 Q4</dc:title>',
    );
  });

  it('says on a withdrawn update’s cover and header when and why, and what replaced it', async () => {
    const zip = await JSZip.loadAsync(await pmcDocx({ ...input, ...WITHDRAWN }));
    const text = paragraphs(await zip.file('word/document.xml')!.async('string'));
    expect(text).toContain('Published December 3, 2026, withdrawn December 5, 2026');
    expect(text).toContain(WITHDRAWN_LINES[0]);
    expect(text).toContain(WITHDRAWN_LINES[1]);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(headers.join('')).toContain('Withdrawn');
  });

  it('has every section, for the program and each portfolio, as real headings', () => {
    const xml = files['word/document.xml']!;
    const headings = [
      ...xml.matchAll(
        /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(Heading\d)"\/>[\s\S]*?<\/w:p>/g,
      ),
    ].map((m) => `${m[1]} ${paragraphs(m[0])[0]}`);
    expect(headings.slice(0, 5)).toEqual([
      'Heading1 Highlights',
      'Heading1 The program at a glance',
      'Heading2 Milestones by status',
      'Heading2 Projects by phase',
      'Heading2 Burden reduced so far, quarter by quarter',
    ]);
    for (const p of input.portfolios) {
      const at = headings.indexOf(`Heading1 ${p.name}`);
      expect(at, p.name).toBeGreaterThan(0);
      const rest = headings.slice(at + 1).filter((h) => !h.startsWith('Heading3'));
      expect(rest.slice(0, 8)).toEqual([
        'Heading2 Highlights',
        'Heading2 At a glance',
        'Heading2 What changed since the last update',
        'Heading2 Outcomes',
        'Heading2 Phase decisions this quarter',
        'Heading2 Phase gates pending',
        'Heading2 Projects at risk or off track',
        'Heading2 Milestones this quarter',
      ]);
    }
    // No empty heading.
    expect(headings.every((h) => !/^Heading\d $/.test(h))).toBe(true);
  });

  it('holds the figures, highlights, milestones and notes of the seeded program', () => {
    const text = paragraphs(files['word/document.xml']!);
    const retirement = input.portfolios.find((p) => p.slug === 'approaching-retirement')!;
    expect(text).toContain('Program-wide highlight.');
    expect(text).toContain('Forums held this quarter.');
    expect(text).toContain(`Portfolios`);
    expect(text).toContain(String(input.portfolios.length));
    expect(text).toContain(
      `${retirement.burden.reducedHours} hours and ${retirement.burden.reducedCost} a year`,
    );
    for (const m of retirement.milestones) expect(text).toContain(m.title);
    expect(text).toContain(`Note: ${NOTE}`);
    const pending = input.portfolios.flatMap((p) => p.pending);
    for (const g of pending) expect(text.some((t) => t.startsWith(g.text))).toBe(true);
  });

  it('says what changed since the last update, by kind, with the notes and without what was left out', () => {
    const text = paragraphs(files['word/document.xml']!);
    const retirement = input.portfolios.find((p) => p.slug === 'approaching-retirement')!;
    const at = text.indexOf('What changed since the last update', text.indexOf(retirement.name));
    const section = text.slice(at, text.indexOf('Outcomes', at));
    expect(section).toEqual([
      'What changed since the last update',
      'Phase moves',
      'Apply for retirement benefits online: moved to Design (from Discovery, August 1, 2024)',
      'Milestones slipped',
      'Milestone ‘Publish the checklist’ slipped from FY24 Q3 to FY25 Q1 (Retirement checklist)',
      `Note: ${CHANGE_NOTE}`,
    ]);
    expect(files['word/document.xml']).toContain('<w:pStyle w:val="Heading3"/>');
    expect(text.some((t) => t.includes(LEFT_OUT))).toBe(false);
  });

  it('reports the outcomes: measures that moved and trust by service, suppressed as on the page', async () => {
    const outcomes = {
      measures: [
        {
          project: 'Retirement checklist',
          name: 'Checklists completed',
          status: 'On track',
          latest: '120 (August 1, 2024)',
          reason: 'Meets or beats the line.',
        },
      ],
      trust: [
        {
          service: 'Retirement benefits online',
          agency: 'SSA',
          quarter: 'FY 2024 Q4',
          trust: '80% (208 of 260)',
          rule: '4 and 5 on the 1–5 scale count as agreeing',
          change: '+4.2 points',
          illustrative: true,
        },
        {
          service: 'Benefits by phone',
          agency: 'SSA',
          quarter: 'FY 2024 Q4',
          trust: '15 of 18 (fewer than 30 respondents: no percentage)',
          rule: 'thumbs up counts as trusting',
          change: null,
          illustrative: false,
        },
      ],
    };
    const [first, ...others] = input.portfolios;
    const zip = await JSZip.loadAsync(
      await pmcDocx({ ...input, portfolios: [{ ...first!, outcomes }, ...others] }),
    );
    const text = paragraphs(await zip.file('word/document.xml')!.async('string'));
    const at = text.indexOf('Outcomes', text.indexOf(first!.name));
    const section = text.slice(at, text.indexOf('Phase decisions this quarter', at));
    for (const t of [
      'Checklists completed',
      'On track',
      'Retirement benefits online (SSA)',
      'Illustrative data',
      '80% (208 of 260)',
      '+4.2 points',
      '15 of 18 (fewer than 30 respondents: no percentage)',
    ])
      expect(section).toContain(t);
  });

  it('draws each chart as an image with alt text that carries its figures, SVG with a PNG fallback', () => {
    const xml = files['word/document.xml']!;
    const pictures = [...xml.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(pictures).toHaveLength(3);
    for (const chart of input.charts) {
      const docPr = pictures.find((p) => p.includes(`title="${chart.title}"`));
      expect(docPr, chart.title).toBeDefined();
      expect(docPr).toMatch(/descr="[^"]{40,}"/);
    }
    expect(pictures.find((p) => p.includes('Burden reduced'))).toContain('FY 2024 Q3: 1,200.5');
    // The figures follow each chart in a table too, as on the page.
    const text = paragraphs(xml);
    expect(text).toContain('1,200.5');
    expect(text).toContain('Hours reduced');
    expect(xml).toContain('asvg:svgBlip');
    expect(media.filter((m) => m.endsWith('.png'))).toHaveLength(3);
    expect(media.filter((m) => m.endsWith('.svg'))).toHaveLength(3);
  });

  it('sets table widths and repeats each table’s header row', () => {
    const xml = files['word/document.xml']!;
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(input.portfolios.length);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toMatch(/<w:tblW w:type="dxa" w:w="9360"\/>/);
      expect(t).toMatch(/<w:gridCol w:w="\d+"\/>/);
      expect(t).toContain('<w:tblHeader/>');
    }
    const milestones = tables.find((t) => t.includes('>Milestone<'))!;
    expect([...milestones.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => m[1])).toEqual([
      '4380',
      '1400',
      '2080',
      '1500',
    ]);
  });

  it('has a header naming the update and its state, and page numbers in the footer', () => {
    const headers = Object.entries(files).filter(([n]) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.some(([, x]) => x.includes('PMC update, FY 2024 Q4 · Draft'))).toBe(true);
    const footers = Object.entries(files)
      .filter(([n]) => /^word\/footer\d+\.xml$/.test(n))
      .map(([, x]) => x);
    expect(footers.some((x) => x.includes('PAGE') && x.includes('NUMPAGES'))).toBe(true);
  });
});
