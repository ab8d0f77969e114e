/**
 * Removals ask first (issue 16, point 8; docs/rules.md#saved-work-is-never-lost): a form
 * that removes a record posts `confirm=yes` only once the person has said yes — in the dialog
 * with JavaScript, on the confirmation page without it. Without that field the server removes
 * nothing and answers with the confirmation page instead. The audit trail keeps every removal.
 */

/** The field and value a confirmed removal carries. */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRM_VALUE = 'yes';
/** Cancel on a confirmation page that posts back what was typed (`cancelKeepsTyped`). */
export const CANCEL_VALUE = 'no';

/** What a removal takes away, in the words the dialog and the confirmation page use. */
export interface Removal {
  /** The record, as a phrase: `the stage “Apply”`. */
  what: string;
  /** What goes with it, one line each: `its 3 steps: Find, Apply, Wait`. */
  takes: string[];
  /** The confirm button: `Yes, remove the stage`. */
  confirm: string;
}

/** The confirmation page: the removal, the fields to post again, and where Cancel leads. */
export interface RemovalPrompt extends Removal {
  fields: [string, string][];
  cancelTo: string;
  /**
   * Cancel posts the fields back with `confirm=no`, so the form that asked comes back with what
   * was typed (an edit form, not a single Remove button). Otherwise Cancel links to `cancelTo`.
   */
  cancelKeepsTyped?: boolean;
}

/** True when the person chose Cancel on a confirmation page that keeps what was typed. */
export function isCancelled(form: { get(name: string): unknown }): boolean {
  return form.get(CONFIRM_FIELD) === CANCEL_VALUE;
}

/** True only when the form says the person confirmed the removal (`confirm=yes`, exactly). */
export function isConfirmed(form: { get(name: string): unknown }): boolean {
  return form.get(CONFIRM_FIELD) === CONFIRM_VALUE;
}
