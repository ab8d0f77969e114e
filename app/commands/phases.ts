/**
 * Writes at a project's phase gate (A-11 280.16): a request, an answer, an override, a move back
 * or a re-affirmation, decided by app/domain/phases/gate.ts with what the policy allows.
 */
import type { AuditAction } from '~/domain/audit';
import { gateNotifications } from '~/domain/notifications/phase-gate';
import { decide, type GateEvent, type GateOutcome, type GateState } from '~/domain/phases/gate';
import { gateMay } from '~/domain/policy';
import type { DB } from '#db/client';
import { isUniqueViolation } from '#db/dialect';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { gateAudience, loadGateState } from '#db/queries/phases';
import { notify } from './notifications';
import type { SessionUser } from '#db/queries/sessions';

/** What an accepted gate event did. */
export type GateDone = Extract<GateOutcome, { ok: true }>;

/**
 * Decides and applies one phase-gate event in a single transaction (state read, change and audit
 * row together). Returns what happened; a refusal throws a RefusedError and changes nothing.
 */
export async function applyGateEvent(
  db: DB,
  input: { projectId: number; user: SessionUser; event: GateEvent; now?: Date },
): Promise<GateDone> {
  const at = (input.now ?? new Date()).toISOString();
  const { user, event } = input;
  try {
    return await db.transaction().execute(async (trx) => {
      const loaded = await loadGateState(trx, input.projectId);
      if (!loaded) throw new RefusedError('not_found', 'We could not find that project.');
      const { project, state, pendingId } = loaded;
      // Who is POC now, read inside the transaction: the session's list was loaded before it,
      // so an answer could otherwise land after a POC change from the former POC.
      const pocRows = await trx
        .selectFrom('agency_pocs')
        .select('agency_id')
        .where('portfolio_id', '=', project.portfolio_id)
        .where('person_id', '=', user.personId)
        .where('ended_at', 'is', null)
        .execute();
      const actor = {
        may: gateMay(user, project.portfolio_id),
        pocAgencyIds: pocRows.map((p) => p.agency_id),
      };
      const outcome = decide(state, event, actor);
      if (!outcome.ok) throw new RefusedError(outcome.code, outcome.message, outcome.field);
      const audit = (
        action: AuditAction,
        before: Record<string, unknown> | null,
        after: Record<string, unknown> | null,
      ) =>
        recordAudit(trx, {
          actorId: user.personId,
          action,
          entityType: 'project_phase',
          entityId: project.id,
          portfolioId: project.portfolio_id,
          projectId: project.id,
          before,
          after,
          at,
        });
      const setPhase = async (phase: GateState['phase']) => {
        await trx
          .updateTable('projects')
          .set({ phase, version: project.version + 1, updated_at: at })
          .where('id', '=', project.id)
          .execute();
      };
      const close = async (status: 'advanced' | 'held' | 'superseded', reason: string | null) => {
        if (pendingId === null) return;
        await trx
          .updateTable('phase_requests')
          .set({ status, closed_at: at, closed_by: user.personId, override_reason: reason })
          .where('id', '=', pendingId)
          .execute();
      };

      let requestId = pendingId;
      switch (event.type) {
        case 'request': {
          const req = await trx
            .insertInto('phase_requests')
            .values({
              project_id: project.id,
              kind: 'advance',
              from_phase: state.phase,
              to_phase: event.toPhase,
              evidence: event.evidence.trim(),
              requested_by: user.personId,
              requested_at: at,
              status: 'pending',
              closed_at: null,
              closed_by: null,
              override_reason: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          requestId = req.id;
          await trx
            .insertInto('phase_request_agencies')
            .values(state.involvedAgencyIds.map((agency_id) => ({ request_id: req.id, agency_id })))
            .execute();
          await audit(
            'phase_requested',
            { phase: state.phase },
            { requested_phase: event.toPhase, evidence: event.evidence.trim() },
          );
          break;
        }
        case 'answer': {
          await trx
            .insertInto('phase_answers')
            .values({
              request_id: pendingId!,
              agency_id: event.agencyId,
              person_id: user.personId,
              answer: event.answer,
              comment: event.comment.trim(),
              answered_at: at,
            })
            .execute();
          await audit('phase_answered', null, {
            agency_id: event.agencyId,
            answer: event.answer,
            comment: event.comment.trim(),
          });
          if (outcome.result === 'advanced') {
            await close('advanced', null);
            await setPhase(outcome.toPhase);
            await audit('phase_advanced', { phase: state.phase }, { phase: outcome.toPhase });
          } else if (outcome.result === 'held') {
            await close('held', null);
            await audit('phase_held', { request: 'pending' }, { request: 'held' });
          }
          break;
        }
        case 'override': {
          const reason = event.reason.trim();
          if (outcome.result === 'advanced') {
            await close('advanced', reason);
            await setPhase(outcome.toPhase);
            await audit(
              'phase_override_advance',
              { phase: state.phase },
              { phase: outcome.toPhase, reason },
            );
          } else {
            await close('held', reason);
            await audit('phase_override_hold', { request: 'pending' }, { request: 'held', reason });
          }
          break;
        }
        case 'move_back': {
          const reason = event.reason.trim();
          await close('superseded', reason);
          await trx
            .insertInto('phase_requests')
            .values({
              project_id: project.id,
              kind: 'move_back',
              from_phase: state.phase,
              to_phase: event.toPhase,
              evidence: '',
              requested_by: user.personId,
              requested_at: at,
              status: 'moved_back',
              closed_at: at,
              closed_by: user.personId,
              override_reason: reason,
            })
            .execute();
          await setPhase(event.toPhase);
          await audit('phase_moved_back', { phase: state.phase }, { phase: event.toPhase, reason });
          break;
        }
        case 'reaffirm': {
          await trx
            .insertInto('phase_reaffirmations')
            .values({
              project_id: project.id,
              agency_id: event.agencyId,
              person_id: user.personId,
              phase: state.phase,
              comment: '',
              at,
            })
            .execute();
          await audit('phase_reaffirmed', null, { agency_id: event.agencyId, phase: state.phase });
          break;
        }
      }
      if (
        requestId !== null &&
        (event.type === 'request' || event.type === 'answer' || event.type === 'override')
      ) {
        const asked =
          event.type === 'request' ? state.involvedAgencyIds : state.pending!.involvedAgencyIds;
        const audience = await gateAudience(trx, {
          portfolioId: project.portfolio_id,
          requestId,
          agencyIds: asked,
        });
        const drafts = gateNotifications(
          {
            project: {
              id: project.id,
              name: project.name,
              portfolioId: project.portfolio_id,
              phase: state.phase,
            },
            requestId,
            requestedBy: audience.requestedBy,
            toPhase: event.type === 'request' ? event.toPhase : state.pending!.toPhase,
            agencies: audience.agencies,
            answeredBefore: [...(state.pending?.answers.keys() ?? [])],
            actorId: user.personId,
          },
          event,
          outcome,
        );
        await notify(trx, drafts, at);
      }
      return outcome;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new RefusedError(
        'conflict',
        'Someone answered or asked at the same moment; reload to see the current state.',
      );
    }
    throw error;
  }
}
