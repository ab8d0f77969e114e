/**
 * Notification email against a real SMTP server (smtp-server on a free port): the message as a
 * POC receives it, a mail server down for a while then back, giving up after the last try, and
 * two app servers draining one outbox at once, each message counted at the SMTP server.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { setEmailPreferences, unsubscribe } from '~/commands/notifications';
import { gatherDigests } from '~/commands/outbox';
import { applyGateEvent } from '~/commands/phases';
import { MAX_ATTEMPTS } from '~/domain/notifications/delivery';
import { mailConfig } from '~/mail/config.server';
import { drainOutbox, type SendMail } from '~/mail/outbox.server';
import { openDatabase } from '#db/client';
import {
  demoDb,
  designRequested,
  newPostgresDatabase,
  onPostgres,
  projectId,
  userFor,
} from '../helpers';

const YOUNG_FAMILIES = 'Supporting young families: ideas from international models';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A real SMTP server keeping what it receives; `down` makes it refuse every message. */
async function smtpSink() {
  const received: ParsedMail[] = [];
  const state = { down: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (state.down) {
        stream.resume();
        stream.on('end', () => callback(new Error('451 Try again later')));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ url: `smtp://127.0.0.1:${port}`, pool: true });
  const send: SendMail = (message) => transport.sendMail(message);
  stops.push(async () => {
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { received, state, send };
}

const config = mailConfig({
  SMTP_URL: 'smtp://127.0.0.1:1',
  APP_ORIGIN: 'https://workspace.example.gov',
  MAIL_BATCH: '2',
  MAIL_RETRY_BASE_MS: '1000',
});

/** `n` illustrative waiting requests for each of `people`, in the outbox state `state`. */
const illustrative = (
  n: number,
  people: readonly { id: number }[],
  state: { created_at: string; email_status: string; email_next_at?: string },
) =>
  Array.from({ length: n }, (_, i) =>
    people.map((p) => ({
      person_id: p.id,
      kind: 'phase_request_waiting',
      source: `phase_request:${i + 1}`,
      title: `Request ${i + 1}`,
      body: 'Illustrative request for this test.',
      link: '/reviews',
      portfolio_id: null,
      ...state,
    })),
  ).flat();

const statuses = async (db: Awaited<ReturnType<typeof demoDb>>) =>
  (
    await db
      .selectFrom('notifications')
      .select(['email_status', 'email_attempts'])
      .orderBy('id')
      .execute()
  ).map((r) => `${r.email_status}/${r.email_attempts}`);

describe('notification email', () => {
  it('reaches each POC: an accessible message with a working link, no images, once', async () => {
    const { db, id } = await designRequested();
    const sink = await smtpSink();
    expect(await drainOutbox(db, sink.send, config)).toEqual({ sent: 2, failed: 0 });
    expect(await drainOutbox(db, sink.send, config)).toEqual({ sent: 0, failed: 0 });
    expect(sink.received.map((m) => m.to && 'text' in m.to && m.to.text).sort()).toEqual([
      '"Elena Petrova" <hhs.poc@example.gov>',
      '"Luis Ortega" <agency.poc@example.gov>',
    ]);
    const mail = sink.received.find((m) => m.text?.includes('Health and Human Services'))!;
    expect(mail.subject).toBe(
      `${YOUNG_FAMILIES}: Department of Health and Human Services is asked to concur with moving to Design`,
    );
    const link = `https://workspace.example.gov/projects/${id}/phase`;
    expect(mail.html).toContain(`<h1`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html).toContain('Open this in the Life Experience Workspace');
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.text).toContain(link);
    expect(mail.messageId).toMatch(/^<notification-\d+@workspace\.example\.gov>$/);
    expect(await statuses(db)).toEqual(['sent/1', 'sent/1']);
  });

  it('the mail server down for a while, then back: each message delivered once', async () => {
    const { db } = await designRequested();
    const sink = await smtpSink();
    sink.state.down = true;
    let now = new Date();
    const clock = () => now;
    expect(await drainOutbox(db, sink.send, config, clock)).toEqual({ sent: 0, failed: 2 });
    expect(await statuses(db)).toEqual(['pending/1', 'pending/1']);
    // Not due yet: nothing is tried before the wait.
    expect(await drainOutbox(db, sink.send, config, clock)).toEqual({ sent: 0, failed: 0 });
    sink.state.down = false;
    now = new Date(now.getTime() + 1000);
    expect(await drainOutbox(db, sink.send, config, clock)).toEqual({ sent: 2, failed: 0 });
    now = new Date(now.getTime() + 60_000);
    expect(await drainOutbox(db, sink.send, config, clock)).toEqual({ sent: 0, failed: 0 });
    expect(sink.received).toHaveLength(2);
    expect(await statuses(db)).toEqual(['sent/2', 'sent/2']);
  });

  it('after the last try it is given up, with the reason, for an OMB lead to see', async () => {
    const { db } = await designRequested();
    const sink = await smtpSink();
    sink.state.down = true;
    let now = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await drainOutbox(db, sink.send, config, () => now);
      now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    }
    expect(await statuses(db)).toEqual([`failed/${MAX_ATTEMPTS}`, `failed/${MAX_ATTEMPTS}`]);
    const row = await db
      .selectFrom('notifications')
      .select('email_error')
      .executeTakeFirstOrThrow();
    expect(row.email_error).toContain('Try again later');
    expect(await drainOutbox(db, sink.send, config, () => now)).toEqual({ sent: 0, failed: 0 });
  });

  it('a server that died while sending: its messages are sent once the lease ends', async () => {
    const { db } = await designRequested();
    const sink = await smtpSink();
    const now = new Date();
    // A send that never returns stands for the process dying mid-batch: the rows stay claimed.
    const dying: SendMail = () => new Promise(() => {});
    void drainOutbox(db, dying, { ...config, batch: 1 }, () => now);
    await new Promise((r) => setTimeout(r, 100));
    expect(await drainOutbox(db, sink.send, config, () => now)).toEqual({ sent: 1, failed: 0 });
    const later = new Date(now.getTime() + config.leaseMs);
    expect(await drainOutbox(db, sink.send, config, () => later)).toEqual({ sent: 1, failed: 0 });
    expect(sink.received).toHaveLength(2);
  });

  it.runIf(onPostgres)(
    'two app servers draining one outbox at once send each message exactly once',
    async () => {
      const url = await newPostgresDatabase('demo');
      const setupDb = openDatabase(url, { poolSize: 2 });
      const servers = [openDatabase(url, { poolSize: 4 }), openDatabase(url, { poolSize: 4 })];
      stops.push(async () => {
        await Promise.all([setupDb, ...servers].map((d) => d.destroy()));
      });
      // 60 notifications for the two POCs, as 30 requests would make.
      const pocs = await setupDb
        .selectFrom('people')
        .select('id')
        .where('email', 'in', ['hhs.poc@example.gov', 'agency.poc@example.gov'])
        .execute();
      const at = new Date().toISOString();
      await setupDb
        .insertInto('notifications')
        .values(
          illustrative(30, pocs, { created_at: at, email_status: 'pending', email_next_at: at }),
        )
        .execute();
      const sink = await smtpSink();
      const drainAll = async (db: (typeof servers)[number]) => {
        for (;;) {
          const { sent } = await drainOutbox(db, sink.send, { ...config, batch: 5 });
          if (sent === 0) return;
        }
      };
      await Promise.all(servers.map(drainAll));
      const ids = sink.received.map((m) => m.messageId);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
    },
    30_000,
  );

  it('a daily digest gathers the day’s notifications into one message, once', async () => {
    const db = await demoDb();
    const id = await projectId(db, YOUNG_FAMILIES);
    const poc = await userFor(db, 'agency.poc@example.gov');
    await setEmailPreferences(db, {
      personId: poc.personId,
      choices: { phase_request_waiting: 'digest' },
    });
    const team = await userFor(db, 'team.member@example.gov');
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
    });
    const sink = await smtpSink();
    // Elena Petrova (HHS) chose nothing: hers goes at once; Luis Ortega's waits for the digest.
    expect(await drainOutbox(db, sink.send, config)).toEqual({ sent: 1, failed: 0 });
    // A second waiting notification for him (illustrative) on the same day.
    await db
      .insertInto('notifications')
      .values({
        person_id: poc.personId,
        kind: 'plan_in_review',
        source: 'illustrative:1',
        title: 'An illustrative plan was sent for review',
        body: 'Illustrative.',
        link: '/plans',
        portfolio_id: null,
        created_at: new Date().toISOString(),
        email_status: 'digest',
      })
      .execute();
    const at = new Date(Date.now() + 1000);
    expect(await gatherDigests(db, { at, key: '2026-12-06' })).toBe(1);
    expect(await gatherDigests(db, { at, key: '2026-12-06' })).toBe(0);
    expect(await drainOutbox(db, sink.send, config, () => at)).toEqual({ sent: 1, failed: 0 });
    expect(sink.received).toHaveLength(2);
    const digest = sink.received.find((m) => m.subject?.includes('summary'))!;
    expect(digest.subject).toBe('Your Life Experience Workspace summary: 2 notifications');
    expect(digest.html).toContain('<h2');
    expect(digest.html).toContain('A phase request waits for your agency’s answer (1)');
    expect(digest.html).toContain(`href="https://workspace.example.gov/projects/${id}/phase"`);
    expect(digest.text).toContain('An illustrative plan was sent for review');
    const header = (key: string) =>
      (digest.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https:\/\/workspace\.example\.gov\/unsubscribe\/[\w-]{32}>$/,
    );
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    // The digest is an email only: the workspace lists what it gathered.
    const listed = await db
      .selectFrom('notifications')
      .select('kind')
      .where('person_id', '=', poc.personId)
      .where('kind', '=', 'daily_digest')
      .where('read_at', 'is', null)
      .execute();
    expect(listed).toEqual([]);
  });

  it('preferences are kept: off sends nothing, and an only POC cannot turn a request off', async () => {
    const db = await demoDb();
    const id = await projectId(db, YOUNG_FAMILIES);
    const poc = await userFor(db, 'agency.poc@example.gov');
    await expect(
      setEmailPreferences(db, {
        personId: poc.personId,
        choices: { phase_request_waiting: 'off' },
      }),
    ).rejects.toThrow(/cannot be turned off/);
    const team = await userFor(db, 'team.member@example.gov');
    await setEmailPreferences(db, {
      personId: team.personId,
      choices: { phase_request_answered: 'off', phase_request_decided: 'off' },
    });
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
    });
    await applyGateEvent(db, {
      projectId: id,
      user: poc,
      event: { type: 'answer', agencyId: poc.agencyId!, answer: 'concur', comment: '' },
    });
    const rows = await db
      .selectFrom('notifications')
      .select(['kind', 'email_status'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => `${r.kind}:${r.email_status}`)).toEqual([
      'phase_request_waiting:pending',
      'phase_request_waiting:pending',
      'phase_request_answered:off',
    ]);
  });

  it('one-click unsubscribe turns that kind off; an only POC’s request stays on', async () => {
    const { db } = await designRequested();
    const token = async (email: string) =>
      (
        await db
          .selectFrom('notifications')
          .innerJoin('people', 'people.id', 'notifications.person_id')
          .select('unsubscribe_token')
          .where('people.email', '=', email)
          .executeTakeFirstOrThrow()
      ).unsubscribe_token!;
    const done = await unsubscribe(db, { token: await token('agency.poc@example.gov') });
    expect(done.toStop).toEqual([]);
    expect(done.kept).toEqual(['phase_request_waiting']);
    await expect(unsubscribe(db, { token: 'x'.repeat(32) })).rejects.toThrow(/not known/);
  });

  it.runIf(onPostgres)(
    'two app servers gathering the same digest moment make one digest per person',
    async () => {
      const url = await newPostgresDatabase('demo');
      const servers = [openDatabase(url, { poolSize: 4 }), openDatabase(url, { poolSize: 4 })];
      stops.push(async () => {
        await Promise.all(servers.map((d) => d.destroy()));
      });
      const pocs = await servers[0]!
        .selectFrom('people')
        .select('id')
        .where('email', 'in', ['hhs.poc@example.gov', 'agency.poc@example.gov'])
        .execute();
      const created = new Date(Date.now() - 60_000).toISOString();
      await servers[0]!
        .insertInto('notifications')
        .values(illustrative(10, pocs, { created_at: created, email_status: 'digest' }))
        .execute();
      const at = new Date();
      const made = await Promise.all(
        servers.map((db) => gatherDigests(db, { at, key: '2026-12-06' })),
      );
      expect(made.reduce((a, b) => a + b, 0)).toBe(2);
      const sink = await smtpSink();
      await Promise.all(servers.map((db) => drainOutbox(db, sink.send, config)));
      expect(sink.received.map((m) => m.subject)).toEqual([
        'Your Life Experience Workspace summary: 10 notifications',
        'Your Life Experience Workspace summary: 10 notifications',
      ]);
    },
    30_000,
  );
});
