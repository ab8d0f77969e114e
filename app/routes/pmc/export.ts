import type { Route } from './+types/export';
import { changesByKind, type CuratedChange } from '~/domain/pmc/curate';
import type { PortfolioOutcomes } from '~/domain/pmc/snapshot';
import { MILESTONE_STATUS_LABELS } from '~/domain/portfolio/labels';
import { loadWholeUpdate } from '~/routes/pmc/view.server';
import { DocumentTooLarge, pmcDocument } from '~/render/pmc/document.server';
import { listUpdates } from '#db/queries/pmc';
import { publishedHours } from '~/presenters/pmc';
import { coverWords } from '~/presenters/pmc-figures';
import { updateCharts } from '~/presenters/pmc-charts';
import { dbOf } from '~/web/context.server';
import { byExtension, plainPage } from '~/web/toolkit.server';

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const statusLabel = (s: string) => MILESTONE_STATUS_LABELS[s as 'completed'] ?? s;

/** The HTML export's "What changed since the last update": kinds, their items and the notes. */
function whatChanged(p: { curated: CuratedChange[]; annotations: Record<string, string> }): string {
  const groups = changesByKind(p.curated);
  const body =
    groups.length === 0
      ? '<p>No phase moves, completed or slipped milestones, clearances or burden reduced.</p>'
      : groups
          .map(
            (g) =>
              `<h4>${esc(g.heading)}</h4><ul>${g.items
                .map(
                  (i) =>
                    `<li>${esc(i.text)}${i.detail ? ` (${esc(i.detail)})` : ''}${p.annotations[i.key] ? `<br><em>Note: ${esc(p.annotations[i.key]!)}</em>` : ''}</li>`,
                )
                .join('')}</ul>`,
          )
          .join('');
  return `<h3>What changed since the last update</h3>${body}`;
}

/** The HTML export's outcomes: measures that moved, and survey trust by service. */
function outcomesHtml(o: PortfolioOutcomes | undefined): string {
  if (!o || (o.measures.length === 0 && o.trust.length === 0)) return '';
  const measures = o.measures
    .map(
      (m) =>
        `<li>${esc(m.name)} (${esc(m.project)}): <strong>${esc(m.status)}</strong>, latest ${esc(m.latest)}. ${esc(m.reason)}</li>`,
    )
    .join('');
  const trust = o.trust
    .map(
      (t) =>
        `<li>${esc(t.service)} (${esc(t.agency)}${t.illustrative ? ', illustrative data' : ''}), ${esc(t.quarter)}: ${esc(t.trust)}; ${esc(t.rule)}${t.change ? `; ${esc(t.change)} since the quarter before` : ''}.</li>`,
    )
    .join('');
  return `<h3>Outcomes</h3>${measures ? `<ul>${measures}</ul>` : ''}${trust ? `<p>Trust from post-transaction surveys:</p><ul>${trust}</ul>` : ''}`;
}

/** A document too large to make here: a page that says so and what to take instead. */
function tooLarge(format: 'docx' | 'pptx', id: number): Response {
  const kind = format === 'docx' ? 'a Word file' : 'slides';
  return plainPage(
    503,
    'Too large to export',
    `<h1>Too large to export as ${kind}</h1><p>This update is larger than the workspace can make into ${kind} with the memory set aside for documents. Nothing was changed. <a href="/pmc/${id}/export.html">Open the print-friendly page</a> or <a href="/pmc/${id}/update.json">download the data</a> instead, or ask the workspace's administrator to raise DOCUMENT_HEAP_MB.</p><p><a href="/pmc/${id}">Back to the update</a></p>`,
  );
}

/**
 * The update as it leaves the workspace: Word (the whole update, section for section as on the
 * screen: app/render/pmc/docx.server.ts), slides (app/render/pmc/pptx.server.ts), print-friendly
 * HTML (highlights, then per portfolio a Milestone | Status | Timing | Owner table with the lead's
 * notes) or JSON.
 */
export function loader(args: Route.LoaderArgs) {
  return byExtension(args.request, (format) => exported(args, format));
}

async function exported(
  { request, params, context }: Route.LoaderArgs,
  format: string | undefined,
): Promise<Response> {
  const { view } = await loadWholeUpdate({ request, context }, params.updateId);
  const words = coverWords({ ...view, madeAt: new Date().toISOString() });
  const title = words.title;
  // A quarter's withdrawn update and its correction download under names of their own.
  const suffix =
    view.status === 'withdrawn' ? '-withdrawn' : view.lineage.corrects ? '-correction' : '';
  const name = `pmc-update-fy${view.fiscalYear}-q${view.quarter}${suffix}`;
  if (format === 'json') {
    const { highlightsHtml: _h, all: _a, page: _p, pages: _n, ...rest } = view;
    return Response.json(rest);
  }
  if (format === 'docx' || format === 'pptx') {
    // What the documents show, and nothing more: it is sent whole to the process that makes them.
    const input = {
      fiscalYear: view.fiscalYear,
      quarter: view.quarter,
      start: view.start,
      end: view.end,
      status: view.status,
      publishedAt: view.publishedAt,
      lineage: view.lineage,
      portfolios: view.portfolios,
      highlights: view.highlights,
      madeAt: new Date().toISOString(),
      charts: updateCharts({
        portfolios: view.portfolios,
        published: publishedHours(await listUpdates(dbOf(context)), view.id),
        fiscalYear: view.fiscalYear,
        quarter: view.quarter,
        programReducedHours: view.programReducedHours,
      }),
    };
    let body: Buffer;
    try {
      body = await pmcDocument(format, input);
    } catch (error) {
      if (error instanceof DocumentTooLarge) return tooLarge(format, view.id);
      throw error;
    }
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type':
          format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'Content-Disposition': `attachment; filename="${name}.${format}"`,
      },
    });
  }
  const sections = view.portfolios
    .map(
      (p) =>
        `<h2>${esc(p.name)}</h2>${view.highlightsHtml[p.slug] ?? ''}${whatChanged(p)}${outcomesHtml(p.outcomes)}<table><thead><tr><th>Milestone</th><th>Status</th><th>Timing</th><th>Owner</th></tr></thead><tbody>${p.milestones
          .map(
            (m) =>
              `<tr><td>${esc(m.title)}${p.annotations[m.key] ? `<br><em>Note: ${esc(p.annotations[m.key]!)}</em>` : ''}</td><td>${esc(statusLabel(m.status))}</td><td>${esc(m.timing)}</td><td>${esc(m.owner)}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:Georgia,serif;max-width:50rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;width:100%}td,th{border:1px solid #565c65;padding:.25rem .5rem;text-align:left}</style></head><body><h1>${esc(title)}</h1><p><strong>${esc(words.dated)}</strong></p>${words.notices.map((n) => `<p><strong>${esc(n)}</strong></p>`).join('')}<h2>Highlights</h2>${view.highlightsHtml.program ?? ''}${sections}</body></html>`;
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
