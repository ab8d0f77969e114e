/**
 * Email for notifications (issue 22; decision 038): each serving process drains the outbox every
 * MAIL_POLL_MS through SMTP_URL (app/mail/), writes the calendar's reminders every hour
 * (app/commands/reminders.ts), and gathers the daily digests at the digest hour in the
 * workspace's time zone (croner); both also at start, for a moment it was down for. With no
 * SMTP_URL, nothing is sent: notifications and digests stay in the outbox, visible to OMB leads.
 */
import { Cron } from 'croner';
import nodemailer from 'nodemailer';
import { getDb } from '#db/client';
import { gatherDigests } from '~/commands/outbox';
import { sendReminders } from '~/commands/reminders';
import { digestPattern, lastDigestMoment } from '~/domain/notifications/digest';
import { mailConfig, type MailConfig } from '~/mail/config.server';
import { drainOutbox, type SendMail } from '~/mail/outbox.server';

/** Gathers the digests of the latest digest moment (again is harmless: one per person a day). */
export async function runDigests(config: MailConfig, now = new Date()): Promise<number> {
  const { at, date } = lastDigestMoment(now, config.timeZone, config.digestHour);
  return gatherDigests(getDb(), { at, key: date });
}

/**
 * Drains the outbox every poll while this process serves, and schedules the digests. A batch
 * that fills up is followed by the next at once. Returns a stop.
 */
export function startMailer(config: MailConfig = mailConfig()): () => void {
  const digest = async () => {
    try {
      await runDigests(config);
    } catch (error) {
      console.error('mail digest:', error);
    }
  };
  const remind = async () => {
    try {
      await sendReminders(getDb(), { now: new Date(), zone: config.timeZone });
    } catch (error) {
      console.error('reminders:', error);
    }
  };
  void remind().then(digest);
  const digests = new Cron(digestPattern(config.digestHour), { timezone: config.timeZone }, digest);
  // Reminders are checked hourly, so one due today goes out in the workspace's morning.
  const reminders = new Cron('5 * * * *', { timezone: config.timeZone }, remind);
  const stopSchedules = () => {
    digests.stop();
    reminders.stop();
  };
  if (!config.smtpUrl) return stopSchedules;
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
    stopSchedules();
    clearTimeout(timer);
    transport.close();
  };
}

/**
 * `node server.js mail-digest`: gathers every waiting digest now, without waiting for the digest
 * hour (after an outage, or to try the digest). The serving processes send it.
 */
export async function gatherDigestsNow(now = new Date()): Promise<number> {
  return gatherDigests(getDb(), { at: now, key: now.toISOString() });
}
