/**
 * Read-only parts of a page (charts and tables with no state of their own) as markup made once,
 * by the page's own components. Rendering them with React on every request, and copying their
 * data into the page for hydration, was most of some pages' cost (measured in
 * docs/decisions/041-performance-as-ratios.md); the page sets this markup instead, through
 * components/ui/server-markup.tsx. The markup is kept while `basis`, a value itself kept under a
 * change stamp (db/cache.ts), is the same object: when what it shows changes, the basis is new.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BoundedMap } from '~/lib/bounded-map';

const made = new WeakMap<object, BoundedMap<string, unknown>>();

/**
 * What `make()` returns for `basis`, made once per `key` and kept while `basis` is the same
 * object. Two uses of one basis must not share a key.
 */
export function keptFor<T>(basis: object, key: string, make: () => T): T {
  let parts = made.get(basis);
  if (!parts) made.set(basis, (parts = new BoundedMap(20)));
  return parts.getOrSet(key, make) as T;
}

/**
 * The markup of `element()` for `basis`, made once per `key`. The key names the part and holds
 * everything else the element depends on; it also prefixes the element's ids, so that they differ
 * from the ids of the rest of the page.
 */
export function keptMarkup(basis: object, key: string, element: () => ReactElement): string {
  return keptFor(basis, key, () =>
    renderToStaticMarkup(element(), { identifierPrefix: `${key}-` }),
  );
}
