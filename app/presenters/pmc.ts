/**
 * PMC updates as their pages show them: which portfolios a page of the preview holds, how many
 * items of each list are listed, the URLs between the views, and the sentences that say what
 * "changes" and "new" are counted from. Pure: rows in, what the page shows out.
 */
import { formatDateTime } from '~/domain/history/time';
import { changeSentence } from '~/domain/pmc/changes';
import { changesByKind } from '~/domain/pmc/curate';
import { formatDate } from '~/domain/portfolio/labels';
import type { AssembledPortfolio, PreviousUpdate, PublishedSnapshot } from '~/domain/pmc/snapshot';
import { lineageLines, updateName, type Lineage, type UpdateStatus } from '~/domain/pmc/standing';

export type ComposedPortfolio = AssembledPortfolio & { annotations: Record<string, string> };

/** Portfolios per page of the preview: the five portfolios of today’s program fit on one. */
export const PORTFOLIOS_PER_PAGE = 5;

/** Items per list on the overview; a portfolio's own view shows them all, with the controls. */
export const SHOWN = { milestones: 5, other: 3, changes: 3 };

export interface UpdateView {
  id: number;
  fiscalYear: number;
  quarter: number;
  status: UpdateStatus;
  publishedAt: string | null;
  version: number;
  /** Withdrawn and why, what it corrects, what corrects it. */
  lineage: Lineage;
  /** A fingerprint of the highlights and notes shown (a draft's; '' once published). */
  texts: string;
  start: string;
  end: string;
  /** The last published update before this one: changes are listed since its publication. */
  previous: PreviousUpdate | null;
  /** The portfolios asked for (one page, or all), composed: in order, excluded items removed. */
  portfolios: ComposedPortfolio[];
  /** The same portfolios with every item, excluded ones too (drafts only), to bring them back. */
  all: AssembledPortfolio[];
  /** Every portfolio of the update, in the chosen order. */
  order: { slug: string; name: string }[];
  excluded: string[];
  highlightsHtml: Record<string, string>;
  highlights: Record<string, unknown>;
  /** Hours a year of burden reduced across the whole program. */
  programReducedHours: number;
  page: number;
  pages: number;
}

/** Which portfolios to show: a page of them, one by its slug, or (undefined) all of them. */
export type UpdateScope = { page: number } | { slug: string } | undefined;

/** The portfolios of `scope`, from all of them in order. */
export function portfoliosIn<T extends { slug: string }>(items: T[], scope: UpdateScope): T[] {
  if (scope === undefined) return items;
  if ('slug' in scope) return items.filter((p) => p.slug === scope.slug);
  return items.slice((scope.page - 1) * PORTFOLIOS_PER_PAGE, scope.page * PORTFOLIOS_PER_PAGE);
}

/** How many pages `n` portfolios make (one when the scope is not a page). */
export function pageCount(n: number, scope: UpdateScope): number {
  return scope !== undefined && 'page' in scope
    ? Math.max(1, Math.ceil(n / PORTFOLIOS_PER_PAGE))
    : 1;
}

/** The rendered highlights of the program and of the portfolios shown, by target. */
export function highlightsHtmlOf(
  highlights: Record<string, unknown>,
  slugs: string[],
  render: (doc: unknown) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(highlights)
      .filter(([k]) => k === 'program' || slugs.includes(k))
      .map(([k, doc]) => [k, render(doc)]),
  );
}

/**
 * A published update as the pages show it, from its frozen snapshot: the portfolios of `scope`
 * (none to bring back, nothing left out to list); null for a page past the last or an unknown
 * portfolio.
 */
export function publishedView(
  u: {
    id: number;
    fiscal_year: number;
    quarter: number;
    status: UpdateStatus;
    published_at: string | null;
    version: number;
  },
  lineage: Lineage,
  snap: PublishedSnapshot,
  scope: UpdateScope,
  render: (doc: unknown) => string,
): UpdateView | null {
  const page = scope !== undefined && 'page' in scope ? scope.page : 1;
  const portfolios = portfoliosIn(snap.portfolios, scope);
  const pages = pageCount(snap.portfolios.length, scope);
  if (page > pages || (scope !== undefined && 'slug' in scope && portfolios.length === 0))
    return null;
  return {
    id: u.id,
    fiscalYear: u.fiscal_year,
    quarter: u.quarter,
    publishedAt: u.published_at,
    version: u.version,
    texts: '',
    page,
    status: u.status,
    lineage,
    start: snap.start,
    end: snap.end,
    previous: snap.previous,
    portfolios,
    all: [],
    order: snap.portfolios.map((p) => ({ slug: p.slug, name: p.name })),
    excluded: [],
    highlights: snap.highlights,
    highlightsHtml: highlightsHtmlOf(
      snap.highlights,
      portfolios.map((p) => p.slug),
      render,
    ),
    programReducedHours: snap.portfolios.reduce((s, p) => s + p.burden.reducedHoursNumber, 0),
    pages,
  };
}

/** Where the preview is: a page of portfolios, or one portfolio's own view. */
export interface PreviewPlace {
  page: number;
  portfolio?: string | undefined;
  /** Every item of every portfolio (the preview before publishing). */
  everything?: boolean;
}

/** The URL of this page of the preview, to come back to after a change. */
export function previewUrl(id: number, p: PreviewPlace): string {
  const search = new URLSearchParams();
  if (p.page > 1) search.set('page', String(p.page));
  if (p.portfolio) search.set('portfolio', p.portfolio);
  const s = search.toString();
  return `/pmc/${id}${s ? `?${s}` : ''}`;
}

/** The first `n` items (all of them on a portfolio's own view), and how many there are. */
export function firstOf<T>(items: T[], n: number, full: boolean) {
  return { items: full ? items : items.slice(0, n), total: items.length };
}

/** The update's name, "(withdrawn)" or "(correction)" where its quarter has more than one. */
export const viewName = (view: UpdateView) =>
  updateName({
    fiscalYear: view.fiscalYear,
    quarter: view.quarter,
    status: view.status,
    correctsId: view.lineage.corrects?.id ?? null,
  });

/** "FY 2026 Q1". */
export const quarterLabel = (fiscalYear: number, quarter: number) => `FY ${fiscalYear} Q${quarter}`;

/** The update's title, as its exports carry it. */
export const updateTitle = (fiscalYear: number, quarter: number) =>
  `President’s Management Council update, ${quarterLabel(fiscalYear, quarter)}`;

/** Burden reduced at each published update other than this one, oldest first, for the chart. */
export function publishedHours(
  updates: {
    id: number;
    fiscal_year: number;
    quarter: number;
    status: string;
    reducedHours: number;
  }[],
  currentId: number,
) {
  return updates
    .filter((u) => u.status === 'published' && u.id !== currentId)
    .reverse()
    .map((u) => ({ label: quarterLabel(u.fiscal_year, u.quarter), hours: u.reducedHours }));
}

/**
 * The preview of an update: its portfolios with the first items of each list (every item on a
 * portfolio's own view), notes on the items shown, the newest changes in the viewer's zone,
 * and the items left out (for putting back).
 */
export function updatePreview(
  view: UpdateView,
  input: {
    place: PreviewPlace;
    published: { label: string; hours: number }[];
    timeZone: string;
    /** The viewer may manage PMC updates (policy pmc.manage). */
    manager: boolean;
  },
) {
  const { place } = input;
  const excluded = new Set(view.excluded);
  const portfolios = view.portfolios.map((pf) => {
    const full = place.everything === true || place.portfolio === pf.slug;
    const lists = {
      decisions: firstOf(pf.decisions, SHOWN.other, full),
      pending: firstOf(pf.pending, SHOWN.other, full),
      risks: firstOf(pf.risks, SHOWN.other, full),
      milestones: firstOf(pf.milestones, SHOWN.milestones, full),
    };
    // What changed, curated, under its kinds: a few of each on the overview, all on its own view.
    const curated = changesByKind(pf.curated).map((g) => ({
      kind: g.kind,
      heading: g.heading,
      list: firstOf(g.items, SHOWN.changes, full),
    }));
    const shownKeys = new Set([
      ...Object.values(lists).flatMap((l) => l.items.map((i: { key: string }) => i.key)),
      ...curated.flatMap((g) => g.list.items.map((i) => i.key)),
    ]);
    return {
      slug: pf.slug,
      name: pf.name,
      position: view.order.findIndex((o) => o.slug === pf.slug),
      full,
      lists,
      annotations: Object.fromEntries(
        Object.entries(pf.annotations).filter(([k]) => shownKeys.has(k)),
      ),
      milestonesByStatus: pf.milestonesByStatus,
      byPhase: pf.byPhase,
      burden: pf.burden,
      pra: pf.pra,
      outcomes: pf.outcomes ?? { measures: [], trust: [] },
      curated,
      // The newest changes since the last published update (the update keeps up to 20).
      changes: {
        items: (full ? pf.changes : pf.changes.slice(0, SHOWN.changes)).map((c) => ({
          id: c.id,
          at: c.at,
          when: formatDateTime(c.at, input.timeZone),
          sentence: changeSentence(c),
        })),
        kept: pf.changes.length,
        total: pf.changesSinceLast,
      },
      highlightsHtml: view.highlightsHtml[pf.slug] ?? null,
      ownUrl: previewUrl(view.id, { page: 1, portfolio: pf.slug }),
    };
  });
  const excludedItems = view.all
    .flatMap((pf) => [...pf.milestones, ...pf.decisions, ...pf.pending, ...pf.risks, ...pf.curated])
    .filter((i) => excluded.has(i.key))
    .map((i) => ({ key: i.key, text: i.text }));
  return {
    view: {
      id: view.id,
      fiscalYear: view.fiscalYear,
      quarter: view.quarter,
      status: view.status,
      name: viewName(view),
      lineage: {
        lines: lineageLines(view.lineage),
        corrects: view.lineage.corrects?.id ?? null,
        correctedBy: view.lineage.correctedBy?.id ?? null,
      },
      publishedAt: view.publishedAt,
      version: view.version,
      texts: view.texts,
      start: view.start,
      end: view.end,
      previous: view.previous
        ? {
            label: quarterLabel(view.previous.fiscalYear, view.previous.quarter),
            publishedAt: view.previous.publishedAt,
          }
        : null,
      programHighlightsHtml: view.highlightsHtml.program ?? null,
      programReducedHours: view.programReducedHours,
      portfolioCount: view.order.length,
      page: view.page,
      pages: view.pages,
      perPage: PORTFOLIOS_PER_PAGE,
    },
    portfolios,
    excludedItems,
    published: input.published,
    focused: place.portfolio !== undefined,
    overviewUrl: previewUrl(view.id, { page: 1 }),
    pageUrls: Array.from({ length: view.pages }, (_, i) => previewUrl(view.id, { page: i + 1 })),
    mayManage: input.manager && view.status === 'draft',
    /** What an OMB lead may do to where the update stands (app/domain/pmc/standing.ts). */
    mayWithdraw: input.manager && view.status === 'published',
    mayCorrect: input.manager && view.status === 'withdrawn' && view.lineage.correctedBy === null,
  };
}

export type UpdatePreview = ReturnType<typeof updatePreview>;
export type PreviewPortfolio = UpdatePreview['portfolios'][number];

type PreviousLabel = { label: string; publishedAt: string } | null;

/** What the listed changes are counted from: the last published update, or the beginning. */
export function changesSince(previous: PreviousLabel): string {
  return previous
    ? `since ${previous.label} was published (${formatDate(previous.publishedAt)})`
    : 'since the workspace began (no earlier update is published)';
}

/** What "New" and "Changed" beside a milestone are counted from (domain/pmc/quarter freshness). */
export function freshSince(previous: PreviousLabel, fiscalYear: number, quarter: number): string {
  return previous
    ? `since ${previous.label} was published`
    : `in FY ${fiscalYear} Q${quarter} (no earlier update is published)`;
}

/** The line under the title: frozen when published, else live for the quarter's dates. */
export function updateStatusText(view: {
  status: UpdateStatus;
  publishedAt: string | null;
  start: string;
  end: string;
}): string {
  const published = `Published ${view.publishedAt ? formatDate(view.publishedAt) : ''}`;
  if (view.status === 'published') return `${published}: frozen, later changes do not alter it.`;
  if (view.status === 'withdrawn')
    return `${published}, then withdrawn: no longer the update of record.`;
  return `Draft, assembled live from the workspace (${formatDate(view.start)} to ${formatDate(view.end)}).`;
}
