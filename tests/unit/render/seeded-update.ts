/**
 * The PMC update both export tests draw: the seeded program's FY 2024 Q4, with a note on the
 * forum milestone and highlights for the program (with a numbered list) and one portfolio.
 */
import { NO_LINEAGE } from '~/domain/pmc/standing';
import { compose } from '~/domain/pmc/compose';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { updateCharts } from '~/presenters/pmc-charts';
import type { PmcDocxInput } from '~/render/pmc/docx.server';
import { demoDb } from '../helpers';

export const NOTE = 'Held in September 2024 with 380+ community organization staff.';
/** A note on a curated change, and a change the lead left out (it must not reach an export). */
export const CHANGE_NOTE = 'Ahead of the plan by a quarter.';
export const LEFT_OUT = 'Milestone ‘Left out of the update’ completed on August 1, 2024';

export async function seededUpdate(): Promise<PmcDocxInput> {
  const db = await demoDb();
  const assembled = await assembleUpdate(db, 2024, 4, null);
  const retirement = assembled.portfolios.find((p) => p.slug === 'approaching-retirement')!;
  const forum = retirement.milestones.find((m) => m.title.startsWith('Host the third'))!;
  retirement.curated = [
    {
      kind: 'phase',
      key: 'cp1',
      at: '2024-08-01T12:00:00.000Z',
      text: 'Apply for retirement benefits online: moved to Design',
      detail: 'from Discovery, August 1, 2024',
    },
    { kind: 'done', key: 'cm900', at: '2024-08-01T12:00:00.000Z', text: LEFT_OUT, detail: '' },
    {
      kind: 'slipped',
      key: 'cs901',
      at: '2024-09-01T12:00:00.000Z',
      text: 'Milestone ‘Publish the checklist’ slipped from FY24 Q3 to FY25 Q1',
      detail: 'Retirement checklist',
    },
  ];
  const portfolios = compose(assembled.portfolios, {
    excluded: ['cm900'],
    annotations: { [forum.key]: NOTE, cs901: CHANGE_NOTE },
    order: [],
  });
  return {
    fiscalYear: 2024,
    quarter: 4,
    start: assembled.start,
    end: assembled.end,
    status: 'draft',
    publishedAt: null,
    lineage: NO_LINEAGE,
    madeAt: '2026-12-06T12:00:00.000Z',
    portfolios,
    highlights: {
      program: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Program-wide highlight.' }] },
          {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First' }] }],
              },
            ],
          },
        ],
      },
      'approaching-retirement': {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Forums held this quarter.' }] },
        ],
      },
    },
    charts: updateCharts({
      portfolios,
      published: [{ label: 'FY 2024 Q3', hours: 1200.5 }],
      fiscalYear: 2024,
      quarter: 4,
      programReducedHours: portfolios.reduce((s, p) => s + p.burden.reducedHoursNumber, 0),
    }),
  };
}

/** The same update as if published, then withdrawn and corrected (issue 19, point 3). */
export const WITHDRAWN = {
  status: 'withdrawn',
  publishedAt: '2026-12-03T15:00:00.000Z',
  lineage: {
    withdrawn: { at: '2026-12-05T15:00:00.000Z', by: 'Dana Whitfield', reason: 'Wrong figures' },
    corrects: null,
    correctedBy: { id: 2, status: 'published', publishedAt: '2026-12-06T15:00:00.000Z' },
  },
} as const satisfies Partial<PmcDocxInput>;

export const WITHDRAWN_LINES = [
  'Withdrawn December 5, 2026 by Dana Whitfield: Wrong figures. What was published is kept below, unchanged.',
  'Replaced by a correction published December 6, 2026.',
];
