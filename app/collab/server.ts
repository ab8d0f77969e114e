/**
 * Live co-editing (issue 18): a Hocuspocus server on the workspace's own HTTP server, at
 * `/collab`, same origin. It decides nothing the policy does not: a person connects with their
 * session cookie from a page of the workspace; `collabAccess` says whether they read or write,
 * and is asked again before each change is applied. Every change is stored before the editor is
 * told it arrived (see app/commands/collab.ts), so a crash loses nothing acknowledged.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Throttle } from '@hocuspocus/extension-throttle';
import {
  Hocuspocus,
  type Connection,
  type Document,
  type onConnectPayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { userFromCookie, type SessionUser } from '~/auth/session.server';
import {
  appendCollabUpdate,
  seedCollabDocument,
  storePlanDocument,
  storeUpdateTexts,
} from '~/commands/collab';
import { collabAccess, type CollabRecord } from '~/domain/collab/access';
import { DEFAULT_UPDATE_RATE, takeToken, type Bucket, type RateLimit } from '~/domain/collab/rate';
import { isAllowedSocketOrigin } from '~/domain/auth/origin';
import type { PlanStatus } from '~/domain/plans/status';
import type { DB } from '#db/client';
import { loadCollabDocument } from '#db/queries/collab';
import { collabName, CollabNameSchema, type CollabName } from './names';
import { WorkspaceRedis } from './redis.server';
import { fieldJson, PLAN_FIELD, readMerged, seedState, updateTexts } from './yjs.server';
import { noteField } from '~/domain/pmc/texts';

/** What a server-made change records: who made it, and a version name when it is a named one. */
export interface LiveChangeMeta {
  actorId: number;
  versionName?: string;
  versionNote?: string;
}

export interface LiveServer {
  change<T>(name: CollabName, meta: LiveChangeMeta, fn: (doc: Y.Doc) => T): Promise<T>;
}

export const COLLAB_PATH = '/collab';

export interface CollabLimits {
  /** The largest single change an editor may send. */
  maxUpdateBytes: number;
  /** The largest a document may grow to, stored state and changes together. */
  maxDocumentBytes: number;
  /** How fast one connection may send changes (app/domain/collab/rate.ts). */
  updateRate: RateLimit;
  /**
   * How fast one connection may send awareness (carets, selections): counted apart and more
   * generously, since a keystroke moves the caret too, but counted, since the server sends
   * each one on to everyone else in the document.
   */
  awarenessRate: RateLimit;
  /**
   * Connection attempts one address may make in a minute (every document opened, every
   * reconnect), or false for no limit. One office behind one address (an agency's NAT) shares
   * it, so the default leaves room for a whole team reloading at once.
   */
  connectionsPerMinute: number | false;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxUpdateBytes: 256 * 1024,
  maxDocumentBytes: 8 * 1024 * 1024,
  updateRate: DEFAULT_UPDATE_RATE,
  awarenessRate: {
    burst: 2 * DEFAULT_UPDATE_RATE.burst,
    perSecond: 2 * DEFAULT_UPDATE_RATE.perSecond,
  },
  connectionsPerMinute: 300,
};

/** The refusal a connection over its update rate receives; its editor shows it as it is. */
export const TOO_FAST =
  'You are sending changes faster than the workspace accepts. What you typed since is kept in ' +
  'this browser and sent when you reload the page.';

export const TOO_MANY_CONNECTIONS =
  'Too many connections from your network in the last minute. Reload the page in a minute.';

interface ConnectionContext {
  /** The person as they signed in; their roles hold for the connection. */
  user: SessionUser;
  name: CollabName;
  /** Set on a server-made change (a direct connection): who made it, and its version name. */
  meta?: LiveChangeMeta;
  /** Why the store right after a server-made change failed. */
  failure?: unknown;
}

/**
 * A refusal the person's editor receives as the reason (permission denied, or the socket's close
 * reason). Deliberately not an Error: Hocuspocus logs hook errors that carry a message, and a
 * refused visitor is not a server fault.
 */
function refused(reason: string) {
  return { reason, code: 4403 };
}

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Whether a message is an awareness update (a caret, a selection, who is here). */
function isAwareness(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // the document's name
  return decoding.readVarUint(decoder) === MESSAGE_AWARENESS;
}

/** The Yjs update a message carries, if it is one that changes the document. */
export function updateOf(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // the document's name
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

async function recordOf(db: DB, name: CollabName): Promise<CollabRecord | null> {
  if (name.kind === 'action_plan') {
    const plan = await db
      .selectFrom('action_plans')
      .select(['portfolio_id', 'status'])
      .where('id', '=', name.id)
      .executeTakeFirst();
    return plan
      ? { kind: 'action_plan', portfolioId: plan.portfolio_id, status: plan.status as PlanStatus }
      : null;
  }
  const update = await db
    .selectFrom('pmc_updates')
    .select('status')
    .where('id', '=', name.id)
    .executeTakeFirst();
  return update ? { kind: 'pmc_update', status: update.status } : null;
}

/** The fields a document starts with, from what is stored for its record. */
async function initialFields(
  db: DB,
  name: CollabName,
): Promise<{ fields: Record<string, unknown>; texts: Record<string, string> }> {
  if (name.kind === 'action_plan') {
    const plan = await db
      .selectFrom('action_plans')
      .select('doc')
      .where('id', '=', name.id)
      .executeTakeFirstOrThrow();
    return { fields: { [PLAN_FIELD]: JSON.parse(plan.doc) as unknown }, texts: {} };
  }
  const update = await db
    .selectFrom('pmc_updates')
    .select(['highlights', 'annotations'])
    .where('id', '=', name.id)
    .executeTakeFirstOrThrow();
  return {
    fields: JSON.parse(update.highlights) as Record<string, unknown>,
    texts: Object.fromEntries(
      Object.entries(JSON.parse(update.annotations) as Record<string, string>).map(
        ([key, note]) => [noteField(key), note],
      ),
    ),
  };
}

/**
 * Hocuspocus's throttle: more than `perMinute` connection attempts from one address in a minute
 * bans it for a minute (the extension's own five would lock a whole office out for a mistake).
 * The address is the extension's: X-Real-IP or X-Forwarded-For when present, which a proxy in
 * front must set (README, Configuration); otherwise the socket's. Its refusal carries a reason the
 * editor can show, instead of the extension's bare rejection.
 */
function connectionThrottle(perMinute: number | false): Throttle | null {
  if (perMinute === false) return null;
  const throttle = new (class extends Throttle {
    override async onConnect(data: onConnectPayload) {
      try {
        await super.onConnect(data);
      } catch {
        throw refused(TOO_MANY_CONNECTIONS);
      }
    }
  })({ throttle: perMinute, consideredSeconds: 60, banTime: 1 });
  // Its clean-up timer must not keep a script that only uses the live server alive.
  throttle.cleanupInterval?.unref();
  return throttle;
}

export function createCollab(options: {
  db: DB;
  /** Origins this deployment serves (APP_ORIGIN), or a function of the request. */
  allowedOrigins: (request: IncomingMessage) => readonly string[];
  /** Limits to change from DEFAULT_LIMITS. */
  limits?: Partial<CollabLimits>;
  /** How long after the last change a document is stored (and its plan text derived). */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** Redis relaying changes between app servers (REDIS_URL); none when this server is alone. */
  redisUrl?: string;
}) {
  const { db } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  /** Each connection's rate buckets: one connection per person per document per socket. */
  const buckets = new WeakMap<Connection, Bucket>();
  const awarenessBuckets = new WeakMap<Connection, Bucket>();
  const throttle = connectionThrottle(limits.connectionsPerMinute);
  /** Bytes each open document holds, stored state and changes since. */
  const sizes = new Map<string, number>();

  const hocuspocus = new Hocuspocus({
    name: 'workspace',
    quiet: true,
    debounce: options.debounceMs ?? 2000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    // The throttle first: an address over its attempts is refused before any lookup.
    extensions: [
      ...(throttle ? [throttle] : []),
      ...(options.redisUrl ? [new WorkspaceRedis(options.redisUrl)] : []),
    ],

    async onConnect({ request, documentName, connectionConfig }) {
      const user = await userFromCookie(db, request.headers.cookie);
      if (!user) throw refused('Sign in to edit this document.');
      const parsed = CollabNameSchema.safeParse(documentName);
      if (!parsed.success) throw refused('There is no such document.');
      const may = collabAccess(user, await recordOf(db, parsed.data));
      if (may === 'none') throw refused('You do not have access to this document.');
      connectionConfig.readOnly = may === 'read';
      // Returned, not assigned: Hocuspocus merges each hook's return into a new context object
      // after every extension's hook (the throttle's runs first), so a change made in place to
      // the payload's context would be lost.
      return { user, name: parsed.data } satisfies ConnectionContext;
    },

    async onLoadDocument({ document, documentName, context }) {
      const name = (context as ConnectionContext).name;
      let stored = await loadCollabDocument(db, documentName);
      if (!stored.state && stored.updates.length === 0) {
        await seedCollabDocument(db, documentName, seedState(await initialFields(db, name)));
        stored = await loadCollabDocument(db, documentName);
      }
      let size = 0;
      Y.transact(document, () => {
        for (const update of [stored.state, ...stored.updates.map((u) => u.update)]) {
          if (!update) continue;
          size += update.byteLength;
          Y.applyUpdate(document, new Uint8Array(update));
        }
      });
      sizes.set(documentName, size);
      return document;
    },

    async beforeHandleMessage({ update: message, documentName, context, connection }) {
      if (isAwareness(message)) {
        const seen = takeToken(
          limits.awarenessRate,
          awarenessBuckets.get(connection) ?? null,
          Date.now(),
        );
        awarenessBuckets.set(connection, seen.bucket);
        if (!seen.allowed) throw refused(TOO_FAST);
        return;
      }
      const update = updateOf(message);
      if (!update || connection.readOnly) return; // Hocuspocus refuses a read-only change itself
      const { user, name } = context as ConnectionContext;
      // Counted first: a flood is refused before it costs a decode or a database round trip.
      const taken = takeToken(limits.updateRate, buckets.get(connection) ?? null, Date.now());
      buckets.set(connection, taken.bucket);
      if (!taken.allowed) throw refused(TOO_FAST);
      if (update.byteLength > limits.maxUpdateBytes)
        throw refused('That change is too large to send at once.');
      const size = (sizes.get(documentName) ?? 0) + update.byteLength;
      if (size > limits.maxDocumentBytes)
        throw refused('This document has reached its size limit.');
      try {
        Y.decodeUpdate(update);
      } catch {
        throw refused('That change could not be read.');
      }
      // The record's state now: a plan made final while someone types is read-only from here.
      if (collabAccess(user, await recordOf(db, name)) !== 'write') {
        connection.readOnly = true;
        throw refused('This document is now read-only for you.');
      }
      await appendCollabUpdate(db, { name: documentName, update, personId: user.personId });
      sizes.set(documentName, size);
    },

    async onStoreDocument({ document, documentName, context }) {
      // A server-made change's meta is recorded once: the store right after it (the direct
      // connection stores again when it closes, with nothing new to name).
      const ctx = context as Partial<ConnectionContext>;
      const meta = ctx.meta;
      delete ctx.meta;
      try {
        await store(documentName, document, meta);
      } catch (error) {
        // Nothing is lost: every change is appended before it is acknowledged, and the next
        // store folds it in. Not rethrown: Hocuspocus's debouncer would keep the failed store and
        // refuse every later one of this document until it is unloaded.
        console.error(`Could not store the shared document ${documentName}:`, error);
        // A server-made change is not appended: its caller is told (LiveServer.change).
        if (meta) ctx.failure = error;
      }
    },

    async afterUnloadDocument({ documentName }) {
      sizes.delete(documentName);
    },
  });

  async function store(documentName: string, document: Document, meta?: LiveChangeMeta) {
    const name = CollabNameSchema.parse(documentName);
    const state = Y.encodeStateAsUpdate(document);
    const { stored } =
      name.kind === 'action_plan'
        ? await storePlanDocument(db, {
            planId: name.id,
            name: documentName,
            state,
            derive: (merged) => readMerged(merged, (copy) => fieldJson(copy, PLAN_FIELD)),
            actorId: meta?.actorId,
            versionName: meta?.versionName,
            versionNote: meta?.versionNote,
          })
        : await storeUpdateTexts(db, {
            updateId: name.id,
            name: documentName,
            state,
            derive: (merged, targets) => readMerged(merged, (copy) => updateTexts(copy, targets)),
            actorId: meta?.actorId,
          });
    // Changes another server stored (one without Redis, or while Redis was down) reach this
    // one's editors here: every server's document converges on what is stored.
    if (stored !== state) Y.applyUpdate(document, stored);
    // The stored state now holds every change: the size limit counts from it again.
    sizes.set(documentName, stored.byteLength);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxUpdateBytes + 1024 });

  /** Hands a `/collab` upgrade to Hocuspocus; refuses one from another origin. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== COLLAB_PATH) return false;
    if (!isAllowedSocketOrigin(request.headers.origin, options.allowedOrigins(request))) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return true;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      // A frame over the size limit, or a broken one, is an error on this socket alone: close
      // it (ws has already answered with a close code); never let it reach the process.
      ws.on('error', () => ws.terminate());
      hocuspocus.handleConnection(ws, request);
    });
    return true;
  }

  const live: LiveServer = {
    async change(name, meta, fn) {
      const documentName = collabName(name);
      const context: Partial<ConnectionContext> = { name, meta };
      const connection = await hocuspocus.openDirectConnection(documentName, context);
      let result: ReturnType<typeof fn> | undefined;
      try {
        // transact stores at once (onStoreDocument above, with this change's meta).
        await connection.transact((doc) => {
          result = fn(doc);
        });
      } finally {
        await connection.disconnect();
      }
      if (context.failure) throw context.failure;
      return result as ReturnType<typeof fn>;
    },
  };
  return {
    hocuspocus,
    handleUpgrade,
    live,
    /** Stores every open document, then closes every connection. */
    async close() {
      for (const [documentName, document] of hocuspocus.documents)
        await store(documentName, document);
      hocuspocus.closeConnections();
      wss.close();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    },
  };
}
