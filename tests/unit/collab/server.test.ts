/**
 * The co-editing server against real sockets and a real database (SQLite, and PostgreSQL under
 * TEST_DATABASE=postgres): two editors converge; a viewer's crafted change is refused on the
 * server; a socket from another origin is refused; an oversized or malformed change closes only
 * its own connection; the plan's JSON is derived with one audit row naming both editors; and a
 * new server loads every change the old one acknowledged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { TOO_FAST, TOO_MANY_CONNECTIONS } from '~/collab/server';
import { loadCollabDocument } from '#db/queries/collab';
import {
  cleanUp,
  cleanups,
  serve,
  editor,
  type,
  encodeName,
  textOf,
  until,
  planHas,
  setup,
} from './harness';

afterEach(cleanUp);

describe('live co-editing server', () => {
  it('two editors converge; the plan text and one audit row naming both follow', async () => {
    const { db, lead, member, planId, name } = await setup();
    const s = await serve(db);
    cleanups.push(s.stop);
    const a = editor(s.url, name, lead.cookie);
    const b = editor(s.url, name, member.cookie);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await Promise.all([a.synced, b.synced]);
    expect(textOf(a.doc)).toContain('Improvements to designated services');
    type(a.doc, 'From the lead');
    type(b.doc, 'From the member');
    await until(
      () =>
        [a, b].every(
          (e) => /From the lead/.test(textOf(e.doc)) && /From the member/.test(textOf(e.doc)),
        ),
      'both texts on both editors',
    );
    await until(() => planHas(db, planId, ['From the lead', 'From the member']), 'the plan JSON');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'action_plan')
      .where('entity_id', '=', String(planId))
      .where('action', '=', 'save')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const names = new Set(audit.flatMap((r) => JSON.parse(r.changes).editors.after as string[]));
    expect(names.size).toBe(2);
  });

  it('two servers without Redis: each stores both servers’ changes, and each one’s editors receive the other’s at its next store', async () => {
    const { db, lead, member, planId, name } = await setup();
    const [one, two] = [await serve(db), await serve(db)];
    cleanups.push(one.stop, two.stop);
    const a = editor(one.url, name, lead.cookie);
    const b = editor(two.url, name, member.cookie);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    await Promise.all([a.synced, b.synced]);
    type(a.doc, 'Typed on server one');
    type(b.doc, 'Typed on server two');
    await until(
      () =>
        [a, b].every(
          (e) =>
            /Typed on server one/.test(textOf(e.doc)) && /Typed on server two/.test(textOf(e.doc)),
        ),
      'both texts on both editors, through the stored document',
    );
    await until(
      () => planHas(db, planId, ['Typed on server one', 'Typed on server two']),
      'the plan JSON with both',
    );
  });

  it('a viewer reads live but their crafted change is refused on the server', async () => {
    const { db, lead, viewer, name } = await setup();
    const s = await serve(db);
    cleanups.push(s.stop);
    const v = editor(s.url, name, viewer.cookie);
    const a = editor(s.url, name, lead.cookie);
    cleanups.push(
      () => v.close(),
      () => a.close(),
    );
    await Promise.all([v.synced, a.synced]);
    type(v.doc, 'Written by a viewer');
    type(a.doc, 'Written by the lead');
    await until(() => /Written by the lead/.test(textOf(v.doc)), 'the lead’s text at the viewer');
    const server = s.collab.hocuspocus.documents.get(name)!;
    expect(textOf(server)).not.toContain('Written by a viewer');
    expect(textOf(a.doc)).not.toContain('Written by a viewer');
    const stored = await db
      .selectFrom('collab_updates')
      .select('id')
      .where('name', '=', name)
      .execute();
    expect(stored.length).toBeGreaterThan(0); // the lead's, not the viewer's
  });

  it('refuses a socket from another origin, and one without a session', async () => {
    const { db, lead, name } = await setup();
    const s = await serve(db);
    cleanups.push(s.stop);
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(s.url, {
        headers: { cookie: lead.cookie, origin: 'https://evil.example' },
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
    const anonymous = editor(s.url, name, '');
    cleanups.push(() => anonymous.close());
    expect(await anonymous.denied).toBe('Sign in to edit this document.');
    const nowhere = editor(s.url, 'action_plan:999999', lead.cookie);
    cleanups.push(() => nowhere.close());
    expect(await nowhere.denied).toBe('You do not have access to this document.');
    const bogus = editor(s.url, 'journey_map:1', lead.cookie);
    cleanups.push(() => bogus.close());
    expect(await bogus.denied).toBe('There is no such document.');
  });

  it('an oversized or malformed change closes its own connection and is not stored', async () => {
    const { db, lead, member, name } = await setup();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = await serve(db, { limits: { maxUpdateBytes: 4096, maxDocumentBytes: 1 << 20 } });
    cleanups.push(s.stop);
    const [big, bad, good] = [lead, member, member].map((p) => editor(s.url, name, p.cookie));
    cleanups.push(...[big, bad, good].map((e) => () => e!.close()));
    await Promise.all([big, bad, good].map((e) => e!.synced));
    type(big!.doc, 'x'.repeat(10_000));
    // A malformed update, sent as the sync protocol's "update" message.
    const raw = new Uint8Array([...encodeName(name), 0, 2, 5, 255, 255, 255, 255, 255]);
    bad!.provider.configuration.websocketProvider.webSocket!.send(raw);
    type(good!.doc, 'Still here');
    const server = () => textOf(s.collab.hocuspocus.documents.get(name)!);
    await until(() => /Still here/.test(server()), 'the well-behaved change');
    expect(server()).not.toContain('xxxx');
    const stored = await db
      .selectFrom('collab_updates')
      .select('update')
      .where('name', '=', name)
      .execute();
    expect(stored.every((r) => r.update.byteLength <= 4096)).toBe(true);
    expect(errors).toHaveBeenCalled(); // the server logs what it refused
    errors.mockRestore();
  });

  it('a connection sending changes faster than its rate is stopped with the reason; the others carry on', async () => {
    const { db, lead, member, name } = await setup();
    const s = await serve(db, { limits: { updateRate: { burst: 5, perSecond: 0.5 } } });
    cleanups.push(s.stop);
    const [fast, calm, watcher] = [lead, member, member].map((p) => editor(s.url, name, p.cookie));
    cleanups.push(...[fast, calm, watcher].map((e) => () => e!.close()));
    await Promise.all([fast, calm, watcher].map((e) => e!.synced));
    // Carets and presence are not changes: many of them cost nothing.
    for (let i = 0; i < 20; i++) fast!.provider.setAwarenessField('user', { name: `Lead ${i}` });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Twelve changes at once, each its own message, as twelve quick keystrokes would be.
    for (let i = 1; i <= 12; i++) type(fast!.doc, `Fast ${i}.`);
    expect(await fast!.closed).toBe(TOO_FAST);
    errors.mockRestore();
    type(calm!.doc, 'Calm and kept');
    await until(() => /Calm and kept/.test(textOf(watcher!.doc)), 'the other editor’s change');
    const server = textOf(s.collab.hocuspocus.documents.get(name)!);
    // A burst of 5: the editor's answer to the opening sync took one, four keystrokes the rest.
    for (let i = 1; i <= 4; i++) expect(server).toContain(`Fast ${i}.`);
    for (let i = 5; i <= 12; i++) expect(server).not.toContain(`Fast ${i}.`);
    expect(textOf(watcher!.doc)).not.toContain('Fast 5.');
    // Nothing refused was stored: the stored changes rebuild the server's document exactly.
    const stored = await loadCollabDocument(db, name);
    const rebuilt = new Y.Doc();
    for (const u of [stored.state, ...stored.updates.map((r) => r.update)])
      if (u) Y.applyUpdate(rebuilt, new Uint8Array(u));
    expect(textOf(rebuilt)).not.toContain('Fast 5.');
    expect(textOf(rebuilt)).toContain('Calm and kept');
    // The refused changes are still in the fast editor's own document, to send again.
    expect(textOf(fast!.doc)).toContain('Fast 12.');
    expect(fast!.provider.hasUnsyncedChanges).toBe(true);
    // Reconnecting (a reload) sends them, and they are accepted: the rate is per connection.
    const again = editor(s.url, name, lead.cookie);
    cleanups.push(() => again.close());
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(fast!.doc));
    await again.synced;
    await until(
      () => /Fast 12\./.test(textOf(s.collab.hocuspocus.documents.get(name)!)),
      'the kept changes, sent again',
    );
  });

  it('awareness is counted apart: a flood of carets is stopped, and changes were not charged', async () => {
    const { db, lead, member, name } = await setup();
    const s = await serve(db, {
      limits: {
        updateRate: { burst: 3, perSecond: 0.5 },
        awarenessRate: { burst: 10, perSecond: 0.5 },
      },
    });
    cleanups.push(s.stop);
    const [carets, watcher] = [lead, member].map((p) => editor(s.url, name, p.cookie));
    cleanups.push(
      () => carets!.close(),
      () => watcher!.close(),
    );
    await Promise.all([carets!.synced, watcher!.synced]);
    // Two changes (with the opening sync's answer, the whole burst of 3) are taken.
    type(carets!.doc, 'Typed between carets 1');
    type(carets!.doc, 'Typed between carets 2');
    await until(() => /carets 2/.test(textOf(watcher!.doc)), 'both changes');
    // What the other editor sees of the carets, as they come.
    const seen = new Set<string>();
    watcher!.provider.awareness!.on('change', () => {
      for (const st of watcher!.provider.awareness!.getStates().values())
        seen.add((st.user as { name?: string } | undefined)?.name ?? '');
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (let i = 0; i < 30; i++) carets!.provider.setAwarenessField('user', { name: `Lead ${i}` });
    expect(await carets!.closed).toBe(TOO_FAST);
    errors.mockRestore();
    // The first carets reached the other editor although the change bucket was empty; the
    // last ones did not.
    await until(() => seen.has('Lead 0'), 'a caret at the other editor');
    expect(seen.has('Lead 29')).toBe(false);
  });

  it('an address opening connections faster than allowed is refused with the reason', async () => {
    const { db, lead, name } = await setup();
    const s = await serve(db, { limits: { connectionsPerMinute: 2 } });
    cleanups.push(s.stop);
    const [one, two] = [editor(s.url, name, lead.cookie), editor(s.url, name, lead.cookie)];
    cleanups.push(
      () => one.close(),
      () => two.close(),
    );
    await Promise.all([one.synced, two.synced]);
    const three = editor(s.url, name, lead.cookie);
    cleanups.push(() => three.close());
    expect(await three.denied).toBe(TOO_MANY_CONNECTIONS);
  });

  it('a plan made final while someone types is read-only from their next change', async () => {
    const { db, lead, member, planId, name } = await setup();
    const s = await serve(db);
    cleanups.push(s.stop);
    const [m, watcher] = [member, lead].map((p) => editor(s.url, name, p.cookie));
    cleanups.push(
      () => m!.close(),
      () => watcher!.close(),
    );
    await Promise.all([m!.synced, watcher!.synced]);
    type(m!.doc, 'Before final');
    await until(() => /Before final/.test(textOf(watcher!.doc)), 'the first change');
    await db
      .updateTable('action_plans')
      .set({ status: 'final' })
      .where('id', '=', planId)
      .execute();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    type(m!.doc, 'After final');
    await new Promise((r) => setTimeout(r, 300));
    errors.mockRestore();
    const server = textOf(s.collab.hocuspocus.documents.get(name)!);
    expect(server).toContain('Before final');
    expect(server).not.toContain('After final');
    expect(textOf(watcher!.doc)).not.toContain('After final');
  });

  it('a change is stored before it is acknowledged, and a new server loads it', async () => {
    const { db, lead, name } = await setup();
    const first = await serve(db);
    const a = editor(first.url, name, lead.cookie);
    await a.synced;
    type(a.doc, 'Kept across a restart');
    await until(() => !a.provider.hasUnsyncedChanges, 'the acknowledgement');
    // At the acknowledgement, before any store: the stored state plus the appended changes
    // already hold it (what a server killed at this moment would find on restart).
    const stored = await loadCollabDocument(db, name);
    const rebuilt = new Y.Doc();
    for (const u of [stored.state, ...stored.updates.map((r) => r.update)])
      if (u) Y.applyUpdate(rebuilt, new Uint8Array(u));
    expect(textOf(rebuilt)).toContain('Kept across a restart');
    a.close();
    await first.stop();
    const second = await serve(db);
    cleanups.push(second.stop);
    const b = editor(second.url, name, lead.cookie);
    cleanups.push(() => b.close());
    await b.synced;
    expect(textOf(b.doc)).toContain('Kept across a restart');
  });
});
