/** The smallest change between two texts, and where a caret goes when someone else's arrives. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapIndex, textChange, type TextDelta } from '~/domain/collab/text';

describe('textChange', () => {
  it.each([
    ['', '', null],
    ['note', 'note', null],
    ['', 'new', { at: 0, remove: 0, insert: 'new' }],
    ['Held in May', 'Held in late May', { at: 8, remove: 0, insert: 'late ' }],
    ['Held in May', 'Held May', { at: 5, remove: 3, insert: '' }],
    ['aaa', 'aaaa', { at: 3, remove: 0, insert: 'a' }],
    ['abc', 'xyz', { at: 0, remove: 3, insert: 'xyz' }],
    ['Held', '', { at: 0, remove: 4, insert: '' }],
  ])('%j → %j', (before, after, change) => {
    expect(textChange(before, after)).toEqual(change);
  });

  it('applied to a shared text, turns one into the other', () => {
    const pairs = [
      ['Held in May', 'Held in late May, online'],
      ['👩‍👩‍👧 family', '👩‍👩‍👧‍👦 family'],
      ['', 'x'],
    ];
    for (const [before, after] of pairs) {
      const text = new Y.Doc().getText('t');
      text.insert(0, before!);
      const c = textChange(before!, after!)!;
      text.delete(c.at, c.remove);
      text.insert(c.at, c.insert);
      expect(text.toString()).toBe(after);
    }
  });
});

describe('mapIndex', () => {
  const cases: [string, TextDelta, number, number][] = [
    ['no change', [], 4, 4],
    ['an insert before the caret moves it right', [{ insert: 'ab' }], 3, 5],
    ['an insert after the caret leaves it', [{ retain: 5 }, { insert: 'ab' }], 3, 3],
    ['an insert at the caret leaves it in front', [{ retain: 3 }, { insert: 'ab' }], 3, 3],
    ['a deletion before the caret moves it left', [{ delete: 2 }], 3, 1],
    [
      'a deletion around the caret brings it to the start of it',
      [{ retain: 1 }, { delete: 5 }],
      3,
      1,
    ],
    ['a deletion after the caret leaves it', [{ retain: 4 }, { delete: 2 }], 3, 3],
    ['several changes', [{ insert: 'x' }, { retain: 1 }, { delete: 1 }, { insert: 'yz' }], 3, 5],
  ];
  it.each(cases)('%s', (_, delta, index, expected) => {
    expect(mapIndex(delta, index)).toBe(expected);
  });

  it('agrees with what Yjs reports for a remote change', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Held in May with staff');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let delta: TextDelta = [];
    b.getText('t').observe((e) => {
      delta = e.delta as TextDelta;
    });
    // The caret is before "staff" (index 17) in b; a inserts "late " before "May".
    a.getText('t').insert(8, 'late ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    const at = mapIndex(delta, 17);
    expect(b.getText('t').toString().slice(at)).toBe('staff');
  });
});
