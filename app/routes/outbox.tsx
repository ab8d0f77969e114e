import type { Route } from './+types/outbox';
import { Alert } from '~/components/ui/alert';
import { Table } from '~/components/ui/table';
import { formatDateTime } from '~/domain/history/time';
import { MAX_ATTEMPTS } from '~/domain/notifications/delivery';
import { pluralize } from '~/domain/plural';
import { mailConfig } from '~/mail/config.server';
import { outboxCounts, outboxRows } from '#db/queries/notifications';
import { dbOf, requireUser } from '~/web/context.server';
import { authorize } from '~/web/toolkit.server';

export const meta: Route.MetaFunction = () => [
  { title: 'Notification email | Life Experience Workspace' },
];

const SHOWN = 50;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser({ request, context });
  authorize(user, 'mail.outbox');
  const db = dbOf(context);
  const [counts, failed, waiting] = await Promise.all([
    outboxCounts(db),
    outboxRows(db, 'failed', SHOWN),
    outboxRows(db, 'pending', SHOWN),
  ]);
  const row = (r: (typeof failed)[number]) => ({
    id: r.id,
    title: r.title,
    to: `${r.name} <${r.email}>`,
    written: formatDateTime(r.created_at, user.timeZone),
    attempts: r.email_attempts,
    next: r.email_next_at ? formatDateTime(r.email_next_at, user.timeZone) : null,
    error: r.email_error,
  });
  return {
    configured: mailConfig().smtpUrl !== null,
    sent: counts.sent ?? 0,
    off: counts.off ?? 0,
    forDigest: counts.digest ?? 0,
    digested: counts.digested ?? 0,
    waitingCount: (counts.pending ?? 0) + (counts.sending ?? 0),
    failedCount: counts.failed ?? 0,
    failed: failed.map(row),
    waiting: waiting.map(row),
  };
}

type Row = Awaited<ReturnType<typeof loader>>['failed'][number];

function OutboxTable({ label, rows, next }: { label: string; rows: Row[]; next: boolean }) {
  return (
    <Table label={label}>
      <caption className="usa-sr-only">{label}</caption>
      <thead>
        <tr>
          <th scope="col">Notification</th>
          <th scope="col">To</th>
          <th scope="col">Written</th>
          <th scope="col" className="text-right">
            Tries
          </th>
          <th scope="col">{next ? 'Next try' : 'Last error'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.title}</th>
            <td>{r.to}</td>
            <td>{r.written}</td>
            <td className="text-right">{r.attempts}</td>
            <td>{next ? (r.next ?? 'Now') : (r.error ?? 'No reason was given.')}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { configured, sent, off, forDigest, digested, waitingCount, failedCount, failed, waiting } =
    loaderData;
  return (
    <>
      <h1>Notification email</h1>
      <p className="usa-intro">
        Notifications are emailed as each person chose: at once, in a daily summary, or not at all.
        This page shows what is waiting to be sent and what could not be sent after {MAX_ATTEMPTS}{' '}
        tries.
      </p>
      {configured ? null : (
        <Alert type="info" heading="No mail server is configured">
          Notifications are shown in the workspace only; their emails wait here until SMTP_URL names
          a mail server (README, Configuration).
        </Alert>
      )}
      <ul className="usa-list">
        <li>{pluralize(sent, 'email')} sent</li>
        <li>{pluralize(waitingCount, 'email')} waiting to be sent</li>
        <li>{pluralize(failedCount, 'email')} not sent after the last try</li>
        <li>
          {pluralize(forDigest, 'notification')} waiting for the next daily summary, and{' '}
          {pluralize(digested, 'notification')} gathered into summaries
        </li>
        <li>
          {pluralize(off, 'email')} not sent because the person chose no email for that kind, or
          their access was turned off
        </li>
      </ul>
      <h2>Not sent after the last try</h2>
      {failed.length === 0 ? (
        <p>None.</p>
      ) : (
        <OutboxTable
          label="Emails not sent after the last try, newest first"
          rows={failed}
          next={false}
        />
      )}
      <h2>Waiting to be sent</h2>
      {waiting.length === 0 ? (
        <p>None.</p>
      ) : (
        <OutboxTable label="Emails waiting to be sent, oldest first" rows={waiting} next />
      )}
      {failedCount > failed.length || waitingCount > waiting.length ? (
        <p>The {SHOWN} most relevant of each are shown.</p>
      ) : null}
    </>
  );
}
