import { ARCHIVE_KINDS, type ArchiveKind } from '~/domain/archive';
import { can, type Action, type UserRoles } from '~/domain/policy';
import { archivableRecord, archiveInfo, type ArchiveInfo } from '#db/queries/archive';
import { findAuthorized, type RequestArgs } from '~/web/context.server';
import type { DB } from '#db/client';

/** Who may archive and restore each kind: the people who may edit it. */
export const EDIT_ACTION: Record<ArchiveKind, Action> = {
  journey_map: 'journey.edit',
  burden_assessment: 'burden.edit',
  research_activity: 'research.edit',
};

/** The kind of record a URL names, by its parameter (one route module serves the three). */
function kindOf(params: Record<string, string | undefined>): { kind: ArchiveKind; id: string } {
  if (params.mapId !== undefined) return { kind: 'journey_map', id: params.mapId };
  if (params.assessmentId !== undefined)
    return { kind: 'burden_assessment', id: params.assessmentId };
  return { kind: 'research_activity', id: params.activityId ?? '' };
}

/** The signed-in person and the record the URL names, authorized for `action` ('edit': its kind's). */
export async function loadArchivable(
  args: RequestArgs,
  params: Record<string, string | undefined>,
  action: 'edit' | 'record.delete',
) {
  const { kind, id } = kindOf(params);
  const { user, record } = await findAuthorized(
    args,
    id,
    action === 'edit' ? EDIT_ACTION[kind] : action,
    (db, n) => archivableRecord(db, kind, n),
    (r) => r.portfolio_id,
  );
  return { user, kind, record };
}

/** Where a kind's list is, for a record of it. */
export function listPath(
  kind: ArchiveKind,
  r: { portfolio_slug: string; project_id: number | null },
): string {
  if (kind === 'journey_map') return `/portfolios/${r.portfolio_slug}/journeys`;
  if (kind === 'burden_assessment') return `/portfolios/${r.portfolio_slug}/burden`;
  return `/projects/${r.project_id}/research`;
}

/** What a record's own page needs to show its archive state and controls. */
export interface ArchiveState {
  info: ArchiveInfo | null;
  mayArchive: boolean;
  mayDelete: boolean;
}

export async function archiveState(
  db: DB,
  user: UserRoles,
  kind: ArchiveKind,
  id: number,
  portfolioId: number,
): Promise<ArchiveState> {
  const target = { portfolioId };
  return {
    info: await archiveInfo(db, kind, id),
    mayArchive: can(user, EDIT_ACTION[kind], target),
    mayDelete: can(user, 'record.delete', target),
  };
}

/** A list page's archive query: `?archived=1` shows archived records too; `?deleted=<kind>`. */
export function listQuery(request: Request): {
  showArchived: boolean;
  deleted: ArchiveKind | null;
} {
  const url = new URL(request.url);
  const deleted = url.searchParams.get('deleted');
  return {
    showArchived: url.searchParams.get('archived') === '1',
    deleted: ARCHIVE_KINDS.find((k) => k === deleted) ?? null,
  };
}
