/**
 * A plan's text as stored includes every change acknowledged to an editor, before any page reads
 * it. Changes are appended as they arrive and folded in when the live server stores the
 * document; a change still being appended when the last editor left (a link followed at once),
 * or one that landed after the live server's last store, would otherwise wait in the appended
 * rows until the document is next edited. Reading the plan folds them in first.
 */
import type { DB } from '#db/client';
import { hasUnstoredChanges } from '#db/queries/collab';
import { storePlanDocument } from '~/commands/collab';
import { collabName } from './names';
import { fieldJson, PLAN_FIELD, readMerged } from './yjs.server';

/** Folds in waiting changes; true when the plan's text changed. */
export async function settlePlanText(db: DB, planId: number): Promise<boolean> {
  const name = collabName({ kind: 'action_plan', id: planId });
  if (!(await hasUnstoredChanges(db, name))) return false;
  const current = await db
    .selectFrom('collab_documents')
    .select('state')
    .where('name', '=', name)
    .executeTakeFirst();
  if (!current) return false;
  const { version } = await storePlanDocument(db, {
    planId,
    name,
    state: new Uint8Array(current.state),
    derive: (merged) => readMerged(merged, (copy) => fieldJson(copy, PLAN_FIELD)),
  });
  return version !== null;
}
