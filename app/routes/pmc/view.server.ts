import { textsDigest } from '~/domain/pmc/texts';
import { collabName, localCopyKey } from '~/collab/names';
import { collabPerson } from '~/domain/collab/access';
import { compose, inOrder } from '~/domain/pmc/compose';
import { authorize, forbidden, found, pathParam } from '~/web/toolkit.server';
import { can } from '~/domain/policy';
import { planHtml } from '~/render/plans/html.server';
import { IdParam } from '~/schemas/params';
import { programReducedHours } from '#db/queries/burden';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import {
  choicesOf,
  getUpdate,
  previousPublished,
  publishedSnapshot,
  standingUpdate,
  updateLineage,
} from '#db/queries/pmc';
import { updateName } from '~/domain/pmc/standing';
import {
  highlightsHtmlOf,
  pageCount,
  portfoliosIn,
  publishedView,
  type UpdateScope,
  type UpdateView,
} from '~/presenters/pmc';
import { dbOf, requireUser, type RequestArgs } from '~/web/context.server';
import { cachedPageForProgram } from '#db/cache';
import type { DB } from '#db/client';

/**
 * A draft update assembled live, or a published one from its frozen snapshot. With a scope, only
 * that page of portfolios, or that one portfolio, is assembled and returned; without, all of them
 * (exports, publishing). Returns null for a page past the last or an unknown portfolio.
 */
export async function loadUpdateView(
  { request, context }: RequestArgs,
  idParam: string | undefined,
  scope?: UpdateScope,
): Promise<{ user: Awaited<ReturnType<typeof requireUser>>; view: UpdateView | null }> {
  const user = requireUser({ request, context });
  authorize(user, 'program.read');
  const db = dbOf(context);
  const u = found(await getUpdate(db, pathParam(IdParam, idParam)));
  if (u.status === 'draft' && !can(user, 'pmc.read_draft'))
    forbidden('A PMC update is read by OMB leads until it is published.');
  // A page of the preview is kept while the update's row (its standing, words, notes and
  // choices, read just now), the day and everything it is assembled from are unchanged; whole
  // updates (exports, publishing) are made afresh.
  if (scope === undefined) return { user, view: await assembleView(db, u, scope) };
  const key = [
    'pmc-view',
    u.id,
    u.version,
    u.status,
    u.published_at,
    u.withdrawn_at,
    textsDigest(
      u.highlights,
      [u.annotations, u.excluded, u.portfolio_order, u.item_order].join('\u0000'),
    ),
    new Date().toISOString().slice(0, 10),
    JSON.stringify(scope),
  ].join(':');
  return { user, view: await cachedPageForProgram(db, key, () => assembleView(db, u, scope)) };
}

/** The view of update `u` for `scope` (see loadUpdateView), computed. */
async function assembleView(
  db: DB,
  u: NonNullable<Awaited<ReturnType<typeof getUpdate>>>,
  scope: UpdateScope,
): Promise<UpdateView | null> {
  const page = scope && 'page' in scope ? scope.page : undefined;
  const slug = scope && 'slug' in scope ? scope.slug : undefined;
  const slice = <T extends { slug: string }>(items: T[]) => portfoliosIn(items, scope);
  const pagesOf = (n: number) => pageCount(n, scope);
  const toHtml = (h: Record<string, unknown>, slugs: string[]) =>
    highlightsHtmlOf(h, slugs, planHtml);
  const lineage = await updateLineage(db, u);
  const base = {
    id: u.id,
    fiscalYear: u.fiscal_year,
    quarter: u.quarter,
    publishedAt: u.published_at,
    version: u.version,
    lineage,
    texts: textsDigest(u.highlights, u.annotations),
    page: page ?? 1,
  };
  if (u.snapshot)
    return publishedView(u, lineage, publishedSnapshot(u.id, u.snapshot), scope, planHtml);
  const choices = choicesOf(u);
  const everyPortfolio = inOrder(
    await db.selectFrom('portfolios').select(['id', 'slug', 'name']).orderBy('name').execute(),
    choices.order,
  );
  const pages = pagesOf(everyPortfolio.length);
  if (base.page > pages) return null;
  const wanted = slice(everyPortfolio);
  if (slug !== undefined && wanted.length === 0) return null;
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

/**
 * The update's shared document (its highlights and notes, written live) as a page opens it: its
 * name, where this browser keeps its copy (under a key a new update reusing the id would not
 * share), and the person as the others see them.
 */
export function liveUpdateDocument(
  view: { id: number; fiscalYear: number; quarter: number },
  user: { personId: number; name: string },
) {
  const doc = { kind: 'pmc_update', id: view.id } as const;
  return {
    documentName: collabName(doc),
    localKey: localCopyKey(doc, `${view.fiscalYear}-${view.quarter}`),
    me: collabPerson(user),
  };
}

/**
 * An update as its withdraw and correct pages need it (OMB leads only): its row, how it stands
 * among its quarter's others, and its quarter's standing update.
 */
export async function loadStanding({ request, context }: RequestArgs, idParam: string | undefined) {
  const user = requireUser({ request, context });
  authorize(user, 'pmc.manage');
  const db = dbOf(context);
  const u = found(await getUpdate(db, pathParam(IdParam, idParam)));
  const [lineage, standing] = await Promise.all([
    updateLineage(db, u),
    standingUpdate(db, u.fiscal_year, u.quarter),
  ]);
  return {
    user,
    update: {
      id: u.id,
      version: u.version,
      status: u.status,
      name: updateName({
        fiscalYear: u.fiscal_year,
        quarter: u.quarter,
        status: u.status,
        correctsId: u.corrects_id,
      }),
      publishedAt: u.published_at,
    },
    lineage,
    standing: standing && standing.id !== u.id ? standing : null,
  };
}
