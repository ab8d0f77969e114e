/** What the audit log records of a change: each changed field with its value before and after. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The fields whose values differ between `before` and `after` (either may be null for a
 * creation or a deletion). Bookkeeping fields (`version`, `updated_at`) are left out.
 */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChanges = {};
  for (const key of keys) {
    if (key === 'version' || key === 'updated_at' || key === 'created_at') continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/**
 * A stored audit row's `changes` read back: each field's before and after. A row that is not a
 * JSON object (a hand-edited or truncated one) reads as no changes rather than failing the page.
 */
export function parseFieldChanges(
  json: string,
): Record<string, { before?: unknown; after?: unknown }> {
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, { before?: unknown; after?: unknown }>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The kinds of record the audit log names. A change is recorded against one of these (and the
 * plain-language histories in app/domain/history/describe.ts say each one's sentence).
 */
export const ENTITY_TYPES = [
  'access_request',
  'access_review',
  'account',
  'action_plan',
  'burden_assessment',
  'calendar',
  'charter',
  'evaluation_plan',
  'invitation',
  'journey_map',
  'milestone',
  'pmc_update',
  'portfolio',
  'portfolio_agency',
  'pra_clearance',
  'project',
  'project_phase',
  'research_activity',
  'session',
  'setting',
  'success_measure',
  'survey_collection',
  'workspace',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** What was done, as the audit log records it: a closed list, so a typo cannot reach the log. */
export const AUDIT_ACTIONS = [
  'accept_invitation',
  'account_locked',
  'add_actual',
  'add_item',
  'add_segment',
  'add_session',
  'add_stage',
  'add_step',
  'annotate',
  'approve',
  'archive',
  'change_poc',
  'cite',
  'comment',
  'confirm_review',
  'copy',
  'create',
  'deactivate',
  'decision',
  'decline',
  'delete',
  'delete_item',
  'delete_segment',
  'delete_session',
  'delete_stage',
  'delete_step',
  'demo_accounts_created',
  'demo_accounts_removed',
  'details',
  'edit',
  'exclude',
  'highlights',
  'import',
  'invite',
  'item_order',
  'link_clearance',
  'link_identity',
  'move_stage',
  'move_step',
  'name_version',
  'order',
  'override',
  'override_item',
  'phase_advanced',
  'phase_answered',
  'phase_held',
  'phase_moved_back',
  'phase_override_advance',
  'phase_override_hold',
  'phase_reaffirmed',
  'phase_requested',
  'publish',
  'remove_access',
  'remove_actual',
  'rename_stage',
  'reopen',
  'report',
  'request_access',
  'resolve_comment',
  'restore',
  'revoke',
  'save',
  'save_item',
  'seed',
  'set_pmc_member',
  'sign',
  'sign_in',
  'sign_out',
  'start',
  'status',
  'update',
  'update_segment',
  'update_step',
  'withdraw',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * `name` as an audit action, for a form whose intent names the change it makes. A name outside
 * the list is a programming error (the form's schema lets only known intents through), so it
 * throws rather than writing a word the histories cannot read.
 */
export function asAuditAction(name: string): AuditAction {
  const found = AUDIT_ACTIONS.find((a) => a === name);
  if (!found) throw new Error(`Not an audit action: ${name}`);
  return found;
}
