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

/**
 * Draws Mermaid source in the browser. The server renders only the figure's frame; the table
 * beside it carries the same content for people who cannot see the diagram or run JavaScript.
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
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'idle' | 'drawn' | 'error'>('idle');
  const [svg, setSvg] = useState('');

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      loadMermaid()
        .then((mermaid) => mermaid.render(`mermaid-${id}-${Date.now()}`, source))
        .then(({ svg: drawn }) => {
          if (cancelled || !holder.current) return;
          holder.current.innerHTML = drawn;
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

  const descId = `${id}-desc`;
  return (
    <figure className="margin-x-0" aria-describedby={descId}>
      <div
        ref={holder}
        role="img"
        aria-label={`Journey diagram: ${label}`}
        data-testid="journey-diagram"
        data-state={state}
        className="journey-diagram"
      />
      <figcaption id={descId} className="font-body-2xs text-base-dark">
        {state === 'error'
          ? 'The diagram could not be drawn. The table has the same content.'
          : state === 'idle'
            ? 'The diagram is drawn in your browser. The table has the same content.'
            : description || `Mermaid journey diagram of ${label}. The table has the same content.`}
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
