/** Which fields of a PMC update's shared document are notes, what a note keeps, what changed. */
import { describe, expect, it } from 'vitest';
import {
  changedNotes,
  keptNote,
  MAX_NOTE_LENGTH,
  noteField,
  noteKeyOf,
  textsDigest,
} from '~/domain/pmc/texts';

describe('note fields', () => {
  it.each([
    ['note:m12', 'm12'],
    ['note:d3', 'd3'],
    ['note:g7', 'g7'],
    ['note:r5', 'r5'],
    ['note:x1', null],
    ['note:m', null],
    ['note:m1234567890123', null],
    ['note:../m1', null],
    ['program', null],
    ['having-a-child', null],
    ['m12', null],
  ])('%s → %s', (field, key) => {
    expect(noteKeyOf(field)).toBe(key);
  });

  it('a key’s field names it back', () => {
    expect(noteKeyOf(noteField('m42'))).toBe('m42');
  });
});

describe('keptNote', () => {
  it.each([
    ['  Held in May.  ', 'Held in May.'],
    ['', ''],
    ['   ', ''],
    ['x'.repeat(MAX_NOTE_LENGTH + 1), 'x'.repeat(MAX_NOTE_LENGTH)],
    [`${'x'.repeat(MAX_NOTE_LENGTH - 1)} y`, 'x'.repeat(MAX_NOTE_LENGTH - 1)],
  ])('%j', (typed, kept) => {
    expect(keptNote(typed)).toBe(kept);
  });
});

describe('changedNotes', () => {
  it.each([
    [{}, {}, []],
    [{ m1: 'a' }, { m1: 'a' }, []],
    [{ m1: 'a' }, { m1: 'b' }, ['m1']],
    [{}, { r5: 'new', m1: 'new' }, ['m1', 'r5']],
    [{ m1: 'a' }, {}, ['m1']],
    [{ m1: '' }, {}, []],
  ] as [Record<string, string>, Record<string, string>, string[]][])(
    '%j → %j',
    (before, after, changed) => {
      expect(changedNotes(before, after)).toEqual(changed);
    },
  );
});

describe('textsDigest', () => {
  it('is 16 hex digits, the same for the same words and different for different ones', () => {
    const a = textsDigest('{"program":1}', '{"m1":"note"}');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(textsDigest('{"program":1}', '{"m1":"note"}')).toBe(a);
    expect(textsDigest('{"program":1}', '{"m1":"note!"}')).not.toBe(a);
    expect(textsDigest('{"program":2}', '{"m1":"note"}')).not.toBe(a);
    // The boundary between the two counts.
    expect(textsDigest('ab', 'c')).not.toBe(textsDigest('a', 'bc'));
  });
});
