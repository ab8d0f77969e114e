import { authorize } from '~/auth/authorize.server';
import { requireUser } from '~/auth/session.server';
import { compose } from '~/domain/pmc/compose';
import { found } from '~/http.server';
import { pathParam } from '~/params.server';
import { planHtml } from '~/plans.server';
import { IdParam } from '~/schemas/params';
import { getDb } from '#db/client';
import {
  assembleUpdate,
  choicesOf,
  getUpdate,
  previousPublished,
  type AssembledPortfolio,
} from '#db/queries/pmc';

export type ComposedPortfolio = AssembledPortfolio & { annotations: Record<string, string> };

export interface UpdateView {
  id: number;
  fiscalYear: number;
  quarter: number;
  status: 'draft' | 'published';
  publishedAt: string | null;
  version: number;
  start: string;
  end: string;
  portfolios: ComposedPortfolio[];
  /** Every item, excluded ones too (drafts only), so they can be brought back. */
  all: AssembledPortfolio[];
  excluded: string[];
  highlightsHtml: Record<string, string>;
  highlights: Record<string, unknown>;
}

/** A draft update assembled live, or a published one from its frozen snapshot. */
export async function loadUpdateView(request: Request, idParam: string | undefined) {
  const user = await requireUser(request);
  authorize(user, 'program.read');
  const db = getDb();
  const u = found(await getUpdate(db, pathParam(IdParam, idParam)));
  let view: UpdateView;
  const toHtml = (h: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(h).map(([k, doc]) => [k, planHtml(doc)]));
  if (u.status === 'published' && u.snapshot) {
    const snap = JSON.parse(u.snapshot) as {
      start: string;
      end: string;
      portfolios: ComposedPortfolio[];
      highlights: Record<string, unknown>;
    };
    view = {
      id: u.id,
      fiscalYear: u.fiscal_year,
      quarter: u.quarter,
      status: 'published',
      publishedAt: u.published_at,
      version: u.version,
      start: snap.start,
      end: snap.end,
      portfolios: snap.portfolios,
      all: [],
      excluded: [],
      highlights: snap.highlights,
      highlightsHtml: toHtml(snap.highlights),
    };
  } else {
    const prev = await previousPublished(db, u.id);
    const assembled = await assembleUpdate(
      db,
      u.fiscal_year,
      u.quarter,
      prev?.published_at ?? null,
    );
    const highlights = JSON.parse(u.highlights) as Record<string, unknown>;
    const choices = choicesOf(u);
    view = {
      id: u.id,
      fiscalYear: u.fiscal_year,
      quarter: u.quarter,
      status: 'draft',
      publishedAt: null,
      version: u.version,
      start: assembled.start,
      end: assembled.end,
      portfolios: compose(assembled.portfolios, choices),
      all: assembled.portfolios,
      excluded: [...choices.excluded],
      highlights,
      highlightsHtml: toHtml(highlights),
    };
  }
  return { user, view };
}
