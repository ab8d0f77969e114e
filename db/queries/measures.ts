import type { DB } from '../client';
import { PER_PERSON_MONEY_PER_CENT, PER_PERSON_TIME_PER_SECOND } from '~/domain/burden/calc';
import { burdenValue, surveyValues, type SourcedValue } from '~/domain/measures/sources';
import { collectionQuarters } from '~/domain/surveys/quarters';
import { getAssessment } from './burden';
import { datasetsOf, getSurveyMinimum } from './surveys';

/** One success measure with its project and portfolio (for the page, its breadcrumbs and policy). */
export async function getMeasure(db: DB, id: number) {
  return db
    .selectFrom('success_measures as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .innerJoin('portfolios as pf', 'pf.id', 'p.portfolio_id')
    .leftJoin('agencies as a', 'a.id', 'm.owner_agency_id')
    .selectAll('m')
    .leftJoin('survey_collections as sc', 'sc.id', 'm.source_collection_id')
    .leftJoin('burden_assessments as ba', 'ba.id', 'm.source_assessment_id')
    .select([
      'sc.service_name as source_collection_name',
      'ba.title as source_assessment_title',
      'p.name as project_name',
      'p.portfolio_id',
      'pf.slug as portfolio_slug',
      'pf.name as portfolio_name',
      'a.code as owner_agency',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A measure's actual values, oldest first. */
export async function measureActuals(db: DB, measureId: number) {
  return db
    .selectFrom('measure_actuals')
    .select(['id', 'value', 'on_date', 'note'])
    .where('measure_id', '=', measureId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}

/**
 * The measures of some projects with every actual value, in two reads: for a project's page
 * (one id) and a portfolio's roll-up (all of its projects).
 */
export async function measuresOf(db: DB, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  const measures = await db
    .selectFrom('success_measures')
    .selectAll()
    .where('project_id', 'in', [...projectIds])
    .orderBy('project_id')
    .orderBy('id')
    .execute();
  if (measures.length === 0) return [];
  const actuals = await db
    .selectFrom('measure_actuals')
    .select(['measure_id', 'value', 'on_date'])
    .where(
      'measure_id',
      'in',
      measures.map((m) => m.id),
    )
    .orderBy('on_date')
    .execute();
  const byMeasure = new Map<number, { value: number; date: string }[]>();
  for (const a of actuals) {
    const list = byMeasure.get(a.measure_id) ?? [];
    list.push({ value: a.value, date: a.on_date });
    byMeasure.set(a.measure_id, list);
  }
  const sourced = await sourcedValues(db, measures, new Date().toISOString().slice(0, 10));
  return measures.map((m) => ({
    ...m,
    actuals: sourced.get(m.id)?.values ?? byMeasure.get(m.id) ?? [],
  }));
}

interface SourcedMeasure {
  id: number;
  source_kind: 'manual' | 'survey_trust' | 'burden_hours' | 'burden_dollars';
  source_collection_id: number | null;
  source_assessment_id: number | null;
}

/**
 * The actual values of measures whose figures come from a survey collection or a burden
 * assessment, computed now (app/domain/measures/sources.ts): per measure, the values and the
 * quarters skipped for too few respondents. Hand-entered measures are not in the map.
 */
export async function sourcedValues(
  db: DB,
  measures: readonly SourcedMeasure[],
  today: string,
): Promise<Map<number, { values: SourcedValue[]; skipped: string[] }>> {
  const out = new Map<number, { values: SourcedValue[]; skipped: string[] }>();
  const surveyed = measures.filter(
    (m) => m.source_kind === 'survey_trust' && m.source_collection_id !== null,
  );
  if (surveyed.length > 0) {
    const ids = [...new Set(surveyed.map((m) => m.source_collection_id!))];
    const [collections, datasets, { minimum }] = await Promise.all([
      db
        .selectFrom('survey_collections')
        .select(['id', 'scale', 'likert_affirmative'])
        .where('id', 'in', ids)
        .execute(),
      datasetsOf(db, ids, { standingOnly: true }),
      getSurveyMinimum(db),
    ]);
    for (const m of surveyed) {
      const c = collections.find((x) => x.id === m.source_collection_id);
      if (!c) continue;
      const own = datasets.filter((d) => d.collection_id === c.id);
      out.set(m.id, surveyValues(collectionQuarters(c, own, minimum)));
    }
  }
  for (const m of measures) {
    if (m.source_kind !== 'burden_hours' && m.source_kind !== 'burden_dollars') continue;
    if (m.source_assessment_id === null) continue;
    const found = await getAssessment(db, m.source_assessment_id);
    if (!found) continue;
    const { time, money } = found.result.perPerson;
    const perPerson = {
      hours: Number(time) / Number(PER_PERSON_TIME_PER_SECOND) / 3600,
      dollars: Number(money) / Number(PER_PERSON_MONEY_PER_CENT) / 100,
    };
    out.set(m.id, {
      values: [burdenValue(m.source_kind, perPerson, today, found.assessment.title)],
      skipped: [],
    });
  }
  return out;
}

/** The survey collections and burden assessments of a portfolio a measure may take values from. */
export async function measureSourceChoices(db: DB, portfolioId: number) {
  const [collections, assessments] = await Promise.all([
    db
      .selectFrom('survey_collections')
      .select(['id', 'service_name', 'survey_title'])
      .where('portfolio_id', '=', portfolioId)
      .orderBy('service_name')
      .execute(),
    db
      .selectFrom('burden_assessments')
      .select(['id', 'title'])
      .where('portfolio_id', '=', portfolioId)
      .where('archived_at', 'is', null)
      .orderBy('title')
      .execute(),
  ]);
  return {
    collections: collections.map((c) => ({
      id: c.id,
      label: `${c.service_name}: ${c.survey_title}`,
    })),
    assessments: assessments.map((a) => ({ id: a.id, label: a.title })),
  };
}
