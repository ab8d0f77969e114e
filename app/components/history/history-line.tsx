import { Link } from '~/components/ui/link';
import type { AuditSentence } from '~/domain/history/describe';

/** "Luis Ortega (USDA) answered … project “X” (linked): Concur." — one history sentence. */
export function HistorySentence({ line }: { line: AuditSentence }) {
  const body =
    `${line.who} ${line.did}${line.target ? ` ${line.target.text}` : ''}${line.rest}`.trim();
  return (
    <>
      <strong>{line.who}</strong> {line.did}
      {line.target ? (
        <>
          {' '}
          {line.target.href ? (
            <Link to={line.target.href}>{line.target.text}</Link>
          ) : (
            line.target.text
          )}
        </>
      ) : null}
      {line.rest}
      {line.sentence.slice(body.length)}
    </>
  );
}

/** A moment as the history shows it: the viewer's zone written out, the ISO value for machines. */
export function HistoryTime({ at, when }: { at: string; when: string }) {
  return <time dateTime={at}>{when}</time>;
}
