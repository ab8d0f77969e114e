import { describe, expect, it } from 'vitest';
import { compose, reorder } from '~/domain/pmc/compose';
import { milestoneBuckets, quarterBounds, quarterOf } from '~/domain/pmc/quarter';

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
    createdAt: '2023-01-01T00:00:00Z',
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
      name: 'added during the quarter',
      m: { ...base, createdAt: '2024-10-02T12:00:00Z' },
      buckets: ['new'],
    },
  ])('$name', ({ m, buckets }) => {
    expect(milestoneBuckets(m, 2025, 1)).toEqual(buckets);
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
