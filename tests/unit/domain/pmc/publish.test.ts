/** The warnings shown before a PMC update is published. */
import { describe, expect, it } from 'vitest';
import { publishWarnings, type PublishCheckInput } from '~/domain/pmc/publish';

const base: PublishCheckInput = {
  today: '2025-01-15',
  label: 'FY 2025 Q1',
  end: '2024-12-31',
  programHighlights: true,
  portfolios: [
    {
      name: 'Having a Child',
      highlights: true,
      milestones: [{ key: 'm1', title: 'Deliver kits', buckets: ['completed'] }],
      annotations: {},
    },
  ],
};

const kinds = (input: PublishCheckInput) => publishWarnings(input).map((w) => w.kind);

describe('publishWarnings', () => {
  it.each<[string, Partial<PublishCheckInput>, string[]]>([
    ['nothing to warn of', {}, []],
    ['on the quarter’s last day it has not ended', { today: '2024-12-31' }, ['quarter_open']],
    ['during the quarter', { today: '2024-11-02' }, ['quarter_open']],
    ['the day after it ended, no warning', { today: '2025-01-01' }, []],
    ['no program highlights', { programHighlights: false }, ['no_highlights']],
  ])('%s', (_, change, expected) => {
    expect(kinds({ ...base, ...change })).toEqual(expected);
  });

  it('names each part without highlights, the program first', () => {
    const [w] = publishWarnings({
      ...base,
      programHighlights: false,
      portfolios: [
        { ...base.portfolios[0]!, highlights: false },
        { ...base.portfolios[0]!, name: 'Recovering from a Disaster', highlights: true },
      ],
    });
    expect(w).toEqual({
      kind: 'no_highlights',
      text: '2 parts of the update have no highlights:',
      items: ['The program', 'Having a Child'],
    });
  });

  it('names missed milestones without a note; a note (not blank) settles one', () => {
    const portfolio = {
      name: 'Having a Child',
      highlights: true,
      milestones: [
        { key: 'm1', title: 'Deliver kits', buckets: ['missed'] as const },
        { key: 'm2', title: 'Publish playbook', buckets: ['missed', 'new'] as const },
        { key: 'm3', title: 'Pilot', buckets: ['missed'] as const },
        { key: 'm4', title: 'Done', buckets: ['completed'] as const },
      ],
      annotations: { m2: 'Moved to Q3 with the new vendor.', m3: '   ' },
    };
    const warnings = publishWarnings({ ...base, portfolios: [portfolio] });
    expect(warnings).toEqual([
      {
        kind: 'missed_without_note',
        text: '2 missed milestones have no note saying why or what comes next:',
        items: ['Deliver kits (Having a Child)', 'Pilot (Having a Child)'],
      },
    ]);
  });

  it('says when the quarter ends', () => {
    expect(publishWarnings({ ...base, today: '2024-12-01' })[0]!.text).toBe(
      'FY 2025 Q1 has not ended: it ends December 31, 2024. Published now, the update will not show what happens until then.',
    );
  });
});
