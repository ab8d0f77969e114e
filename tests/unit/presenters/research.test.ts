import { describe, expect, it } from 'vitest';
import { praStatus, type PraActivity, type PraClearance } from '~/domain/pra/rules';
import {
  activityPraView,
  codesOf,
  planningView,
  praStatusView,
  sessionRemoval,
} from '~/presenters/research';
import type { PraStatusResult } from '#db/queries/research';

const TODAY = '2026-12-05';

/** An interview of `people` members of the public on 2026-11-01, with the same purpose. */
const activity = (id: number, people: number, over: Partial<PraActivity> = {}): PraActivity => ({
  id,
  title: `Activity ${id}`,
  method: 'interviews',
  purpose: 'Learn how people apply',
  questionsFingerprint: null,
  unscripted: false,
  phase: 'discovery',
  hasScreeningQuestions: false,
  sessions: [
    {
      id: id * 10,
      date: '2026-11-01',
      participants: Array.from({ length: people }, (_, i) => ({
        code: `A${id}-${i}`,
        category: 'public' as const,
      })),
    },
  ],
  clearanceIds: [],
  overridden: false,
  ...over,
});

type ClearanceRow = PraStatusResult['clearances'][number];
const clearanceRow = (id: number, expiresOn: string | null) =>
  ({
    id,
    portfolio_id: 1,
    title: `Clearance ${id}`,
    kind: 'generic',
    omb_control_number: expiresOn ? '0690-0036' : null,
    expires_on: expiresOn,
    version: 1,
  }) as unknown as ClearanceRow;

function status(activities: PraActivity[], clearances: ClearanceRow[] = []) {
  const clearanceMap = new Map<number, PraClearance>(
    clearances.map((c) => [
      c.id,
      { id: c.id, controlNumber: c.omb_control_number, expiresOn: c.expires_on },
    ]),
  );
  const settings = { countContractors: true };
  return {
    activities,
    rows: activities.map((a) => ({
      id: a.id,
      title: a.title,
      project_name: `Project ${a.id}`,
    })) as unknown as PraStatusResult['rows'],
    clearances,
    clearanceMap,
    settings,
    reports: praStatus(activities, clearanceMap, settings, TODAY),
  };
}

describe('sessionRemoval and codesOf', () => {
  const people = [
    { code: 'P-1', category: 'public' },
    { code: 'F-1', category: 'federal_employee' },
    { code: 'P-2', category: 'public' },
  ];
  it.each([
    ['public', 'P-1, P-2'],
    ['federal_employee', 'F-1'],
    ['contractor', '—'],
  ])('codes of %s: %s', (category, shown) => {
    expect(codesOf(people, category)).toBe(shown);
  });

  it.each([
    [[], []],
    [
      people,
      [
        'its 3 participants (P-1, F-1, P-2), who no longer count toward the Paperwork Reduction Act limit',
      ],
    ],
  ])('a session with %o takes %o', (participants, takes) => {
    const r = sessionRemoval({ held_on: '2026-11-01', participants });
    expect(r.takes).toEqual(takes);
    expect(r.what).toMatch(/^the session of /);
    expect(r.confirm).toBe('Yes, remove the session');
  });
});

describe('activityPraView', () => {
  // Same purpose: activities 1 and 2 count together; 3 has a purpose of its own.
  const s = status([
    activity(1, 4),
    activity(2, 3),
    activity(3, 2, { purpose: 'Test the new form' }),
  ]);
  const all = [clearanceRow(5, '2027-06-30'), clearanceRow(6, null)];
  it.each([
    [1, [2], [5]],
    [2, [1], [5]],
    [3, [], [5]],
  ])('activity %i counts with %o and may still attach %o', (id, grouped, others) => {
    const v = activityPraView(id, s, [{ id: 6 }], all);
    expect(v.report?.activityIds).toContain(id);
    expect(v.grouped.map((g) => g.id)).toEqual(grouped);
    expect(v.otherClearances.map((c) => c.id)).toEqual(others);
  });

  it('an activity in no report has none', () => {
    expect(activityPraView(99, s, [], all)).toMatchObject({ report: null, grouped: [] });
  });
});

describe('praStatusView', () => {
  it('names the first five activities of a collection and counts the rest', () => {
    const s = status(Array.from({ length: 7 }, (_, i) => activity(i + 1, 1)));
    const v = praStatusView(s, TODAY);
    expect(v.collections).toHaveLength(1);
    expect(v.collections[0]!.activities.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
    expect(v.collections[0]!.activities[0]).toEqual({
      id: 1,
      title: 'Activity 1',
      project: 'Project 1',
    });
    expect(v.collections[0]!.more).toBe(2);
    expect(v.collections[0]!.key).toBe('1-2-3-4-5-6-7');
  });

  it('offers the planning check’s activities under their projects, each in name order', () => {
    const s = status([activity(1, 1), activity(2, 1), activity(3, 1)]);
    s.rows = [
      { id: 1, title: 'Surveys', project_name: 'Supply kits' },
      { id: 2, title: 'Interviews', project_name: 'Supply kits' },
      { id: 3, title: 'Card sort', project_name: 'Benefits finder' },
    ] as unknown as PraStatusResult['rows'];
    expect(planningView(s, new URLSearchParams(), TODAY).activityChoices).toEqual([
      { project: 'Benefits finder', activities: [{ id: 3, title: 'Card sort' }] },
      {
        project: 'Supply kits',
        activities: [
          { id: 2, title: 'Interviews' },
          { id: 1, title: 'Surveys' },
        ],
      },
    ]);
  });

  it.each([
    ['2027-06-30', []],
    ['2027-01-15', [[5, 1]]],
    ['2026-11-30', [[5, 1]]],
  ])('a clearance expiring %s is listed as %o (id, activities)', (expiresOn, listed) => {
    const s = status([activity(1, 2, { clearanceIds: [5] })], [clearanceRow(5, expiresOn)]);
    expect(praStatusView(s, TODAY).expiring.map((c) => [c.id, c.activities])).toEqual(listed);
  });
});

describe('planningView', () => {
  const s = status([activity(1, 4)]);
  it.each([
    ['', { plan: null, errors: [] }],
    ['activity=1&n=3', { plan: { n: 3, allowed: true }, errors: [] }],
    ['activity=1&n=20', { plan: { n: 20, allowed: false }, errors: [] }],
    ['activity=1&n=abc', { plan: null, errors: ['n'] }],
    ['activity=&n=', { plan: null, errors: ['activity', 'n'] }],
    ['activity=999&n=3', { plan: null, errors: ['activity'] }],
  ])('?%s', (query, expected) => {
    const v = planningView(s, new URLSearchParams(query), TODAY);
    expect(v.plan && { n: v.plan.n, allowed: v.plan.answer.allowed }).toEqual(expected.plan);
    expect(Object.keys(v.planErrors).sort()).toEqual(expected.errors);
    expect(v.planInput.date).toBe(new URLSearchParams(query).get('date') ?? TODAY);
  });
});
