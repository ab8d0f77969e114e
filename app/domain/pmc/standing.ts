/**
 * Where a PMC update stands (issue 19, point 3): a draft; published and frozen; or withdrawn by
 * an OMB lead with a reason, its snapshot kept as it was published. A withdrawn update can be
 * replaced by one correction, a new update of the same quarter that says what it corrects. A
 * quarter has at most one update that is not withdrawn (the database holds it too: migration 17).
 * Pure: the rules and the words the list, the update's page, compare and the exports show.
 */
import { formatDate } from '~/domain/portfolio/labels';

export type UpdateStatus = 'draft' | 'published' | 'withdrawn';

/** A reason or a correction's note: said in a sentence or a short paragraph. */
export const STANDING_TEXT_MIN = 10;
export const STANDING_TEXT_MAX = 1000;

/** How an update stands among the others of its quarter. */
export interface Lineage {
  withdrawn: { at: string; by: string | null; reason: string } | null;
  /** The withdrawn update this one corrects, and what this one corrects in it. */
  corrects: {
    id: number;
    publishedAt: string | null;
    withdrawnAt: string | null;
    note: string;
  } | null;
  /** The correction of this (withdrawn) update, once one is started. */
  correctedBy: { id: number; status: UpdateStatus; publishedAt: string | null } | null;
}

export const NO_LINEAGE: Lineage = { withdrawn: null, corrects: null, correctedBy: null };

/** The snapshot stays readable: a published or withdrawn update has one, a draft has not. */
export const isFrozen = (status: UpdateStatus) => status !== 'draft';

/** Only a published update is withdrawn; a draft is not yet out, a withdrawn one is already. */
export function withdrawRefusal(status: UpdateStatus): string | null {
  if (status === 'published') return null;
  return status === 'draft'
    ? 'This update is not published; there is nothing to withdraw.'
    : 'This update is already withdrawn.';
}

/**
 * Why a correction cannot be started from this update, or null when it can: it must be withdrawn,
 * not yet corrected, and its quarter must have no other standing update (a new draft started
 * after the withdrawal would be that quarter's update).
 */
export function correctionRefusal(input: {
  status: UpdateStatus;
  correctedBy: { id: number } | null;
  standing: { id: number; status: UpdateStatus } | null;
}): string | null {
  if (input.status !== 'withdrawn')
    return 'Only a withdrawn update is corrected: withdraw it first, saying why.';
  if (input.correctedBy) return 'This update already has a correction.';
  if (input.standing)
    return input.standing.status === 'draft'
      ? 'This quarter already has a draft update; finish that one instead.'
      : 'This quarter already has a published update.';
  return null;
}

/** Said as a sentence: a reason typed without its full stop gets one. */
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** "FY 2026 Q1", with "(withdrawn)" or "(correction)" where a quarter has more than one. */
export function updateName(u: {
  fiscalYear: number;
  quarter: number;
  status: UpdateStatus;
  correctsId: number | null;
}): string {
  const base = `FY ${u.fiscalYear} Q${u.quarter}`;
  if (u.status === 'withdrawn') return `${base} (withdrawn)`;
  return u.correctsId !== null ? `${base} (correction)` : base;
}

/** The status column of the list: what the update is, and when. */
export function statusText(u: {
  status: UpdateStatus;
  publishedAt: string | null;
  withdrawnAt: string | null;
  correctsId: number | null;
}): string {
  const published = u.publishedAt ? `published ${formatDate(u.publishedAt)}` : 'published';
  if (u.status === 'withdrawn')
    return `Withdrawn ${u.withdrawnAt ? formatDate(u.withdrawnAt) : ''} (was ${published})`;
  const correction = u.correctsId !== null ? ', a correction' : '';
  if (u.status === 'draft') return `Draft${correction}`;
  return `${published[0]!.toUpperCase()}${published.slice(1)}${correction}`;
}

/**
 * The sentences at the top of an update's page and on its exports' cover: that it was withdrawn
 * (when, by whom, why) and what replaced it; or what it corrects.
 */
export function lineageLines(l: Lineage): string[] {
  const lines: string[] = [];
  if (l.withdrawn) {
    const by = l.withdrawn.by ? ` by ${l.withdrawn.by}` : '';
    lines.push(
      `Withdrawn ${formatDate(l.withdrawn.at)}${by}: ${sentence(l.withdrawn.reason)} What was published is kept below, unchanged.`,
    );
  }
  if (l.correctedBy)
    lines.push(
      l.correctedBy.status === 'published' && l.correctedBy.publishedAt
        ? `Replaced by a correction published ${formatDate(l.correctedBy.publishedAt)}.`
        : 'A correction is being prepared.',
    );
  if (l.corrects) {
    const was = l.corrects.publishedAt ? ` published ${formatDate(l.corrects.publishedAt)}` : '';
    const withdrawn = l.corrects.withdrawnAt
      ? ` and withdrawn ${formatDate(l.corrects.withdrawnAt)}`
      : '';
    lines.push(`Corrects the update${was}${withdrawn}: ${sentence(l.corrects.note)}`);
  }
  return lines;
}
