import { describe, expect, it } from 'vitest';
import {
  compareJourneys,
  countChanges,
  diffStepFields,
  fieldSentence,
  isReversed,
  orderVersions,
  sideNames,
  summarySentence,
  type ComparableStep,
  type VersionSide,
} from '~/domain/journey/compare';
import { initialZoom } from '~/components/mermaid/mermaid-diagram';

const step = (
  key: string,
  stage: string,
  title: string,
  score: number,
  more: Partial<ComparableStep> = {},
): ComparableStep => ({
  key,
  stage,
  title,
  score,
  channel: 'web',
  touchpoint: 'SNAP office',
  painPoints: '',
  opportunities: '',
  actors: ['Worker'],
  ...more,
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

describe('orderVersions: which side is "before"', () => {
  const v = (id: number, label: VersionSide['label'], createdAt: string, versionName = '') => ({
    id,
    label,
    versionName,
    createdAt,
  });
  const JAN = '2026-01-05T15:00:00.000Z';
  const MAR = '2026-03-02T15:00:00.000Z';
  it.each([
    // [name, a, b, expected before id]
    ['as-is and to-be: the as-is, given first', v(1, 'as_is', JAN), v(2, 'to_be', MAR), 1],
    ['as-is and to-be: the as-is, given second', v(2, 'to_be', MAR), v(1, 'as_is', JAN), 1],
    ['as-is made after the to-be: still the as-is', v(7, 'to_be', JAN), v(8, 'as_is', MAR), 8],
    ['two as-is: the older', v(3, 'as_is', MAR), v(4, 'as_is', JAN), 4],
    ['two to-be: the older', v(5, 'to_be', JAN), v(6, 'to_be', MAR), 5],
    ['as-is and other: the older (the other)', v(1, 'as_is', MAR), v(2, 'other', JAN), 2],
    ['to-be and other: the older (the to-be)', v(1, 'other', MAR), v(2, 'to_be', JAN), 2],
    ['same kind, same instant: the lower id', v(9, 'other', JAN), v(3, 'other', JAN), 3],
    ['a map with itself', v(3, 'to_be', JAN), v(3, 'to_be', JAN), 3],
  ] as const)('%s', (_name, a, b, beforeId) => {
    const { before, after } = orderVersions(a, b);
    expect(before.id).toBe(beforeId);
    expect(new Set([before.id, after.id])).toEqual(new Set([a.id, b.id]));
    // The order never depends on which map the person started from.
    expect(orderVersions(b, a).before.id).toBe(beforeId);
  });

  it.each([
    ['as-is → to-be', v(1, 'as_is', MAR), v(2, 'to_be', JAN), false],
    ['to-be → as-is', v(2, 'to_be', JAN), v(1, 'as_is', MAR), true],
    ['older → newer', v(1, 'other', JAN), v(2, 'other', MAR), false],
    ['newer → older', v(2, 'other', MAR), v(1, 'other', JAN), true],
    ['a map with itself', v(1, 'as_is', JAN), v(1, 'as_is', JAN), false],
  ] as const)('isReversed %s: %s', (_name, before, after, reversed) => {
    expect(isReversed(before, after)).toBe(reversed);
  });

  it.each([
    ['kinds differ: the kinds', v(1, 'as_is', JAN), v(2, 'to_be', JAN), ['as-is', 'to-be']],
    [
      'same kind, names differ',
      v(1, 'to_be', JAN, '2027 redesign'),
      v(2, 'to_be', JAN),
      ['to-be “2027 redesign”', 'to-be without a name'],
    ],
    [
      'same kind and name: the dates (Eastern)',
      v(1, 'as_is', JAN),
      v(2, 'as_is', MAR),
      ['as-is of January 5, 2026', 'as-is of March 2, 2026'],
    ],
    [
      'all the same: the map numbers',
      v(1, 'other', JAN),
      v(2, 'other', JAN),
      ['other version (map 1)', 'other version (map 2)'],
    ],
  ] as const)('sideNames, %s', (_name, before, after, names) => {
    expect(sideNames(before, after)).toEqual(names);
  });

  it('a timestamp after 8 p.m. Eastern (midnight UTC) is still that Eastern day', () => {
    expect(
      sideNames(v(1, 'as_is', '2026-03-03T01:30:00.000Z'), v(2, 'as_is', '2026-03-03T15:00:00Z')),
    ).toEqual(['as-is of March 2, 2026', 'as-is of March 3, 2026']);
  });
});

describe('diffStepFields: what changed besides the score', () => {
  const base = step('k', 'Applying', 'Call the office', 3, {
    channel: 'phone',
    touchpoint: 'SNAP office',
    painPoints: 'Long hold times',
    opportunities: '',
    actors: ['Worker', 'Caseworker'],
  });
  it.each([
    ['nothing', {}, []],
    ['the score alone is not a field change', { score: 1 }, []],
    ['channel', { channel: 'web' }, [['channel', 'phone', 'web']]],
    [
      'touchpoint',
      { touchpoint: 'Online portal' },
      [['touchpoint', 'SNAP office', 'Online portal']],
    ],
    [
      'pain points',
      { painPoints: 'Long hold times\nLost documents' },
      [['painPoints', 'Long hold times', 'Long hold times\nLost documents']],
    ],
    ['pain points cleared', { painPoints: '' }, [['painPoints', 'Long hold times', '']]],
    ['opportunities added', { opportunities: 'Call back' }, [['opportunities', '', 'Call back']]],
    ['actors', { actors: ['Worker'] }, [['actors', 'Worker, Caseworker', 'Worker']]],
    [
      'actors reordered',
      { actors: ['Caseworker', 'Worker'] },
      [['actors', 'Worker, Caseworker', 'Caseworker, Worker']],
    ],
    [
      'renamed and moved',
      { stage: 'Waiting', title: 'Get a call back' },
      [
        ['stage', 'Applying', 'Waiting'],
        ['title', 'Call the office', 'Get a call back'],
      ],
    ],
    [
      'spaces at the ends and Windows line ends are not changes',
      { painPoints: '  Long hold times\r\n' },
      [],
    ],
    ['case is a change', { channel: 'Phone' }, [['channel', 'phone', 'Phone']]],
    [
      'several, in the page’s order',
      { painPoints: 'None', channel: 'web', touchpoint: '' },
      [
        ['channel', 'phone', 'web'],
        ['touchpoint', 'SNAP office', ''],
        ['painPoints', 'Long hold times', 'None'],
      ],
    ],
  ] as const)('%s', (_name, change, expected) => {
    const after = { ...base, ...(change as Partial<ComparableStep>) };
    expect(diffStepFields(base, after).map((f) => [f.field, f.before, f.after])).toEqual(expected);
  });

  it('compareJourneys lists field changes on matched steps only, read before → after', () => {
    const r = compareJourneys(
      [step('k1', 'S', 'A', 4, { channel: 'phone' }), step('k2', 'S', 'Gone', 2)],
      [step('k1', 'S', 'A', 2, { channel: 'web' }), step('k3', 'S', 'New', 5)],
    );
    expect(
      r.steps.map((s) => [s.title, s.status, s.fields.map((f) => `${f.before}→${f.after}`)]),
    ).toEqual([
      ['A', 'worse', ['phone→web']],
      ['Gone', 'removed', []],
      ['New', 'added', []],
    ]);
  });
});

describe('the summary names its direction', () => {
  // The case: a to-be copy with two scores lowered, a pain point and a channel changed.
  const asIs = [
    step('k1', 'Apply', 'Find the application', 3),
    step('k2', 'Apply', 'Gather pay stubs', 2, { painPoints: 'Pay stubs are lost' }),
    step('k3', 'Wait', 'Wait for a decision', 2),
  ];
  const toBe = [
    step('k1', 'Apply', 'Find the application', 1),
    step('k2', 'Apply', 'Gather pay stubs', 1, { painPoints: 'Employer will not send pay stubs' }),
    step('k3', 'Wait', 'Wait for a decision', 2, { channel: 'phone' }),
  ];
  it('as-is → to-be: two steps worse', () => {
    const c = countChanges(compareJourneys(asIs, toBe));
    expect(summarySentence(['as-is', 'to-be'], c)).toBe(
      'To-be vs as-is: 2 steps worse, 0 better, 1 the same; 0 steps added, 0 removed.',
    );
    expect(fieldSentence(c)).toBe(
      'Changed besides scores: channel in 1 step, pain points in 1 step.',
    );
  });
  it('swapped, to-be → as-is: the same two steps read better', () => {
    const c = countChanges(compareJourneys(toBe, asIs));
    expect(summarySentence(['to-be', 'as-is'], c)).toBe(
      'As-is vs to-be: 0 steps worse, 2 better, 1 the same; 0 steps added, 0 removed.',
    );
  });
  it.each([
    [[], [step('a', 'S', 'A', 3)], '0 steps worse, 0 better, 0 the same; 1 step added, 0 removed.'],
    [
      [step('a', 'S', 'A', 3)],
      [step('a', 'S', 'A', 2)],
      '1 step worse, 0 better, 0 the same; 0 steps added, 0 removed.',
    ],
  ])('counts are pluralized', (before, after, tail) => {
    expect(summarySentence(['as-is', 'to-be'], countChanges(compareJourneys(before, after)))).toBe(
      `To-be vs as-is: ${tail}`,
    );
  });
  it('no field changed', () => {
    expect(fieldSentence(countChanges(compareJourneys(asIs, asIs)))).toBe(
      'No step’s pain points, channel, touchpoint or other text changed.',
    );
  });
});

describe('initialZoom: the first size of a drawn diagram', () => {
  it.each([
    ['fits as it is', 600, 800, 'fit'],
    ['squeezed to three quarters: still fit', 800, 600, 'fit'],
    ['squeezed below three quarters: actual size, scrolling', 801, 600, 'actual'],
    ['a wide journey on a 390 px phone', 1400, 358, 'actual'],
    ['no width known', 0, 358, 'fit'],
  ] as const)('%s', (_name, natural, frame, zoom) => {
    expect(initialZoom(natural, frame)).toBe(zoom);
  });
});
