/** Read-only parts of a page as markup made once per basis (render/kept-markup.server.ts). */
import { createElement, useId } from 'react';
import { describe, expect, test } from 'vitest';
import { keptMarkup } from '~/render/kept-markup.server';

function Labelled({ text }: { text: string }) {
  const id = useId();
  return createElement('p', { id }, text);
}

describe('keptMarkup', () => {
  test('made once per basis and key; again for a new basis; ids carry the key', () => {
    let made = 0;
    const part = (text: string) => () => {
      made++;
      return createElement(Labelled, { text });
    };
    const basis = {};
    const first = keptMarkup(basis, 'figures', part('<one>'));
    expect(first).toMatch(/^<p id="[^"]*figures-[^"]*">&lt;one&gt;<\/p>$/);
    expect(keptMarkup(basis, 'figures', part('<two>'))).toBe(first);
    expect(made).toBe(1);
    expect(keptMarkup(basis, 'table', part('two'))).toContain('>two<');
    expect(keptMarkup({}, 'figures', part('three'))).toContain('>three<');
    expect(made).toBe(3);
  });
});
