import type { AuditSentence } from '~/domain/history/describe';
import { DEFAULT_TIME_ZONE, formatDateTime } from '~/domain/history/time';
import type { DB } from '#db/client';
import { describeAuditRows, type AuditRowForSentence } from '#db/queries/audit';

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
  const sentences = await describeAuditRows(db, rows);
  return rows.map((row, i) => ({
    ...sentences[i]!,
    id: row.id,
    at: row.at,
    when: formatDateTime(row.at, zone),
  }));
}
