/**
 * A PMC update's highlights written together live: each target is a field of the update's shared
 * document; its text is derived into the update with one audit row naming the writers; a field
 * that is no target is ignored; the no-JavaScript save leaves someone else's newer text alone;
 * publishing stores what is being typed before freezing, and a published update's highlights no
 * longer change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdate, publishUpdate, saveHighlightsMarkdown } from '~/commands/pmc';
import type { DB } from '#db/client';
import { demoDb } from '../helpers';
import { cleanUp, cleanups, cookieFor, editor, serve, until } from './harness';

afterEach(cleanUp);

function write(doc: Y.Doc, field: string, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(field).push([paragraph]);
}

async function highlightsOf(db: DB, id: number) {
  const u = await db
    .selectFrom('pmc_updates')
    .select(['highlights', 'version', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...u, text: u.highlights };
}

async function setupUpdate() {
  const db = await demoDb();
  const omb = await cookieFor(db, 'omb.lead@example.gov');
  const id = await createUpdate(db, { fy: 2031, q: 2, actorId: omb.personId });
  return { db, omb, id, name: `pmc_update:${id}` };
}

describe('PMC highlights written live', () => {
  it('each target’s text reaches the update, with one audit row; a field that is no target is ignored', async () => {
    const { db, omb, id, name } = await setupUpdate();
    const s = await serve(db);
    cleanups.push(s.stop);
    const a = editor(s.url, name, omb.cookie);
    cleanups.push(() => a.close());
    await a.synced;
    write(a.doc, 'program', 'Program-wide highlight');
    write(a.doc, 'having-a-child', 'Portfolio highlight');
    write(a.doc, 'not-a-portfolio', 'Nowhere to go');
    await until(async () => {
      const h = (await highlightsOf(db, id)).text;
      return h.includes('Program-wide highlight') && h.includes('Portfolio highlight');
    }, 'the derived highlights');
    const { text } = await highlightsOf(db, id);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['having-a-child', 'program']);
    expect(text).not.toContain('Nowhere to go');
    const audit = await db
      .selectFrom('audit_log')
      .select('changes')
      .where('entity_type', '=', 'pmc_update')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'highlights')
      .execute();
    expect(audit).toHaveLength(1);
    const after = JSON.parse(audit[0]!.changes) as Record<string, { after: unknown }>;
    expect(after.targets!.after).toEqual(expect.arrayContaining(['program', 'having-a-child']));
    expect(after.editors!.after).toEqual(['Dana Whitfield']);
  });

  it('a plain-text save leaves newer text alone, and is taken when the page showed the text as it is', async () => {
    const { db, omb, id } = await setupUpdate();
    const first = await saveHighlightsMarkdown(db, {
      id,
      target: 'program',
      base: '',
      markdown: 'Written first, without JavaScript.',
      actorId: omb.personId,
    });
    expect(first).toEqual({ saved: true });
    // A page loaded before that save still shows nothing.
    const stale = await saveHighlightsMarkdown(db, {
      id,
      target: 'program',
      base: '',
      markdown: 'Written second, from an old page.',
      actorId: omb.personId,
    });
    expect(stale).toEqual({ saved: false, theirs: 'Written first, without JavaScript.\n' });
    expect((await highlightsOf(db, id)).text).not.toContain('Written second');
    const again = await saveHighlightsMarkdown(db, {
      id,
      target: 'program',
      base: 'Written first, without JavaScript.',
      markdown: 'Written first, without JavaScript. And a second sentence.',
      actorId: omb.personId,
    });
    expect(again).toEqual({ saved: true });
    expect((await highlightsOf(db, id)).text).toContain('And a second sentence.');
  });

  it('a plain-text save the stored text already refuses writes nothing, not even the shared document', async () => {
    const { db, omb, id, name } = await setupUpdate();
    const text = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Stored' }] }],
    };
    await db
      .updateTable('pmc_updates')
      .set({ highlights: JSON.stringify({ program: text }) })
      .where('id', '=', id)
      .execute();
    const refused = await saveHighlightsMarkdown(db, {
      id,
      target: 'program',
      base: '',
      markdown: 'From a page opened before it was stored.',
      actorId: omb.personId,
    });
    expect(refused).toEqual({ saved: false, theirs: 'Stored\n' });
    const shared = await db
      .selectFrom('collab_documents')
      .select('name')
      .where('name', '=', name)
      .execute();
    expect(shared).toEqual([]);
  });

  it('publishing stores what is being typed first (a stale page stores nothing): a page older than that store is refused as stale, then it publishes', async () => {
    const { db, omb, id, name } = await setupUpdate();
    // Stored only when something asks: the typing has not reached the update's highlights yet.
    const s = await serve(db, { debounceMs: 3_600_000 });
    cleanups.push(s.stop);
    const a = editor(s.url, name, omb.cookie);
    cleanups.push(() => a.close());
    await a.synced;
    const { version } = await highlightsOf(db, id);
    write(a.doc, 'program', 'Typed just before publishing');
    await until(() => !a.provider.hasUnsyncedChanges, 'the acknowledgement');
    // A publish from a page older than the update itself is refused before anything is stored.
    await expect(
      publishUpdate(db, { id, version: version - 1, actorId: omb.personId }),
    ).rejects.toThrow();
    expect((await highlightsOf(db, id)).text).not.toContain('Typed just before publishing');
    await expect(publishUpdate(db, { id, version, actorId: omb.personId })).rejects.toThrow();
    const now = await highlightsOf(db, id);
    expect(now.text).toContain('Typed just before publishing');
    expect(now.status).toBe('draft');
    await publishUpdate(db, { id, version: now.version, actorId: omb.personId });
    expect((await highlightsOf(db, id)).status).toBe('published');
    await expect(
      saveHighlightsMarkdown(db, {
        id,
        target: 'program',
        base: '',
        markdown: 'After publishing',
        actorId: omb.personId,
      }),
    ).rejects.toThrow('published');
  });
});
