/**
 * The search page's view (app/presenters/search.server.ts) on the demo workspace: what the page
 * says for each kind of query, and that filters and pages are read safely from the URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { searchView } from '~/presenters/search.server';
import { rebuildSearchIndex } from '#db/search-index';
import type { Database } from '#db/schema';
import { demoDb, userFor } from '../helpers';

let db: Kysely<Database>;
beforeAll(async () => {
  db = await demoDb();
  await rebuildSearchIndex(db);
});

async function view(query: string, email = 'viewer@example.gov') {
  return searchView(db, await userFor(db, email), new URLSearchParams(query));
}

describe('the search page', () => {
  it('groups results by kind, in a fixed order, with counts and the words marked', async () => {
    const v = await view('q=medicaid');
    expect(v.notRun).toBeNull();
    expect(v.groups.map((g) => g.kind)).toEqual(v.counts.map((c) => c.kind));
    expect(v.counts.map((c) => c.kind).slice(0, 2)).toEqual(['portfolio', 'project']);
    expect(v.total).toBe(v.counts.reduce((n, c) => n + c.count, 0));
    const results = v.groups.flatMap((g) => g.results);
    expect(results.some((r) => r.titleParts.some((p) => p.hit && /medicaid/i.test(p.text)))).toBe(
      true,
    );
    expect(results.some((r) => r.snippet.some((p) => p.hit && /medicaid/i.test(p.text)))).toBe(
      true,
    );
    expect(v.groups.every((g) => g.results.length <= 5)).toBe(true);
    expect(v.paging).toBeNull();
  });

  it('shows one kind page by page, a page past the last being the last', async () => {
    const v = await view('q=medicaid&type=milestone&page=400');
    expect(v.groups.map((g) => g.kind)).toEqual(['milestone']);
    expect(v.paging).toEqual({ page: 1, pages: 1 });
  });

  it.each([
    ['', 'empty'],
    ['q=-draft', 'only-exclusions'],
    [`q=${'x'.repeat(201)}`, 'refused'],
  ])('%j is not run (%s)', async (query, why) => {
    const v = await view(query);
    expect(v.notRun).toBe(why);
    expect(v.total).toBe(0);
  });

  it('keeps what was typed, and gives a bad filter a message instead of using it', async () => {
    const v = await view(
      'q=medicaid&type=secrets&portfolio=nowhere&phase=later&changed=soon&page=-1',
    );
    expect(v.typed.q).toBe('medicaid');
    expect(Object.keys(v.errors).sort()).toEqual(['changed', 'page', 'phase', 'portfolio', 'type']);
    expect(v.total).toBeGreaterThan(0);
    expect(v.filters).toEqual([]);
  });

  it('narrows by portfolio and phase in the query', async () => {
    const all = await view('q=medicaid');
    const shock = await view('q=medicaid&portfolio=facing-a-financial-shock&phase=development');
    expect(shock.total).toBeGreaterThan(0);
    expect(shock.total).toBeLessThan(all.total);
    expect(shock.filters.map((f) => f.key)).toEqual(['portfolio', 'phase']);
  });
});
