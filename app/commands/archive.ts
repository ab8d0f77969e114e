/**
 * Archiving, restoring and deleting for good the three kinds of research record (journey maps,
 * burden assessments, research activities): see app/domain/archive.ts and docs/decisions/023.
 * Archiving and restoring are versioned edits of the record (editVersioned: stale check, change,
 * version, audit in one transaction); a deletion checks again, inside its transaction, everything
 * that would refuse it, and leaves an audit row with the reason. Audit rows are never deleted.
 */
import type { AuditAction } from '~/domain/audit';
import { KIND_NOUNS, type ArchiveKind } from '~/domain/archive';
import { editJourney } from '~/commands/journeys';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { ARCHIVE_TABLES, deletionCheck } from '#db/queries/archive';
import { recordAudit } from '#db/audit';
import { editAssessment } from '~/commands/burden';
import { editActivity } from '~/commands/research';
import type { ChangeRecord, Trx } from '#db/versioning';

/**
 * Archives (or restores) a record as one versioned edit: refused when the page was stale, when
 * it is already in that state, and audited with who and when.
 */
export async function setArchived(
  db: DB,
  input: { kind: ArchiveKind; id: number; version: number; actorId: number; archive: boolean },
): Promise<void> {
  const at = new Date().toISOString();
  const action: AuditAction = input.archive ? 'archive' : 'restore';
  const noun = KIND_NOUNS[input.kind];
  const change = async (trx: Trx, r: { id: number }): Promise<ChangeRecord> => {
    const table = ARCHIVE_TABLES[input.kind] as 'journey_maps';
    const row = await trx
      .selectFrom(table)
      .select(['archived_at', 'archived_by'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    if (input.archive === (row.archived_at !== null)) {
      throw new RefusedError(
        'conflict',
        input.archive ? `This ${noun} is already archived.` : `This ${noun} is not archived.`,
      );
    }
    const next = input.archive
      ? { archived_at: at, archived_by: input.actorId }
      : { archived_at: null, archived_by: null };
    await trx.updateTable(table).set(next).where('id', '=', r.id).execute();
    return { before: { ...row }, after: next };
  };
  const edit = { version: input.version, actorId: input.actorId, action };
  if (input.kind === 'journey_map') await editJourney(db, { ...edit, mapId: input.id }, change);
  else if (input.kind === 'burden_assessment')
    await editAssessment(db, { ...edit, id: input.id }, change);
  else await editActivity(db, { ...edit, id: input.id }, change);
}

/**
 * Deletes a record for good: only an OMB lead, only with a reason, only when nothing refuses
 * it (checked again inside the transaction, so nothing can start citing it in between). Its
 * stages, steps, items, segments and sessions go with it; its audit rows stay, and one more
 * records the deletion, the reason and the title.
 */
export async function deletePermanently(
  db: DB,
  input: { kind: ArchiveKind; id: number; actorId: number; reason: string },
): Promise<{ portfolioId: number; projectId: number | null; title: string }> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const actor = await trx
      .selectFrom('people')
      .select('is_omb_lead')
      .where('id', '=', input.actorId)
      .executeTakeFirst();
    if (actor?.is_omb_lead !== 1)
      throw new RefusedError('forbidden', 'Only an OMB lead can delete a record for good.');
    const check = await deletionCheck(trx, input.kind, input.id);
    if (!check)
      throw new RefusedError('not_found', `We could not find that ${KIND_NOUNS[input.kind]}.`);
    if (check.refusals.length > 0) {
      throw new RefusedError('conflict', `Not deleted. ${check.refusals.join(' ')}`);
    }
    const { record } = check;
    await trx
      .deleteFrom(ARCHIVE_TABLES[input.kind] as 'journey_maps')
      .where('id', '=', record.id)
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'delete',
      entityType: input.kind,
      entityId: record.id,
      portfolioId: record.portfolio_id,
      projectId: record.project_id,
      before: {
        title: record.title,
        archived_at: record.archived_at,
        archived_by: record.archived_by,
      },
      after: { reason: input.reason },
      at,
    });
    return { portfolioId: record.portfolio_id, projectId: record.project_id, title: record.title };
  });
}
