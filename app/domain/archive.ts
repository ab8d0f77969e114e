/**
 * Archiving and permanent deletion of journey maps, burden assessments and research activities
 * (issue 16, point 9; docs/decisions/023). Archiving is the way back: an archived record leaves
 * the lists and pickers, stays readable at its own address, and keeps every link and figure
 * that cites it. Deleting for good is an OMB lead's act, with a written reason, and is refused
 * while anything still depends on the record: above all a published PMC update, which is the
 * record of what the President's Management Council was told and never changes.
 *
 * Archived research activities still count toward the Paperwork Reduction Act's limit of nine
 * members of the public in 12 months (A-11 280.8; 5 CFR 1320.3(c)): the people were asked, and
 * archiving a record does not un-ask them.
 */

export type ArchiveKind = 'journey_map' | 'burden_assessment' | 'research_activity';

export const ARCHIVE_KINDS: readonly ArchiveKind[] = [
  'journey_map',
  'burden_assessment',
  'research_activity',
];

/** The record's name in sentences ("this journey map"). */
export const KIND_NOUNS: Record<ArchiveKind, string> = {
  journey_map: 'journey map',
  burden_assessment: 'burden assessment',
  research_activity: 'research activity',
};

/** The record's own page, the one that stays readable while it is archived. */
export function recordPath(kind: ArchiveKind, id: number): string {
  if (kind === 'journey_map') return `/journeys/${id}`;
  if (kind === 'burden_assessment') return `/burden/${id}`;
  return `/research/${id}`;
}

/** Audit actions that change whether a record is archived (allowed on an archived record). */
export const ARCHIVE_ACTIONS: ReadonlySet<string> = new Set(['archive', 'restore']);

/** Shortest reason an OMB lead may give for deleting a record for good, in characters. */
export const DELETE_REASON_MIN = 10;
export const DELETE_REASON_MAX = 1000;

/** A published PMC update, as a refusal names it. */
export interface PublishedRef {
  id: number;
  fiscalYear: number;
  quarter: number;
}

/** What stands in the way of deleting a record for good, gathered by db/queries/archive.ts. */
export interface DeleteFacts {
  kind: ArchiveKind;
  archived: boolean;
  /** Published PMC updates whose frozen snapshot names the record. */
  citedBy: readonly PublishedRef[];
  /** Other records that would lose their link or their figures, described for people. */
  dependents: readonly string[];
  /** Research activities: members of the public and others recorded in its sessions. */
  participants: number;
}

/**
 * Why a record may not be deleted for good, in plain words; empty when it may. The order is
 * the order a person fixes them in: archive first, then what depends on it.
 */
export function deleteRefusals(f: DeleteFacts): string[] {
  const noun = KIND_NOUNS[f.kind];
  const out: string[] = [];
  if (!f.archived) out.push(`Archive this ${noun} first; only an archived record can be deleted.`);
  for (const u of f.citedBy) {
    out.push(
      `The published PMC update for FY ${u.fiscalYear} Q${u.quarter} cites this ${noun}. Published updates never change, so it stays (archived).`,
    );
  }
  for (const d of f.dependents) out.push(d);
  if (f.participants > 0) {
    out.push(
      `${f.participants} ${f.participants === 1 ? 'participant is' : 'participants are'} recorded in its sessions. They still count toward the Paperwork Reduction Act limit, so the activity stays (archived).`,
    );
  }
  return out;
}

/** The parts of a published snapshot that can name a record. */
export interface SnapshotRefs {
  portfolios: readonly {
    changes?: readonly { entityType: string; entityId: string }[];
    annotations?: Readonly<Record<string, string>>;
  }[];
  highlights?: unknown;
}

/**
 * Does a published PMC update name the record? Its list of changes names records by audit
 * entity type and id; its highlights and annotations (text an OMB lead wrote) can link to the
 * record's page. Both are frozen at publication, so either is a citation.
 */
export function snapshotCites(snap: SnapshotRefs, kind: ArchiveKind, id: number): boolean {
  const entityId = String(id);
  const path = new RegExp(`${escapeRegExp(recordPath(kind, id))}(?![0-9])`);
  return snap.portfolios.some(
    (p) =>
      (p.changes ?? []).some((c) => c.entityType === kind && c.entityId === entityId) ||
      path.test(JSON.stringify(p.annotations ?? {})),
  )
    ? true
    : path.test(JSON.stringify(snap.highlights ?? {}));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
