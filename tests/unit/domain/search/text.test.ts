import { describe, expect, it } from 'vitest';
import { HIT_END as E, HIT_START as S } from '~/domain/search/markers';
import { planSectionTexts } from '~/domain/search/plan-sections';
import { docText, indexText, snippetParts } from '~/domain/search/text';
import { planTemplate } from '~/domain/plans/document';

describe('snippets', () => {
  it.each([
    ['', []],
    ['plain text', [{ text: 'plain text', hit: false }]],
    [
      `the ${S}notary${E} stamp`,
      [
        { text: 'the ', hit: false },
        { text: 'notary', hit: true },
        { text: ' stamp', hit: false },
      ],
    ],
    [
      `${S}ex${E} ${S}parte${E}`,
      [
        { text: 'ex', hit: true },
        { text: ' ', hit: false },
        { text: 'parte', hit: true },
      ],
    ],
    // What a person stored comes back as the characters they typed: text, never markup.
    [
      `<script>${S}alert${E}(1)</script>`,
      [
        { text: '<script>', hit: false },
        { text: 'alert', hit: true },
        { text: '(1)</script>', hit: false },
      ],
    ],
    ['line\nbreaks\t folded', [{ text: 'line breaks folded', hit: false }]],
  ])('%j', (marked, parts) => {
    expect(snippetParts(marked)).toEqual(parts);
  });
});

describe('indexed text', () => {
  it('drops control characters (the snippet markers among them) and folds spaces', () => {
    expect(indexText('a\u0001b', null, '  c\t\td ', undefined, '')).toBe('a b\nc d');
  });

  it('reads the words of a rich-text document, a block per line', () => {
    expect(
      docText([
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'One ' },
            { type: 'text', text: 'two' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }],
            },
          ],
        },
      ]),
    ).toBe('One two\nthree');
  });
});

describe("a plan's sections", () => {
  it('numbers the level-2 headings from 1, with the text under each', () => {
    const doc = planTemplate();
    doc.content![1] = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'Ex parte renewals.' }],
    };
    const sections = planSectionTexts(doc);
    expect(sections).toHaveLength(8);
    expect(sections[0]).toEqual({
      number: 1,
      title: 'Improvements to designated services',
      text: 'Ex parte renewals.',
    });
    expect(sections[7]!.number).toBe(8);
  });

  it('keeps text before the first heading as section 0, and survives what is not a document', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Preface' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A' }] },
      ],
    };
    expect(planSectionTexts(doc).map((s) => [s.number, s.title, s.text])).toEqual([
      [0, '', 'Preface'],
      [1, 'A', ''],
    ]);
    expect(planSectionTexts(null)).toEqual([]);
    expect(planSectionTexts('x')).toEqual([]);
  });
});
