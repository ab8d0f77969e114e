/**
 * A long list of choices as `<option>` markup, made once per list. A select of a portfolio's
 * research activities can hold hundreds of options: rendered by React on every request and
 * copied into the page's data for hydration, it was most of its page's cost (measured in
 * docs/decisions/041-performance-as-ratios.md). The markup is made by React (so every label
 * and value is escaped as React escapes them), kept while the list is the same object (the lists
 * are themselves kept under the portfolio's change stamp), and the page sets it as the select's
 * content.
 */
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export interface OptionGroup {
  label: string;
  options: readonly { value: string; label: string }[];
}

const made = new WeakMap<object, string>();

/**
 * `<option>`s under `<optgroup>`s, after a first empty option labelled `placeholder`, with the
 * option whose value is `selected` (if any) chosen. `shape` turns each item of `list` into a
 * group. The markup is kept by `list` alone: a list must not change while in use, and each list
 * is shown with one shape and placeholder.
 */
export function groupedOptionsHtml<T>(
  list: readonly T[],
  shape: (item: T) => OptionGroup,
  placeholder: string,
  selected: string,
): string {
  let html = made.get(list);
  if (html === undefined) {
    html = renderToStaticMarkup(
      createElement(
        Fragment,
        null,
        createElement('option', { value: '' }, placeholder),
        ...list.map((item) => {
          const g = shape(item);
          return createElement(
            'optgroup',
            { key: g.label, label: g.label },
            g.options.map((o) =>
              createElement('option', { key: o.value, value: o.value }, o.label),
            ),
          );
        }),
      ),
    );
    made.set(list, html);
  }
  // Only the list's own markup is searched for: what was asked never enters the HTML.
  if (!/^[\w-]+$/.test(selected)) return html;
  const option = `<option value="${selected}">`;
  return html.includes(option)
    ? html.replace(option, () => `<option selected="" value="${selected}">`)
    : html;
}
