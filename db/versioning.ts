import { StaleWriteError } from './errors';
import type { Transaction } from 'kysely';
import type { DB } from './client';
import { RefusedError } from './errors';
import { recordAudit } from './queries/audit';
import type { Database } from './schema';
import type { AuditAction, EntityType } from '~/domain/audit';
import { ARCHIVE_ACTIONS, KIND_NOUNS, type ArchiveKind } from '~/domain/archive';
/**
 * Refuses a save whose form was opened at an older version of the row, so a stale save never
 * overwrites newer work. Throws with the row's current values for the named fields.
 */
export function assertFresh<T extends { version: number }>(
  current: T,
  expectedVersion: number,
  fields: readonly (keyof T)[],
): void {
  if (current.version === expectedVersion) return;
  const values: Record<string, unknown> = {};
  for (const f of fields) values[String(f)] = current[f];
  throw new StaleWriteError(values, current.version);
}

/** The named fields of a row, for audit before/after. */
export function pick<T extends object, K extends keyof T>(
  row: T,
  fields: readonly K[],
): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const f of fields) out[f] = row[f];
  return out;
}

export type Trx = Transaction<Database>;

/** What an edit changed, for the audit log. */
export interface ChangeRecord {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Aggregates whose edits all go through their root row's version. */
type VersionedRoot = 'journey_maps' | 'burden_assessments' | 'research_activities';

/**
 * One edit of an aggregate (a journey map, an assessment, a research activity): loads its root
 * row, refuses a stale form version, applies `change`, bumps the version and writes the audit
 * row, all in one transaction.
 */
export async function editVersioned<
  R extends {
    id: number;
    version: number;
    title: string;
    portfolio_id: number;
    project_id: number | null;
  },
>(
  db: DB,
  input: {
    table: VersionedRoot;
    entityType: EntityType;
    notFoundMessage: string;
    id: number;
    version: number;
    actorId: number;
    action: AuditAction;
  },
  load: (trx: Trx, id: number) => Promise<R | undefined>,
  change: (trx: Trx, row: NoInfer<R>) => Promise<ChangeRecord>,
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await load(trx, input.id);
    if (!row) throw new RefusedError('not_found', input.notFoundMessage);
    assertFresh(row, input.version, ['title', 'updated_at'] as (keyof R)[]);
    // An archived record is kept as it was: readable, cited, not edited (docs/decisions/023).
    if (
      (row as { archived_at?: string | null }).archived_at &&
      !ARCHIVE_ACTIONS.has(input.action)
    ) {
      const noun = KIND_NOUNS[input.entityType as ArchiveKind] ?? 'record';
      throw new RefusedError(
        'conflict',
        `This ${noun} is archived, so it is not changed. Restore it first.`,
      );
    }
    const { before, after } = await change(trx, row);
    // Every root table has id, version and updated_at; the cast names one for Kysely's types.
    await trx
      .updateTable(input.table as 'journey_maps')
      .set({ version: row.version + 1, updated_at: at })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: row.id,
      portfolioId: row.portfolio_id,
      projectId: row.project_id,
      before,
      after,
      at,
    });
  });
}
