/**
 * What a project's or a portfolio's Measurement shows (issue 20, point 4): the success measures
 * with their status, the evaluation plans with theirs, and each survey collection's latest
 * quarter of trust (with the same suppression as everywhere). Read once here for the project
 * page, the phase gate (the POCs' evidence) and the portfolio page.
 */
import type { DB } from '#db/client';
import { evaluationsOf } from '#db/queries/evaluations';
import { measuresOf } from '#db/queries/measures';
import { datasetsOf, getSurveyMinimum, listCollections } from '#db/queries/surveys';
import { changeText, shareText } from '~/domain/surveys/figures';
import { collectionQuarters } from '~/domain/surveys/quarters';
import { measureSummary } from '~/presenters/measures';
import type { TrustRow } from '~/presenters/surveys';
import type { PortfolioOutcomes } from '~/domain/pmc/snapshot';

/**
 * Each collection's latest standing quarter (at or before `upTo`, for a PMC update): trust as a
 * share, or the count under the minimum. The survey list, project and portfolio pages and the
 * PMC update all read it here.
 */
export async function trustRows(
  db: DB,
  where: { portfolioId: number } | { projectId: number },
  upTo?: { fy: number; q: number },
): Promise<TrustRow[]> {
  const collections = await listCollections(db, where);
  if (collections.length === 0) return [];
  const [datasets, { minimum }] = await Promise.all([
    datasetsOf(
      db,
      collections.map((c) => c.id),
      { standingOnly: true },
    ),
    getSurveyMinimum(db),
  ]);
  const inReach = (d: { fiscal_year: number; quarter: number }) =>
    !upTo || d.fiscal_year < upTo.fy || (d.fiscal_year === upTo.fy && d.quarter <= upTo.q);
  return collections.map((c) => {
    const latest = collectionQuarters(
      c,
      datasets.filter((d) => d.collection_id === c.id && inReach(d)),
      minimum,
    ).at(-1);
    return {
      id: c.id,
      service: c.service_name,
      title: c.survey_title,
      agency: c.agency_code,
      illustrative: c.illustrative === 1,
      quarter: latest?.label ?? null,
      respondents: latest?.figures.respondents ?? null,
      trust: latest ? shareText(latest.figures.trust) : null,
      rule: latest?.figures.trustRule ?? null,
      change: latest && latest.change !== null ? changeText(latest.change) : null,
    };
  });
}

/** A project's measures, evaluation plans and survey trust. */
export async function projectMeasurement(db: DB, projectId: number, today: string) {
  const [measures, evaluations, trust] = await Promise.all([
    measuresOf(db, [projectId]),
    evaluationsOf(db, projectId),
    trustRows(db, { projectId }),
  ]);
  return {
    measures: measures.map((m) => measureSummary(m, today)),
    evaluations,
    trust,
  };
}
export type ProjectMeasurement = Awaited<ReturnType<typeof projectMeasurement>>;

/**
 * A portfolio's outcomes for the quarter's PMC update (app/domain/pmc/snapshot.ts): measures with
 * a value dated in the quarter, and each service's latest trust at or before it.
 */
export async function portfolioOutcomes(
  db: DB,
  portfolioId: number,
  quarter: { fy: number; q: number; start: string; end: string },
  today: string,
): Promise<PortfolioOutcomes> {
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('portfolio_id', '=', portfolioId)
    .execute();
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const [measures, latest] = await Promise.all([
    measuresOf(db, [...names.keys()]),
    trustRows(db, { portfolioId }, quarter),
  ]);
  const moved = measures
    .filter((m) => m.actuals.some((a) => a.date >= quarter.start && a.date <= quarter.end))
    .map((m) => {
      const s = measureSummary(m, today);
      return {
        project: names.get(m.project_id) ?? '',
        name: m.name,
        status: s.statusLabel,
        latest: s.latest,
        reason: s.reason,
      };
    });
  const trust = latest.flatMap((t) =>
    t.quarter === null || t.trust === null || t.rule === null
      ? []
      : [
          {
            service: t.service,
            agency: t.agency,
            quarter: t.quarter,
            trust: t.trust,
            rule: t.rule,
            change: t.change,
            illustrative: t.illustrative,
          },
        ],
  );
  return { measures: moved, trust };
}
