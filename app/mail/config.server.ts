/**
 * Notification email settings, read once from the environment (README, "Configuration";
 * decision 038). With no SMTP_URL, notifications stay in the outbox and the workspace runs as
 * before.
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '~/domain/history/time';

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const MailEnv = z.object({
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Life Experience Workspace <no-reply@workspace.invalid>'),
  /** Where links in messages point: the first of APP_ORIGIN, else this server on localhost. */
  APP_ORIGIN: z.string().optional(),
  PORT: z.string().optional(),
  MAIL_POLL_MS: positive(5000),
  MAIL_BATCH: positive(50),
  /** The first retry's wait; later ones are multiples (app/domain/notifications/delivery.ts). */
  MAIL_RETRY_BASE_MS: positive(60_000),
  /** How long a claimed message is held by the server sending it before another may. */
  MAIL_LEASE_MS: positive(5 * 60_000),
  /** The workspace's time zone: digests and reminders keep its days (Washington's by default). */
  WORKSPACE_TIME_ZONE: z
    .string()
    .refine(isZone, 'WORKSPACE_TIME_ZONE must be an IANA time zone such as America/New_York')
    .default(DEFAULT_TIME_ZONE),
  /** The hour (0–23, workspace time) the daily digest is sent. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export interface MailConfig {
  smtpUrl: string | null;
  from: string;
  origin: string;
  pollMs: number;
  batch: number;
  retryBaseMs: number;
  leaseMs: number;
  timeZone: string;
  digestHour: number;
}

/** The mail settings from the environment; a bad one stops the server at start, by name. */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = MailEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const origin =
    e.APP_ORIGIN?.split(',')[0]?.trim().replace(/\/$/, '') || `http://localhost:${e.PORT ?? 3000}`;
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: e.MAIL_FROM,
    origin,
    pollMs: e.MAIL_POLL_MS,
    batch: e.MAIL_BATCH,
    retryBaseMs: e.MAIL_RETRY_BASE_MS,
    leaseMs: e.MAIL_LEASE_MS,
    timeZone: e.WORKSPACE_TIME_ZONE,
    digestHour: e.DIGEST_HOUR,
  };
}
