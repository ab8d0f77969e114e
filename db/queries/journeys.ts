import type { AuditAction } from '~/domain/audit';
import crypto from 'node:crypto';
import type { JourneyDiagram } from '~/domain/journey/types';
import type { JourneyDetailsInput, StepFields } from '~/schemas/journey';
import type { DB } from '../client';
import { RefusedError } from '../errors';
import { editVersioned, type ChangeRecord, type Trx } from '../versioning';
import { recordAudit } from './audit';

export const newStepKey = () => crypto.randomUUID();

/**
 * Other versions of a map, to compare it with: maps copied from it, the map it was copied from
 * and that map's other copies, and maps of the same project. Newest first, at most 50, so the
 * journey page does not list a whole portfolio.
 */
export async function otherVersions(
  db: DB,
  map: {
    id: number;
    portfolio_id: number;
    project_id: number | null;
    copied_from_id: number | null;
  },
) {
  return db
    .selectFrom('journey_maps as m')
    .select(['m.id', 'm.title', 'm.version_label', 'm.version_name', 'm.created_at'])
    .where('m.portfolio_id', '=', map.portfolio_id)
    .where('m.id', '!=', map.id)
    .where((eb) => {
      const related = [eb('m.copied_from_id', '=', map.id)];
      if (map.copied_from_id !== null) {
        related.push(eb('m.id', '=', map.copied_from_id));
        related.push(eb('m.copied_from_id', '=', map.copied_from_id));
      }
      if (map.project_id !== null) related.push(eb('m.project_id', '=', map.project_id));
      return eb.or(related);
    })
    .orderBy('m.id', 'desc')
    .limit(50)
    .execute();
}

/**
 * Journey maps of a portfolio, newest first, with their step counts. Archived maps are left
 * out unless asked for (the list's "Show archived" filter); pickers never ask.
 */
export async function listJourneys(
  db: DB,
  portfolioId: number,
  options: { includeArchived?: boolean } = {},
) {
  let query = db
    .selectFrom('journey_maps as m')
    .leftJoin('projects as p', 'p.id', 'm.project_id')
    .select([
      'm.id',
      'm.title',
      'm.version_label',
      'm.version_name',
      'm.illustrative',
      'm.created_at',
      'm.updated_at',
      'm.archived_at',
      'p.name as project_name',
      (eb) =>
        eb
          .selectFrom('journey_steps as s')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('s.map_id', '=', 'm.id')
          .as('steps'),
    ])
    .where('m.portfolio_id', '=', portfolioId);
  if (!options.includeArchived) query = query.where('m.archived_at', 'is', null);
  return query.orderBy('m.id', 'desc').execute();
}

export type JourneyDetail = NonNullable<Awaited<ReturnType<typeof getJourney>>>;

/** A map with its stages and steps in order, each step with its actors and linked projects. */
export async function getJourney(db: DB, mapId: number) {
  const map = await db
    .selectFrom('journey_maps as m')
    .innerJoin('portfolios as pf', 'pf.id', 'm.portfolio_id')
    .leftJoin('projects as p', 'p.id', 'm.project_id')
    .selectAll('m')
    .select(['pf.slug as portfolio_slug', 'pf.name as portfolio_name', 'p.name as project_name'])
    .where('m.id', '=', mapId)
    .executeTakeFirst();
  if (!map) return undefined;
  const [stages, steps, links] = await Promise.all([
    db
      .selectFrom('journey_stages')
      .selectAll()
      .where('map_id', '=', mapId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('journey_steps')
      .selectAll()
      .where('map_id', '=', mapId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('journey_step_projects as l')
      .innerJoin('journey_steps as s', 's.id', 'l.step_id')
      .innerJoin('projects as p', 'p.id', 'l.project_id')
      .select(['l.step_id', 'p.id', 'p.name'])
      .where('s.map_id', '=', mapId)
      .orderBy('p.name')
      .execute(),
  ]);
  return {
    map,
    stages: stages.map((stage) => ({
      ...stage,
      steps: steps
        .filter((s) => s.stage_id === stage.id)
        .map((s) => ({
          ...s,
          actors: JSON.parse(s.actors) as string[],
          projects: links
            .filter((l) => l.step_id === s.id)
            .map((l) => ({ id: l.id, name: l.name })),
        })),
    })),
  };
}

/** The diagram part of a loaded map. */
export function toDiagram(j: JourneyDetail): JourneyDiagram {
  return {
    title: j.map.title,
    description: j.map.description,
    stages: j.stages.map((s) => ({
      name: s.name,
      steps: s.steps.map((st) => ({ title: st.title, score: st.score, actors: st.actors })),
    })),
  };
}

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
  await editVersioned(
    db,
    {
      ...input,
      id: input.mapId,
      table: 'journey_maps',
      entityType: 'journey_map',
      notFoundMessage: 'We could not find that journey map.',
    },
    (trx, id) => trx.selectFrom('journey_maps').selectAll().where('id', '=', id).executeTakeFirst(),
    change,
  );
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

/** Journey steps whose pain points a project addresses (for the project page). */
export async function stepsForProject(db: DB, projectId: number) {
  return db
    .selectFrom('journey_step_projects as l')
    .innerJoin('journey_steps as s', 's.id', 'l.step_id')
    .innerJoin('journey_stages as st', 'st.id', 's.stage_id')
    .innerJoin('journey_maps as m', 'm.id', 's.map_id')
    .select([
      's.id',
      's.title',
      's.score',
      's.pain_points',
      'st.name as stage',
      'm.id as map_id',
      'm.title as map_title',
      'm.version_label',
    ])
    .where('l.project_id', '=', projectId)
    .orderBy('m.title')
    .orderBy('st.position')
    .orderBy('s.position')
    .execute();
}
