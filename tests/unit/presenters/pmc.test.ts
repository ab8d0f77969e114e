import { NO_LINEAGE } from '~/domain/pmc/standing';
import { draftView } from './pmc-view';
import { describe, expect, test } from 'vitest';
import type { PublishedSnapshot } from '~/domain/pmc/snapshot';
import {
  changesSince,
  firstOf,
  freshSince,
  highlightsHtmlOf,
  pageCount,
  PORTFOLIOS_PER_PAGE,
  portfoliosIn,
  previewUrl,
  publishedHours,
  publishedView,
  quarterLabel,
  SHOWN,
  updatePreview,
  updateStatusText,
  type UpdateScope,
} from '~/presenters/pmc';

const seven = Array.from({ length: 7 }, (_, i) => ({ slug: `p${i + 1}` }));

describe('previewUrl', () => {
  test.each([
    [{ page: 1 }, '/pmc/4'],
    [{ page: 2 }, '/pmc/4?page=2'],
    [{ page: 1, portfolio: 'health' }, '/pmc/4?portfolio=health'],
    [{ page: 3, portfolio: 'health' }, '/pmc/4?page=3&portfolio=health'],
    [{ page: 1, portfolio: undefined }, '/pmc/4'],
  ])('%o → %s', (place, url) => {
    expect(previewUrl(4, place)).toBe(url);
  });
});

describe('portfoliosIn and pageCount', () => {
  test.each<[UpdateScope, string[], number]>([
    [undefined, seven.map((p) => p.slug), 1],
    [{ page: 1 }, ['p1', 'p2', 'p3', 'p4', 'p5'], 2],
    [{ page: 2 }, ['p6', 'p7'], 2],
    [{ page: 3 }, [], 2],
    [{ slug: 'p4' }, ['p4'], 1],
    [{ slug: 'nope' }, [], 1],
  ])('%o', (scope, slugs, pages) => {
    expect(portfoliosIn(seven, scope).map((p) => p.slug)).toEqual(slugs);
    expect(pageCount(seven.length, scope)).toBe(pages);
  });

  test.each([
    [0, 1],
    [1, 1],
    [PORTFOLIOS_PER_PAGE, 1],
    [PORTFOLIOS_PER_PAGE + 1, 2],
  ])('%i portfolios make %i page(s)', (n, pages) => {
    expect(pageCount(n, { page: 1 })).toBe(pages);
  });
});

describe('highlightsHtmlOf', () => {
  const render = (doc: unknown) => `<p>${String(doc)}</p>`;
  test.each([
    [{ program: 'a', p1: 'b', p2: 'c' }, ['p1'], { program: '<p>a</p>', p1: '<p>b</p>' }],
    [{ p2: 'c' }, ['p1'], {}],
    [{}, ['p1'], {}],
  ])('%o shown for %o', (highlights, slugs, html) => {
    expect(highlightsHtmlOf(highlights, slugs, render)).toEqual(html);
  });
});

describe('firstOf', () => {
  test.each([
    [[1, 2, 3, 4], 3, false, [1, 2, 3], 4],
    [[1, 2, 3, 4], 3, true, [1, 2, 3, 4], 4],
    [[1], 3, false, [1], 1],
    [[], 3, false, [], 0],
  ])('%o first %i (full %s)', (items, n, full, shown, total) => {
    expect(firstOf(items, n, full)).toEqual({ items: shown, total });
  });
});

test.each([
  [2026, 1, 'FY 2026 Q1'],
  [2027, 4, 'FY 2027 Q4'],
])('quarterLabel(%i, %i) = %s', (fy, q, label) => {
  expect(quarterLabel(fy, q)).toBe(label);
});

describe('publishedHours', () => {
  const u = (id: number, q: number, status: string, reducedHours: number) => ({
    id,
    fiscal_year: 2026,
    quarter: q,
    status,
    reducedHours,
  });
  test.each([
    [
      'oldest first, drafts and this update left out',
      [
        u(4, 4, 'draft', 0),
        u(3, 3, 'published', 30),
        u(2, 2, 'published', 20),
        u(1, 1, 'published', 10),
      ],
      3,
      [
        { label: 'FY 2026 Q1', hours: 10 },
        { label: 'FY 2026 Q2', hours: 20 },
      ],
    ],
    ['none published', [u(1, 1, 'draft', 0)], 1, []],
  ])('%s', (_, updates, current, series) => {
    expect(publishedHours(updates, current)).toEqual(series);
  });
});

describe('the sentences of what is counted', () => {
  const previous = { label: 'FY 2026 Q1', publishedAt: '2026-01-15' };
  test.each([
    [
      previous,
      'since FY 2026 Q1 was published (January 15, 2026)',
      'since FY 2026 Q1 was published',
    ],
    [
      null,
      'since the workspace began (no earlier update is published)',
      'in FY 2026 Q2 (no earlier update is published)',
    ],
  ])('%o', (prev, changes, fresh) => {
    expect(changesSince(prev)).toBe(changes);
    expect(freshSince(prev, 2026, 2)).toBe(fresh);
  });

  test.each([
    [
      { status: 'draft' as const, publishedAt: null, start: '2026-01-01', end: '2026-03-31' },
      'Draft, assembled live from the workspace (January 1, 2026 to March 31, 2026).',
    ],
    [
      {
        status: 'published' as const,
        publishedAt: '2026-04-02',
        start: '2026-01-01',
        end: '2026-03-31',
      },
      'Published April 2, 2026: frozen, later changes do not alter it.',
    ],
  ])('status line %#', (view, text) => {
    expect(updateStatusText(view)).toBe(text);
  });
});

describe('updatePreview', () => {
  const preview = (place: { page: number; portfolio?: string }, manager = true, v = draftView) =>
    updatePreview(v, { place, published: [], timeZone: 'America/New_York', manager });

  test.each([
    [
      'overview',
      { page: 1 },
      [SHOWN.milestones, SHOWN.other, SHOWN.changes],
      false,
      { m1: 'shown' },
    ],
    [
      "a portfolio's own view",
      { page: 1, portfolio: 'a' },
      [7, 4, 5],
      true,
      { m1: 'shown', m7: 'on a hidden milestone' },
    ],
  ])('%s lists the first items or all of them', (_, place, [m, d, c], focused, notes) => {
    const p = preview(place).portfolios.find((x) => x.slug === 'a')!;
    expect(p.lists.milestones).toMatchObject({ total: 7 });
    expect(p.lists.milestones.items).toHaveLength(m!);
    expect(p.lists.decisions.items).toHaveLength(d!);
    expect(p.changes.items).toHaveLength(c!);
    expect(p.changes).toMatchObject({ kept: 5, total: 25 });
    expect(p.annotations).toEqual(notes);
    expect(preview(place).focused).toBe(focused);
  });

  test('positions, URLs, highlights, times and what was left out', () => {
    const r = preview({ page: 1 });
    expect(r.portfolios.map((p) => [p.slug, p.position, p.ownUrl, p.highlightsHtml])).toEqual([
      ['a', 1, '/pmc/9?portfolio=a', '<p>A</p>'],
      ['b', 0, '/pmc/9?portfolio=b', null],
    ]);
    expect(r.portfolios[0]!.changes.items[0]!.when).toBe('February 1, 2026, 10:00 AM EST');
    expect(r.excludedItems).toEqual([{ key: 'r9', text: 'Item r9' }]);
    expect(r.view).toMatchObject({
      previous: { label: 'FY 2026 Q1', publishedAt: '2026-01-15T12:00:00.000Z' },
      programHighlightsHtml: '<p>P</p>',
      portfolioCount: 2,
      perPage: PORTFOLIOS_PER_PAGE,
    });
    expect(r.overviewUrl).toBe('/pmc/9');
    expect(r.pageUrls).toEqual(['/pmc/9']);
  });

  test.each([
    [true, 'draft' as const, true],
    [false, 'draft' as const, false],
    [true, 'published' as const, false],
  ])('a manager (%s) manages a %s update: %s', (manager, status, may) => {
    expect(preview({ page: 1 }, manager, { ...draftView, status }).mayManage).toBe(may);
  });
});

describe('publishedView', () => {
  const pf = (slug: string, hours: number) =>
    ({
      slug,
      name: `Portfolio ${slug}`,
      burden: { reducedHours: String(hours), reducedHoursNumber: hours, reducedCost: '$0' },
      annotations: {},
    }) as unknown as PublishedSnapshot['portfolios'][number];
  const snap = {
    fiscalYear: 2026,
    quarter: 1,
    start: '2025-10-01',
    end: '2025-12-31',
    assembledAt: '2026-01-02T00:00:00.000Z',
    since: null,
    previous: null,
    highlights: { program: 'P', p1: 'one', p7: 'seven' },
    portfolios: Array.from({ length: 7 }, (_, i) => pf(`p${i + 1}`, i + 1)),
  } as PublishedSnapshot;
  const row = {
    id: 3,
    fiscal_year: 2026,
    quarter: 1,
    status: 'published' as const,
    published_at: '2026-01-05',
    version: 4,
  };
  const render = (doc: unknown) => `<p>${String(doc)}</p>`;
  test.each<[UpdateScope, string[] | null, number, string[]]>([
    [{ page: 1 }, ['p1', 'p2', 'p3', 'p4', 'p5'], 2, ['program', 'p1']],
    [{ page: 2 }, ['p6', 'p7'], 2, ['program', 'p7']],
    [{ page: 3 }, null, 0, []],
    [{ slug: 'p7' }, ['p7'], 1, ['program', 'p7']],
    [{ slug: 'nope' }, null, 0, []],
    [undefined, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'], 1, ['program', 'p1', 'p7']],
  ])('%o', (scope, slugs, pages, html) => {
    const v = publishedView(row, NO_LINEAGE, snap, scope, render);
    if (slugs === null) return expect(v).toBeNull();
    expect(v!.portfolios.map((p) => p.slug)).toEqual(slugs);
    expect(v!.pages).toBe(pages);
    expect(Object.keys(v!.highlightsHtml)).toEqual(html);
    expect(v).toMatchObject({
      id: 3,
      status: 'published',
      publishedAt: '2026-01-05',
      version: 4,
      all: [],
      excluded: [],
      programReducedHours: 28,
    });
    expect(v!.order).toHaveLength(7);
  });
});
