import { diffFields } from '~/domain/audit';
import type { DB } from '../client';

export interface AuditInput {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  portfolioId: number | null;
  projectId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at?: string;
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together.
 */
export async function recordAudit(db: DB, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: input.at ?? new Date().toISOString(),
      actor_id: input.actorId,
      action: input.action,
      entity_type: input.entityType,
      entity_id: String(input.entityId),
      portfolio_id: input.portfolioId,
      project_id: input.projectId ?? null,
      changes: JSON.stringify(diffFields(input.before, input.after)),
    })
    .execute();
}

export interface AuditFilter {
  entityType?: string;
  /** One record's history: its id as stored (text), with `entityType` (ids repeat across kinds). */
  entityId?: string;
  actorId?: number;
  /** Keyset pagination: rows with id below this. */
  beforeId?: number;
  limit: number;
}

/** Newest first, filtered, one page (keyset, so deep pages stay fast on a large log). */
export async function listAudit(db: DB, filter: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('people', 'people.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.changes',
      'audit_log.actor_id',
      'people.name as actor_name',
    ])
    .orderBy('audit_log.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.entityType) q = q.where('audit_log.entity_type', '=', filter.entityType);
  if (filter.entityId !== undefined) q = q.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.actorId !== undefined) q = q.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.beforeId !== undefined) q = q.where('audit_log.id', '<', filter.beforeId);
  const rows = await q.execute();
  const hasMore = rows.length > filter.limit;
  return { rows: rows.slice(0, filter.limit), hasMore };
}

/** The entity types and people that appear in the log, for the filter menus. */
export async function auditFilterOptions(db: DB) {
  const [types, actors] = await Promise.all([
    db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute(),
    db
      .selectFrom('people')
      .select(['id', 'name'])
      .where((eb) =>
        eb.exists(
          eb.selectFrom('audit_log').select('id').whereRef('audit_log.actor_id', '=', 'people.id'),
        ),
      )
      .orderBy('name')
      .execute(),
  ]);
  return { entityTypes: types.map((t) => t.entity_type), actors };
}
