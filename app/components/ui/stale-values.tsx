import { formatDateTime } from '~/domain/history/time';
import { useTimeZone } from '~/lib/time-zone';

/**
 * After a stale save: the values now saved, beside the person's own (still in the form). When
 * it was saved reads as a moment in the viewer's zone (Eastern by default) with its zone (app/domain/history/time.ts).
 */
export function StaleValues({
  current,
  labels,
  format,
}: {
  current: Record<string, unknown>;
  labels: Record<string, string>;
  format?: (key: string, value: unknown) => string;
}) {
  const zone = useTimeZone();
  return (
    <section
      aria-labelledby="stale-heading"
      className="bg-base-lightest padding-2 margin-y-2 radius-md"
    >
      <h2 id="stale-heading" className="margin-top-0 font-heading-md">
        The saved values now
      </h2>
      <dl>
        {Object.entries(labels).map(([key, label]) => {
          const value = current[key];
          const shown = format
            ? format(key, value)
            : value === null || value === ''
              ? '(empty)'
              : key === 'updated_at' && typeof value === 'string'
                ? formatDateTime(value, zone)
                : String(value);
          return (
            <div key={key} className="margin-bottom-1">
              <dt className="text-bold">{label}</dt>
              <dd className="margin-left-0" style={{ whiteSpace: 'pre-wrap' }}>
                {shown}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
