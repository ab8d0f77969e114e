import { describe, expect, it } from 'vitest';
import { changeSentence, toChangeEntry } from '~/domain/pmc/changes';
import { compose, reorder } from '~/domain/pmc/compose';
import { diffUpdates, isUnchanged } from '~/domain/pmc/diff';
import {
  freshness,
  freshnessText,
  milestoneBuckets,
  newWindow,
  quarterBounds,
  quarterOf,
} from '~/domain/pmc/quarter';

describe('PMC update: fiscal quarters', () => {
  it.each([
    { fy: 2025, q: 1, start: '2024-10-01', end: '2024-12-31' },
    { fy: 2025, q: 2, start: '2025-01-01', end: '2025-03-31' },
    { fy: 2025, q: 3, start: '2025-04-01', end: '2025-06-30' },
    { fy: 2025, q: 4, start: '2025-07-01', end: '2025-09-30' },
  ])('FY$fy Q$q runs $start to $end', ({ fy, q, start, end }) => {
    expect(quarterBounds(fy, q)).toEqual({ start, end });
    expect(quarterOf(start)).toEqual({ fy, q });
    expect(quarterOf(end)).toEqual({ fy, q });
  });

  const base = {
    status: 'planned' as const,
    timingFy: null,
    timingQuarter: null,
    dueDate: null,
    completedOn: null,
    fresh: null,
  };
  it.each([
    {
      name: 'completed with a date in the quarter',
      m: { ...base, status: 'completed' as const, completedOn: '2024-11-15' },
      buckets: ['completed'],
    },
    {
      name: 'completed, timed FY25 Q1, no date',
      m: { ...base, status: 'completed' as const, timingFy: 2025, timingQuarter: 1 },
      buckets: ['completed'],
    },
    {
      name: 'completed in another quarter',
      m: { ...base, status: 'completed' as const, completedOn: '2025-02-01' },
      buckets: [],
    },
    {
      name: 'in progress',
      m: { ...base, status: 'in_progress' as const },
      buckets: ['in_progress'],
    },
    {
      name: 'missed, due in the quarter',
      m: { ...base, status: 'missed' as const, dueDate: '2024-12-01' },
      buckets: ['missed'],
    },
    {
      name: 'created by a person in the update’s window',
      m: { ...base, fresh: { kind: 'new' as const, at: '2024-10-02T12:00:00Z' } },
      buckets: ['new'],
    },
    {
      name: 'only changed in the window: marked where listed, not listed for that alone',
      m: { ...base, fresh: { kind: 'changed' as const, at: '2024-10-02T12:00:00Z' } },
      buckets: [],
    },
    {
      name: 'in progress and changed: listed as in progress',
      m: {
        ...base,
        status: 'in_progress' as const,
        fresh: { kind: 'changed' as const, at: '2024-10-02T12:00:00Z' },
      },
      buckets: ['in_progress'],
    },
  ])('$name', ({ m, buckets }) => {
    expect(milestoneBuckets(m, 2025, 1)).toEqual(buckets);
  });
});

/*
 * Issue 16: "new" means created or changed since the last published update, or in the quarter
 * when none was published, with the date shown. Read from the audit log: seeded milestones (public
 * data from FY23–FY25, loaded today) have no audit rows of their own, so they are neither.
 */
describe('PMC update: what is new or changed', () => {
  const published = '2026-11-03T15:00:00.000Z';
  const sincePublished = newWindow(2027, 1, published);
  const inQuarter = newWindow(2027, 1, null); // FY 2027 Q1: October 1 to December 31, 2026
  it.each([
    {
      name: 'a seeded milestone: no audit rows of its own, never new',
      events: [],
      window: inQuarter,
      fresh: null,
    },
    {
      name: 'created after the last published update: new, with its creation time',
      events: [{ action: 'create', at: '2026-12-04T14:00:00.000Z' }],
      window: sincePublished,
      fresh: { kind: 'new', at: '2026-12-04T14:00:00.000Z' },
    },
    {
      name: 'created before the last published update (even in the same quarter): not new',
      events: [{ action: 'create', at: '2026-10-20T14:00:00.000Z' }],
      window: sincePublished,
      fresh: null,
    },
    {
      name: 'created before, changed after the last published update: changed, latest change',
      events: [
        { action: 'create', at: '2026-10-20T14:00:00.000Z' },
        { action: 'update', at: '2026-11-10T09:00:00.000Z' },
        { action: 'update', at: '2026-12-01T09:00:00.000Z' },
      ],
      window: sincePublished,
      fresh: { kind: 'changed', at: '2026-12-01T09:00:00.000Z' },
    },
    {
      name: 'created and changed since: new, with its creation time',
      events: [
        { action: 'update', at: '2026-12-02T09:00:00.000Z' },
        { action: 'create', at: '2026-12-01T09:00:00.000Z' },
      ],
      window: sincePublished,
      fresh: { kind: 'new', at: '2026-12-01T09:00:00.000Z' },
    },
    {
      name: 'none published: created in the quarter is new',
      events: [{ action: 'create', at: '2026-10-01T00:00:00.000Z' }],
      window: inQuarter,
      fresh: { kind: 'new', at: '2026-10-01T00:00:00.000Z' },
    },
    {
      name: 'none published: created in the quarter before is not new',
      events: [{ action: 'create', at: '2026-09-30T23:59:59.000Z' }],
      window: inQuarter,
      fresh: null,
    },
    {
      name: 'none published: changed in the quarter is changed',
      events: [
        { action: 'create', at: '2026-06-30T12:00:00.000Z' },
        { action: 'update', at: '2026-12-31T23:00:00.000Z' },
      ],
      window: inQuarter,
      fresh: { kind: 'changed', at: '2026-12-31T23:00:00.000Z' },
    },
    {
      name: 'none published: changed after the quarter is not changed in it',
      events: [{ action: 'update', at: '2027-01-02T12:00:00.000Z' }],
      window: inQuarter,
      fresh: null,
    },
  ])('$name', ({ events, window, fresh }) => {
    expect(freshness(events, window)).toEqual(fresh);
  });
  it('shows the date in Eastern time: 02:00 UTC on December 5 is still December 4 in Washington', () => {
    expect(freshnessText({ kind: 'new', at: '2026-12-05T02:00:00.000Z' })).toBe(
      'New December 4, 2026',
    );
    expect(freshnessText({ kind: 'changed', at: '2026-11-16T15:00:00.000Z' })).toBe(
      'Changed November 16, 2026',
    );
  });
});

describe('PMC update: the editor’s choices', () => {
  const p = (slug: string) => ({
    slug,
    milestones: [{ key: `m-${slug}` }],
    decisions: [],
    pending: [],
    risks: [{ key: `r-${slug}` }],
  });
  it('leaves out excluded items, keeps notes, orders portfolios', () => {
    const out = compose([p('a'), p('b'), p('c')], {
      excluded: ['r-b'],
      annotations: { 'm-a': 'Ahead of plan', 'm-c': '  ' },
      order: ['c'],
    });
    expect(out.map((x) => x.slug)).toEqual(['c', 'a', 'b']);
    expect(out[2]!.risks).toEqual([]);
    expect(out[0]!.annotations).toEqual({ 'm-a': 'Ahead of plan' });
  });
  it('moves a portfolio up or down', () => {
    expect(reorder(['a', 'b', 'c'], [], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(reorder(['a', 'b', 'c'], ['c'], 'c', 'down')).toEqual(['a', 'c', 'b']);
    expect(reorder(['a', 'b'], [], 'a', 'up')).toEqual(['a', 'b']);
  });
});

describe('PMC update: milestones in the chosen order within a portfolio', () => {
  const p = {
    slug: 'a',
    milestones: [{ key: 'm1' }, { key: 'm2' }, { key: 'm3' }, { key: 'm4' }],
    decisions: [],
    pending: [],
    risks: [],
  };
  it('puts the named milestones first, in order; the others keep their place after', () => {
    const out = compose([p], {
      excluded: ['m2'],
      annotations: {},
      order: [],
      itemOrder: { a: ['m3', 'm1'], b: ['m4'] },
    });
    expect(out[0]!.milestones.map((m) => m.key)).toEqual(['m3', 'm1', 'm4']);
  });
  it('leaves out excluded curated changes and keeps their notes', () => {
    const out = compose([{ ...p, curated: [{ key: 'cm1' }, { key: 'cp2' }] }], {
      excluded: ['cp2'],
      annotations: { cm1: 'Ahead of plan' },
      order: [],
    });
    expect(out[0]!.curated?.map((c) => c.key)).toEqual(['cm1']);
    expect(out[0]!.annotations).toEqual({ cm1: 'Ahead of plan' });
  });
  it('moves a milestone among those listed', () => {
    const keys = ['m3', 'm1', 'm4'];
    expect(reorder(keys, keys, 'm4', 'up')).toEqual(['m3', 'm4', 'm1']);
    expect(reorder(keys, keys, 'm3', 'up')).toEqual(keys);
  });
});

describe('PMC compare: item-level differences between two published updates', () => {
  const m = (key: string, status: string, title = `Milestone ${key}`) => ({ key, title, status });
  const before = [
    { slug: 'a', name: 'A', milestones: [m('m1', 'in_progress'), m('m2', 'completed')] },
    { slug: 'gone', name: 'Gone', milestones: [m('m9', 'planned')] },
  ];
  const after = [
    {
      slug: 'a',
      name: 'A',
      milestones: [m('m1', 'completed', 'Renamed'), m('m3', 'in_progress')],
    },
    { slug: 'new', name: 'New', milestones: [m('m5', 'planned')] },
    { slug: 'same', name: 'Same', milestones: [] },
  ];
  const diffs = diffUpdates(before, after);
  it('lists added and removed milestones and status changes, matched by key', () => {
    expect(diffs[0]).toEqual({
      slug: 'a',
      name: 'A',
      added: [m('m3', 'in_progress')],
      removed: [m('m2', 'completed')],
      statusChanged: [{ ...m('m1', 'completed', 'Renamed'), before: 'in_progress' }],
      only: null,
    });
    expect(isUnchanged(diffs[0]!)).toBe(false);
  });
  it('covers portfolios in only one of the two, later order first', () => {
    expect(diffs.map((d) => [d.slug, d.only])).toEqual([
      ['a', null],
      ['new', 'after'],
      ['same', 'after'],
      ['gone', 'before'],
    ]);
    expect(diffs[1]!.added).toEqual([m('m5', 'planned')]);
    expect(diffs[3]!.removed).toEqual([m('m9', 'planned')]);
  });
  it('an unchanged portfolio has nothing to list', () => {
    const same = diffUpdates(before.slice(0, 1), before.slice(0, 1))[0]!;
    expect(isUnchanged(same)).toBe(true);
  });
});

describe('PMC update: changes since the last published update, from audit rows', () => {
  const row = {
    id: 7,
    at: '2025-01-02T03:04:05.000Z',
    action: 'update',
    entity_type: 'milestone',
    entity_id: '12',
    changes: JSON.stringify({
      status: { before: 'planned', after: 'completed' },
      completed_on: { before: null, after: '2025-01-02' },
    }),
    actor: 'Maria Lopez',
    project: 'Newborn Supply Kits',
  };
  it('names a milestone by its current title, with its project and the changed fields', () => {
    const c = toChangeEntry(row, new Map([['12', 'Deliver kits']]));
    expect(c).toMatchObject({ label: 'Deliver kits', project: 'Newborn Supply Kits' });
    expect(c.fields).toEqual(['status', 'completed_on']);
    // A snapshot published before sentences were kept still reads in plain language.
    expect(changeSentence(c).sentence).toBe(
      'Maria Lopez changed the status and completion date of milestone “Deliver kits” in project “Newborn Supply Kits”.',
    );
  });
  it('a deleted milestone by the title its row recorded; a project by its name', () => {
    const deleted = toChangeEntry(
      {
        ...row,
        action: 'delete',
        changes: JSON.stringify({ title: { before: 'Old one', after: null } }),
      },
      new Map(),
    );
    expect(changeSentence(deleted).sentence).toBe(
      'Maria Lopez deleted milestone “Old one” in project “Newborn Supply Kits”.',
    );
    const phase = toChangeEntry(
      { ...row, action: 'phase_advanced', entity_type: 'project_phase', changes: '{}' },
      new Map(),
    );
    expect(changeSentence(phase).sentence).toBe(
      'Maria Lopez completed the concurrence that moved project “Newborn Supply Kits” to its next phase (every involved agency concurred).',
    );
    // The sentence made at assembly wins over the snapshot's field names.
    const made = { who: 'A', did: 'b', target: null, rest: '', sentence: 'A b.' };
    expect(changeSentence({ ...phase, sentence: made })).toBe(made);
    expect(
      toChangeEntry({ ...row, entity_type: 'journey_map', project: null, changes: 'x' }, new Map()),
    ).toMatchObject({ label: '#12', fields: [] });
  });
});
