import { describe, expect, it } from 'vitest';
import { isConfirmed, type Removal } from '~/domain/removal';
import { askFirst } from '~/web/removal.server';

const removal: Removal = {
  what: 'the stage “Apply”',
  takes: ['its 2 steps: Find, Fill in'],
  confirm: 'Yes, remove the stage and its steps',
};
const page = { fields: { intent: 'delete_stage', stageId: 12, version: 3 }, cancelTo: '/x' };

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe('removals ask first (issue 16)', () => {
  it.each([
    [[['confirm', 'yes']], true],
    [[], false],
    [[['confirm', '']], false],
    [[['confirm', 'no']], false],
    [[['confirm', 'YES']], false],
    [[['confirm', 'yes ']], false],
    [[['confirm', 'true']], false],
    [[['Confirm', 'yes']], false],
    [[['intent', 'yes']], false],
  ] as [[string, string][], boolean][])('confirm fields %j → confirmed %s', (entries, expected) => {
    expect(isConfirmed(form(entries))).toBe(expected);
  });

  it('answers an unconfirmed removal with the confirmation page, its fields as strings', () => {
    let described = 0;
    const answer = askFirst(
      form([
        ['intent', 'delete_stage'],
        ['stageId', '12'],
      ]),
      () => {
        described += 1;
        return removal;
      },
      page,
      { intent: 'delete_stage', stale: null },
    );
    expect(answer).not.toBeNull();
    expect(answer!.init?.status).toBe(200); // nothing was refused, nothing changed
    expect(answer!.data).toEqual({
      intent: 'delete_stage',
      stale: null,
      removal: {
        ...removal,
        fields: [
          ['intent', 'delete_stage'],
          ['stageId', '12'],
          ['version', '3'],
        ],
        cancelTo: '/x',
      },
    });
    expect(described).toBe(1);
  });

  it('lets a confirmed removal go on, without describing it', () => {
    const answer = askFirst(
      form([['confirm', 'yes']]),
      () => {
        throw new Error('not needed once confirmed');
      },
      page,
      {},
    );
    expect(answer).toBeNull();
  });
});
