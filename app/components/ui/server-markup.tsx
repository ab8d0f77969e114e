/**
 * Markup made on the server once and kept (app/render/…), set into the page as it is. A page's
 * data is copied into the document for hydration; a large piece of markup would be written twice,
 * once as HTML and once escaped inside the data, and the copy cost more than the markup (measured
 * in docs/decisions/041-performance-as-ratios.md). So in a document request the data carries
 * only a name (`kept`) and the document takes the markup from this request's own list (provided
 * by entry.server.tsx); hydration keeps what the server wrote, as React leaves the inside of
 * `dangerouslySetInnerHTML` alone. When the router fetches the page's data (a navigation in the
 * page, or after a form), the markup travels in the data (`html`).
 *
 * Should React ever render the page afresh in the browser (a hydration that failed), a named
 * part has nothing to keep; the page's data is fetched again, and carries it.
 *
 * New markup replaces the old element by element, so the control that had focus (a Move down
 * button) is gone; its counterpart in the new markup (the same form's button, or the same link)
 * takes focus instead, so a keyboard user stays where they were.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { useRevalidator } from 'react-router';

export type ServerMarkupValue = { html: string } | { kept: string };

/** The markup of this document request, by name (the server only). */
export const KeptMarkup = createContext<ReadonlyMap<string, string> | null>(null);

// useLayoutEffect warns when React renders on the server; there it has nothing to do.
const useBrowserLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

export function ServerMarkup({ markup }: { markup: ServerMarkupValue }) {
  const kept = useContext(KeptMarkup);
  const html = 'html' in markup ? markup.html : (kept?.get(markup.kept) ?? '');
  const box = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<Place | null>(null);
  const { revalidate } = useRevalidator();
  const named = 'kept' in markup;
  useEffect(() => {
    // Named markup with nothing to keep: React rendered this part afresh in the browser (a
    // hydration that failed elsewhere on the page). The page's data, fetched again, carries it.
    if (named && box.current?.childNodes.length === 0) void revalidate();
  }, [named, revalidate]);
  useEffect(() => {
    const div = box.current;
    if (!div) return;
    const enter = (e: FocusEvent) => {
      lastFocus.current = e.target instanceof Element ? placeOf(e.target) : null;
    };
    const leave = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !div.contains(e.relatedTarget))
        lastFocus.current = null;
    };
    div.addEventListener('focusin', enter);
    div.addEventListener('focusout', leave);
    return () => {
      div.removeEventListener('focusin', enter);
      div.removeEventListener('focusout', leave);
    };
  }, []);
  useBrowserLayoutEffect(() => {
    const div = box.current;
    const place = lastFocus.current;
    if (!div || !place || (document.activeElement && document.activeElement !== document.body))
      return;
    findPlace(div, place)?.focus();
  }, [html]);
  // In the browser a kept piece is '' here: React keeps the server's markup while hydrating.
  return <div ref={box} dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />;
}

/** Where focus was, in words that survive new markup: a form's fields and button, or a link. */
type Place =
  | { kind: 'button'; fields: string; name: string; value: string }
  | { kind: 'link'; href: string; text: string };

/** A form's hidden fields but its version, which changes with every save. */
function fieldsOf(form: HTMLFormElement): string {
  return [...form.querySelectorAll<HTMLInputElement>('input[type=hidden]')]
    .filter((i) => i.name !== 'version')
    .map((i) => `${i.name}=${i.value}`)
    .join('&');
}

function placeOf(el: Element): Place | null {
  if (el instanceof HTMLButtonElement && el.form)
    return { kind: 'button', fields: fieldsOf(el.form), name: el.name, value: el.value };
  if (el instanceof HTMLAnchorElement)
    return { kind: 'link', href: el.getAttribute('href') ?? '', text: el.textContent ?? '' };
  return null;
}

function findPlace(div: HTMLElement, place: Place): HTMLElement | null {
  if (place.kind === 'link')
    return (
      [...div.querySelectorAll('a')].find(
        (a) => a.getAttribute('href') === place.href && a.textContent === place.text,
      ) ?? null
    );
  const form = [...div.querySelectorAll('form')].find((f) => fieldsOf(f) === place.fields);
  const buttons = form ? [...form.querySelectorAll('button')] : [];
  // The same button, or the form's other one (Move down is gone from the last place).
  return (
    buttons.find((b) => b.name === place.name && b.value === place.value) ?? buttons[0] ?? null
  );
}
