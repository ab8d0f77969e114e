import { totalMoney } from '~/domain/burden/calc';
import { dollars, hours } from '~/domain/burden/display';
import { measureRollup, measureSummary } from '~/presenters/measures';
import { trustRows } from '~/presenters/measurement.server';
import { cachedPageForPortfolio } from '#db/cache';
import type { DB } from '#db/client';
import { portfolioRollup } from '#db/queries/burden';
import { measuresOf } from '#db/queries/measures';
import { getPortfolioBySlug } from '#db/queries/portfolios';
import { found } from '~/web/toolkit.server';

/**
 * What a portfolio's page shows of it on `today`: the portfolio, its agencies, team, project
 * board, burden, measures and trust. The same for every reader, so worked out again only when
 * something in the portfolio (or the workspace) has changed, or on a new day (a measure's status
 * depends on the date).
 */
export function portfolioPage(db: DB, portfolio: { id: number; slug: string }, today: string) {
  return cachedPageForPortfolio(db, portfolio.id, `portfolio:${today}`, async () => {
    const detail = found(await getPortfolioBySlug(db, portfolio.slug));
    const [rollup, measures, trust] = await Promise.all([
      portfolioRollup(db, portfolio.id),
      measuresOf(
        db,
        detail.projects.map((p) => p.id),
      ),
      trustRows(db, { portfolioId: portfolio.id }),
    ]);
    return {
      ...detail,
      trust,
      measures: {
        total: measures.length,
        byStatus: measureRollup(measures.map((m) => measureSummary(m, today))),
      },
      burden: {
        assessments: rollup.assessments,
        hours: hours(rollup.baseline.time),
        cost: dollars(totalMoney(rollup.baseline)),
        reducedHours: hours(rollup.reduced.time),
        reducedCost: dollars(totalMoney(rollup.reduced)),
      },
    };
  });
}
