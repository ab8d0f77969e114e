import { describe, expect, it } from 'vitest';
import { diffFields } from '~/domain/audit';

describe('audit diff', () => {
  it.each([
    {
      name: 'creation',
      before: null,
      after: { name: 'A' },
      expected: { name: { before: null, after: 'A' } },
    },
    {
      name: 'deletion',
      before: { name: 'A' },
      after: null,
      expected: { name: { before: 'A', after: null } },
    },
    {
      name: 'unchanged field left out',
      before: { name: 'A', health: 'on_track' },
      after: { name: 'B', health: 'on_track' },
      expected: { name: { before: 'A', after: 'B' } },
    },
    {
      name: 'bookkeeping left out',
      before: { version: 1, updated_at: 'x' },
      after: { version: 2, updated_at: 'y' },
      expected: {},
    },
    {
      name: 'arrays compared by value',
      before: { agencies: [1, 2] },
      after: { agencies: [1, 2] },
      expected: {},
    },
    {
      name: 'undefined equals null',
      before: { reason: null },
      after: { reason: undefined },
      expected: {},
    },
  ])('$name', ({ before, after, expected }) => {
    expect(diffFields(before, after)).toEqual(expected);
  });
});
