import { describe, expect, it } from 'vitest';
import { alreadyAtEnd, moveAnnouncement } from '~/domain/journey/reorder';

const stages = [
  {
    id: 1,
    name: 'At the hospital',
    steps: [
      { id: 11, title: 'Fill in the form' },
      { id: 12, title: 'Receive the birth certificate' },
      { id: 13, title: 'Apply: "now" #1; 👶' },
    ],
  },
  { id: 2, name: 'At home', steps: [] },
  { id: 3, name: 'First months', steps: [{ id: 31, title: 'Apply for WIC' }] },
];

describe('journey reordering: what a screen reader hears after a move', () => {
  it.each([
    {
      moved: { kind: 'step', id: 12 } as const,
      text: 'Step ‘Receive the birth certificate’ moved to position 2 of 3 in ‘At the hospital’.',
    },
    {
      moved: { kind: 'step', id: 13 } as const,
      text: 'Step ‘Apply: "now" #1; 👶’ moved to position 3 of 3 in ‘At the hospital’.',
    },
    {
      moved: { kind: 'step', id: 31 } as const,
      text: 'Step ‘Apply for WIC’ moved to position 1 of 1 in ‘First months’.',
    },
    {
      moved: { kind: 'stage', id: 1 } as const,
      text: 'Stage ‘At the hospital’ moved to position 1 of 3.',
    },
    {
      moved: { kind: 'stage', id: 3 } as const,
      text: 'Stage ‘First months’ moved to position 3 of 3.',
    },
    { moved: { kind: 'step', id: 99 } as const, text: null },
    { moved: { kind: 'stage', id: 12 } as const, text: null },
  ])('$moved.kind $moved.id', ({ moved, text }) => {
    expect(moveAnnouncement(stages, moved)).toBe(text);
  });

  it.each([
    {
      item: { kind: 'step', name: 'Apply for WIC', stage: 'First months' } as const,
      direction: 'up' as const,
      text: 'Step ‘Apply for WIC’ is already first in ‘First months’.',
    },
    {
      item: { kind: 'stage', name: 'At home' } as const,
      direction: 'down' as const,
      text: 'Stage ‘At home’ is already last.',
    },
  ])('past the end: $text', ({ item, direction, text }) => {
    expect(alreadyAtEnd(item, direction)).toBe(text);
  });
});
