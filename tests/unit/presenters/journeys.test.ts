import { describe, expect, it } from 'vitest';
import { TIME_PER_SECOND, MONEY_PER_CENT } from '~/domain/burden/calc';
import {
  burdenColumn,
  comparisonView,
  removalOf,
  stageRemoval,
  stepRemoval,
} from '~/presenters/journeys';
import type { JourneyDetail } from '#db/queries/journeys';

describe('stepRemoval', () => {
  it.each([
    {
      projects: 0,
      takes: ['its place on burden items attached to it (the items stay, with no step)'],
    },
    {
      projects: 1,
      takes: [
        'its links to 1 project',
        'its place on burden items attached to it (the items stay, with no step)',
      ],
    },
    {
      projects: 3,
      takes: [
        'its links to 3 projects',
        'its place on burden items attached to it (the items stay, with no step)',
      ],
    },
  ])('a step linked to $projects projects', ({ projects, takes }) => {
    const r = stepRemoval({ title: 'Apply', projects: Array.from({ length: projects }) });
    expect(r).toEqual({ what: 'the step “Apply”', takes, confirm: 'Yes, remove the step' });
  });
});

describe('stageRemoval', () => {
  it.each([
    { steps: [], takes: [] },
    {
      steps: ['Apply'],
      takes: [
        'its 1 step: Apply',
        'their links to projects, and their place on burden items (the items stay, with no step)',
      ],
    },
    {
      steps: ['Apply', 'Wait'],
      takes: [
        'its 2 steps: Apply, Wait',
        'their links to projects, and their place on burden items (the items stay, with no step)',
      ],
    },
  ])('a stage with steps $steps', ({ steps, takes }) => {
    const r = stageRemoval({
      name: 'Learn',
      steps: steps.map((title) => ({ title, projects: [] })),
    });
    expect(r.what).toBe('the stage “Learn”');
    expect(r.takes).toEqual(takes);
    expect(r.confirm).toBe('Yes, remove the stage and its steps');
  });
});

/** A map with one stage whose steps have these scores (and one pain point each). */
function map(
  id: number,
  label: 'as_is' | 'to_be' | 'other',
  steps: [key: string, score: number, pain?: string][],
): JourneyDetail {
  return {
    map: {
      id,
      title: `Map ${id}`,
      version_label: label,
      version_name: '',
      created_at: `2026-0${id}-01T12:00:00.000Z`,
      updated_at: `2026-0${id}-02T12:00:00.000Z`,
    },
    stages: [
      {
        id: id * 10,
        name: 'Apply',
        steps: steps.map(([key, score, pain], i) => ({
          id: id * 100 + i,
          step_key: key,
          title: `Step ${key}`,
          score,
          channel: 'Online',
          touchpoint: '',
          pain_points: pain ?? '',
          opportunities: '',
          actors: ['Applicant'],
          projects: [],
        })),
      },
    ],
  } as unknown as JourneyDetail;
}

describe('comparisonView', () => {
  it.each([
    {
      name: 'a better step, a new step and a removed one, read as-is → to-be',
      before: map(1, 'as_is', [
        ['a', 2],
        ['b', 3],
      ]),
      after: map(2, 'to_be', [
        ['a', 4],
        ['c', 5],
      ]),
      reversed: false,
      statuses: ['improved', 'removed', 'added'],
      names: ['as-is', 'to-be'],
    },
    {
      name: 'the to-be put first reads backwards',
      before: map(2, 'to_be', [['a', 4]]),
      after: map(1, 'as_is', [['a', 2]]),
      reversed: true,
      statuses: ['worse'],
      names: ['to-be', 'as-is'],
    },
  ])('$name', ({ before, after, reversed, statuses, names }) => {
    const c = comparisonView(before, after, '/compare');
    expect(c.reversed).toBe(reversed);
    expect(c.steps.map((s) => s.status).sort()).toEqual([...statuses].sort());
    expect(c.names.map((n) => n.toLowerCase())).toEqual(names);
    expect(c.swap).toBe(`/compare?before=${after.map.id}&after=${before.map.id}`);
    expect(c.before.source).toContain('journey');
    expect(c.summary.length).toBeGreaterThan(0);
  });

  it('lists a changed pain point as a field change of the step in both versions', () => {
    const c = comparisonView(
      map(1, 'as_is', [['a', 3, 'Long wait']]),
      map(2, 'to_be', [['a', 3, 'Short wait']]),
      '/c',
    );
    const a = c.steps.find((s) => s.key === 'a');
    expect(a?.status).toBe('same');
    expect(a?.fields).toEqual([{ field: 'painPoints', before: 'Long wait', after: 'Short wait' }]);
  });
});

describe('removalOf', () => {
  const stages = [
    { id: 1, name: 'Learn', steps: [{ id: 11, title: 'Read', projects: [] }] },
    { id: 2, name: 'Apply', steps: [] },
  ];
  it.each([
    { v: { intent: 'delete_stage', version: 4, stageId: 1 }, what: 'the stage “Learn”' },
    { v: { intent: 'delete_step', version: 4, stepId: 11 }, what: 'the step “Read”' },
    { v: { intent: 'delete_stage', version: 4, stageId: 99 }, what: null },
    { v: { intent: 'delete_step', version: 4, stepId: 99 }, what: null },
    { v: { intent: 'rename_stage', version: 4, stageId: 1 }, what: null },
  ])('$v.intent of $v.stageId$v.stepId', ({ v, what }) => {
    const r = removalOf(stages, v);
    expect(r?.removal.what ?? null).toBe(what);
    if (r) expect(r.fields).toMatchObject({ intent: v.intent, version: 4 });
  });
});

describe('burdenColumn', () => {
  const hour = TIME_PER_SECOND * 3600n;
  const dollar = MONEY_PER_CENT * 100n;
  const b = (h: bigint, d: bigint) => ({ time: h * hour, timeMoney: d * dollar, outOfPocket: 0n });
  it('gives each step its hours, its cost and a heat level relative to the worst step', () => {
    const column = burdenColumn({
      assessmentId: 7,
      title: 'As-is',
      byStep: new Map([
        [1, b(10n, 300n)],
        [2, b(5n, 150n)],
        [3, b(0n, 0n)],
        [null, b(99n, 9n)],
      ]),
    });
    expect(column).toEqual({
      assessmentId: 7,
      title: 'As-is',
      steps: {
        1: { hours: '10.00', cost: '$300.00', heat: 4 },
        2: { hours: '5.00', cost: '$150.00', heat: 2 },
        3: { hours: '0.00', cost: '$0.00', heat: 0 },
      },
    });
  });
});
