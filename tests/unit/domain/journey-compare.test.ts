import { describe, expect, it } from 'vitest';
import { compareJourneys, type ComparableStep } from '~/domain/journey/compare';

const step = (key: string, stage: string, title: string, score: number): ComparableStep => ({
  key,
  stage,
  title,
  score,
});

/** The rows as [title, before, after, change, status], for short expectations. */
const rows = (before: ComparableStep[], after: ComparableStep[]) =>
  compareJourneys(before, after).steps.map((s) => [s.title, s.before, s.after, s.change, s.status]);

describe('compareJourneys: steps matched by the key a copy keeps', () => {
  it.each([
    {
      name: 'same score',
      before: [step('k1', 'Apply', 'Fill in the form', 3)],
      after: [step('k1', 'Apply', 'Fill in the form', 3)],
      rows: [['Fill in the form', 3, 3, 0, 'same']],
    },
    {
      name: 'improved',
      before: [step('k1', 'Apply', 'Gather pay stubs', 1)],
      after: [step('k1', 'Apply', 'Gather pay stubs', 4)],
      rows: [['Gather pay stubs', 1, 4, 3, 'improved']],
    },
    {
      name: 'worse',
      before: [step('k1', 'Apply', 'Call the office', 4)],
      after: [step('k1', 'Apply', 'Call the office', 2)],
      rows: [['Call the office', 4, 2, -2, 'worse']],
    },
    {
      name: 'renamed and moved to another stage: still the same step, shown as it is now',
      before: [step('k1', 'Apply', 'Gather pay stubs', 1)],
      after: [step('k1', 'Verify', 'Share payroll data with consent', 4)],
      rows: [['Share payroll data with consent', 1, 4, 3, 'improved']],
    },
    {
      name: 'removed',
      before: [step('k1', 'Apply', 'A', 2), step('k2', 'Apply', 'Wait for a decision', 1)],
      after: [step('k1', 'Apply', 'A', 2)],
      rows: [
        ['A', 2, 2, 0, 'same'],
        ['Wait for a decision', 1, null, null, 'removed'],
      ],
    },
    {
      name: 'added, listed after the older map’s steps',
      before: [step('k1', 'Apply', 'A', 2)],
      after: [step('k9', 'Apply', 'Get a decision the same day', 5), step('k1', 'Apply', 'A', 2)],
      rows: [
        ['A', 2, 2, 0, 'same'],
        ['Get a decision the same day', null, 5, null, 'added'],
      ],
    },
    { name: 'two empty maps', before: [], after: [], rows: [] },
  ])('$name', ({ before, after, rows: expected }) => {
    expect(rows(before, after)).toEqual(expected);
  });

  it('the row shows the newer stage and title of a matched step, and the older key', () => {
    const [row] = compareJourneys(
      [step('k1', 'Apply', 'Old title', 2)],
      [step('k1', 'Verify', 'New title', 2)],
    ).steps;
    expect(row).toMatchObject({ key: 'k1', stage: 'Verify', title: 'New title' });
  });
});

describe('compareJourneys: averages', () => {
  it.each([
    { before: [1, 2, 4], after: [5, 4], averageBefore: 2.33, averageAfter: 4.5 },
    { before: [3], after: [], averageBefore: 3, averageAfter: null },
    { before: [], after: [2, 3], averageBefore: null, averageAfter: 2.5 },
    { before: [1, 1, 2], after: [2, 2, 2], averageBefore: 1.33, averageAfter: 2 },
    { before: [5, 4, 4], after: [1], averageBefore: 4.33, averageAfter: 1 },
  ])('$before → $after', ({ before, after, averageBefore, averageAfter }) => {
    const r = compareJourneys(
      before.map((s, i) => step(`b${i}`, 'S', `B${i}`, s)),
      after.map((s, i) => step(`a${i}`, 'S', `A${i}`, s)),
    );
    expect([r.averageBefore, r.averageAfter]).toEqual([averageBefore, averageAfter]);
  });

  it('averages every step of each map, matched or not', () => {
    const r = compareJourneys(
      [step('k1', 'S', 'A', 1), step('k2', 'S', 'B', 2)],
      [step('k1', 'S', 'A', 5)],
    );
    expect([r.averageBefore, r.averageAfter]).toEqual([1.5, 5]);
  });
});

describe('compareJourneys: versions whose keys do not match fall back to stage and title', () => {
  // Two versions imported separately: every step has a new key.
  const asIs = [
    step('i1', 'Applying', 'Find the application', 2),
    step('i2', 'Applying', 'Gather pay stubs', 1),
    step('i3', 'Waiting', 'Wait for an eligibility decision', 1),
  ];
  const toBe = [
    step('j1', 'Applying', 'Find the application', 4),
    step('j2', 'Applying', 'Share payroll data with consent', 4),
    step('j3', 'Waiting', 'Wait for an eligibility decision', 1),
  ];

  it('pairs steps with the same stage and title; the rest are added or removed', () => {
    expect(rows(asIs, toBe)).toEqual([
      ['Find the application', 2, 4, 2, 'improved'],
      ['Gather pay stubs', 1, null, null, 'removed'],
      ['Wait for an eligibility decision', 1, 1, 0, 'same'],
      ['Share payroll data with consent', null, 4, null, 'added'],
    ]);
  });

  it('a step of the same title in another stage is a different step', () => {
    expect(
      rows(
        [step('i1', 'Applying', 'Call the office', 2)],
        [step('j1', 'Waiting', 'Call the office', 3)],
      ),
    ).toEqual([
      ['Call the office', 2, null, null, 'removed'],
      ['Call the office', null, 3, null, 'added'],
    ]);
  });

  it('titles match exactly (case and spelling count)', () => {
    expect(
      rows([step('i1', 'S', 'Call the office', 2)], [step('j1', 'S', 'Call The Office', 2)]).map(
        (r) => r[4],
      ),
    ).toEqual(['removed', 'added']);
  });

  it('repeated titles pair in order, the n-th with the n-th', () => {
    expect(
      rows(
        [step('i1', 'S', 'Call', 1), step('i2', 'S', 'Call', 2), step('i3', 'S', 'Call', 3)],
        [step('j1', 'S', 'Call', 4), step('j2', 'S', 'Call', 5)],
      ),
    ).toEqual([
      ['Call', 1, 4, 3, 'improved'],
      ['Call', 2, 5, 3, 'improved'],
      ['Call', 3, null, null, 'removed'],
    ]);
  });

  it('keys come first: a renamed copy keeps its pair, and the fallback takes only what is left', () => {
    // k1 was renamed in the copy to the title another (new) before-step has.
    const before = [step('k1', 'S', 'Old name', 1), step('x', 'S', 'New name', 2)];
    const after = [step('k1', 'S', 'New name', 3), step('y', 'S', 'New name', 4)];
    expect(rows(before, after)).toEqual([
      ['New name', 1, 3, 2, 'improved'],
      ['New name', 2, 4, 2, 'improved'],
    ]);
  });

  it('a step matched by key is never matched again by title', () => {
    const before = [step('k1', 'S', 'A', 1), step('x', 'S', 'A', 2)];
    const after = [step('k1', 'S', 'A', 3)];
    expect(rows(before, after)).toEqual([
      ['A', 1, 3, 2, 'improved'],
      ['A', 2, null, null, 'removed'],
    ]);
  });

  it('every step appears exactly once', () => {
    const r = compareJourneys(asIs, toBe);
    const matched = r.steps.filter((s) => s.before !== null && s.after !== null).length;
    const added = r.steps.filter((s) => s.status === 'added').length;
    const removed = r.steps.filter((s) => s.status === 'removed').length;
    expect(matched + removed).toBe(asIs.length);
    expect(matched + added).toBe(toBe.length);
  });
});
