import type { Kysely } from 'kysely';
import { binaryType } from '../dialect';
import { idColumn } from './columns';

/**
 * Documents written together live (issue 18): each shared document's Yjs state, and the updates
 * received since it was last compacted. An update is appended before the server acknowledges it
 * to the editor, so a crash loses nothing acknowledged; compaction folds the updates into the
 * state in one transaction, naming the people whose updates it folds in. Names are `<kind>:<id>`, e.g. `action_plan:12`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('collab_documents')
    .addColumn('name', 'text', (c) => c.primaryKey().notNull())
    .addColumn('state', binaryType(db), (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('collab_updates')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('update', binaryType(db), (c) => c.notNull())
    // Who sent it: compaction names everyone whose changes it folds in, whichever server
    // received them.
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('collab_updates_name')
    .on('collab_updates')
    .columns(['name', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('collab_updates').execute();
  await db.schema.dropTable('collab_documents').execute();
}
