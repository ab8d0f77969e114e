/**
 * Notification email under faults (issue 22), on a database of its own with a mail server of
 * its own (scripts/smtp-sink.mjs), so what is counted at that mail server is all there is:
 *
 * - the mail server down for a while, then back: every message delivered once;
 * - the app server killed (SIGKILL) while a message is half-sent, then started again: none lost,
 *   none twice;
 * - two app servers on one database, started together: each message, and each person's digest,
 *   sent by one of them, once.
 *
 * The notifications are written straight into the outbox (illustrative rows for a demo person):
 * what happens upstream is the user-flow tests'.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Kysely } from 'kysely';
import { expect, test } from '@playwright/test';
import { isPostgresUrl } from '#db/dialect';
import { openDatabase } from '#db/client';
import type { Database } from '#db/schema';
import { createDatabase } from '../../scripts/pg-cluster.mjs';
import { spawnSmtpSink, type ThrowawaySmtpSink } from '../../scripts/smtp-sink.mjs';
import { E2E_DATABASE, E2E_PORT } from '../../playwright.config';

const PORTS = [E2E_PORT + 5, E2E_PORT + 6];
const SMTP_PORT = E2E_PORT + 7;
const ROOT = path.resolve('tests/.tmp/mail-faults');
const VIEWER = 'viewer@example.gov';

test.describe.configure({ mode: 'serial' });

let databaseUrl = '';
let db: Kysely<Database>;
let sink: ThrowawaySmtpSink | undefined;
const servers: ChildProcess[] = [];
let run = 0;
let mailDir = '';

test.beforeAll(async () => {
  fs.rmSync(ROOT, { recursive: true, force: true });
  fs.mkdirSync(ROOT, { recursive: true });
  databaseUrl = isPostgresUrl(E2E_DATABASE)
    ? await createDatabase(
        Object.assign(new URL(E2E_DATABASE), { pathname: '/postgres' }).toString(),
        'mail_faults',
      )
    : path.join(ROOT, 'workspace.db');
  // The first server prepares (migrates and seeds) the database; the tests start their own.
  const first = await startServer(0, { MAIL_POLL_MS: '100000' });
  await stopServer(first, 'SIGTERM');
  db = openDatabase(databaseUrl, { poolSize: 2 });
});

test.afterAll(async () => {
  for (const s of servers) if (s.exitCode === null) s.kill('SIGKILL');
  await sink?.stop();
  await db?.destroy();
});

test.beforeEach(async () => {
  run += 1;
  mailDir = path.join(ROOT, `mail-${run}`);
  await db.deleteFrom('notifications').execute();
});

function startServer(index: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const port = PORTS[index]!;
  const child = spawn('node', ['server.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      LOG_REQUESTS: 'off',
      DEMO_ACCOUNTS: 'on',
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      MAIL_POLL_MS: '100',
      MAIL_BATCH: '5',
      MAIL_RETRY_BASE_MS: '300',
      MAIL_LEASE_MS: '1500',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  servers.push(child);
  return (async () => {
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the server on ${port} exited`);
      const up = await fetch(`http://localhost:${port}/login`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return child;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server on ${port} did not start`);
  })();
}

function stopServer(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill(signal);
  });
}

async function startSink(holdMs = 0) {
  sink = await spawnSmtpSink({ dir: mailDir, port: SMTP_PORT, holdMs });
}

async function stopSink() {
  await sink?.stop();
  sink = undefined;
}

/** `n` notifications for the viewer, waiting to be emailed (or for the digest). */
async function queue(n: number, status: 'pending' | 'digest' = 'pending', createdAt = new Date()) {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', VIEWER)
    .executeTakeFirstOrThrow();
  const at = createdAt.toISOString();
  await db
    .insertInto('notifications')
    .values(
      Array.from({ length: n }, (_, i) => ({
        person_id: person.id,
        kind: 'plan_final',
        source: `mail-faults:${run}:${i}`,
        title: `Illustrative notification ${i + 1} of ${n}`,
        body: 'Illustrative, for the mail fault tests.',
        link: '/notifications',
        portfolio_id: null,
        created_at: at,
        email_status: status,
        email_next_at: status === 'pending' ? at : null,
        unsubscribe_token: `mailFaults${run}x${String(i).padStart(6, '0')}`.padEnd(32, '0'),
      })),
    )
    .execute();
}

/** The messages the mail server kept: each one's Message-ID and subject. */
async function received() {
  const files = fs.existsSync(mailDir)
    ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml'))
    : [];
  return Promise.all(
    files.map(async (f) => {
      const mail = await simpleParser(fs.readFileSync(path.join(mailDir, f)));
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      return {
        id: mail.messageId ?? '',
        subject: mail.subject ?? '',
        to: to.flatMap((t) => t.value.map((v) => v.address)).join(','),
      };
    }),
  ).then((mails) => mails.filter((m) => m.to === VIEWER));
}

const statuses = async () =>
  Object.fromEntries(
    (
      await db
        .selectFrom('notifications')
        .innerJoin('people', 'people.id', 'notifications.person_id')
        .select(['email_status', (eb) => eb.fn.countAll<number>().as('n')])
        // The calendar's own reminders, written when a server starts, are not these tests'.
        .where('people.email', '=', VIEWER)
        .groupBy('email_status')
        .execute()
    ).map((r) => [r.email_status, Number(r.n)]),
  );

test('the mail server down for a while, then back: every message delivered once', async () => {
  test.setTimeout(90_000);
  const server = await startServer(0);
  await queue(20);
  // Down: every message is tried, refused at the door, and kept for a later try.
  await expect
    .poll(async () =>
      Number(
        (
          await db
            .selectFrom('notifications')
            .select((eb) => eb.fn.min<number>('email_attempts').as('n'))
            .where('source', 'like', 'mail-faults:%')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    )
    .toBeGreaterThanOrEqual(1);
  expect(await statuses()).toEqual({ pending: 20 });
  expect(await received()).toEqual([]);
  // Back: every message arrives, once.
  await startSink();
  await expect.poll(statuses, { timeout: 30_000 }).toEqual({ sent: 20 });
  const mails = await received();
  expect(mails).toHaveLength(20);
  expect(new Set(mails.map((m) => m.id)).size).toBe(20);
  await stopServer(server, 'SIGTERM');
  await stopSink();
});

test('the app server killed mid-batch and started again: nothing lost, nothing twice', async () => {
  test.setTimeout(90_000);
  // A slow mail server: each message waits 400 ms before it is accepted.
  await startSink(400);
  await queue(12);
  const server = await startServer(0);
  // Killed while the mail server holds a message, after some were accepted.
  const holding = path.join(mailDir, '.holding');
  await expect
    .poll(async () => (await received()).length >= 3 && fs.existsSync(holding), {
      intervals: [20],
      timeout: 30_000,
    })
    .toBe(true);
  await stopServer(server, 'SIGKILL');
  const before = await statuses();
  expect(before.sending ?? 0).toBeGreaterThan(0);
  // Started again: the killed batch's messages are claimed again once their lease ends.
  const again = await startServer(0);
  await expect.poll(statuses, { timeout: 45_000 }).toEqual({ sent: 12 });
  const mails = await received();
  expect(mails).toHaveLength(12);
  expect(new Set(mails.map((m) => m.id)).size).toBe(12);
  await stopServer(again, 'SIGTERM');
  await stopSink();
});

test('two app servers on one database: each message and each digest sent once', async () => {
  test.setTimeout(90_000);
  await startSink();
  await queue(40);
  // Waiting for the digest since yesterday: each server gathers it when it starts.
  const yesterday = new Date(Date.now() - 36 * 60 * 60 * 1000);
  run += 1;
  await queue(6, 'digest', yesterday);
  const both = await Promise.all([startServer(0), startServer(1)]);
  await expect.poll(statuses, { timeout: 45_000 }).toEqual({ sent: 41, digested: 6 });
  const mails = await received();
  expect(mails).toHaveLength(41);
  expect(new Set(mails.map((m) => m.id)).size).toBe(41);
  expect(mails.filter((m) => m.subject.includes('summary'))).toEqual([
    expect.objectContaining({
      subject: 'Your Life Experience Workspace summary: 6 notifications',
    }),
  ]);
  await Promise.all(both.map((s) => stopServer(s, 'SIGTERM')));
  await stopSink();
});
