/**
 * A page of the PMC preview as markup made once (render/pmc/preview.server.tsx), and how a page's
 * data carries such markup (web/context.server.ts serverMarkup).
 */
import { describe, expect, test } from 'vitest';
import { previewPage } from '~/render/pmc/preview.server';
import { keptMarkupContext, requestContext, serverMarkup } from '~/web/context.server';
import { draftView } from '../presenters/pmc-view';

const input = (over: Partial<Parameters<typeof previewPage>[1]> = {}) => ({
  place: { page: 1 },
  published: [{ label: 'FY 2026 Q1', hours: 12 }],
  timeZone: 'America/New_York',
  manager: true,
  ...over,
});

describe('previewPage', () => {
  test("the overview's sections and charts are markup, and its data does not repeat them", () => {
    const page = previewPage(draftView, input());
    expect(page.portfolios).toEqual([]);
    const { sections, charts } = page.markup!;
    // The portfolios in the update's order, each with its heading and its first milestones.
    expect(sections.indexOf('>Portfolio a</h3>')).toBeGreaterThan(-1);
    expect(sections.indexOf('>Portfolio b</h3>')).toBeGreaterThan(-1);
    expect(sections).toContain('Milestone 5');
    expect(sections).not.toContain('Milestone 6<');
    // Move up and down post to the page they are on, for the router to send (data-nav).
    expect(sections).toMatch(/<form data-nav=""[^>]* action="\/pmc\/9" method="post">/);
    expect(sections).toContain('name="direction"');
    // Three charts, each titled by ids of its own that no other React tree on the page makes.
    const ids = [...charts.matchAll(/<title id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^charts/);
  });

  test.each([
    ['a second page of portfolios', { place: { page: 2 } }, 'action="/pmc/9?page=2"'],
    ['a reader', { manager: false }, null],
  ])('%s', (_, over, action) => {
    const { sections } = previewPage(draftView, input(over)).markup!;
    if (action) expect(sections).toContain(action);
    else expect(sections).not.toContain('<form');
  });

  test("a portfolio's own view stays React's: its data carries the portfolio", () => {
    const page = previewPage(draftView, input({ place: { page: 1, portfolio: 'a' } }));
    expect(page.markup).toBeNull();
    expect(page.portfolios.map((p) => [p.slug, p.full])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  test('made once for the same view and viewer; again for another zone or another view', () => {
    const once = previewPage(draftView, input());
    expect(previewPage(draftView, input())).toBe(once);
    expect(previewPage(draftView, input({ timeZone: 'America/Chicago' }))).not.toBe(once);
    const changed = { ...draftView, version: draftView.version + 1 };
    const again = previewPage(changed, input());
    expect(again).not.toBe(once);
    expect(again.markup!.sections).toContain(`name="version" value="${changed.version}"`);
  });
});

describe('serverMarkup', () => {
  test('a document request keeps the markup by name; a data request carries it', () => {
    const document = requestContext(undefined, true);
    expect(serverMarkup(document, '<p>one</p>')).toEqual({ kept: 'm0' });
    expect(serverMarkup(document, '<p>two</p>')).toEqual({ kept: 'm1' });
    expect([...document.get(keptMarkupContext)!]).toEqual([
      ['m0', '<p>one</p>'],
      ['m1', '<p>two</p>'],
    ]);
    const data = requestContext(undefined, false);
    expect(serverMarkup(data, '<p>one</p>')).toEqual({ html: '<p>one</p>' });
  });
});
