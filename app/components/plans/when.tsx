import { formatDateTime } from '~/domain/history/time';
import { useTimeZone } from '~/lib/time-zone';

/** When a comment was made or resolved, or a version saved: the viewer's zone, shown. */
export function When({ iso }: { iso: string }) {
  const zone = useTimeZone();
  return <time dateTime={iso}>{formatDateTime(iso, zone)}</time>;
}
