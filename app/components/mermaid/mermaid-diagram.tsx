import { useEffect, useId, useRef, useState } from 'react';

import type MermaidApi from 'mermaid';

type Mermaid = typeof MermaidApi;
let loading: Promise<Mermaid> | undefined;

/** Loads mermaid on first use, only in the browser, only on pages that draw a diagram. */
function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      journey: { useMaxWidth: true },
    });
    return mermaid;
  });
  return loading;
}

/** How a drawn diagram is sized: squeezed to the page's width, or at its own size, scrolling. */
export type Zoom = 'fit' | 'actual';

/**
 * The first zoom of a diagram `naturalWidth` px wide in a frame `frameWidth` px wide: fit to width
 * while that keeps the text at least three quarters of its size, else actual size (the frame
 * scrolls sideways, not the page), so a phone at 390 px shows text it can read.
 */
export function initialZoom(naturalWidth: number, frameWidth: number): Zoom {
  return naturalWidth <= 0 || frameWidth >= naturalWidth * 0.75 ? 'fit' : 'actual';
}

/** The drawn SVG's own width in px (its viewBox), or 0 when it has none. */
function naturalWidth(svg: SVGSVGElement): number {
  const box = svg.viewBox?.baseVal;
  if (box && box.width > 0) return box.width;
  const max = Number.parseFloat(svg.style.maxWidth);
  return Number.isFinite(max) ? max : 0;
}

function applyZoom(svg: SVGSVGElement, width: number, zoom: Zoom) {
  if (width <= 0) return;
  svg.style.width = zoom === 'actual' ? `${width}px` : '100%';
  svg.style.maxWidth = zoom === 'actual' ? 'none' : `${width}px`;
}

/**
 * Draws Mermaid source in the browser. The server renders only the figure's frame; the table
 * beside it carries the same content for people who cannot see the diagram or run JavaScript.
 * Once drawn, "Fit to width" and "Actual size" zoom it; at actual size its frame scrolls sideways
 * (and takes focus, so the arrow keys scroll it) while the page itself never does.
 */
export function MermaidDiagram({
  source,
  label,
  description,
  downloadName,
}: {
  source: string;
  label: string;
  description: string;
  /** Offer "Download SVG" with this file name once drawn. */
  downloadName?: string;
}) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const frame = useRef<HTMLDivElement>(null);
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'idle' | 'drawn' | 'error'>('idle');
  const [svg, setSvg] = useState('');
  // Chosen from the widths at the first draw, then kept across redraws (the live preview).
  const [zoom, setZoom] = useState<Zoom | null>(null);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      loadMermaid()
        .then((mermaid) => mermaid.render(`mermaid-${id}-${Date.now()}`, source))
        .then(({ svg: drawn }) => {
          if (cancelled || !holder.current) return;
          holder.current.innerHTML = drawn;
          const el = holder.current.querySelector('svg');
          if (el && frame.current) {
            const w = naturalWidth(el);
            el.dataset.naturalWidth = String(w);
            const frameWidth = frame.current.clientWidth;
            setZoom((z) => z ?? initialZoom(w, frameWidth));
          }
          setSvg(drawn);
          setState('drawn');
        })
        .catch(() => {
          if (!cancelled) setState('error');
        });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, source]);

  useEffect(() => {
    const el = holder.current?.querySelector('svg');
    if (el && zoom) applyZoom(el, Number(el.dataset.naturalWidth), zoom);
  }, [zoom, svg]);

  const descId = `${id}-desc`;
  const scrolls = state === 'drawn' && zoom === 'actual';
  return (
    <figure className="margin-x-0" aria-describedby={descId}>
      {state === 'drawn' && zoom ? (
        <ul
          className="usa-button-group usa-button-group--segmented margin-bottom-1"
          aria-label={`Zoom: ${label}`}
        >
          {(
            [
              ['fit', 'Fit to width'],
              ['actual', 'Actual size'],
            ] as const
          ).map(([value, text]) => (
            <li key={value} className="usa-button-group__item">
              <button
                type="button"
                className={`usa-button usa-button--small${zoom === value ? '' : ' usa-button--outline'}`}
                aria-pressed={zoom === value}
                onClick={() => setZoom(value)}
              >
                {text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div
        ref={frame}
        className="journey-diagram"
        data-testid="journey-diagram-frame"
        {...(scrolls
          ? { tabIndex: 0, role: 'region', 'aria-label': `${label}: diagram, scrolls sideways` }
          : {})}
      >
        <div
          ref={holder}
          role="img"
          aria-label={`Journey diagram: ${label}`}
          data-testid="journey-diagram"
          data-state={state}
          data-zoom={zoom ?? undefined}
        />
      </div>
      <figcaption id={descId} className="font-body-2xs text-base-dark">
        {state === 'error'
          ? 'The diagram could not be drawn. The table has the same content.'
          : state === 'idle'
            ? 'The diagram is drawn in your browser. The table has the same content.'
            : `${description || `Mermaid journey diagram of ${label}. The table has the same content.`}${
                scrolls ? ' At actual size: scroll the diagram sideways to see all of it.' : ''
              }`}
      </figcaption>
      {downloadName && state === 'drawn' ? (
        <a
          className="usa-button usa-button--outline usa-button--small"
          download={downloadName}
          href={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        >
          Download SVG
        </a>
      ) : null}
    </figure>
  );
}
