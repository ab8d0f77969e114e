/**
 * Every change to a project's success measures (issue 20): adding and editing a measure
 * (versioned), recording and removing its actual values. Each is audited in its own transaction,
 * filed under the measure's project and portfolio.
 */
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { getMeasure } from '#db/queries/measures';
import { editVersioned, pick, type Trx } from '#db/versioning';
import { SOURCE_UNITS } from '~/domain/measures/sources';
import type { MeasureInput } from '~/schemas/measure';

const MEASURE_FIELDS = [
  'name',
  'definition',
  'unit',
  'direction',
  'baseline_value',
  'baseline_date',
  'target_value',
  'target_date',
  'data_source',
  'cadence',
  'tolerance',
  'owner_agency_id',
  'source_kind',
  'source_collection_id',
  'source_assessment_id',
] as const;

/**
 * The form's values as columns; the tolerance is typed as a percentage and kept as a share. A
 * sourced measure is read in its source's unit, and keeps only its own kind of source.
 */
function measureColumns(v: MeasureInput) {
  const kind = v.sourceKind;
  return {
    name: v.name,
    definition: v.definition,
    unit: kind === 'manual' ? v.unit : SOURCE_UNITS[kind],
    direction: v.direction,
    baseline_value: v.baselineValue,
    baseline_date: v.baselineDate,
    target_value: v.targetValue,
    target_date: v.targetDate,
    data_source: v.dataSource,
    cadence: v.cadence,
    tolerance: v.tolerance === undefined ? null : v.tolerance / 100,
    owner_agency_id: v.ownerAgencyId ?? null,
    source_kind: kind,
    source_collection_id: kind === 'survey_trust' ? (v.sourceCollectionId ?? null) : null,
    source_assessment_id: kind.startsWith('burden_') ? (v.sourceAssessmentId ?? null) : null,
  };
}

/** A source chosen from a stale or forged list is refused: it must be of the same portfolio. */
async function assertSource(trx: Trx, portfolioId: number, v: MeasureInput) {
  const columns = measureColumns(v);
  if (columns.source_collection_id !== null) {
    const found = await trx
      .selectFrom('survey_collections')
      .select('id')
      .where('id', '=', columns.source_collection_id)
      .where('portfolio_id', '=', portfolioId)
      .executeTakeFirst();
    if (!found)
      throw new RefusedError(
        'invalid',
        'Choose a survey collection of this portfolio from the list.',
        'sourceCollectionId',
      );
  }
  if (columns.source_assessment_id !== null) {
    const found = await trx
      .selectFrom('burden_assessments')
      .select('id')
      .where('id', '=', columns.source_assessment_id)
      .where('portfolio_id', '=', portfolioId)
      .executeTakeFirst();
    if (!found)
      throw new RefusedError(
        'invalid',
        'Choose a burden assessment of this portfolio from the list.',
        'sourceAssessmentId',
      );
  }
}

/** An owner agency chosen from a stale or forged list is refused next to its field. */
async function assertAgency(trx: Trx, id: number | undefined) {
  if (id === undefined) return;
  const found = await trx
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw new RefusedError('invalid', 'Choose an agency from the list.', 'ownerAgencyId');
}

interface Scope {
  projectId: number;
  portfolioId: number;
  actorId: number;
}

export async function createMeasure(
  db: DB,
  input: Scope & { values: MeasureInput },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await assertAgency(trx, input.values.ownerAgencyId);
    await assertSource(trx, input.portfolioId, input.values);
    const columns = measureColumns(input.values);
    const row = await trx
      .insertInto('success_measures')
      .values({ project_id: input.projectId, ...columns, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'success_measure',
      entityId: row.id,
      portfolioId: input.portfolioId,
      projectId: input.projectId,
      before: null,
      after: columns,
      at,
    });
    return row.id;
  });
}

export async function updateMeasure(
  db: DB,
  input: Scope & { measureId: number; version: number; values: MeasureInput },
): Promise<void> {
  await editVersioned(db, {
    table: 'success_measures',
    entityType: 'success_measure',
    notFoundMessage: 'We could not find that success measure.',
    id: input.measureId,
    version: input.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: MEASURE_FIELDS,
    scope: () => ({ portfolioId: input.portfolioId, projectId: input.projectId }),
    load: (trx: Trx, id: number) => getMeasure(trx, id),
    change: async (trx, current) => {
      await assertAgency(trx, input.values.ownerAgencyId);
      await assertSource(trx, input.portfolioId, input.values);
      const next = measureColumns(input.values);
      await trx.updateTable('success_measures').set(next).where('id', '=', current.id).execute();
      return { before: pick(current, MEASURE_FIELDS), after: next };
    },
  });
}

/**
 * Records an actual value. Not versioned: two people recording values at once both keep theirs,
 * and the series is read in date order.
 */
export async function addActual(
  db: DB,
  input: Scope & { measureId: number; value: number; onDate: string; note: string },
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const values = { value: input.value, on_date: input.onDate, note: input.note };
    await trx
      .insertInto('measure_actuals')
      .values({ measure_id: input.measureId, ...values, created_at: at })
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'add_actual',
      entityType: 'success_measure',
      entityId: input.measureId,
      portfolioId: input.portfolioId,
      projectId: input.projectId,
      before: null,
      after: values,
      at,
    });
  });
}

export async function removeActual(
  db: DB,
  input: Scope & { measureId: number; actualId: number },
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('measure_actuals')
      .where('id', '=', input.actualId)
      .where('measure_id', '=', input.measureId)
      .returning(['value', 'on_date', 'note'])
      .executeTakeFirst();
    if (!row)
      throw new RefusedError('not_found', 'That value is already removed. Reload the page.');
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'remove_actual',
      entityType: 'success_measure',
      entityId: input.measureId,
      portfolioId: input.portfolioId,
      projectId: input.projectId,
      before: row,
      after: null,
      at,
    });
  });
}
