/**
 * What the workspace's search finds (issue 23), in the order the results page groups them, with
 * each kind's name as the page says it. Pure.
 */
export const SEARCH_KINDS = [
  'portfolio',
  'project',
  'milestone',
  'plan',
  'journey',
  'step',
  'burden',
  'burden_item',
  'research',
  'measure',
  'evaluation',
  'pmc_update',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const KIND_NAMES: Record<SearchKind, string> = {
  portfolio: 'Portfolios',
  project: 'Projects',
  milestone: 'Milestones',
  plan: 'CX Action Plan sections',
  journey: 'Journey maps',
  step: 'Journey steps',
  burden: 'Burden assessments',
  burden_item: 'Burden items',
  research: 'Research activities',
  measure: 'Success measures',
  evaluation: 'Evaluation plans',
  pmc_update: 'PMC updates',
};

/**
 * Who may find an entry: every signed-in person reads the program ('program.read'); a PMC
 * update not yet published only those who see drafts ('pmc.read_draft'). Kept on each entry so
 * the database filters by it, before a page of results is counted or cut.
 */
export type SearchAudience = 'signed_in' | 'pmc_draft';

/** How recently a result changed: the date filter's choices, in days (none chosen: any time). */
export const CHANGED_WITHIN = { '30d': 30, '90d': 90, '365d': 365 } as const;
export type ChangedWithin = keyof typeof CHANGED_WITHIN;
export const CHANGED_LABELS: Record<ChangedWithin, string> = {
  '30d': 'In the past 30 days',
  '90d': 'In the past 90 days',
  '365d': 'In the past year',
};

/** Results per page when one kind is shown; the first few of each kind when all are. */
export const PAGE_SIZE = 20;
/** The deepest page offered (10,000 results of one kind): past it, a narrower search serves better. */
export const MAX_PAGES = 500;
export const PER_GROUP = 5;
