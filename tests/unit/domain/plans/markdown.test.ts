import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeDoc, type DocNode } from '~/domain/plans/document';
import { fromMarkdown, markdownText, toMarkdown } from '~/domain/plans/markdown';

const t = (text: string, ...marks: (string | { type: string; attrs: object })[]): DocNode => ({
  type: 'text',
  text,
  ...(marks.length
    ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) as DocNode['marks'] }
    : {}),
});
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const h = (level: number, text: string): DocNode => ({
  type: 'heading',
  attrs: { level },
  content: [t(text)],
});
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const link = (href: string) => ({ type: 'link', attrs: { href } });

/**
 * What the plan stores, as the editor would hold it: the sanitized document, each text's marks
 * in one order, neighbouring texts with the same marks as one.
 */
function normal(d: DocNode): DocNode {
  const order = ['bold', 'italic', 'strike', 'code', 'link'];
  const walk = (n: DocNode): DocNode => {
    const out: DocNode = { ...n };
    if (n.marks)
      out.marks = [...n.marks].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    if (n.content) {
      const merged: DocNode[] = [];
      for (const c of n.content.map(walk)) {
        const last = merged.at(-1);
        if (
          c.type === 'text' &&
          last?.type === 'text' &&
          JSON.stringify(last.marks) === JSON.stringify(c.marks)
        )
          merged[merged.length - 1] = { ...last, text: `${last.text}${c.text}` };
        else merged.push(c);
      }
      out.content = merged;
    }
    return out;
  };
  return walk(sanitizeDoc(d));
}
const roundTrip = (d: DocNode) => normal(fromMarkdown(toMarkdown(d)));

describe('action plan Markdown: what a person typed stays text', () => {
  it.each([
    ['a pasted javascript: link', '[click](javascript:alert(1))'],
    ['an image with an onerror handler', '<img src=x onerror=alert(1)>'],
    ['a heading marker', '# Not a heading'],
    ['a list marker', '- not a list'],
    ['a numbered-list marker', '1. not a list'],
    ['a quote marker', '> not a quote'],
    ['a rule', '---'],
    ['emphasis characters', 'a *b* _c_ **d** ~~e~~ `f`'],
    ['a table pipe', '| a | b |'],
    ['backslashes', 'C:\\path\\to\\file \\'],
    ['a line break tag', 'one <br> two'],
  ])('%s', (_, text) => {
    const md = toMarkdown(doc(p(t(text))));
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(roundTrip(doc(p(t(text))))).toEqual(normal(doc(p(t(text)))));
  });

  it('a javascript: address on a link is dropped by the sanitizer and never written', () => {
    const unsafe = doc(p(t('click', link('javascript:alert(1)'))));
    expect(toMarkdown(sanitizeDoc(unsafe))).toBe('click\n');
    expect(normal(fromMarkdown('[click](javascript:alert)'))).toEqual(normal(doc(p(t('click')))));
  });

  it('a title is one escaped line', () => {
    expect(markdownText('# <img onerror=x> [a](javascript:b)\nsecond')).toBe(
      '\\# \\<img onerror=x\\> \\[a\\](javascript:b) second',
    );
  });
});

describe('action plan Markdown: structure survives both ways', () => {
  it.each([
    {
      name: 'headings and paragraphs',
      d: doc(h(2, 'Next year’s priorities'), p(t('Fund the kits.'))),
    },
    {
      // Found by the generated plans below: "0)" alone on a line reads as an empty numbered item.
      name: 'a list item whose text looks like a list marker',
      d: doc({
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('0)'))] },
          { type: 'listItem', content: [p(t('12.'))] },
        ],
      }),
    },
    {
      name: 'marks and a link',
      d: doc(
        p(
          t('Read '),
          t('the guide', 'bold', link('https://www.performance.gov/cx/')),
          t(' and '),
          t('act', 'italic'),
          t(' now', 'bold', 'italic'),
        ),
      ),
    },
    {
      name: 'nested lists, numbered from 3',
      d: doc({
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          {
            type: 'listItem',
            content: [
              p(t('Discovery')),
              {
                type: 'bulletList',
                content: [
                  { type: 'listItem', content: [p(t('Interviews'))] },
                  { type: 'listItem', content: [p(t('Journey map'))] },
                ],
              },
            ],
          },
          { type: 'listItem', content: [p(t('Design'))] },
        ],
      }),
    },
    {
      name: 'a table with a pipe and two paragraphs in a cell',
      d: doc({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableHeader',
                attrs: { colspan: 1, rowspan: 1 },
                content: [p(t('Milestone'))],
              },
              { type: 'tableHeader', attrs: { colspan: 1, rowspan: 1 }, content: [p(t('Status'))] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                attrs: { colspan: 1, rowspan: 1 },
                content: [p(t('Kits | AR'))],
              },
              {
                type: 'tableCell',
                attrs: { colspan: 1, rowspan: 1 },
                content: [p(t('Done', 'bold')), p(t('FY 2025'))],
              },
            ],
          },
        ],
      }),
    },
    {
      name: 'a quote, a rule and a hard break',
      d: doc(
        {
          type: 'blockquote',
          content: [p(t('Nine or fewer'), { type: 'hardBreak' }, t('need no approval'))],
        },
        { type: 'horizontalRule' },
        p(t('After')),
      ),
    },
    {
      name: 'a link address with parentheses and a space',
      d: doc(p(t('A-11', link('https://example.gov/a_(b) c')))),
    },
  ])('$name', ({ d }) => {
    expect(roundTrip(d)).toEqual(normal(d));
  });

  it('reads the usual hand-written forms', () => {
    const typed = [
      '## Goals',
      '',
      'Cut the *time tax* for __new parents__ and keep file_name_v2 as typed.',
      'Same paragraph.',
      '',
      '* one',
      '* two',
      '    1. nested',
      '',
      '| A | B |',
      '|:--|--:|',
      '| 1 | 2 |',
    ].join('\n');
    expect(normal(fromMarkdown(typed))).toMatchObject({
      content: [
        { type: 'heading', attrs: { level: 2 } },
        {
          type: 'paragraph',
          content: [
            { text: 'Cut the ' },
            { text: 'time tax', marks: [{ type: 'italic' }] },
            { text: ' for ' },
            { text: 'new parents', marks: [{ type: 'bold' }] },
            { text: ' and keep file_name_v2 as typed. Same paragraph.' },
          ],
        },
        {
          type: 'bulletList',
          content: [{}, { content: [{ type: 'paragraph' }, { type: 'orderedList' }] }],
        },
        { type: 'table' },
      ],
    });
  });

  it('an unpaired delimiter is text', () => {
    expect(normal(fromMarkdown('2 * 3 = 6 and **bold'))).toEqual(
      normal(doc(p(t('2 * 3 = 6 and **bold')))),
    );
  });

  // Text as a person might type it: any printable characters, Markdown syntax included, but no
  // line breaks and no spaces at either end (a paragraph's edges are trimmed when read).
  const text = fc
    .string({
      unit: fc.constantFrom(...'ab z09#*_~`[]()<>|\\-+.!:;>=\'"é𝛑'.split('')),
      minLength: 1,
      maxLength: 12,
    })
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const marks = fc.subarray(['bold', 'italic', 'strike', 'code']);
  const href = fc.option(
    fc.constantFrom(
      'https://www.performance.gov/cx/',
      'https://example.gov/a_(b)?q=1&r=[2]',
      'mailto:cx@omb.eop.gov',
    ),
  );
  const run = fc
    .record({ text, marks, href })
    .map(({ text: s, marks: m, href: a }) => t(s, ...m, ...(a ? [link(a)] : [])));
  const para = fc.array(run, { minLength: 1, maxLength: 4 }).map((runs) => {
    // Spaces between runs, so a run's edges are never the paragraph's edges.
    const spaced = runs.flatMap((r, i) => (i === 0 ? [r] : [t(' '), r]));
    return p(...spaced);
  });
  const item = para.map((x) => ({ type: 'listItem', content: [x] }));
  const blockNode: fc.Arbitrary<DocNode> = fc.oneof(
    para,
    fc
      .record({ level: fc.integer({ min: 1, max: 4 }), s: text })
      .map(({ level, s }) => h(level, s)),
    fc.array(item, { minLength: 1, maxLength: 3 }).map((c) => ({ type: 'bulletList', content: c })),
    fc
      .record({
        start: fc.integer({ min: 1, max: 20 }),
        c: fc.array(item, { minLength: 1, maxLength: 3 }),
      })
      .map(({ start, c }) => ({ type: 'orderedList', attrs: { start }, content: c })),
  );

  it('fromMarkdown(toMarkdown(doc)) equals doc for generated plans', () => {
    fc.assert(
      fc.property(fc.array(blockNode, { minLength: 1, maxLength: 6 }), (content) => {
        const d = doc(...content);
        expect(roundTrip(d)).toEqual(normal(d));
      }),
      { numRuns: 400 },
    );
  });
});
