import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Route } from './+types/export';
import { MILESTONE_STATUS_LABELS } from '~/domain/portfolio/labels';
import { loadWholeUpdate } from '~/routes/pmc/view.server';
import { planDocxBlocks } from '~/render/plans/docx.server';

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const statusLabel = (s: string) => MILESTONE_STATUS_LABELS[s as 'completed'] ?? s;

/** The update in the shape of the public updates: highlights first, then per portfolio a
 * Milestone | Status | Timing | Owner table, each milestone with the OMB lead's note under it.
 * As .docx, print-friendly HTML or JSON. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { view } = await loadWholeUpdate({ request, context }, params.updateId);
  const format = new URL(request.url).pathname.split('.').pop();
  const title = `President’s Management Council update, FY ${view.fiscalYear} Q${view.quarter}`;
  const name = `pmc-update-fy${view.fiscalYear}-q${view.quarter}`;
  if (format === 'json') {
    const { highlightsHtml: _h, all: _a, page: _p, pages: _n, ...rest } = view;
    return Response.json(rest);
  }
  if (format === 'docx') {
    const cell = (text: string, header = false, note?: string) =>
      new TableCell({
        children: [
          new Paragraph({ children: [new TextRun({ text, bold: header })] }),
          ...(note
            ? [new Paragraph({ children: [new TextRun({ text: `Note: ${note}`, italics: true })] })]
            : []),
        ],
      });
    const doc = new Document({
      title,
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
            new Paragraph({
              heading: HeadingLevel.HEADING_1,
              children: [new TextRun('Highlights')],
            }),
            ...planDocxBlocks(view.highlights.program),
            ...view.portfolios.flatMap((p) => [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(p.name)] }),
              ...planDocxBlocks(view.highlights[p.slug]),
              new Table({
                width: { size: 100, type: WidthType.PERCENTAGE },
                rows: [
                  new TableRow({
                    tableHeader: true,
                    children: ['Milestone', 'Status', 'Timing', 'Owner'].map((h) => cell(h, true)),
                  }),
                  ...p.milestones.map(
                    (m) =>
                      new TableRow({
                        children: [
                          cell(m.title, false, p.annotations[m.key]),
                          cell(statusLabel(m.status)),
                          cell(m.timing),
                          cell(m.owner),
                        ],
                      }),
                  ),
                ],
              }),
            ]),
          ],
        },
      ],
    });
    const body = await Packer.toBuffer(doc);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="${name}.docx"`,
      },
    });
  }
  const sections = view.portfolios
    .map(
      (p) =>
        `<h2>${esc(p.name)}</h2>${view.highlightsHtml[p.slug] ?? ''}<table><thead><tr><th>Milestone</th><th>Status</th><th>Timing</th><th>Owner</th></tr></thead><tbody>${p.milestones
          .map(
            (m) =>
              `<tr><td>${esc(m.title)}${p.annotations[m.key] ? `<br><em>Note: ${esc(p.annotations[m.key]!)}</em>` : ''}</td><td>${esc(statusLabel(m.status))}</td><td>${esc(m.timing)}</td><td>${esc(m.owner)}</td></tr>`,
          )
          .join('')}</tbody></table>`,
    )
    .join('');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font-family:Georgia,serif;max-width:50rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;width:100%}td,th{border:1px solid #565c65;padding:.25rem .5rem;text-align:left}</style></head><body><h1>${esc(title)}</h1><h2>Highlights</h2>${view.highlightsHtml.program ?? ''}${sections}</body></html>`;
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
