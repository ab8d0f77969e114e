/**
 * Hostile clients of the co-editing socket (issue 18, points 2 and 7), against the real server:
 * a viewer's crafted change sent from their own signed-in page is refused; a socket opened from
 * another origin with a stolen cookie is refused at the handshake; and an editor sending changes
 * faster than the server accepts is told so, and what it typed is sent when the page reloads.
 * The plan is this file's own: FY 2038 of Recovering from a Disaster, which no other test uses.
 */
import type { Browser, Page } from '@playwright/test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { expect, login, test, startPlan } from './fixtures';

// The Hocuspocus protocol, as the provider writes it: the document's name, then the message.
const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const MESSAGE_SYNC_STATUS = 8;
const SYNC_UPDATE = 2;
const AUTH_TOKEN = 0;
const AUTH_AUTHENTICATED = 2;

function message(name: string, write: (e: encoding.Encoder) => void): number[] {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  write(e);
  return [...encoding.toUint8Array(e)];
}

/** A Yjs change adding a paragraph to the plan's text, as a person typing it would. */
function craftedUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

/** What a server message says: its type and, for the ones this file reads, its content. */
function readReply(bytes: number[]): { type: number; scope?: string; saved?: boolean } {
  const d = decoding.createDecoder(new Uint8Array(bytes));
  decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  if (type === MESSAGE_AUTH && decoding.readVarUint(d) === AUTH_AUTHENTICATED)
    return { type, scope: decoding.readVarString(d) };
  if (type === MESSAGE_SYNC_STATUS) return { type, saved: decoding.readVarUint(d) === 1 };
  return { type };
}

async function expectPlanText(page: Page, planUrl: string, text: string) {
  await expect(async () => {
    await page.goto(planUrl);
    await expect(page.getByRole('article', { name: 'Plan text' })).toContainText(text, {
      timeout: 1000,
    });
    // Stored two seconds after the typing stops; under a full parallel run on PostgreSQL the
    // store has taken over 20 s once (CI, 2026-12-06), so the wait is generous. It returns as
    // soon as the text is there.
  }).toPass({ timeout: 45_000 });
}

/** The changes this browser keeps for the plan (y-indexeddb's store), as it stored them. */
function localCopy(page: Page, planId: number): Promise<number[][]> {
  return page.evaluate(async (prefix) => {
    const name = (await indexedDB.databases()).find((d) => d.name?.startsWith(prefix))?.name;
    if (!name) return [];
    return new Promise<number[][]>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction('updates').objectStore('updates').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          db.close();
          resolve((all.result as Uint8Array[]).map((u) => [...u]));
        };
      };
    });
  }, `action_plan:${planId}:`);
}

/** How many `z`s the plan text holds in a copy made of these stored changes. */
function zsIn(updates: number[][]): number {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, new Uint8Array(u));
  return (doc.getXmlFragment('default').toString().match(/z/g) ?? []).length;
}

async function leadPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, 'omb_lead');
  return page;
}

async function typeAtEnd(page: Page, text: string) {
  // Connected and synced first: this file is about hostile clients, not about typing in the
  // first moments after the editor opens (see the closing note of 2026-12-06: text typed before
  // the first sync was once acknowledged on PostgreSQL but not derived into the read view).
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved.', {
    timeout: 15_000,
  });
  await page.getByRole('textbox', { name: 'Plan text' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved.', {
    timeout: 15_000,
  });
}

test.describe.serial('hostile clients of the live editor', () => {
  test.describe.configure({ timeout: 120_000 });
  let planUrl = '';
  let planId = 0;

  test('a viewer’s crafted change, sent from their own signed-in page, is refused', async ({
    page,
    browser,
  }) => {
    const lead = await leadPage(browser);
    planUrl = await startPlan(lead, 'recovering-from-a-disaster', 2038);
    await expect(
      lead.getByRole('heading', { name: 'Improvements to designated services' }),
    ).toBeVisible();
    planId = Number(/\/plans\/(\d+)$/.exec(planUrl)?.[1]);
    expect(planId).toBeGreaterThan(0);
    await lead.goto(`${planUrl}/edit`);
    await typeAtEnd(lead, 'Written by the lead before the viewer came.');

    await login(page, 'viewer');
    // The read view's text is derived from the live document a moment after the typing stops.
    await expectPlanText(page, planUrl, 'Written by the lead before the viewer came.');
    const name = `action_plan:${planId}`;
    const auth = message(name, (e) => {
      encoding.writeVarUint(e, MESSAGE_AUTH);
      encoding.writeVarUint(e, AUTH_TOKEN);
      encoding.writeVarString(e, '');
    });
    const change = message(name, (e) => {
      encoding.writeVarUint(e, MESSAGE_SYNC);
      encoding.writeVarUint(e, SYNC_UPDATE);
      encoding.writeVarUint8Array(e, craftedUpdate('Crafted by the viewer.'));
    });
    // The page's own socket to /collab: same origin, the viewer's session cookie goes with it.
    const replies = await page.evaluate(
      ([auth, change]) =>
        new Promise<number[][]>((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/collab`);
          ws.binaryType = 'arraybuffer';
          const got: number[][] = [];
          let sent = false;
          ws.onerror = () => reject(new Error('the socket failed'));
          ws.onopen = () => ws.send(new Uint8Array(auth));
          ws.onmessage = (event) => {
            const bytes = [...new Uint8Array(event.data as ArrayBuffer)];
            got.push(bytes);
            // After the name (one length byte, then its characters) comes the message type.
            const type = bytes[1 + bytes[0]!];
            // Signed in (the auth answer): send the change. Its answer (sync status) ends it.
            if (type === 2 && !sent) {
              sent = true;
              ws.send(new Uint8Array(change));
            } else if (type === 8) {
              ws.close();
              resolve(got);
            }
          };
          setTimeout(() => {
            ws.close();
            resolve(got);
          }, 10_000);
        }),
      [auth, change] as const,
    );
    const read = replies.map(readReply);
    expect(read).toContainEqual({ type: MESSAGE_AUTH, scope: 'readonly' });
    expect(read).toContainEqual({ type: MESSAGE_SYNC_STATUS, saved: false });

    // A later change of the lead's reaches the read view; the viewer's never does.
    await lead.goto(`${planUrl}/edit`);
    await typeAtEnd(lead, 'Written by the lead after the crafted change.');
    await expectPlanText(page, planUrl, 'Written by the lead after the crafted change.');
    await expect(page.getByRole('article', { name: 'Plan text' })).not.toContainText(
      'Crafted by the viewer.',
    );
    await lead.context().close();
  });

  test('a socket from another origin is refused at the handshake, even with a signed-in cookie', async ({
    page,
    baseURL,
  }) => {
    await login(page, 'omb_lead');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const url = `${baseURL!.replace(/^http/, 'ws')}/collab`;
    const handshake = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(url, { headers: { cookie, origin } });
        ws.on('unexpected-response', (_req, res) => {
          resolve(res.statusCode ?? 0);
          ws.terminate();
        });
        ws.on('open', () => {
          resolve(101);
          ws.close();
        });
        ws.on('error', reject);
      });
    // The same cookie from the workspace's own origin is let in: the refusal is the origin's.
    expect(await handshake(new URL(baseURL!).origin)).toBe(101);
    expect(await handshake('https://evil.example')).toBe(403);
  });

  test('an editor sending changes faster than the server accepts is told so; a reload sends them', async ({
    browser,
  }) => {
    const lead = await leadPage(browser);
    // Reloading with changes the server has not taken asks first (issue 18, point 5): go on.
    lead.on('dialog', (d) => void d.accept());
    await lead.goto(`${planUrl}/edit`);
    await typeAtEnd(lead, 'Before the flood.');
    // 600 changes at once from the page's own editor, each its own message (a script, or a
    // stuck key repeating far faster than anyone types): over the burst of 200.
    const flood = 'z'.repeat(600);
    await lead.evaluate((count) => {
      const dom = document.querySelector('.ProseMirror') as
        (Element & { editor?: { commands: { insertContent(text: string): boolean } } }) | null;
      for (let i = 0; i < count; i++) dom!.editor!.commands.insertContent('z');
    }, flood.length);
    const status = lead.getByTestId('save-status');
    await expect(status).toHaveText(
      'Your changes are not being saved: You are sending changes faster than the workspace ' +
        'accepts. What you typed since is kept in this browser and sent when you reload the page.',
      { timeout: 15_000 },
    );
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(lead.getByRole('textbox', { name: 'Plan text' })).toHaveAttribute(
      'contenteditable',
      'false',
    );
    // Kept in this browser: its IndexedDB copy, read back and decoded here, holds every change.
    // (It writes each change in its own transaction, so this waits for the last to land.)
    await expect
      .poll(async () => zsIn(await localCopy(lead, planId)), { timeout: 15_000 })
      .toBe(flood.length);
    await lead.reload();
    await expect(status).toHaveText('All changes saved.', { timeout: 15_000 });
    await expectPlanText(lead, planUrl, `Before the flood.${flood}`);
    await lead.context().close();
  });

  test('leaving the page while changes are not yet acknowledged asks first', async ({
    browser,
  }) => {
    const lead = await leadPage(browser);
    // Between the page and the server: once `hold` is set, nothing the page sends arrives, so
    // what is typed then stays unacknowledged.
    let hold = false;
    await lead.routeWebSocket(/\/collab$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        if (!hold) server.send(m);
      });
      server.onMessage((m) => ws.send(m));
    });
    await lead.goto(`${planUrl}/edit`);
    const status = lead.getByTestId('save-status');
    await expect(status).toHaveText('All changes saved.', { timeout: 15_000 });
    // Opening the page and looking asks nothing.
    hold = true;
    await lead.getByRole('textbox', { name: 'Plan text' }).click();
    await lead.keyboard.press('ControlOrMeta+End');
    await lead.keyboard.type(' Not sent yet.');
    await expect(status).toHaveText('Sending your changes…');
    const asked = lead.waitForEvent('dialog');
    await lead.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.accept();
    await lead.context().close();
  });
});
