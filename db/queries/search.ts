/**
 * Reads of the search index (issue 23). The full-text parts differ by database and come from
 * db/dialect.ts (`fullText`); everything a person may not see, and every filter, is a condition
 * of the query itself, so counts and pages are of what the person may see.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Phase } from '~/domain/portfolio/types';
import type { SearchAudience, SearchKind } from '~/domain/search/kinds';
import type { DB } from '../client';
import { fullText, type FullTextQuery } from '../dialect';

export interface SearchFilter {
  /** Who the person is to the index: always 'signed_in', and 'pmc_draft' for those who see drafts. */
  audiences: readonly SearchAudience[];
  kind?: SearchKind;
  portfolioId?: number;
  phase?: Phase;
  /** ISO moment: only what changed at or after it. */
  changedSince?: string;
}

export interface SearchHit {
  id: number;
  kind: SearchKind;
  title: string;
  context: string;
  url: string;
  archived: boolean;
  updatedAt: string;
}

function conditions(db: DB, q: FullTextQuery, f: SearchFilter, withKind: boolean) {
  const ft = fullText(db, q);
  const where: RawBuilder<unknown>[] = [
    ft.match,
    sql`e.audience in (${sql.join(f.audiences.length > 0 ? [...f.audiences] : ['none'])})`,
  ];
  if (withKind && f.kind) where.push(sql`e.kind = ${f.kind}`);
  if (f.portfolioId !== undefined) where.push(sql`e.portfolio_id = ${f.portfolioId}`);
  if (f.phase) where.push(sql`e.project_id in (select id from projects where phase = ${f.phase})`);
  if (f.changedSince) where.push(sql`e.updated_at >= ${f.changedSince}`);
  return { ft, where: sql.join(where, sql` and `) };
}

const HIT_COLUMNS = sql`e.id, e.kind, e.title, e.context, e.url, e.archived, e.updated_at`;

type HitRow = {
  id: number;
  kind: string;
  title: string;
  context: string;
  url: string;
  archived: number;
  updated_at: string;
};

function hit(r: HitRow): SearchHit {
  return {
    id: Number(r.id),
    kind: r.kind as SearchKind,
    title: r.title,
    context: r.context,
    url: r.url,
    archived: Number(r.archived) === 1,
    updatedAt: r.updated_at,
  };
}

/** How many results each kind has under the filters (the kind filter aside). */
export async function searchCounts(
  db: DB,
  q: FullTextQuery,
  f: SearchFilter,
): Promise<Map<SearchKind, number>> {
  const { ft, where } = conditions(db, q, f, false);
  const { rows } = await sql<{ kind: string; n: number | string }>`
    select e.kind as kind, count(*) as n from ${ft.from} where ${where} group by e.kind`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.kind as SearchKind, Number(r.n)]));
}

/** One page of results of one kind (or all), best first. */
export async function searchPage(
  db: DB,
  q: FullTextQuery,
  f: SearchFilter,
  page: { limit: number; offset: number },
): Promise<SearchHit[]> {
  const { ft, where } = conditions(db, q, f, true);
  const { rows } = await sql<HitRow>`
    select ${HIT_COLUMNS} from ${ft.from} where ${where}
    order by ${ft.rank} desc, e.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.map(hit);
}

/** The best few results of each kind, for the page that shows every kind. */
export async function searchTopOfEachKind(
  db: DB,
  q: FullTextQuery,
  f: SearchFilter,
  perKind: number,
): Promise<SearchHit[]> {
  const { ft, where } = conditions(db, q, f, true);
  const { rows } = await sql<HitRow>`
    select id, kind, title, context, url, archived, updated_at from (
      select ranked.*, row_number() over (partition by kind order by rank desc, id) as place
      from (select ${HIT_COLUMNS}, ${ft.rank} as rank from ${ft.from} where ${where}) ranked
    ) t where place <= ${perKind} order by kind, rank desc, id`.execute(db);
  return rows.map(hit);
}

/**
 * Each result's title and a snippet of its text with the matching words marked (between
 * db/dialect.ts's HIT_START and HIT_END).
 */
export async function searchSnippets(
  db: DB,
  q: FullTextQuery,
  ids: readonly number[],
): Promise<Map<number, { title: string; snippet: string }>> {
  if (ids.length === 0) return new Map();
  const ft = fullText(db, q);
  const { rows } = await sql<{ id: number; title: string | null; snippet: string | null }>`
    select e.id as id, ${ft.title} as title, ${ft.snippet} as snippet from ${ft.from}
    where ${ft.match} and e.id in (${sql.join([...ids])})`.execute(db);
  return new Map(
    rows.map((r) => [Number(r.id), { title: r.title ?? '', snippet: r.snippet ?? '' }]),
  );
}

/** The portfolios the portfolio filter offers, by name. */
export async function searchPortfolioChoices(db: DB) {
  return db.selectFrom('portfolios').select(['id', 'slug', 'name']).orderBy('name').execute();
}
