/**
 * Sending the email outbox (issue 22, point 4; decision 038): claims a batch (app/commands/
 * outbox.ts), sends each message, marks it sent, or schedules the next try.
 */
import type { SendMailOptions } from 'nodemailer';
import type { DB } from '#db/client';
import { claimOutbox, markFailed, markSent, type Claimed } from '~/commands/outbox';
import { KIND_LABELS, type NotificationKind } from '~/domain/notifications/kinds';
import { renderNotificationMail } from '~/render/email/notification.server';
import type { MailConfig } from './config.server';

/** What sends one message: nodemailer's transport in the app, the same in tests. */
export type SendMail = (message: SendMailOptions) => Promise<unknown>;

/** One message for one claimed notification. */
export function messageFor(n: Claimed, config: MailConfig): SendMailOptions {
  const mail = renderNotificationMail({
    title: n.title,
    body: n.body,
    kind: KIND_LABELS[n.kind as NotificationKind] ?? n.kind,
    url: `${config.origin}${n.link}`,
    notificationsUrl: `${config.origin}/notifications`,
  });
  const host = new URL(config.origin).hostname || 'workspace.invalid';
  return {
    from: config.from,
    to: { name: n.name, address: n.email },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // The same id on every try: a mail system that got it once can tell a repeat.
    messageId: `<notification-${n.id}@${host}>`,
  };
}

/** Claims and sends one batch; returns how many were sent and how many failed this time. */
export async function drainOutbox(
  db: DB,
  send: SendMail,
  config: MailConfig,
  now: () => Date = () => new Date(),
): Promise<{ sent: number; failed: number }> {
  const claimed = await claimOutbox(db, {
    now: now(),
    limit: config.batch,
    leaseMs: config.leaseMs,
  });
  let sent = 0;
  let failed = 0;
  for (const n of claimed) {
    if (n.deactivated) {
      await markSent(db, n.id, now(), 'off');
      continue;
    }
    try {
      await send(messageFor(n, config));
    } catch (error) {
      failed += 1;
      await markFailed(db, {
        id: n.id,
        attempts: n.attempts,
        error: error instanceof Error ? error.message : String(error),
        now: now(),
        retryBaseMs: config.retryBaseMs,
      });
      continue;
    }
    sent += 1;
    await markSent(db, n.id, now());
  }
  return { sent, failed };
}
