/**
 * A change to a shared document made by the server for a person (a restore, a no-JavaScript
 * save): applied to the live document, so everyone editing it sees the change at once like
 * anyone's typing, then stored (the plan's JSON, version and audit row derived from it) before
 * this returns. The live server is this process's co-editing server when it runs; otherwise
 * (scripts, unit tests) one without sockets on the same database, which loads and stores the
 * document the same way.
 */
import type * as Y from 'yjs';
import type { DB } from '#db/client';
import type { CollabName } from './names';
import { createCollab, type LiveChangeMeta, type LiveServer } from './server';

let registered: { db: DB; server: LiveServer } | null = null;
const standalone = new WeakMap<DB, LiveServer>();

/** This process's co-editing server, when it starts and stops (app/server/collab.ts). */
export function registerLiveServer(db: DB, server: LiveServer | null): void {
  registered = server ? { db, server } : null;
}

function liveFor(db: DB): LiveServer {
  if (registered?.db === db) return registered.server;
  let server = standalone.get(db);
  if (!server) {
    server = createCollab({ db, allowedOrigins: () => [] }).live;
    standalone.set(db, server);
  }
  return server;
}

/** Applies `fn` to the shared document `name` for a person, and stores the result. */
export async function changeLive<T>(
  db: DB,
  name: CollabName,
  meta: LiveChangeMeta,
  fn: (doc: Y.Doc) => T,
): Promise<T> {
  return liveFor(db).change(name, meta, fn);
}
