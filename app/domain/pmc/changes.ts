/**
 * "What changed since the last published update", per portfolio, read from the audit log: the
 * newest rows (capped) and how many there are in all. Pure helpers that turn an audit row into
 * a readable line; the query is in db/queries/pmc.ts.
 */
import { parseFieldChanges } from '~/domain/audit';
import { describeAuditEntry, type AuditSentence } from '~/domain/history/describe';

/** How many of a portfolio's changes an update keeps (the newest); the total is kept too. */
export const CHANGES_KEPT = 20;

export interface ChangeEntry {
  /** The audit row's id. */
  id: number;
  at: string;
  /** Who made the change; null for the workspace itself (seeds, scripts). */
  actor: string | null;
  action: string;
  /** The kind of record, as the audit log names it: milestone, project, project_phase… */
  entityType: string;
  entityId: string;
  /** A readable name for the record: the milestone's title, the project's name, or its id. */
  label: string;
  /** The project the record belongs to, when it is not the project itself. */
  project: string | null;
  /** The fields the change touched. */
  fields: string[];
  /**
   * The change in plain language, made when the update was assembled (so a published snapshot
   * keeps the words of its day). Snapshots published before it existed lack it.
   */
  sentence?: AuditSentence;
}

export interface AuditRowForChange {
  id: number;
  at: string;
  action: string;
  entity_type: string;
  entity_id: string;
  changes: string;
  actor: string | null;
  project: string | null;
}

/**
 * One audit row as a change entry. `titles` holds the current titles of the milestones the rows
 * name (looked up by id); a deleted milestone is named by the title its row recorded.
 */
export function toChangeEntry(
  row: AuditRowForChange,
  titles: ReadonlyMap<string, string>,
): ChangeEntry {
  const changes = parseFieldChanges(row.changes);
  const recorded = changes.title?.after ?? changes.title?.before ?? changes.name?.after;
  const isProject = row.entity_type === 'project' || row.entity_type === 'project_phase';
  const label =
    (row.entity_type === 'milestone' ? titles.get(row.entity_id) : undefined) ??
    (isProject ? row.project : null) ??
    (typeof recorded === 'string' && recorded.trim() !== '' ? recorded : null) ??
    `#${row.entity_id}`;
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    label,
    project: isProject ? null : row.project,
    fields: Object.keys(changes),
  };
}

/**
 * The change as a sentence: the one made at assembly, or, for a snapshot published before
 * sentences were kept, one made from what the snapshot has (names and field names, no links
 * to projects it did not record).
 */
export function changeSentence(c: ChangeEntry): AuditSentence {
  if (c.sentence) return c.sentence;
  const isProject = c.entityType === 'project' || c.entityType === 'project_phase';
  return describeAuditEntry({
    action: c.action,
    entityType: c.entityType,
    entityId: c.entityId,
    changes: c.fields,
    actor: c.actor ? { name: c.actor, agency: null } : null,
    recordName: /^#/.test(c.label) ? null : c.label,
    project: isProject
      ? { id: null, name: c.label }
      : c.project
        ? { id: null, name: c.project }
        : null,
  });
}
