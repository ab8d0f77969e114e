import type { DB } from '../client';

/**
 * A shared document as stored: its compacted Yjs state (null before its first compaction) and
 * the updates received since, oldest first. Applying the state, then every update, rebuilds it.
 */
export async function loadCollabDocument(db: DB, name: string) {
  const [doc, updates] = await Promise.all([
    db.selectFrom('collab_documents').select('state').where('name', '=', name).executeTakeFirst(),
    db
      .selectFrom('collab_updates')
      .select(['id', 'update'])
      .where('name', '=', name)
      .orderBy('id')
      .execute(),
  ]);
  return { state: doc ? new Uint8Array(doc.state) : null, updates };
}

/** Whether a shared document holds acknowledged changes not yet folded into what it derives. */
export async function hasUnstoredChanges(db: DB, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('collab_updates')
    .select('id')
    .where('name', '=', name)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
