/**
 * Compaction folds appended updates into a document's stored state and deletes them. On
 * PostgreSQL an update's id is taken when it is inserted and it is visible only when it commits,
 * so ids commit out of order: an update with a smaller id can commit after compaction has read
 * the table. Compaction must delete only the updates it read, or an acknowledged change is gone
 * (from the database at once, and from everywhere once the server restarts).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '#db/client';
import { loadCollabDocument } from '#db/queries/collab';
import { appendCollabUpdate, seedCollabDocument, storePlanDocument } from '~/commands/collab';
import { createPlan } from '~/commands/plans';
import { fieldJson, PLAN_FIELD } from '~/collab/yjs.server';
import { newPostgresDatabase, onPostgres, userFor } from '../helpers';

/** A change adding a paragraph with `text`, made on `doc` (so later changes build on it). */
function typed(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(PLAN_FIELD).push([paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('compaction of a shared document', () => {
  it.runIf(onPostgres)(
    'an update that commits after compaction read the table is kept for the next one',
    async () => {
      const url = await newPostgresDatabase('demo');
      const db = openDatabase(url, { poolSize: 4 });
      const holder = new pg.Client({ connectionString: url });
      const writer = new pg.Client({ connectionString: url });
      await Promise.all([holder.connect(), writer.connect()]);
      try {
        const lead = await userFor(db, 'portfolio.lead@example.gov');
        const portfolio = await db
          .selectFrom('portfolios')
          .select('id')
          .orderBy('id')
          .executeTakeFirstOrThrow();
        const planId = await createPlan(db, {
          portfolioId: portfolio.id,
          fiscalYear: 2031,
          title: 'Compaction race',
          actorId: lead.personId,
        });
        const name = `action_plan:${planId}`;
        const server = new Y.Doc();
        await seedCollabDocument(db, name, Y.encodeStateAsUpdate(server));
        const first = typed(server, 'First, committed late.');
        const second = typed(server, 'Second, committed at once.');

        // The first update is inserted (its id taken) but not yet committed…
        await writer.query('begin');
        await writer.query(
          'insert into collab_updates (name, update, person_id, at) values ($1, $2, $3, $4)',
          [name, Buffer.from(first), lead.personId, new Date().toISOString()],
        );
        // …the second, with a larger id, commits at once…
        await appendCollabUpdate(db, { name, update: second, personId: lead.personId });
        // …and compaction reads the table, then waits to write the document (held here).
        await holder.query('begin');
        await holder.query('select 1 from collab_documents where name = $1 for update', [name]);
        const store = storePlanDocument(db, {
          planId,
          name,
          state: Y.encodeStateAsUpdate(new Y.Doc()),
          derive: (merged) => {
            const copy = new Y.Doc();
            Y.applyUpdate(copy, merged);
            return fieldJson(copy, PLAN_FIELD);
          },
        });
        // Waiting means compaction's write is queued behind the held row.
        const waiting = async () =>
          (
            await holder.query(
              'select 1 from pg_locks l join pg_stat_activity a using (pid) ' +
                'where a.datname = current_database() and not l.granted',
            )
          ).rowCount === 1;
        for (let i = 0; i < 400 && !(await waiting()); i++)
          await new Promise((r) => setTimeout(r, 10));
        expect(await waiting()).toBe(true);
        // The first update commits while compaction is between its read and its delete.
        await writer.query('commit');
        await holder.query('commit');
        await store;

        const stored = await loadCollabDocument(db, name);
        const rebuilt = new Y.Doc();
        for (const u of [stored.state, ...stored.updates.map((r) => r.update)])
          if (u) Y.applyUpdate(rebuilt, new Uint8Array(u));
        const text = rebuilt.getXmlFragment(PLAN_FIELD).toString();
        expect(text).toContain('First, committed late.');
        expect(text).toContain('Second, committed at once.');
      } finally {
        await Promise.all([holder.end(), writer.end()]);
        await db.destroy();
      }
    },
  );
});
