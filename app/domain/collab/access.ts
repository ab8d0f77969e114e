/**
 * Who may open a document written together live, and whether they may change it. The socket
 * asks this when a person connects and again before each change it applies, so a viewer's or a
 * stranger's change is refused on the server, and a plan made final while someone types becomes
 * read-only for them at their next keystroke.
 */
import { can, type UserRoles } from '../policy';
import { isEditable, type PlanStatus } from '../plans/status';
import type { UpdateStatus } from '../pmc/standing';

export type CollabAccess = 'write' | 'read' | 'none';

export type CollabRecord =
  | { kind: 'action_plan'; portfolioId: number; status: PlanStatus }
  | { kind: 'pmc_update'; status: UpdateStatus };

export function collabAccess(user: UserRoles | null, record: CollabRecord | null): CollabAccess {
  if (!user || !record) return 'none';
  if (record.kind === 'action_plan') {
    if (!can(user, 'portfolio.read', { portfolioId: record.portfolioId })) return 'none';
    return can(user, 'plan.edit', { portfolioId: record.portfolioId }) && isEditable(record.status)
      ? 'write'
      : 'read';
  }
  // An update's pages are open to everyone signed in; its text is OMB's to write until published
  // (a withdrawn update stays as it was published).
  if (!can(user, 'program.read')) return 'none';
  return can(user, 'pmc.manage') && record.status === 'draft' ? 'write' : 'read';
}

/**
 * The colour of a person's caret and name label in a shared document: one of six dark colours,
 * each with at least 7:1 contrast against the white label text (WCAG 1.4.3), chosen by their id
 * so a person keeps theirs.
 */
export const CARET_COLORS = ['#162e51', '#8b1303', '#1e4620', '#4c2c92', '#00506b', '#6f3331'];

export function caretColor(personId: number): string {
  return CARET_COLORS[Math.abs(personId) % CARET_COLORS.length]!;
}

/** A person as the others in a shared document see them: their name, in their caret's colour. */
export function collabPerson(person: { personId: number; name: string }): {
  name: string;
  color: string;
} {
  return { name: person.name, color: caretColor(person.personId) };
}
