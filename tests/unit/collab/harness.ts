/**
 * What the co-editing tests share: a real server on a real socket (optionally relayed through
 * Redis), editors as people, and waiting for what should follow.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { startSession } from '~/auth/session.server';
import { registerLiveServer } from '~/collab/live.server';
import { createCollab, type CollabLimits } from '~/collab/server';
import { createPlan } from '~/commands/plans';
import type { DB } from '#db/client';
import { demoDb, userFor } from '../helpers';

export const ORIGIN = 'http://workspace.test';

export async function cookieFor(db: DB, email: string) {
  const person = await userFor(db, email);
  const header = await startSession(db, person.personId);
  return { cookie: header.split(';')[0]!, personId: person.personId };
}

export async function serve(
  db: DB,
  options: { limits?: Partial<CollabLimits>; redisUrl?: string; debounceMs?: number } = {},
) {
  const collab = createCollab({
    db,
    allowedOrigins: () => [ORIGIN],
    debounceMs: options.debounceMs ?? 50,
    maxDebounceMs: Math.max(200, options.debounceMs ?? 0),
    limits: options.limits,
    redisUrl: options.redisUrl,
  });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The server a person's change (a restore, a no-JavaScript save) goes through, as in the app.
  registerLiveServer(db, collab.live);
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`;
  const stop = async () => {
    registerLiveServer(db, null);
    await collab.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { collab, url, stop };
}

/** An editor connected as the person the cookie names, from `origin`. */
export function editor(url: string, name: string, cookie: string, origin = ORIGIN) {
  class Socket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: { cookie, origin } });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
  const provider = new HocuspocusProvider({ name, document: doc, websocketProvider: socket });
  provider.attach();
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  const denied = new Promise<string>((resolve) =>
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
  );
  /** The reason the server gave when it stopped taking this editor's changes. */
  const closed = new Promise<string>((resolve) =>
    provider.on('close', ({ event }: { event: { reason: string } }) => resolve(event.reason)),
  );
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { doc, provider, synced, denied, closed, close };
}

/** Types `text` as a new paragraph at the end of the plan, as tiptap's binding would. */
export function type(doc: Y.Doc, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

/** A document's name as the protocol writes it at the start of a message. */
export function encodeName(name: string) {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  return encoding.toUint8Array(e);
}

export const textOf = (doc: Y.Doc) => doc.getXmlFragment('default').toString();

export async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Whether the plan's stored JSON holds every one of `texts`. */
export async function planHas(db: DB, planId: number, texts: string[]) {
  const plan = await db
    .selectFrom('action_plans')
    .select('doc')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  return texts.every((t) => plan.doc.includes(t));
}

export const cleanups: (() => Promise<void> | void)[] = [];
/** Runs the cleanups registered since the last call, newest first (each test's afterEach). */
export async function cleanUp() {
  for (const c of cleanups.splice(0).reverse()) await c();
}

export async function setup() {
  const db = await demoDb();
  const lead = await cookieFor(db, 'portfolio.lead@example.gov');
  const member = await cookieFor(db, 'team.member@example.gov');
  const viewer = await cookieFor(db, 'viewer@example.gov');
  const portfolio = await db
    .selectFrom('portfolio_memberships')
    .select('portfolio_id')
    .where('person_id', '=', member.personId)
    .executeTakeFirstOrThrow();
  const planId = await createPlan(db, {
    portfolioId: portfolio.portfolio_id,
    fiscalYear: 2031,
    title: 'Co-edited plan',
    actorId: lead.personId,
  });
  return { db, lead, member, viewer, planId, name: `action_plan:${planId}` };
}
