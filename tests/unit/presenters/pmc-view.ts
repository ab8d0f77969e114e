/**
 * A draft update's view as the presenters and the preview's markup are tested with: two portfolios
 * of seven milestones, four decisions and five changes each, with notes and a left-out risk.
 */
import { NO_LINEAGE } from '~/domain/pmc/standing';
import type { AssembledPortfolio } from '~/domain/pmc/snapshot';
import type { ComposedPortfolio, UpdateView } from '~/presenters/pmc';

const item = (key: string) => ({ key, text: `Item ${key}`, detail: '' });
const milestone = (id: number) => ({
  ...item(`m${id}`),
  title: `Milestone ${id}`,
  status: 'planned',
  timing: 'Q2',
  owner: 'Ana',
  buckets: [],
});
const change = (id: number) => ({
  id,
  at: '2026-02-01T15:00:00.000Z',
  actor: 'Ana Diaz',
  action: 'update',
  entityType: 'milestone',
  entityId: '1',
  label: 'Milestone 1',
  project: 'Project A',
  fields: ['status'],
});
export const portfolio = (slug: string): ComposedPortfolio => ({
  slug,
  name: `Portfolio ${slug}`,
  milestones: [1, 2, 3, 4, 5, 6, 7].map(milestone),
  decisions: ['d1', 'd2', 'd3', 'd4'].map(item),
  pending: [item('g1')],
  risks: [],
  byPhase: { discovery: 1, design: 0, development: 0, measurement: 0 },
  milestonesByStatus: { planned: 7 },
  burden: { reducedHours: '10', reducedHoursNumber: 10, reducedCost: '$100' },
  pra: { activities: 1 },
  changesSinceLast: 25,
  changes: [1, 2, 3, 4, 5].map(change),
  curated: [],
  annotations: { m1: 'shown', m7: 'on a hidden milestone' },
});
export const draftView: UpdateView = {
  id: 9,
  fiscalYear: 2026,
  quarter: 2,
  status: 'draft',
  lineage: NO_LINEAGE,
  publishedAt: null,
  version: 3,
  texts: 'f00dfeedf00dfeed',
  start: '2026-01-01',
  end: '2026-03-31',
  previous: { id: 1, fiscalYear: 2026, quarter: 1, publishedAt: '2026-01-15T12:00:00.000Z' },
  portfolios: [portfolio('a'), portfolio('b')],
  all: [{ ...portfolio('a'), risks: [item('r9')] } as AssembledPortfolio],
  order: [
    { slug: 'b', name: 'Portfolio b' },
    { slug: 'a', name: 'Portfolio a' },
  ],
  excluded: ['r9'],
  highlightsHtml: { program: '<p>P</p>', a: '<p>A</p>' },
  highlights: {},
  programReducedHours: 20,
  page: 1,
  pages: 1,
};
