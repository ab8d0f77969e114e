import { parseFieldChanges } from '~/domain/audit';
import { describeAuditEntry, type AuditSentence } from '~/domain/history/describe';
import { DEFAULT_TIME_ZONE, formatDateTime } from '~/domain/history/time';
import type { DB } from '#db/client';
import { loadAuditNames, type AuditNames, type AuditRowForSentence } from '#db/queries/audit';

/** One audit row as a history line: the sentence's parts and the moment in the viewer's zone. */
export interface HistoryLine extends AuditSentence {
  id: number;
  /** The stored ISO moment, for `<time dateTime>`. */
  at: string;
  /** "November 16, 2026, 3:05 PM EST". */
  when: string;
}

/**
 * Audit rows as plain-language history lines, times in `zone` (Eastern unless the viewer chose
 * another): the one way every history, change log and audit view reads the log.
 */
export async function historyLines(
  db: DB,
  rows: readonly (AuditRowForSentence & { id: number; at: string })[],
  zone: string = DEFAULT_TIME_ZONE,
): Promise<HistoryLine[]> {
  return inZone(await historySentences(db, rows), zone);
}

/** The lines without their moment written out: the same for every viewer, so they can be kept. */
export async function historySentences(
  db: DB,
  rows: readonly (AuditRowForSentence & { id: number; at: string })[],
): Promise<Omit<HistoryLine, 'when'>[]> {
  const sentences = await describeAuditRows(db, rows);
  return rows.map((row, i) => ({ ...sentences[i]!, id: row.id, at: row.at }));
}

/** Lines with their moment written out in the viewer's zone. */
export function inZone(lines: readonly Omit<HistoryLine, 'when'>[], zone: string): HistoryLine[] {
  return lines.map((line) => ({ ...line, when: formatDateTime(line.at, zone) }));
}

/** One row's sentence, with the names `loadAuditNames` found. */
function sentenceFor(row: AuditRowForSentence, names: AuditNames): AuditSentence {
  const projectName = row.project_id === null ? undefined : names.projects.get(row.project_id);
  const phaseProjectId =
    row.entity_type === 'project' || row.entity_type === 'project_phase'
      ? Number(row.entity_id)
      : null;
  const project =
    row.project_id !== null && projectName
      ? { id: row.project_id, name: projectName }
      : phaseProjectId !== null && names.projects.has(phaseProjectId)
        ? { id: phaseProjectId, name: names.projects.get(phaseProjectId)! }
        : null;
  return describeAuditEntry({
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: parseFieldChanges(row.changes),
    actor: row.actor_id === null ? null : (names.actors.get(row.actor_id) ?? null),
    recordName: names.records.get(`${row.entity_type}:${row.entity_id}`) ?? null,
    project,
    portfolio: row.portfolio_id === null ? null : (names.portfolios.get(row.portfolio_id) ?? null),
    agencies: names.agencies,
    people: names.people,
  });
}

/** The audit rows as plain-language sentences (who, did what, to which record), in order. */
export async function describeAuditRows(
  db: DB,
  rows: readonly AuditRowForSentence[],
): Promise<AuditSentence[]> {
  const names = await loadAuditNames(db, rows);
  return rows.map((row) => sentenceFor(row, names));
}
