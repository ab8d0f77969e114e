/**
 * A PMC update's highlights written together live: each target is a field of the update's shared
 * document; its text is derived into the update with one audit row naming the writers; a field
 * that is no target is ignored; the no-JavaScript save leaves someone else's newer text alone;
 * publishing stores what is being typed before freezing, and a published update's highlights no
 * longer change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdate, publishUpdate, saveHighlightsMarkdown, saveNote } from '~/commands/pmc';
import { MAX_NOTE_LENGTH } from '~/domain/pmc/texts';
import type { DB } from '#db/client';
import { demoDb, storedWords } from '../helpers';
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
    .select(['highlights', 'annotations', 'version', 'status'])
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

/** A new draft update, its shared document served, and the OMB lead's editor in it, synced. */
async function writingLive(options: { debounceMs?: number } = {}) {
  const update = await setupUpdate();
  const s = await serve(update.db, options);
  cleanups.push(s.stop);
  const a = editor(s.url, update.name, update.omb.cookie);
  cleanups.push(() => a.close());
  await a.synced;
  return { ...update, a };
}

describe('PMC highlights written live', () => {
  it('each target’s text reaches the update, with one audit row; a field that is no target is ignored', async () => {
    const { db, id, a } = await writingLive();
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

  it('publishing stores what is being typed first; a page that did not show those words is refused, and a stale one stores nothing', async () => {
    // Stored only when something asks: the typing has not reached the update's words yet.
    const { db, omb, id, a } = await writingLive({ debounceMs: 3_600_000 });
    const { version } = await highlightsOf(db, id);
    const shown = await storedWords(db, id);
    write(a.doc, 'program', 'Typed just before publishing');
    a.doc.getText('note:m1').insert(0, 'A note typed just before publishing');
    await until(() => !a.provider.hasUnsyncedChanges, 'the acknowledgement');
    const publish = (v: number, texts: string) =>
      publishUpdate(db, { id, version: v, texts, actorId: omb.personId });
    // From a page older than the update's choices: refused before anything is stored.
    await expect(publish(version - 1, shown)).rejects.toThrow('changed by someone else');
    expect((await highlightsOf(db, id)).text).not.toContain('Typed just before publishing');
    // From the page as it was: the words typed since are stored, and the publish is refused.
    await expect(publish(version, shown)).rejects.toThrow('highlights or notes changed');
    const now = await highlightsOf(db, id);
    expect(now.text).toContain('Typed just before publishing');
    expect(JSON.parse(now.annotations)).toEqual({ m1: 'A note typed just before publishing' });
    expect(now.status).toBe('draft');
    // Storing words does not move the version the editorial forms carry.
    expect(now.version).toBe(version);
    await publish(version, await storedWords(db, id));
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
    await expect(
      saveNote(db, { id, key: 'm1', base: '', text: 'After publishing', actorId: omb.personId }),
    ).rejects.toThrow('published');
  });
});

describe('PMC notes written live', () => {
  it('each item’s note reaches the update, kept within bounds; a field that is no item is ignored; one audit row', async () => {
    const { db, id, a } = await writingLive();
    a.doc.getText('note:m12').insert(0, '  Held with 380 staff.  ');
    a.doc.getText('note:r5').insert(0, 'x'.repeat(MAX_NOTE_LENGTH + 50));
    a.doc.getText('note:../../etc').insert(0, 'Nowhere to go');
    a.doc.getText('note:d3').insert(0, '   ');
    // A field of another kind under a note's name is no note.
    a.doc.getXmlFragment('note:g7').push([new Y.XmlElement('paragraph')]);
    await until(
      async () => JSON.parse((await highlightsOf(db, id)).annotations).m12 !== undefined,
      'the derived notes',
    );
    const notes = JSON.parse((await highlightsOf(db, id)).annotations) as Record<string, string>;
    expect(notes).toEqual({ m12: 'Held with 380 staff.', r5: 'x'.repeat(MAX_NOTE_LENGTH) });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'pmc_update')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'annotate')
      .execute();
    expect(audit).toHaveLength(1);
    const after = JSON.parse(audit[0]!.changes) as Record<string, { after: unknown }>;
    expect(after.notes!.after).toEqual(['m12', 'r5']);
    expect(after.editors!.after).toEqual(['Dana Whitfield']);

    // Emptied live, the note is gone from the update.
    const m12 = a.doc.getText('note:m12');
    m12.delete(0, m12.length);
    await until(
      async () => JSON.parse((await highlightsOf(db, id)).annotations).m12 === undefined,
      'the removed note',
    );
  });

  it('a note saved without JavaScript leaves a newer note alone, and goes live to those writing', async () => {
    const { db, omb, id, a } = await writingLive();
    const save = (base: string, text: string) =>
      saveNote(db, { id, key: 'm4', base, text, actorId: omb.personId });
    expect(await save('', 'First note')).toEqual({ saved: true });
    await until(() => a.doc.getText('note:m4').toString() === 'First note', 'the note, live');
    a.doc.getText('note:m4').insert(10, ', and more');
    await until(
      async () =>
        JSON.parse((await highlightsOf(db, id)).annotations).m4 === 'First note, and more',
      'the live change, stored',
    );
    // A page that showed "First note": the note changed since, so nothing is written.
    expect(await save('First note', 'Mine instead')).toEqual({
      saved: false,
      theirs: 'First note, and more',
    });
    expect(a.doc.getText('note:m4').toString()).toBe('First note, and more');
    // The same text as now is no conflict; a page that showed the note as it is saves.
    expect(await save('First note', 'First note, and more')).toEqual({ saved: true });
    expect(await save('First note, and more', 'Rewritten')).toEqual({ saved: true });
    await until(() => a.doc.getText('note:m4').toString() === 'Rewritten', 'the rewrite, live');
    expect(JSON.parse((await highlightsOf(db, id)).annotations)).toEqual({ m4: 'Rewritten' });
  });
});
