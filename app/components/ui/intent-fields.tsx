/**
 * The hidden fields a versioned edit form carries: which action it asks for (`intent`), the
 * version of the record it was opened at (so a stale save is refused), and any ids it needs.
 */
export function IntentFields({
  intent,
  version,
  extra,
}: {
  intent: string;
  version?: number;
  extra?: Record<string, string | number>;
}) {
  return (
    <>
      <input type="hidden" name="intent" value={intent} />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}
