// Co-editing figures for `npm run bench` (issue 18), against the running production server:
//   - edit-to-other-screen latency: with 2, 10 and 50 editors connected to one plan (Node clients
//     speaking the same protocol as the browser's editor), one editor at a time appends a
//     paragraph and the time until each other editor has it is recorded; p50 and p95 over every
//     (change, receiver) pair. The clients share the machine (and its cores) with the server, so
//     the figures are an upper bound, for reading.
//   - server memory per open document: the server's resident memory with every plan of the data
//     set open (one editor each) minus before, divided by the number of plans.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import * as Y from 'yjs';

export const EDITOR_COUNTS = [2, 10, 50];
const CHANGES = 30;

/** An editor connected as the person the cookie names, resolved once synced. */
async function connect(base, planId, cookie) {
  const url = `${base.replace(/^http/, 'ws')}/collab`;
  class Socket extends WebSocket {
    constructor(address) {
      super(address, { headers: { cookie, origin: base } });
    }
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: Socket });
  const provider = new HocuspocusProvider({
    name: `action_plan:${planId}`,
    document: doc,
    websocketProvider: socket,
  });
  provider.attach();
  await new Promise((resolve, reject) => {
    provider.on('synced', resolve);
    provider.on('authenticationFailed', ({ reason }) => reject(new Error(reason)));
  });
  return {
    doc,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

/** p50/p95 milliseconds from one editor's change to every other editor's screen. */
async function latency(base, planId, cookie, editors) {
  const clients = await Promise.all(
    Array.from({ length: editors }, () => connect(base, planId, cookie)),
  );
  try {
    const samples = [];
    for (let i = 0; i < CHANGES; i++) {
      const writer = clients[i % editors];
      const others = clients.filter((c) => c !== writer);
      const want = writer.doc.getXmlFragment('default').length + 1;
      const t0 = performance.now();
      const arrived = others.map(
        (c) =>
          new Promise((resolve) => {
            const check = () => {
              if (c.doc.getXmlFragment('default').length >= want) {
                c.doc.off('update', check);
                resolve(performance.now() - t0);
              }
            };
            c.doc.on('update', check);
            check();
          }),
      );
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Benchmark change ${i} with ${editors} editors.`)]);
      writer.doc.getXmlFragment('default').push([paragraph]);
      samples.push(...(await Promise.all(arrived)));
      await sleep(20); // typing pace, not a flood
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), pairs: samples.length };
  } finally {
    for (const c of clients) c.close();
  }
}

/**
 * The co-editing figures. `rss()` reads the server's resident memory in MB; `plans` are the plan
 * ids of the data set (the first one takes the latency measurements).
 */
export async function measureCollab({ base, cookie, plans, rss }) {
  const result = { latency: {} };
  for (const editors of EDITOR_COUNTS) {
    result.latency[editors] = await latency(base, plans[0], cookie, editors);
    process.stdout.write('.');
  }
  // Let the documents of the latency runs unload, then open every plan at once.
  await sleep(3000);
  const before = rss();
  const open = await Promise.all(plans.map((id) => connect(base, id, cookie)));
  await sleep(500);
  const after = rss();
  for (const c of open) c.close();
  result.documents = plans.length;
  result.mbPerDocument = (after - before) / plans.length;
  return result;
}
