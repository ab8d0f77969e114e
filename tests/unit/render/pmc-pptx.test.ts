/**
 * The PMC update's slide deck, opened as PowerPoint would: a title slide, the program at a glance,
 * the charts as images with alt text, each portfolio's highlights, figures and milestones (a long
 * milestone table continues on further slides with its header), and the pending phase decisions;
 * all of it editable text.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PmcDocxInput } from '~/render/pmc/docx.server';
import { pmcDeck } from '~/render/pmc/pptx.server';
import {
  CHANGE_NOTE,
  LEFT_OUT,
  NOTE,
  seededUpdate,
  WITHDRAWN,
  WITHDRAWN_LINES,
} from './seeded-update';

let input: PmcDocxInput;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };
const decode = (xml: string) =>
  xml.replace(/&(amp|lt|gt|apos|quot);/g, (_, e: string) => ENTITIES[e]!);

/**
 * Each slide's text, paragraph by paragraph (a paragraph's runs joined), in slide order; the
 * slide number left out.
 */
async function slidesOf(deck: Buffer): Promise<{ texts: string[]; xml: string }[]> {
  const zip = await JSZip.loadAsync(deck);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(
    names.map(async (n) => {
      const xml = await zip.file(n)!.async('string');
      const texts = [
        ...xml.replace(/<a:fld [\s\S]*?<\/a:fld>/g, '').matchAll(/<a:p>[\s\S]*?<\/a:p>/g),
      ]
        .map((p) =>
          [...p[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)]
            .map((m) => decode(m[1]!))
            .join('')
            .trim(),
        )
        .filter((t) => t !== '');
      return { texts, xml };
    }),
  );
}

let slides: { texts: string[]; xml: string }[];

beforeAll(async () => {
  input = await seededUpdate();
  const deck = await pmcDeck(input);
  // To look at it: PMC_PPTX_OUT=/tmp/pmc.pptx npx vitest run tests/unit/render
  if (process.env.PMC_PPTX_OUT) fs.writeFileSync(process.env.PMC_PPTX_OUT, deck);
  slides = await slidesOf(deck);
});

const titled = (title: string) => slides.filter((s) => s.texts[0] === title);

describe('the PMC update as slides', () => {
  it('opens with a title slide naming the quarter, its dates and its state', () => {
    expect(slides[0]!.texts).toEqual([
      'President’s Management Council update, FY 2024 Q4',
      'Life Experience portfolios, July 1, 2024 to September 30, 2024',
      'Draft as of December 6, 2026: not yet published',
    ]);
  });

  it('says on a withdrawn update’s title slide when and why, and what replaced it', async () => {
    const [cover] = await slidesOf(await pmcDeck({ ...input, ...WITHDRAWN }));
    expect(cover!.texts).toEqual([
      'President’s Management Council update, FY 2024 Q4',
      'Life Experience portfolios, July 1, 2024 to September 30, 2024',
      'Published December 3, 2026, withdrawn December 5, 2026',
      ...WITHDRAWN_LINES,
    ]);
  });

  it('has the program at a glance, its highlights and the pending decisions, as text', () => {
    const glance = titled('The program at a glance')[0]!.texts;
    expect(glance).toContain('Projects by phase');
    expect(glance).toContain(String(input.portfolios.length));
    expect(titled('Program highlights')[0]!.texts).toEqual([
      'Program highlights',
      'Program-wide highlight.',
      'First',
    ]);
    const pending = titled('Pending phase decisions');
    expect(pending).toHaveLength(1);
  });

  it('draws each chart as a picture with alt text, beside its figures', () => {
    for (const chart of input.charts) {
      const [slide] = titled(chart.title);
      expect(slide, chart.title).toBeDefined();
      expect(slide!.xml).toMatch(/<p:pic>/);
      expect(slide!.xml).toMatch(new RegExp(`descr="${chart.title} \\(`));
      for (const row of chart.rows) expect(slide!.texts).toContain(row.label);
    }
  });

  it('gives each portfolio its highlights and figures, then its milestones with notes', () => {
    for (const p of input.portfolios) {
      const [own] = titled(p.name);
      expect(own, p.name).toBeDefined();
      expect(own!.texts).toContain('Burden reduced so far');
      const [milestones] = titled(`${p.name}: milestones this quarter`);
      expect(milestones, p.name).toBeDefined();
      for (const m of p.milestones) expect(milestones!.texts).toContain(m.title);
    }
    expect(titled('Approaching Retirement')[0]!.texts).toContain('Forums held this quarter.');
    expect(
      titled('Approaching Retirement: milestones this quarter')[0]!.texts.join('\n'),
    ).toContain(`Note: ${NOTE}`);
  });

  it('says what changed since the last update by kind, with the notes, left-out items gone', () => {
    const [slide, ...more] = titled('Approaching Retirement: what changed since the last update');
    expect(more).toHaveLength(0);
    expect(slide!.texts).toEqual([
      'Approaching Retirement: what changed since the last update',
      'Phase moves',
      'Apply for retirement benefits online: moved to Design (from Discovery, August 1, 2024)',
      'Milestones slipped',
      'Milestone ‘Publish the checklist’ slipped from FY24 Q3 to FY25 Q1 (Retirement checklist)',
      `Note: ${CHANGE_NOTE}`,
    ]);
    expect(slides.some((s) => s.texts.some((t) => t.includes(LEFT_OUT)))).toBe(false);
  });

  it('continues a long milestone table on further slides, its header on each', async () => {
    const [first] = input.portfolios;
    const many = Array.from({ length: 45 }, (_, i) => ({
      ...first!.milestones[0]!,
      key: `m${9000 + i}`,
      title: `Milestone number ${i + 1} of a long quarter, with a title of some length`,
    }));
    const long = await slidesOf(
      await pmcDeck({ ...input, portfolios: [{ ...first!, milestones: many }] }),
    );
    const tables = long.filter((s) => s.texts.some((t) => t.startsWith('Milestone number')));
    expect(tables.length).toBeGreaterThan(1);
    for (const s of tables) expect(s.texts.slice(0, 5)).toContain('Milestone');
    const shown = tables.flatMap((s) => s.texts.filter((t) => t.startsWith('Milestone number')));
    expect(shown).toHaveLength(45);
    expect(tables[0]!.texts[0]).toBe(`${first!.name}: milestones this quarter`);
    for (const s of tables.slice(1))
      expect(s.texts[0]).toBe(`${first!.name}: milestones this quarter (continued)`);
  });

  it('stays small for a large program: each cell one run of text, the file compressed', async () => {
    const [first] = input.portfolios;
    const many = Array.from({ length: 2000 }, (_, i) => ({
      ...first!.milestones[0]!,
      key: `m${20000 + i}`,
      title: `Milestone number ${i + 1} of a large program`,
    }));
    const deck = await pmcDeck({ ...input, portfolios: [{ ...first!, milestones: many }] });
    if (process.env.BIG_OUT) fs.writeFileSync(process.env.BIG_OUT, deck);
    // Written word by word (pptxgenjs's autoPage) and stored, this was about 20 MB.
    expect(deck.length).toBeLessThan(1024 * 1024);
    const zip = await JSZip.loadAsync(deck);
    const texts = await Promise.all(Object.values(zip.files).map((f) => f.async('uint8array')));
    const stored = texts.reduce((n, t) => n + t.length, 0);
    expect(deck.length).toBeLessThan(stored / 4);
    const long = await slidesOf(deck);
    const runs = long.flatMap((s) => [
      ...s.xml.matchAll(/<a:t>Milestone number 7 of a large program<\/a:t>/g),
    ]);
    expect(runs).toHaveLength(1);
  });
});
