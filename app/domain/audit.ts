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
