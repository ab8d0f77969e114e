import type { DB } from '../client';

/** One success measure with its project and portfolio (for the page, its breadcrumbs and policy). */
export async function getMeasure(db: DB, id: number) {
  return db
    .selectFrom('success_measures as m')
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .innerJoin('portfolios as pf', 'pf.id', 'p.portfolio_id')
    .leftJoin('agencies as a', 'a.id', 'm.owner_agency_id')
    .selectAll('m')
    .select([
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
  return measures.map((m) => ({ ...m, actuals: byMeasure.get(m.id) ?? [] }));
}
