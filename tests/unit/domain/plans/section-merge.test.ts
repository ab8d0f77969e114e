import { describe, expect, it } from 'vitest';
import type { DocNode } from '~/domain/plans/document';
import { mergeBySection, splitSections } from '~/domain/plans/section-merge';

const h = (text: string, level = 2): DocNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});
const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A plan from [heading, paragraph text] pairs; a null text is an empty section. */
const plan = (...sections: [string, string | null][]): DocNode => ({
  type: 'doc',
  content: sections.flatMap(([title, text]) => (text === null ? [h(title)] : [h(title), p(text)])),
});

const texts = (doc: DocNode) =>
  splitSections(doc).map((s) => [s.key, s.nodes.slice(1).map((n) => n.content?.[0]?.text)]);

describe('splitSections', () => {
  it('cuts at level-2 headings, keeps level-3 inside, numbers repeated titles', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [p('Intro'), h('A'), p('a1'), h('Sub', 3), p('a2'), h('A'), p('again')],
    };
    expect(splitSections(doc).map((s) => [s.key, s.nodes.length])).toEqual([
      ['', 1],
      ['A', 4],
      ['A#2', 2],
    ]);
  });
});

describe('mergeBySection', () => {
  const base = plan(['One', 'base 1'], ['Two', 'base 2'], ['Three', 'base 3']);

  it.each([
    {
      what: 'I changed one section, they changed another: both kept',
      mine: plan(['One', 'mine 1'], ['Two', 'base 2'], ['Three', 'base 3']),
      theirs: plan(['One', 'base 1'], ['Two', 'base 2'], ['Three', 'theirs 3']),
      doc: [
        ['One', ['mine 1']],
        ['Two', ['base 2']],
        ['Three', ['theirs 3']],
      ],
      applied: ['One'],
      conflicts: [],
    },
    {
      what: 'both changed the same section: theirs kept, reported with both texts',
      mine: plan(['One', 'mine 1'], ['Two', 'mine 2'], ['Three', 'base 3']),
      theirs: plan(['One', 'theirs 1'], ['Two', 'base 2'], ['Three', 'base 3']),
      doc: [
        ['One', ['theirs 1']],
        ['Two', ['mine 2']],
        ['Three', ['base 3']],
      ],
      applied: ['Two'],
      conflicts: ['One'],
    },
    {
      what: 'both made the same change: no conflict',
      mine: plan(['One', 'same'], ['Two', 'base 2'], ['Three', 'base 3']),
      theirs: plan(['One', 'same'], ['Two', 'base 2'], ['Three', 'base 3']),
      doc: [
        ['One', ['same']],
        ['Two', ['base 2']],
        ['Three', ['base 3']],
      ],
      applied: ['One'],
      conflicts: [],
    },
    {
      what: 'I added a section after Two: it lands after Two',
      mine: plan(['One', 'base 1'], ['Two', 'base 2'], ['New', 'added'], ['Three', 'base 3']),
      theirs: plan(['One', 'base 1'], ['Two', 'theirs 2'], ['Three', 'base 3']),
      doc: [
        ['One', ['base 1']],
        ['Two', ['theirs 2']],
        ['New', ['added']],
        ['Three', ['base 3']],
      ],
      applied: ['New'],
      conflicts: [],
    },
    {
      what: 'I removed a section nobody else touched: it goes',
      mine: plan(['One', 'base 1'], ['Three', 'base 3']),
      theirs: plan(['One', 'base 1'], ['Two', 'base 2'], ['Three', 'theirs 3']),
      doc: [
        ['One', ['base 1']],
        ['Three', ['theirs 3']],
      ],
      applied: ['Two'],
      conflicts: [],
    },
    {
      what: 'they removed a section I changed: stays removed, reported',
      mine: plan(['One', 'base 1'], ['Two', 'mine 2'], ['Three', 'base 3']),
      theirs: plan(['One', 'base 1'], ['Three', 'base 3']),
      doc: [
        ['One', ['base 1']],
        ['Three', ['base 3']],
      ],
      applied: [],
      conflicts: ['Two'],
    },
    {
      what: 'nothing changed by me: the current plan, untouched',
      mine: base,
      theirs: plan(['One', 'theirs 1'], ['Two', 'theirs 2'], ['Three', 'base 3']),
      doc: [
        ['One', ['theirs 1']],
        ['Two', ['theirs 2']],
        ['Three', ['base 3']],
      ],
      applied: [],
      conflicts: [],
    },
  ])('$what', ({ mine, theirs, doc, applied, conflicts }) => {
    const merged = mergeBySection(base, mine, theirs);
    expect(texts(merged.doc)).toEqual(doc);
    expect(merged.applied).toEqual(applied);
    expect(merged.conflicts.map((c) => c.key)).toEqual(conflicts);
  });

  it('a conflict carries both texts', () => {
    const merged = mergeBySection(
      base,
      plan(['One', 'mine 1'], ['Two', 'base 2'], ['Three', 'base 3']),
      plan(['One', 'theirs 1'], ['Two', 'base 2'], ['Three', 'base 3']),
    );
    expect(merged.conflicts).toEqual([
      {
        key: 'One',
        title: 'One',
        mine: [h('One'), p('mine 1')],
        theirs: [h('One'), p('theirs 1')],
      },
    ]);
  });

  it('an empty result is still a document', () => {
    const empty: DocNode = { type: 'doc', content: [] };
    expect(mergeBySection(empty, empty, empty).doc).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
  });
});
