/**
 * Writes to journey maps: create, copy, and every edit of a map's details, stages and steps.
 * Each runs in one transaction that checks the rule, changes the rows, bumps the map's version
 * and writes its audit entry (docs/architecture.md).
 */
import crypto from 'node:crypto';
import type { AuditAction } from '~/domain/audit';
import type { JourneyDiagram } from '~/domain/journey/types';
import type { JourneyDetailsInput, JourneyEditInput, StepFields } from '~/schemas/journey';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { getJourney } from '#db/queries/journeys';
import { editVersioned, type ChangeRecord, type Trx } from '#db/versioning';

export const newStepKey = () => crypto.randomUUID();

function stepColumns(f: StepFields) {
  return {
    title: f.title,
    actors: JSON.stringify(f.actors),
    score: f.score,
    channel: f.channel ?? '',
    touchpoint: f.touchpoint,
    pain_points: f.painPoints,
    opportunities: f.opportunities,
    notes: f.notes,
  };
}

async function checkProject(db: DB, portfolioId: number, projectId: number | undefined) {
  if (projectId === undefined) return null;
  const p = await db
    .selectFrom('projects')
    .select('id')
    .where('id', '=', projectId)
    .where('portfolio_id', '=', portfolioId)
    .executeTakeFirst();
  if (!p) throw new RefusedError('invalid', 'Choose a project of this portfolio.', 'projectId');
  return p.id;
}

/** Creates a map (empty, or with the stages and steps of an imported diagram). */
export async function createJourney(
  db: DB,
  input: {
    portfolioId: number;
    actorId: number | null;
    details: JourneyDetailsInput;
    diagram?: JourneyDiagram;
    illustrative?: boolean;
    sourceNote?: string;
    /** Per step, in diagram order: fields beyond the diagram (seeds). */
    extra?: Partial<StepFields>[];
  },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const projectId = await checkProject(trx, input.portfolioId, input.details.projectId);
    const d = input.details;
    const map = await trx
      .insertInto('journey_maps')
      .values({
        portfolio_id: input.portfolioId,
        project_id: projectId,
        title: d.title,
        personas: d.personas,
        description: d.description,
        version_label: d.versionLabel,
        version_name: d.versionName,
        illustrative: input.illustrative ? 1 : 0,
        source_note: input.sourceNote ?? '',
        copied_from_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let n = 0;
    for (const [si, stage] of (input.diagram?.stages ?? []).entries()) {
      const s = await trx
        .insertInto('journey_stages')
        .values({ map_id: map.id, position: si, name: stage.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (stage.steps.length === 0) continue;
      await trx
        .insertInto('journey_steps')
        .values(
          stage.steps.map((step, pi) => {
            const extra = input.extra?.[n++] ?? {};
            return {
              map_id: map.id,
              stage_id: s.id,
              position: pi,
              step_key: newStepKey(),
              ...stepColumns({
                title: step.title,
                actors: step.actors,
                score: step.score,
                channel: extra.channel,
                touchpoint: extra.touchpoint ?? '',
                painPoints: extra.painPoints ?? '',
                opportunities: extra.opportunities ?? '',
                notes: extra.notes ?? '',
              }),
            };
          }),
        )
        .execute();
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      action: input.diagram ? 'import' : 'create',
      entityType: 'journey_map',
      entityId: map.id,
      portfolioId: input.portfolioId,
      projectId,
      before: null,
      after: { ...d, stages: input.diagram?.stages.length ?? 0 },
      at,
    });
    return map.id;
  });
}

/** One edit of a map: version check, change, version bump and audit, in one transaction. */
export async function editJourney(
  db: DB,
  input: { mapId: number; version: number; actorId: number; action: AuditAction },
  change: (
    trx: Trx,
    map: { id: number; portfolio_id: number; project_id: number | null },
  ) => Promise<ChangeRecord>,
): Promise<void> {
  await editVersioned(db, {
    ...input,
    id: input.mapId,
    table: 'journey_maps',
    entityType: 'journey_map',
    notFoundMessage: 'We could not find that journey map.',
    change,
  });
}

async function stageOf(trx: Trx, mapId: number, stageId: number) {
  const stage = await trx
    .selectFrom('journey_stages')
    .selectAll()
    .where('id', '=', stageId)
    .where('map_id', '=', mapId)
    .executeTakeFirst();
  if (!stage) throw new RefusedError('not_found', 'That stage is not part of this journey map.');
  return stage;
}

async function stepOf(trx: Trx, mapId: number, stepId: number) {
  const step = await trx
    .selectFrom('journey_steps')
    .selectAll()
    .where('id', '=', stepId)
    .where('map_id', '=', mapId)
    .executeTakeFirst();
  if (!step) throw new RefusedError('not_found', 'That step is not part of this journey map.');
  return step;
}

/** Rewrites positions 0..n-1 in the given order. */
async function renumber(trx: Trx, table: 'journey_stages' | 'journey_steps', ids: number[]) {
  for (const [position, id] of ids.entries()) {
    await trx.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}

function swap<T>(list: T[], index: number, direction: 'up' | 'down'): T[] | null {
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= list.length) return null;
  const next = [...list];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

export const journeyEdits = {
  details: (trx: Trx, map: { id: number; portfolio_id: number }, d: JourneyDetailsInput) =>
    (async () => {
      const current = await trx
        .selectFrom('journey_maps')
        .selectAll()
        .where('id', '=', map.id)
        .executeTakeFirstOrThrow();
      const projectId = await checkProject(trx, map.portfolio_id, d.projectId);
      const next = {
        title: d.title,
        personas: d.personas,
        description: d.description,
        version_label: d.versionLabel,
        version_name: d.versionName,
        project_id: projectId,
      };
      await trx.updateTable('journey_maps').set(next).where('id', '=', map.id).execute();
      const { title, personas, description, version_label, version_name, project_id } = current;
      return {
        before: { title, personas, description, version_label, version_name, project_id },
        after: next,
      };
    })(),

  addStage: async (trx: Trx, map: { id: number }, name: string) => {
    const last = await trx
      .selectFrom('journey_stages')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('map_id', '=', map.id)
      .executeTakeFirst();
    await trx
      .insertInto('journey_stages')
      .values({ map_id: map.id, name, position: Number(last?.p ?? -1) + 1 })
      .execute();
    return { before: null, after: { stage: name } };
  },

  renameStage: async (trx: Trx, map: { id: number }, stageId: number, name: string) => {
    const stage = await stageOf(trx, map.id, stageId);
    await trx.updateTable('journey_stages').set({ name }).where('id', '=', stage.id).execute();
    return { before: { stage: stage.name }, after: { stage: name } };
  },

  moveStage: async (trx: Trx, map: { id: number }, stageId: number, direction: 'up' | 'down') => {
    const stages = await trx
      .selectFrom('journey_stages')
      .select(['id', 'name'])
      .where('map_id', '=', map.id)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const order = swap(
      stages,
      stages.findIndex((s) => s.id === stageId),
      direction,
    );
    if (!order)
      throw new RefusedError(
        'invalid',
        `That stage is already ${direction === 'up' ? 'first' : 'last'}.`,
      );
    await renumber(
      trx,
      'journey_stages',
      order.map((s) => s.id),
    );
    return {
      before: { stages: stages.map((s) => s.name) },
      after: { stages: order.map((s) => s.name) },
    };
  },

  deleteStage: async (trx: Trx, map: { id: number }, stageId: number) => {
    const stage = await stageOf(trx, map.id, stageId);
    const steps = await trx
      .selectFrom('journey_steps')
      .select('title')
      .where('stage_id', '=', stage.id)
      .execute();
    await trx.deleteFrom('journey_stages').where('id', '=', stage.id).execute();
    return { before: { stage: stage.name, steps: steps.map((s) => s.title) }, after: null };
  },

  addStep: async (trx: Trx, map: { id: number }, stageId: number, fields: StepFields) => {
    const stage = await stageOf(trx, map.id, stageId);
    const last = await trx
      .selectFrom('journey_steps')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('stage_id', '=', stage.id)
      .executeTakeFirst();
    const columns = stepColumns(fields);
    await trx
      .insertInto('journey_steps')
      .values({
        map_id: map.id,
        stage_id: stage.id,
        position: Number(last?.p ?? -1) + 1,
        step_key: newStepKey(),
        ...columns,
      })
      .execute();
    return { before: null, after: { stage: stage.name, ...columns } };
  },

  updateStep: async (
    trx: Trx,
    map: { id: number; portfolio_id: number },
    stepId: number,
    stageId: number,
    fields: StepFields,
    projectIds: number[],
  ) => {
    const step = await stepOf(trx, map.id, stepId);
    const stage = await stageOf(trx, map.id, stageId);
    if (projectIds.length > 0) {
      const ok = await trx
        .selectFrom('projects')
        .select('id')
        .where('id', 'in', projectIds)
        .where('portfolio_id', '=', map.portfolio_id)
        .execute();
      if (ok.length !== projectIds.length) {
        throw new RefusedError('invalid', 'Choose projects of this portfolio.', 'projects');
      }
    }
    const columns = stepColumns(fields);
    let position = step.position;
    if (stage.id !== step.stage_id) {
      const last = await trx
        .selectFrom('journey_steps')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('stage_id', '=', stage.id)
        .executeTakeFirst();
      position = Number(last?.p ?? -1) + 1;
    }
    await trx
      .updateTable('journey_steps')
      .set({ ...columns, stage_id: stage.id, position })
      .where('id', '=', step.id)
      .execute();
    const linked = (
      await trx
        .selectFrom('journey_step_projects')
        .select('project_id')
        .where('step_id', '=', step.id)
        .orderBy('project_id')
        .execute()
    ).map((l) => l.project_id);
    await trx.deleteFrom('journey_step_projects').where('step_id', '=', step.id).execute();
    if (projectIds.length > 0) {
      await trx
        .insertInto('journey_step_projects')
        .values(projectIds.map((project_id) => ({ step_id: step.id, project_id })))
        .execute();
    }
    const {
      title,
      actors,
      score,
      channel,
      touchpoint,
      pain_points,
      opportunities,
      notes,
      stage_id,
    } = step;
    return {
      before: {
        title,
        actors,
        score,
        channel,
        touchpoint,
        pain_points,
        opportunities,
        notes,
        stage_id,
        projects: linked,
      },
      after: { ...columns, stage_id: stage.id, projects: [...projectIds].sort((a, b) => a - b) },
    };
  },

  moveStep: async (trx: Trx, map: { id: number }, stepId: number, direction: 'up' | 'down') => {
    const step = await stepOf(trx, map.id, stepId);
    const steps = await trx
      .selectFrom('journey_steps')
      .select(['id', 'title'])
      .where('stage_id', '=', step.stage_id)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const order = swap(
      steps,
      steps.findIndex((s) => s.id === stepId),
      direction,
    );
    if (!order)
      throw new RefusedError(
        'invalid',
        `That step is already ${direction === 'up' ? 'first' : 'last'} in its stage.`,
      );
    await renumber(
      trx,
      'journey_steps',
      order.map((s) => s.id),
    );
    return {
      before: { steps: steps.map((s) => s.title) },
      after: { steps: order.map((s) => s.title) },
    };
  },

  deleteStep: async (trx: Trx, map: { id: number }, stepId: number) => {
    const step = await stepOf(trx, map.id, stepId);
    await trx.deleteFrom('journey_steps').where('id', '=', step.id).execute();
    // Everything the step held, so the audit log keeps what was removed (issue 16).
    const { title, actors, score, channel, touchpoint, pain_points, opportunities, notes } = step;
    return {
      before: {
        step: title,
        score,
        actors,
        channel,
        touchpoint,
        pain_points,
        opportunities,
        notes,
      },
      after: null,
    };
  },
};

/** Copies a map as a new version (as-is → to-be): same stages and steps, same step keys. */
export async function copyJourney(
  db: DB,
  input: {
    mapId: number;
    actorId: number;
    versionLabel: 'as_is' | 'to_be' | 'other';
    versionName: string;
  },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const j = await getJourney(trx, input.mapId);
    if (!j) throw new RefusedError('not_found', 'We could not find that journey map.');
    const map = await trx
      .insertInto('journey_maps')
      .values({
        portfolio_id: j.map.portfolio_id,
        project_id: j.map.project_id,
        title: j.map.title,
        personas: j.map.personas,
        description: j.map.description,
        version_label: input.versionLabel,
        version_name: input.versionName,
        illustrative: j.map.illustrative,
        source_note: j.map.source_note,
        copied_from_id: j.map.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const stage of j.stages) {
      const s = await trx
        .insertInto('journey_stages')
        .values({ map_id: map.id, position: stage.position, name: stage.name })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const step of stage.steps) {
        const row = await trx
          .insertInto('journey_steps')
          .values({
            map_id: map.id,
            stage_id: s.id,
            position: step.position,
            step_key: step.step_key,
            title: step.title,
            actors: JSON.stringify(step.actors),
            score: step.score,
            channel: step.channel,
            touchpoint: step.touchpoint,
            pain_points: step.pain_points,
            opportunities: step.opportunities,
            notes: step.notes,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (step.projects.length > 0) {
          await trx
            .insertInto('journey_step_projects')
            .values(step.projects.map((p) => ({ step_id: row.id, project_id: p.id })))
            .execute();
        }
      }
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'copy',
      entityType: 'journey_map',
      entityId: map.id,
      portfolioId: j.map.portfolio_id,
      projectId: j.map.project_id,
      before: null,
      after: {
        copied_from: j.map.id,
        version_label: input.versionLabel,
        version_name: input.versionName,
      },
      at,
    });
    return map.id;
  });
}

/**
 * One edit from the map's edit page (details, a stage or a step added, renamed, moved or
 * removed), as one versioned edit of the map audited with the form's intent.
 */
export function applyJourneyEdit(
  db: DB,
  input: { mapId: number; actorId: number },
  v: JourneyEditInput,
): Promise<void> {
  return editJourney(
    db,
    { mapId: input.mapId, version: v.version, actorId: input.actorId, action: v.intent },
    (trx, map) => {
      switch (v.intent) {
        case 'details':
          return journeyEdits.details(trx, map, v);
        case 'add_stage':
          return journeyEdits.addStage(trx, map, v.name);
        case 'rename_stage':
          return journeyEdits.renameStage(trx, map, v.stageId, v.name);
        case 'move_stage':
          return journeyEdits.moveStage(trx, map, v.stageId, v.direction);
        case 'delete_stage':
          return journeyEdits.deleteStage(trx, map, v.stageId);
        case 'add_step':
          return journeyEdits.addStep(trx, map, v.stageId, v);
        case 'move_step':
          return journeyEdits.moveStep(trx, map, v.stepId, v.direction);
        case 'delete_step':
          return journeyEdits.deleteStep(trx, map, v.stepId);
      }
    },
  );
}
