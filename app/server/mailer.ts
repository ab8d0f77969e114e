/**
 * Email for notifications (issue 22; decision 038): each serving process drains the outbox every
 * MAIL_POLL_MS through SMTP_URL (app/mail/). With no SMTP_URL, nothing is sent and notifications
 * stay in the outbox, visible to OMB leads.
 */
import nodemailer from 'nodemailer';
import { getDb } from '#db/client';
import { mailConfig, type MailConfig } from '~/mail/config.server';
import { drainOutbox, type SendMail } from '~/mail/outbox.server';

/**
 * Drains the outbox every poll while this process serves; nothing when SMTP_URL is not set.
 * A batch that fills up is followed by the next at once. Returns a stop.
 */
export function startMailer(config: MailConfig = mailConfig()): () => void {
  if (!config.smtpUrl) return () => {};
  // One pool of kept-open connections: a batch does not open a connection per message.
  const transport = nodemailer.createTransport({ url: config.smtpUrl, pool: true });
  const send: SendMail = (message) => transport.sendMail(message);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      for (;;) {
        const { sent, failed } = await drainOutbox(getDb(), send, config);
        if (stopped || sent + failed < config.batch) break;
      }
    } catch (error) {
      console.error('mail:', error);
    }
    if (!stopped) timer = setTimeout(() => void run(), config.pollMs);
  };
  timer = setTimeout(() => void run(), 0);
  return () => {
    stopped = true;
    clearTimeout(timer);
    transport.close();
  };
}
