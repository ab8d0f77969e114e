import { describe, expect, test } from 'vitest';
import type { PlanStatus } from '~/domain/plans/status';
import {
  citationsBySection,
  dueFormFields,
  dueLine,
  moveLabel,
  named,
  planMoves,
} from '~/presenters/plans';

test.each([
  ['Luis Ortega', 'USDA', 'Luis Ortega (USDA)'],
  ['Luis Ortega', null, 'Luis Ortega'],
  [null, 'USDA', null],
  [null, null, null],
])('named(%s, %s) = %s', (name, agency, text) => {
  expect(named(name, agency)).toBe(text);
});

describe('the status buttons', () => {
  test.each<[PlanStatus, boolean, PlanStatus[], string[]]>([
    ['draft', false, ['in_review'], ['Send for review']],
    ['in_review', false, ['draft', 'final'], ['Back to draft', 'Mark final']],
    ['final', false, [], []],
    ['final', true, ['draft'], ['Reopen as draft']],
  ])('from %s (may reopen: %s)', (status, mayReopen, moves, labels) => {
    expect(planMoves(status, mayReopen)).toEqual(moves);
    expect(moves.map((to) => moveLabel(status, to))).toEqual(labels);
  });
});

describe('dueLine', () => {
  const dates = { draft_due: '2027-05-26', final_due: '2027-09-09' };
  test.each<[PlanStatus, { draft: number; final: number }, string]>([
    [
      'draft',
      { draft: 3, final: 1 },
      'Draft due May 26, 2027 (3 days left) · Final due September 9, 2027 (1 day left)',
    ],
    [
      'in_review',
      { draft: -2, final: 0 },
      'Draft due May 26, 2027 (2 days overdue) · Final due September 9, 2027 (Due today)',
    ],
    ['final', { draft: -9, final: -1 }, 'Draft due May 26, 2027 · Final due September 9, 2027'],
  ])('%s', (status, left, line) => {
    expect(dueLine({ status, ...dates }, left)).toBe(line);
  });
});

describe('dueFormFields', () => {
  const plan = { draft_due: '2027-05-26', final_due: '2027-09-09' };
  test.each([
    [
      'no answer: the plan’s dates',
      undefined,
      ['2027-05-26', '2027-09-09'],
      [undefined, undefined],
    ],
    [
      'another form’s answer: the plan’s dates',
      { intent: 'comment', result: { initialValue: { draftDue: 'x' }, error: { body: ['E'] } } },
      ['2027-05-26', '2027-09-09'],
      [undefined, undefined],
    ],
    [
      'a refused due-date save: what was typed, with its errors',
      {
        intent: 'due',
        result: {
          initialValue: { draftDue: '2027-10-01', finalDue: '2027-09-01' },
          error: { finalDue: ['The final plan is due after the draft.'] },
        },
      },
      ['2027-10-01', '2027-09-01'],
      [undefined, ['The final plan is due after the draft.']],
    ],
  ])('%s', (_, reply, values, errors) => {
    const fields = dueFormFields(plan, reply);
    expect(fields.map((f) => [f.name, f.label])).toEqual([
      ['draftDue', 'Draft due'],
      ['finalDue', 'Final due'],
    ]);
    expect(fields.map((f) => f.value)).toEqual(values);
    expect(fields.map((f) => f.errors)).toEqual(errors);
  });
});

describe('citationsBySection', () => {
  const sections = ['One', 'Two', 'Three'];
  test.each([
    [[], []],
    [
      [
        { id: 1, section: 2 },
        { id: 2, section: 0 },
        { id: 3, section: 2 },
      ],
      [
        ['One', [2]],
        ['Three', [1, 3]],
      ],
    ],
  ])('%o', (citations, grouped) => {
    expect(
      citationsBySection(sections, citations).map((s) => [s.title, s.citations.map((c) => c.id)]),
    ).toEqual(grouped);
  });
});
