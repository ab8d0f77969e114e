/**
 * The search page (issue 23): reads the query string, asks the index and turns what it finds
 * into what the page shows: the kinds with their counts, each kind's best results (or one page
 * of one kind), every result with its snippet as text and hits.
 */
import { dateIn } from '~/domain/dates';
import type { UserRoles } from '~/domain/policy';
import { PHASE_LABELS, formatDate } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { audiencesFor } from '~/domain/search/audience';
import {
  CHANGED_LABELS,
  CHANGED_WITHIN,
  KIND_NAMES,
  MAX_PAGES,
  PAGE_SIZE,
  PER_GROUP,
  SEARCH_KINDS,
} from '~/domain/search/kinds';
import { describeQuery, parseQuery, toFts5, toWebsearch } from '~/domain/search/query';
import { snippetParts } from '~/domain/search/text';
import type { SearchView } from './search';
import { parseSearchParams } from '~/schemas/search';
import type { DB } from '#db/client';
import { cachedSearch } from '#db/cache';
import type { FullTextQuery } from '#db/dialect';
import {
  searchCounts,
  searchPage,
  searchPortfolioChoices,
  searchSnippets,
  searchTopOfEachKind,
  type SearchFilter,
  type SearchHit,
} from '#db/queries/search';

const FILTER_NAMES = {
  type: 'kind of result',
  portfolio: 'portfolio',
  phase: 'phase',
  changed: 'date',
};

export async function searchView(
  db: DB,
  user: UserRoles & { timeZone: string },
  params: URLSearchParams,
  now = new Date(),
): Promise<SearchView> {
  const { values, errors } = parseSearchParams(params);
  const portfolios = await searchPortfolioChoices(db);
  const portfolio = values.portfolio
    ? portfolios.find((p) => p.slug === values.portfolio)
    : undefined;
  if (values.portfolio && !portfolio) errors.portfolio = 'Choose a portfolio from the list.';
  const typed = {
    q: params.get('q') ?? '',
    type: errors.type ? '' : (values.type ?? ''),
    portfolio: portfolio?.slug ?? '',
    phase: errors.phase ? '' : (values.phase ?? ''),
    changed: errors.changed ? '' : (values.changed ?? ''),
  };
  const options = {
    portfolios: portfolios.map((p) => ({ value: p.slug, label: p.name })),
    phases: Object.entries(PHASE_LABELS).map(([value, label]) => ({ value, label })),
    kinds: SEARCH_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] })),
    changed: Object.entries(CHANGED_LABELS).map(([value, label]) => ({ value, label })),
  };
  // The filters in use, each of which "no results" offers to remove.
  const filters = (['type', 'portfolio', 'phase', 'changed'] as const)
    .filter((k) => typed[k])
    .map((key) => ({ key, name: FILTER_NAMES[key] }));
  const base = { typed, errors, options, filters, counts: [], groups: [], paging: null, total: 0 };
  if (errors.q) return { ...base, readAs: '', truncated: false, notRun: 'refused' };
  const parsed = parseQuery(values.q ?? '');
  const fts5 = toFts5(parsed);
  const websearch = toWebsearch(parsed);
  const readAs = describeQuery(parsed);
  if (!fts5 || !websearch)
    return {
      ...base,
      readAs,
      truncated: parsed.truncated,
      notRun: parsed.terms.length === 0 ? 'empty' : 'only-exclusions',
    };
  const days = values.changed ? CHANGED_WITHIN[values.changed] : null;
  const filter: SearchFilter = {
    audiences: audiencesFor(user),
    kind: values.type,
    portfolioId: portfolio?.id,
    phase: values.phase as Phase | undefined,
    // From the start of that day (UTC), so the same search asked again is the same search.
    changedSince: days
      ? new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10)
      : undefined,
  };
  const q = { fts5, websearch };
  const { countsByKind, hits, paging, snippets } = await cachedSearch(
    db,
    JSON.stringify([filter, q, values.page ?? 1]),
    () => findResults(db, q, filter, values.page ?? 1),
  );
  const counts = SEARCH_KINDS.filter((k) => countsByKind.has(k)).map((k) => ({
    kind: k,
    label: KIND_NAMES[k],
    count: countsByKind.get(k)!,
  }));
  const total = counts.reduce((n, c) => n + c.count, 0);
  const groups = counts
    .filter((c) => !filter.kind || c.kind === filter.kind)
    .map((c) => ({
      kind: c.kind,
      heading: c.label,
      count: c.count,
      results: hits
        .filter((h) => h.kind === c.kind)
        .map((h) => ({
          key: String(h.id),
          title: h.title,
          context: h.context,
          url: h.url,
          archived: h.archived,
          changedOn: formatDate(dateIn(new Date(h.updatedAt), user.timeZone)),
          titleParts: snippetParts(snippets.get(h.id)?.title || h.title),
          snippet: snippetParts(snippets.get(h.id)?.snippet ?? ''),
        })),
    }));
  return {
    ...base,
    readAs,
    truncated: parsed.truncated,
    notRun: null,
    total,
    counts,
    groups,
    paging,
  };
}

/**
 * What the index holds for a search: the counts by kind, then one page of the kind chosen or
 * the best few of each kind, and their marked titles and snippets. Kept until anything changes
 * (cachedSearch), so the same search asked again costs two index lookups.
 */
async function findResults(db: DB, q: FullTextQuery, filter: SearchFilter, wanted: number) {
  const countsByKind = await searchCounts(db, q, filter);
  let hits: SearchHit[] = [];
  let paging: SearchView['paging'] = null;
  if (filter.kind) {
    const count = countsByKind.get(filter.kind) ?? 0;
    const pages = Math.min(MAX_PAGES, Math.max(1, Math.ceil(count / PAGE_SIZE)));
    const page = Math.min(wanted, pages);
    paging = { page, pages };
    hits = await searchPage(db, q, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  } else if (countsByKind.size > 0) {
    hits = await searchTopOfEachKind(db, q, filter, PER_GROUP);
  }
  const snippets = await searchSnippets(
    db,
    q,
    hits.map((h) => h.id),
  );
  return { countsByKind, hits, paging, snippets };
}
