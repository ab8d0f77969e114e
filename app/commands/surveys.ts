/**
 * Every change to post-transaction survey data (issue 20, point 3): adding and editing a
 * collection (versioned), importing a quarter's file, and the OMB lead's minimum number of
 * respondents. Each is audited in its own transaction.
 *
 * An import reads the file twice (app/domain/surveys/read.ts): once to check every row and count
 * the tally, saving nothing; then, only when the whole file is good, to store it. Replacing a
 * quarter keeps the old dataset and its rows, marked replaced, as history.
 */
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { getCollection, getSurveyMinimum, standingDataset } from '#db/queries/surveys';
import { editVersioned, pick, type Trx } from '#db/versioning';
import { saveSetting } from './settings';
import type { SurveyRow } from '~/domain/surveys/format';
import { readSurveyFile } from '~/domain/surveys/read';
import type { CollectionInput, ImportInput } from '~/schemas/survey';

const COLLECTION_FIELDS = [
  'service_name',
  'agency_id',
  'journey_step_id',
  'survey_title',
  'channel',
  'service_stage',
  'scale',
  'trust_question_text',
  'omb_control_number',
  'likert_affirmative',
] as const;

function collectionColumns(v: CollectionInput) {
  return {
    service_name: v.serviceName,
    agency_id: v.agencyId,
    journey_step_id: v.journeyStepId ?? null,
    survey_title: v.surveyTitle,
    channel: v.channel,
    service_stage: v.serviceStage,
    scale: v.scale,
    trust_question_text: v.trustQuestionText,
    omb_control_number: v.ombControlNumber,
    likert_affirmative: v.scale === 'likert' ? v.likertAffirmative.join(',') : '4,5',
  };
}

/** The agency, journey step and projects must exist, the last two in the collection's portfolio. */
async function assertChoices(trx: Trx, portfolioId: number, v: CollectionInput) {
  const agency = await trx
    .selectFrom('agencies')
    .select('id')
    .where('id', '=', v.agencyId)
    .executeTakeFirst();
  if (!agency) throw new RefusedError('invalid', 'Choose an agency from the list.', 'agencyId');
  if (v.journeyStepId !== undefined) {
    const step = await trx
      .selectFrom('journey_steps as s')
      .innerJoin('journey_maps as m', 'm.id', 's.map_id')
      .select('s.id')
      .where('s.id', '=', v.journeyStepId)
      .where('m.portfolio_id', '=', portfolioId)
      .executeTakeFirst();
    if (!step)
      throw new RefusedError(
        'invalid',
        'Choose a journey step of this portfolio from the list.',
        'journeyStepId',
      );
  }
  if (v.projectIds.length > 0) {
    const own = await trx
      .selectFrom('projects')
      .select('id')
      .where('portfolio_id', '=', portfolioId)
      .where('id', 'in', v.projectIds)
      .execute();
    if (own.length !== v.projectIds.length)
      throw new RefusedError(
        'invalid',
        'Choose projects of this portfolio from the list.',
        'projectIds',
      );
  }
}

/** The collection's projects become `ids`; returns them as they were. */
async function linkProjects(trx: Trx, collectionId: number, ids: number[]) {
  const before = await trx
    .selectFrom('survey_collection_projects')
    .select('project_id')
    .where('collection_id', '=', collectionId)
    .execute();
  await trx
    .deleteFrom('survey_collection_projects')
    .where('collection_id', '=', collectionId)
    .execute();
  if (ids.length > 0)
    await trx
      .insertInto('survey_collection_projects')
      .values(ids.map((project_id) => ({ collection_id: collectionId, project_id })))
      .execute();
  return before.map((r) => r.project_id).sort((a, b) => a - b);
}

export async function createCollection(
  db: DB,
  input: {
    portfolioId: number;
    actorId: number | null;
    values: CollectionInput;
    illustrative?: boolean;
  },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await assertChoices(trx, input.portfolioId, input.values);
    const columns = collectionColumns(input.values);
    const row = await trx
      .insertInto('survey_collections')
      .values({
        portfolio_id: input.portfolioId,
        ...columns,
        illustrative: input.illustrative ? 1 : 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const projects = [...input.values.projectIds].sort((a, b) => a - b);
    await linkProjects(trx, row.id, projects);
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'survey_collection',
      entityId: row.id,
      portfolioId: input.portfolioId,
      before: null,
      after: { ...columns, projects },
      at,
    });
    return row.id;
  });
}

export async function updateCollection(
  db: DB,
  input: {
    collectionId: number;
    portfolioId: number;
    actorId: number;
    version: number;
    values: CollectionInput;
  },
): Promise<void> {
  await editVersioned(db, {
    table: 'survey_collections',
    entityType: 'survey_collection',
    notFoundMessage: 'We could not find that survey collection.',
    id: input.collectionId,
    version: input.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: COLLECTION_FIELDS,
    scope: () => ({ portfolioId: input.portfolioId }),
    load: (trx: Trx, id: number) => getCollection(trx, id),
    change: async (trx, current) => {
      await assertChoices(trx, input.portfolioId, input.values);
      const next = collectionColumns(input.values);
      await trx.updateTable('survey_collections').set(next).where('id', '=', current.id).execute();
      const projects = [...input.values.projectIds].sort((a, b) => a - b);
      const was = await linkProjects(trx, current.id, projects);
      return {
        before: { ...pick(current, COLLECTION_FIELDS), projects: was },
        after: { ...next, projects },
      };
    },
  });
}

export type ImportOutcome =
  | { status: 'imported'; datasetId: number; respondents: number; replaced: boolean }
  | { status: 'invalid'; errors: string[]; badRows: number }
  | {
      status: 'exists';
      existing: { respondents: number; importedAt: string; importedBy: string | null };
    };

const BATCH = 500;

/**
 * Imports one quarter's file into a collection. Nothing is stored unless every row is good;
 * a quarter that already has data is replaced only when the person said so (`replace`), and the
 * old dataset stays, marked replaced.
 */
export async function importDataset(
  db: DB,
  input: {
    collectionId: number;
    /** Null for the workspace's own illustrative seed. */
    actorId: number | null;
    values: ImportInput;
    fileName: string;
    text: string;
  },
): Promise<ImportOutcome> {
  const collection = await getCollection(db, input.collectionId);
  if (!collection) throw new RefusedError('not_found', 'We could not find that survey collection.');
  const options = { scale: collection.scale, openText: input.values.openText };
  const checked = await readSurveyFile(input.text, options);
  if (checked.errors.length > 0)
    return { status: 'invalid', errors: checked.errors, badRows: checked.badRows };
  const { fy, q } = input.values;
  if (checked.tally.respondents > input.values.customersOffered)
    return {
      status: 'invalid',
      badRows: 0,
      errors: [
        `The file has ${checked.tally.respondents.toLocaleString('en-US')} responses, more than the ${input.values.customersOffered.toLocaleString('en-US')} customers offered the survey. Check the number offered, or the file.`,
      ],
    };
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx): Promise<ImportOutcome> => {
    const existing = await standingDataset(trx, collection.id, fy, q);
    if (existing && !input.values.replace)
      return {
        status: 'exists',
        existing: {
          respondents: existing.respondents,
          importedAt: existing.imported_at,
          importedBy: existing.imported_by_name,
        },
      };
    if (existing)
      await trx
        .updateTable('survey_datasets')
        .set({ replaced_at: at, replaced_by: input.actorId })
        .where('id', '=', existing.id)
        .execute();
    const dataset = await trx
      .insertInto('survey_datasets')
      .values({
        collection_id: collection.id,
        fiscal_year: fy,
        quarter: q,
        volume_of_customers: input.values.volumeOfCustomers,
        customers_offered: input.values.customersOffered,
        respondents: checked.tally.respondents,
        tally: JSON.stringify(checked.tally),
        open_text: input.values.openText ? 1 : 0,
        file_name: input.fileName,
        imported_at: at,
        imported_by: input.actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let batch: (SurveyRow & { dataset_id: number; line: number })[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await trx.insertInto('survey_responses').values(batch).execute();
      batch = [];
    };
    await readSurveyFile(input.text, options, async (row, line) => {
      batch.push({ ...row, dataset_id: dataset.id, line });
      if (batch.length >= BATCH) await flush();
    });
    await flush();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'import',
      entityType: 'survey_collection',
      entityId: collection.id,
      portfolioId: collection.portfolio_id,
      // The quarter is named in `after` alone: the log keeps only what differs.
      before: existing ? { respondents: existing.respondents, dataset: existing.id } : null,
      after: {
        fiscal_year: fy,
        quarter: q,
        respondents: checked.tally.respondents,
        volume_of_customers: input.values.volumeOfCustomers,
        customers_offered: input.values.customersOffered,
        open_text: input.values.openText,
        file_name: input.fileName,
        dataset: dataset.id,
      },
      at,
    });
    return {
      status: 'imported',
      datasetId: dataset.id,
      respondents: checked.tally.respondents,
      replaced: existing !== undefined,
    };
  });
}

/** The OMB lead's minimum number of respondents before any percentage is shown. */
export async function setSurveyMinimum(
  db: DB,
  input: { minimum: number; version: number; actorId: number },
): Promise<void> {
  await saveSetting(db, {
    key: 'survey_minimum',
    read: getSurveyMinimum,
    value: { minimum: input.minimum },
    version: input.version,
    actorId: input.actorId,
  });
}
