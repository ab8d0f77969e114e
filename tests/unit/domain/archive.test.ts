import { describe, expect, it } from 'vitest';
import { deleteRefusals, snapshotCites, type DeleteFacts } from '~/domain/archive';

describe('snapshotCites: does a published PMC update name the record?', () => {
  const snap = {
    portfolios: [
      {
        changes: [
          { entityType: 'burden_assessment', entityId: '12' },
          { entityType: 'milestone', entityId: '7' },
        ],
        annotations: { m3: 'See /journeys/40 for the as-is map.' },
      },
    ],
    highlights: { program: { type: 'doc', content: [{ href: '/research/9' }] } },
  };
  it.each([
    ['burden_assessment', 12, true, 'in its list of changes'],
    ['burden_assessment', 7, false, 'same id, other kind'],
    ['journey_map', 7, false, 'a milestone with the id'],
    ['journey_map', 40, true, 'linked from an annotation'],
    ['journey_map', 4, false, 'a prefix of a linked id'],
    ['research_activity', 9, true, 'linked from a highlight'],
    ['research_activity', 12, false, 'not named'],
  ] as const)('%s %i → %s (%s)', (kind, id, cites, _why) => {
    expect(snapshotCites(snap, kind, id)).toBe(cites);
  });
});

describe('deleteRefusals', () => {
  const base: DeleteFacts = {
    kind: 'research_activity',
    archived: true,
    citedBy: [],
    dependents: [],
    participants: 0,
  };
  it('allows an archived record nothing depends on', () => {
    expect(deleteRefusals(base)).toEqual([]);
  });
  it('names each reason, archive first', () => {
    const out = deleteRefusals({
      ...base,
      archived: false,
      citedBy: [{ id: 3, fiscalYear: 2026, quarter: 2 }],
      participants: 2,
    });
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^Archive this research activity first/);
    expect(out[1]).toContain('FY 2026 Q2 cites this research activity');
    expect(out[2]).toMatch(/^2 participants are recorded/);
  });
});
