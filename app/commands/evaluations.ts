/**
 * Every change to a pilot's evaluation plans (issue 20, point 2): writing one, editing its design
 * while it is a draft, linking the research it relies on, and moving its status (the rules are
 * app/domain/evaluations/plan.ts). Versioned and audited, each in its own transaction.
 */
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { getEvaluation } from '#db/queries/evaluations';
import { editVersioned, pick, type Trx } from '#db/versioning';
import {
  designEditable,
  MOVES,
  moveRefusal,
  type EvaluationStatus,
  type Move,
} from '~/domain/evaluations/plan';
import type { EvaluationInput } from '~/schemas/evaluation';

const DESIGN_FIELDS = [
  'title',
  'questions',
  'design',
  'design_detail',
  'population',
  'sample',
  'analysis_plan',
  'decision_rule',
] as const;

function columns(v: EvaluationInput) {
  return {
    title: v.title,
    questions: v.questions,
    design: v.design,
    design_detail: v.designDetail,
    population: v.population,
    sample: v.sample,
    analysis_plan: v.analysisPlan,
    decision_rule: v.decisionRule,
  };
}

/**
 * The research activities linked to the plan become `ids`; each must be one of the project's own
 * (a stale or forged form is refused next to its field). Returns the ids as they were.
 */
async function linkActivities(trx: Trx, planId: number, projectId: number, ids: number[]) {
  if (ids.length > 0) {
    const own = await trx
      .selectFrom('research_activities')
      .select('id')
      .where('project_id', '=', projectId)
      .where('id', 'in', ids)
      .execute();
    if (own.length !== ids.length)
      throw new RefusedError(
        'invalid',
        'Choose research activities of this project from the list.',
        'activityIds',
      );
  }
  const before = await trx
    .selectFrom('evaluation_plan_activities')
    .select('activity_id')
    .where('plan_id', '=', planId)
    .execute();
  await trx.deleteFrom('evaluation_plan_activities').where('plan_id', '=', planId).execute();
  if (ids.length > 0)
    await trx
      .insertInto('evaluation_plan_activities')
      .values(ids.map((activity_id) => ({ plan_id: planId, activity_id })))
      .execute();
  return before.map((r) => r.activity_id).sort((a, b) => a - b);
}

interface Scope {
  projectId: number;
  portfolioId: number;
  actorId: number;
}

export async function createEvaluation(
  db: DB,
  input: Scope & { values: EvaluationInput },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('evaluation_plans')
      .values({
        project_id: input.projectId,
        ...columns(input.values),
        status: 'draft',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await linkActivities(trx, row.id, input.projectId, input.values.activityIds);
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'evaluation_plan',
      entityId: row.id,
      portfolioId: input.portfolioId,
      projectId: input.projectId,
      before: null,
      after: { ...columns(input.values), research_activities: input.values.activityIds },
      at,
    });
    return row.id;
  });
}

const common = (input: Scope & { planId: number; version: number }) =>
  ({
    table: 'evaluation_plans',
    entityType: 'evaluation_plan',
    notFoundMessage: 'We could not find that evaluation plan.',
    id: input.planId,
    version: input.version,
    actorId: input.actorId,
    scope: () => ({ portfolioId: input.portfolioId, projectId: input.projectId }),
    load: (trx: Trx, id: number) => getEvaluation(trx, id),
  }) as const;

/** Edits a draft plan's design and the research it relies on; an approved design is kept. */
export async function updateEvaluation(
  db: DB,
  input: Scope & { planId: number; version: number; values: EvaluationInput },
): Promise<void> {
  await editVersioned(db, {
    ...common(input),
    action: 'update',
    staleFields: DESIGN_FIELDS,
    guard: (row: { status: EvaluationStatus }) => {
      if (!designEditable(row.status))
        throw new RefusedError(
          'conflict',
          'This plan is approved: its design is set before the data arrives. Take it back to draft to change it.',
        );
    },
    change: async (trx, current) => {
      const next = columns(input.values);
      await trx.updateTable('evaluation_plans').set(next).where('id', '=', current.id).execute();
      const ids = [...input.values.activityIds].sort((a, b) => a - b);
      const before = await linkActivities(trx, current.id, input.projectId, ids);
      return {
        before: { ...pick(current, DESIGN_FIELDS), research_activities: before },
        after: { ...next, research_activities: ids },
      };
    },
  });
}

/** Moves the plan's status one step (app/domain/evaluations/plan.ts says which). */
export async function moveEvaluation(
  db: DB,
  input: Scope & { planId: number; version: number; move: Move; findings?: string },
): Promise<void> {
  const m = MOVES[input.move];
  await editVersioned(db, {
    ...common(input),
    action: input.move,
    staleFields: ['status', 'updated_at'],
    change: async (trx, current) => {
      const refusal = moveRefusal(
        {
          status: current.status,
          parts: current,
          findings: input.findings ?? current.findings,
        },
        input.move,
      );
      if (refusal) throw new RefusedError('conflict', refusal);
      const set =
        input.move === 'report'
          ? { status: m.to, findings: input.findings ?? '' }
          : { status: m.to };
      await trx.updateTable('evaluation_plans').set(set).where('id', '=', current.id).execute();
      return { before: { status: current.status }, after: set };
    },
  });
}
