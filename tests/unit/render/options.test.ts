/**
 * A long select's options made as markup once per list (render/forms/options.server.ts): labels
 * escaped, the asked option chosen, and nothing of what was asked written into the page.
 */
import { describe, expect, it } from 'vitest';
import { groupedOptionsHtml } from '~/render/forms/options.server';

const list = [
  { project: 'Kits & <supplies>', items: [{ id: 7, title: 'Interviews "round 1"' }] },
  {
    project: 'Benefit finder',
    items: [
      { id: 12, title: 'Card sort' },
      { id: 3, title: 'Survey' },
    ],
  },
];
const shape = (g: (typeof list)[number]) => ({
  label: g.project,
  options: g.items.map((i) => ({ value: String(i.id), label: i.title })),
});

describe('grouped options as markup', () => {
  it.each([
    ['', null],
    ['12', '12'],
    ['3', '3'],
    ['99', null],
    ['1', null],
    ['12"><script>', null],
    ['<option value="12">', null],
  ])('asked %j: the chosen option is %j', (asked, chosen) => {
    const html = groupedOptionsHtml(list, shape, '- Select -', asked);
    const selected = [...html.matchAll(/<option selected="" value="([^"]*)">/g)].map((m) => m[1]);
    expect(selected).toEqual(chosen === null ? [] : [chosen]);
    expect(html).not.toContain('<script');
  });

  it('escapes labels, keeps the order and groups, and is made once per list', () => {
    const html = groupedOptionsHtml(list, shape, '- Select -', '');
    expect(html).toBe(
      '<option value="">- Select -</option>' +
        '<optgroup label="Kits &amp; &lt;supplies&gt;"><option value="7">Interviews &quot;round 1&quot;</option></optgroup>' +
        '<optgroup label="Benefit finder"><option value="12">Card sort</option><option value="3">Survey</option></optgroup>',
    );
    let calls = 0;
    const counting = (g: (typeof list)[number]) => (calls++, shape(g));
    const copy = [...list];
    groupedOptionsHtml(copy, counting, '- Select -', '');
    groupedOptionsHtml(copy, counting, '- Select -', '12');
    expect(calls).toBe(2);
  });
});
