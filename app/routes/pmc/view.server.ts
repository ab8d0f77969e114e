import { compose, inOrder } from '~/domain/pmc/compose';
import { authorize, found, pathParam } from '~/web/toolkit.server';
import { planHtml } from '~/render/plans/html.server';
import { IdParam } from '~/schemas/params';
import { programReducedHours } from '#db/queries/burden';
import {
  assembleUpdate,
  choicesOf,
  getUpdate,
  previousPublished,
  publishedSnapshot,
  type AssembledPortfolio,
  type PreviousUpdate,
} from '#db/queries/pmc';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';

export type ComposedPortfolio = AssembledPortfolio & { annotations: Record<string, string> };

/** Portfolios per page of the preview: the five portfolios of today’s program fit on one. */
export const PORTFOLIOS_PER_PAGE = 5;

export interface UpdateView {
  id: number;
  fiscalYear: number;
  quarter: number;
  status: 'draft' | 'published';
  publishedAt: string | null;
  version: number;
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

/**
 * A draft update assembled live, or a published one from its frozen snapshot. With a scope, only
 * that page of portfolios, or that one portfolio, is assembled and returned; without, all of them
 * (exports, publishing). Returns null for a page past the last or an unknown portfolio.
 */
export async function loadUpdateView(
  { request, context }: RequestArgs,
  idParam: string | undefined,
  scope?: { page: number } | { slug: string },
): Promise<{ user: Awaited<ReturnType<typeof requireUser>>; view: UpdateView | null }> {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const db = dbOf(context);
  const u = found(await getUpdate(db, pathParam(IdParam, idParam)));
  const page = scope && 'page' in scope ? scope.page : undefined;
  const slug = scope && 'slug' in scope ? scope.slug : undefined;
  const slice = <T extends { slug: string }>(items: T[]) =>
    slug !== undefined
      ? items.filter((p) => p.slug === slug)
      : page === undefined
        ? items
        : items.slice((page - 1) * PORTFOLIOS_PER_PAGE, page * PORTFOLIOS_PER_PAGE);
  const pagesOf = (n: number) =>
    page === undefined ? 1 : Math.max(1, Math.ceil(n / PORTFOLIOS_PER_PAGE));
  const toHtml = (h: Record<string, unknown>, slugs: string[]) =>
    Object.fromEntries(
      Object.entries(h)
        .filter(([k]) => k === 'program' || slugs.includes(k))
        .map(([k, doc]) => [k, planHtml(doc)]),
    );
  const base = {
    id: u.id,
    fiscalYear: u.fiscal_year,
    quarter: u.quarter,
    publishedAt: u.published_at,
    version: u.version,
    page: page ?? 1,
  };
  if (u.status === 'published' && u.snapshot) {
    const snap = publishedSnapshot(u.id, u.snapshot);
    const portfolios = slice(snap.portfolios);
    const pages = pagesOf(snap.portfolios.length);
    if (base.page > pages || (slug !== undefined && portfolios.length === 0))
      return { user, view: null };
    return {
      user,
      view: {
        ...base,
        status: 'published',
        start: snap.start,
        end: snap.end,
        previous: snap.previous,
        portfolios,
        all: [],
        order: snap.portfolios.map((p) => ({ slug: p.slug, name: p.name })),
        excluded: [],
        highlights: snap.highlights,
        highlightsHtml: toHtml(
          snap.highlights,
          portfolios.map((p) => p.slug),
        ),
        programReducedHours: snap.portfolios.reduce((s, p) => s + p.burden.reducedHoursNumber, 0),
        pages,
      },
    };
  }
  const choices = choicesOf(u);
  const everyPortfolio = inOrder(
    await db.selectFrom('portfolios').select(['id', 'slug', 'name']).orderBy('name').execute(),
    choices.order,
  );
  const pages = pagesOf(everyPortfolio.length);
  if (base.page > pages) return { user, view: null };
  const wanted = slice(everyPortfolio);
  if (slug !== undefined && wanted.length === 0) return { user, view: null };
  const previous = await previousPublished(db, u);
  const [assembled, reducedHours] = await Promise.all([
    assembleUpdate(
      db,
      u.fiscal_year,
      u.quarter,
      previous?.publishedAt ?? null,
      scope === undefined ? undefined : wanted.map((p) => p.id),
    ),
    programReducedHours(db),
  ]);
  const highlights = JSON.parse(u.highlights) as Record<string, unknown>;
  return {
    user,
    view: {
      ...base,
      status: 'draft',
      start: assembled.start,
      end: assembled.end,
      previous,
      portfolios: compose(assembled.portfolios, choices),
      all: assembled.portfolios,
      order: everyPortfolio.map((p) => ({ slug: p.slug, name: p.name })),
      excluded: [...choices.excluded],
      highlights,
      highlightsHtml: toHtml(
        highlights,
        wanted.map((p) => p.slug),
      ),
      programReducedHours: reducedHours,
      pages,
    },
  };
}

/** The whole update (every portfolio), for exports, comparisons and the highlights editor. */
export async function loadWholeUpdate(
  { request, context }: RequestArgs,
  idParam: string | undefined,
) {
  const { user, view } = await loadUpdateView({ request, context }, idParam);
  return { user, view: view! };
}
