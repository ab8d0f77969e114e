import type { Route } from './+types/export';
import { planDocx } from '~/render/plans/docx.server';
import { planHtml, planMarkdown } from '~/render/plans/html.server';
import { requirePlan } from '~/routes/plans/find.server';
import { byExtension } from '~/web/toolkit.server';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The plan as .docx, print-friendly HTML or Markdown, by the URL's extension. */
export function loader(args: Route.LoaderArgs) {
  return byExtension(args.request, (format) => exported(args, format));
}

async function exported(
  { request, params, context }: Route.LoaderArgs,
  format: string | undefined,
): Promise<Response> {
  const { plan } = await requirePlan({ request, context }, params.planId, 'portfolio.read');
  const doc = JSON.parse(plan.doc) as unknown;
  const name = `cx-action-plan-fy${plan.fiscal_year}`;
  if (format === 'docx') {
    const body = await planDocx(plan.title, doc);
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': `attachment; filename="${name}.docx"`,
      },
    });
  }
  if (format === 'md') {
    return new Response(planMarkdown(plan.title, doc), {
      headers: {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}.md"`,
      },
    });
  }
  const title = escapeHtml(plan.title);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;line-height:1.5;color:#1b1b1b}table{border-collapse:collapse}td,th{border:1px solid #565c65;padding:.25rem .5rem;text-align:left}@media print{a{color:inherit}}</style>
</head><body><h1>${title}</h1><p>Status: ${plan.status.replace('_', ' ')} · Draft due ${plan.draft_due} · Final due ${plan.final_due}</p>${planHtml(doc)}</body></html>`;
  return new Response(page, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
