/**
 * Sending the email outbox (issue 22, point 4; decision 038): claims a batch (app/commands/
 * outbox.ts), sends each message, marks it sent, or schedules the next try.
 */
import type { SendMailOptions } from 'nodemailer';
import type { DB } from '#db/client';
import { digestItems } from '#db/queries/notifications';
import { claimOutbox, markFailed, markSent, type Claimed } from '~/commands/outbox';
import { DIGEST_KIND, groupDigest, type DigestItem } from '~/domain/notifications/digest';
import { KIND_LABELS, type NotificationKind } from '~/domain/notifications/kinds';
import { renderDigestMail, renderNotificationMail } from '~/render/email/notification.server';
import type { MailConfig } from './config.server';

/** What sends one message: nodemailer's transport in the app, the same in tests. */
export type SendMail = (message: SendMailOptions) => Promise<unknown>;

/**
 * One message for one claimed notification (a digest's with the items it gathered), with the
 * one-click unsubscribe headers of RFC 2369 and RFC 8058.
 */
export function messageFor(
  n: Claimed,
  config: MailConfig,
  items: readonly DigestItem[] = [],
): SendMailOptions {
  const unsubscribeUrl = n.unsubscribeToken
    ? `${config.origin}/unsubscribe/${n.unsubscribeToken}`
    : null;
  const common = {
    notificationsUrl: `${config.origin}/notifications`,
    settingsUrl: `${config.origin}/notifications/settings`,
    unsubscribeUrl,
  };
  const mail =
    n.kind === DIGEST_KIND
      ? renderDigestMail({
          ...common,
          title: n.title,
          groups: groupDigest(items).map((g) => ({
            ...g,
            items: g.items.map((i) => ({ ...i, url: `${config.origin}${i.link}` })),
          })),
        })
      : renderNotificationMail({
          ...common,
          title: n.title,
          body: n.body,
          kind: KIND_LABELS[n.kind as NotificationKind] ?? n.kind,
          url: `${config.origin}${n.link}`,
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
    headers: unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
    list: unsubscribeUrl ? { unsubscribe: unsubscribeUrl } : undefined,
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
      const items =
        n.kind === DIGEST_KIND
          ? (await digestItems(db, n.id)).map((i) => ({ ...i, createdAt: i.created_at }))
          : [];
      await send(messageFor(n, config, items));
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
