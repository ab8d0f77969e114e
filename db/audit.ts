import { diffFields, type AuditAction, type EntityType } from '~/domain/audit';
import type { DB } from './client';
import { reindexRecord } from './search-index';

export interface AuditInput {
  actorId: number | null;
  action: AuditAction;
  entityType: EntityType;
  entityId: string | number;
  portfolioId: number | null;
  projectId?: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at?: string;
}

/**
 * Writes one audit row. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together. Every change is audited, so this is also where the
 * search index follows the record it names (db/search-index.ts), in the same transaction.
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
  await reindexRecord(db, input.entityType, input.entityId);
}
