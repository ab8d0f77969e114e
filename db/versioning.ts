import type { Selectable, Transaction } from 'kysely';
import type { DB } from './client';
import { RefusedError, StaleWriteError } from './errors';
import { recordAudit } from './audit';
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

/** Tables whose rows carry a `version`: every edit of one of their rows goes through here. */
export type VersionedTable =
  | 'journey_maps'
  | 'burden_assessments'
  | 'research_activities'
  | 'action_plans'
  | 'projects'
  | 'milestones'
  | 'portfolios'
  | 'pmc_updates'
  | 'success_measures'
  | 'evaluation_plans'
  | 'survey_collections'
  | 'pra_clearances';

/** Versioned tables without an `updated_at` column (their history is the audit log alone). */
const UNSTAMPED: ReadonlySet<VersionedTable> = new Set(['pra_clearances']);

/** A row of a versioned table, as selected. */
export type RowOf<Tb extends VersionedTable> = Selectable<Database[Tb]> & {
  id: number;
  version: number;
};

/** Where an edit's audit row is filed. */
export interface AuditScope {
  portfolioId: number | null;
  projectId?: number | null;
}

/** One edit of one versioned row; see `editVersioned`. */
export interface VersionedEdit<
  Tb extends VersionedTable,
  R extends { id: number; version: number },
  T,
> {
  table: Tb;
  entityType: EntityType;
  notFoundMessage: string;
  id: number;
  /** The version the person's form was opened at. */
  version: number;
  actorId: number;
  /** The audit action, or a rule choosing it from the row as it was (e.g. reopen vs status). */
  action: AuditAction | ((row: NoInfer<R>) => AuditAction);
  /** Shown beside the form when the save is stale. Default: title and last saved. */
  staleFields?: readonly (keyof NoInfer<R> & string)[];
  /** Where the audit row is filed. Default: the row's own portfolio_id and project_id. */
  scope?: (row: NoInfer<R>) => AuditScope;
  /** Reads the row (and whatever the stale check compares). Default: the table's row by id. */
  load?: (trx: Trx, id: number) => Promise<R | undefined>;
  /** A refusal that outranks staleness (e.g. "this plan is final"): throw a RefusedError. */
  guard?: (row: NoInfer<R>) => void;
  /**
   * The change itself, with the moment of the edit; may return a `result` for the caller. `null`
   * means there was nothing to change: no version is spent and nothing is audited.
   */
  change: (
    trx: Trx,
    row: NoInfer<R>,
    at: string,
  ) => Promise<(ChangeRecord & { result?: T }) | null>;
}

/**
 * One edit of a versioned record, the one shape every write of an existing record takes, in one
 * transaction: load the row; refuse what the guard refuses; refuse a form opened at an older
 * version (showing `staleFields` as they are now); refuse an archived record; claim the next
 * version; apply `change`; write the audit row.
 *
 * The version is claimed before anything changes, with the expected version in the WHERE clause:
 * of two saves from the same version, the second's UPDATE matches no row (on PostgreSQL it waits
 * for the first, then sees the new version) and is refused as stale, whatever the isolation.
 */
export async function editVersioned<
  Tb extends VersionedTable,
  R extends { id: number; version: number } = RowOf<Tb>,
  T = undefined,
>(db: DB, edit: VersionedEdit<Tb, R, T>): Promise<T | undefined> {
  const at = new Date().toISOString();
  const load =
    edit.load ??
    ((trx: Trx, id: number) =>
      // Every versioned table has an id; the cast names one for Kysely.
      trx
        .selectFrom(edit.table as 'projects')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst() as Promise<R | undefined>);
  const staleFields = edit.staleFields ?? (['title', 'updated_at'] as (keyof R & string)[]);
  const run = db.transaction().execute(async (trx) => {
    const row = await load(trx, edit.id);
    if (!row) throw new RefusedError('not_found', edit.notFoundMessage);
    edit.guard?.(row);
    assertFresh(row, edit.version, staleFields);
    // An archived record is kept as it was: readable, cited, not edited (docs/decisions/023).
    const action = typeof edit.action === 'function' ? edit.action(row) : edit.action;
    if ((row as { archived_at?: string | null }).archived_at && !ARCHIVE_ACTIONS.has(action)) {
      const noun = KIND_NOUNS[edit.entityType as ArchiveKind] ?? 'record';
      throw new RefusedError(
        'conflict',
        `This ${noun} is archived, so it is not changed. Restore it first.`,
      );
    }
    const claimed = await trx
      .updateTable(edit.table as 'projects')
      .set(
        UNSTAMPED.has(edit.table)
          ? { version: row.version + 1 }
          : { version: row.version + 1, updated_at: at },
      )
      .where('id', '=', row.id)
      .where('version', '=', edit.version)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      const now = await load(trx, edit.id);
      if (!now) throw new RefusedError('not_found', edit.notFoundMessage);
      throw new StaleWriteError(pick(now, staleFields), now.version);
    }
    const changed = await edit.change(trx, row, at);
    if (changed === null) throw new NothingChanged(); // rolls the claimed version back
    const { before, after, result } = changed;
    const own = row as unknown as { portfolio_id?: number; project_id?: number | null };
    const scope = edit.scope?.(row) ?? {
      portfolioId: own.portfolio_id ?? null,
      projectId: own.project_id ?? null,
    };
    await recordAudit(trx, {
      actorId: edit.actorId,
      action,
      entityType: edit.entityType,
      entityId: row.id,
      portfolioId: scope.portfolioId,
      projectId: scope.projectId ?? null,
      before,
      after,
      at,
    });
    return result as T;
  });
  return run.catch((e: unknown) => {
    if (e instanceof NothingChanged) return undefined;
    throw e;
  });
}

/** Thrown inside the transaction to undo the claimed version when a change changed nothing. */
class NothingChanged extends Error {}
