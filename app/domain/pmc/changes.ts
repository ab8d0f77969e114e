/**
 * "What changed since the last published update", per portfolio, read from the audit log: the
 * newest rows (capped) and how many there are in all. Pure helpers that turn an audit row into
 * a readable line; the query is in db/queries/pmc.ts.
 */

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

type FieldChanges = Record<string, { before?: unknown; after?: unknown }>;

function parseChanges(json: string): FieldChanges {
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as FieldChanges)
      : {};
  } catch {
    return {};
  }
}

/**
 * One audit row as a change entry. `titles` holds the current titles of the milestones the rows
 * name (looked up by id); a deleted milestone is named by the title its row recorded.
 */
export function toChangeEntry(
  row: AuditRowForChange,
  titles: ReadonlyMap<string, string>,
): ChangeEntry {
  const changes = parseChanges(row.changes);
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

/** What the record is called in a sentence: a project's phase is the project's. */
const KINDS: Record<string, string> = { project_phase: 'project' };

/** "milestone “Finalize the toolkit” (Toolkit project): changed status, completed on". */
export function describeChange(c: ChangeEntry): string {
  const kind = KINDS[c.entityType] ?? c.entityType.replaceAll('_', ' ');
  const where = c.project ? ` (${c.project})` : '';
  const fields = c.fields.map((f) => f.replaceAll('_', ' ')).join(', ');
  const what =
    c.action === 'create'
      ? 'added'
      : c.action === 'delete'
        ? 'deleted'
        : c.action === 'update'
          ? fields
            ? `changed ${fields}`
            : 'changed'
          : `${c.action.replaceAll('_', ' ')}${fields ? ` (${fields})` : ''}`;
  return `${kind} “${c.label}”${where}: ${what}`;
}
