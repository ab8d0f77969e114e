/**
 * Writes to projects and their milestones: each checks its rule, refuses a stale form, changes
 * the row, bumps its version and writes its audit entry in one transaction.
 */
import type { MilestoneInput } from '~/schemas/milestone';
import type { ProjectInput } from '~/schemas/project';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { withAgencyIds } from '#db/queries/portfolio-admin';
import { getMilestone } from '#db/queries/projects';
import { assertFresh, editVersioned, pick, type Trx } from '#db/versioning';

// ---- Writes ---------------------------------------------------------------------------------

const PROJECT_FIELDS = [
  'name',
  'summary',
  'pain_points',
  'outcomes_short_term',
  'outcomes_long_term',
  'theory_of_change',
  'owner_agency_id',
  'health',
  'health_reason',
] as const;

function projectColumns(input: ProjectInput) {
  return {
    name: input.name,
    summary: input.summary,
    pain_points: input.painPoints,
    outcomes_short_term: input.outcomesShortTerm,
    outcomes_long_term: input.outcomesLongTerm,
    theory_of_change: input.theoryOfChange,
    owner_agency_id: input.ownerAgencyId ?? null,
    health: input.health,
    health_reason: input.health === 'on_track' ? null : input.healthReason,
  };
}

/** Involved agencies and the owner must be participating agencies of the portfolio. */
async function checkAgencies(db: DB, portfolioId: number, input: ProjectInput): Promise<void> {
  const allowed = new Set(
    (
      await db
        .selectFrom('portfolio_agencies')
        .select('agency_id')
        .where('portfolio_id', '=', portfolioId)
        .execute()
    ).map((r) => r.agency_id),
  );
  if (input.agencies.some((id) => !allowed.has(id))) {
    throw new RefusedError(
      'invalid',
      'Choose involved agencies from the portfolio’s participating agencies.',
      'agencies',
    );
  }
  if (input.ownerAgencyId !== undefined && !allowed.has(input.ownerAgencyId)) {
    throw new RefusedError(
      'invalid',
      'Choose an owner from the portfolio’s agencies.',
      'ownerAgencyId',
    );
  }
}

export async function createProject(
  db: DB,
  input: { portfolioId: number; actorId: number; values: ProjectInput },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await checkAgencies(trx, input.portfolioId, input.values);
    const row = await trx
      .insertInto('projects')
      .values({
        portfolio_id: input.portfolioId,
        ...projectColumns(input.values),
        phase: 'discovery',
        source_note: '',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.values.agencies.length > 0) {
      await trx
        .insertInto('project_agencies')
        .values(input.values.agencies.map((agency_id) => ({ project_id: row.id, agency_id })))
        .execute();
    }
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'project',
      entityId: row.id,
      portfolioId: input.portfolioId,
      projectId: row.id,
      before: null,
      after: {
        ...projectColumns(input.values),
        phase: 'discovery',
        agencies: input.values.agencies,
      },
      at,
    });
    return row.id;
  });
}

export async function updateProject(
  db: DB,
  input: { projectId: number; actorId: number; version: number; values: ProjectInput },
): Promise<void> {
  await editVersioned(db, {
    table: 'projects',
    entityType: 'project',
    notFoundMessage: 'We could not find that project.',
    id: input.projectId,
    version: input.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: [...PROJECT_FIELDS, 'agencies'],
    scope: (row) => ({ portfolioId: row.portfolio_id, projectId: row.id }),
    load: (trx: Trx, id: number) => withAgencyIds(trx, 'projects', id),
    change: async (trx, current) => {
      await checkAgencies(trx, current.portfolio_id, input.values);
      const nextAgencies = [...new Set(input.values.agencies)].sort((a, b) => a - b);
      if (nextAgencies.join(',') !== current.agencies.join(',')) {
        // A pending phase request froze the list of agencies that must answer it (ADR 005);
        // changing the project's agencies now would leave a removed one able to block it and an
        // added one never asked.
        const pending = await trx
          .selectFrom('phase_requests')
          .select('to_phase')
          .where('project_id', '=', current.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (pending) {
          throw new RefusedError(
            'conflict',
            'The involved agencies cannot change while a phase request is waiting for their answers. Change them after the request is decided.',
            'agencies',
          );
        }
      }
      const next = projectColumns(input.values);
      await trx.updateTable('projects').set(next).where('id', '=', current.id).execute();
      await trx.deleteFrom('project_agencies').where('project_id', '=', current.id).execute();
      if (nextAgencies.length > 0) {
        await trx
          .insertInto('project_agencies')
          .values(nextAgencies.map((agency_id) => ({ project_id: current.id, agency_id })))
          .execute();
      }
      return {
        before: { ...pick(current, PROJECT_FIELDS), agencies: current.agencies },
        after: { ...next, agencies: nextAgencies },
      };
    },
  });
}

const MILESTONE_FIELDS = [
  'title',
  'owner',
  'timing_fy',
  'timing_quarter',
  'due_date',
  'status',
  'completed_on',
  'notes',
] as const;

function milestoneColumns(input: MilestoneInput) {
  const byQuarter = input.timingKind === 'quarter';
  return {
    title: input.title,
    owner: input.owner,
    timing_fy: byQuarter ? (input.fy ?? null) : null,
    timing_quarter: byQuarter ? (input.quarter ?? null) : null,
    due_date: byQuarter ? null : (input.dueDate ?? null),
    status: input.status,
    completed_on: input.status === 'completed' ? (input.completedOn ?? null) : null,
    notes: input.notes,
  };
}

export async function createMilestone(
  db: DB,
  input: { projectId: number; portfolioId: number; actorId: number; values: MilestoneInput },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('milestones')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('project_id', '=', input.projectId)
      .executeTakeFirst();
    const columns = milestoneColumns(input.values);
    const row = await trx
      .insertInto('milestones')
      .values({
        project_id: input.projectId,
        ...columns,
        source_note: '',
        position: Number(last?.p ?? -1) + 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'milestone',
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

export async function updateMilestone(
  db: DB,
  input: {
    projectId: number;
    portfolioId: number;
    milestoneId: number;
    actorId: number;
    version: number;
    values: MilestoneInput;
  },
): Promise<void> {
  await editVersioned(db, {
    table: 'milestones',
    entityType: 'milestone',
    notFoundMessage: 'We could not find that milestone.',
    id: input.milestoneId,
    version: input.version,
    actorId: input.actorId,
    action: 'update',
    staleFields: MILESTONE_FIELDS,
    scope: () => ({ portfolioId: input.portfolioId, projectId: input.projectId }),
    load: (trx: Trx, id: number) => getMilestone(trx, input.projectId, id),
    change: async (trx, current) => {
      const next = milestoneColumns(input.values);
      await trx.updateTable('milestones').set(next).where('id', '=', current.id).execute();
      return { before: pick(current, MILESTONE_FIELDS), after: next };
    },
  });
}

export async function deleteMilestone(
  db: DB,
  input: {
    projectId: number;
    portfolioId: number;
    milestoneId: number;
    actorId: number;
    version: number;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await getMilestone(trx, input.projectId, input.milestoneId);
    if (!current) throw new RefusedError('not_found', 'We could not find that milestone.');
    assertFresh(current, input.version, MILESTONE_FIELDS);
    await trx.deleteFrom('milestones').where('id', '=', current.id).execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'delete',
      entityType: 'milestone',
      entityId: current.id,
      portfolioId: input.portfolioId,
      projectId: input.projectId,
      before: pick(current, MILESTONE_FIELDS),
      after: null,
    });
  });
}
