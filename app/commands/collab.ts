/**
 * Storing documents written together live (issue 18). Every update a person's editor sends is
 * appended before the server acknowledges it; compaction folds the updates into the document's
 * state and, for a plan, derives its JSON (read views, exports, versions, search) with one
 * version and one audit row naming everyone who edited since the last one, in one transaction.
 */
import * as Y from 'yjs';
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';
import { canonicalDoc } from '~/collab/yjs.server';
import type { DocNode } from '~/domain/plans/document';

/** Appends one update received from an editor (before it is acknowledged). */
export async function appendCollabUpdate(db: DB, name: string, update: Uint8Array): Promise<void> {
  await db
    .insertInto('collab_updates')
    .values({ name, update, at: new Date().toISOString() })
    .execute();
}

/**
 * Stores a document's first state, unless one is stored already (another server may have seeded
 * it a moment before): the state stored is the one every server loads.
 */
export async function seedCollabDocument(db: DB, name: string, state: Uint8Array): Promise<void> {
  await db
    .insertInto('collab_documents')
    .values({ name, state, updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}

/**
 * Folds the stored updates into the state. `state` is the server's document as it is now; the
 * updates read here may include some it has not applied yet (appended, then applied), so they
 * are merged in rather than dropped: merging Yjs updates is idempotent.
 */
async function compact(trx: DB, name: string, state: Uint8Array, at: string) {
  const rows = await trx
    .selectFrom('collab_updates')
    .select(['id', 'update'])
    .where('name', '=', name)
    .orderBy('id')
    .execute();
  const merged =
    rows.length === 0
      ? state
      : Y.mergeUpdates([state, ...rows.map((r) => new Uint8Array(r.update))]);
  await trx
    .insertInto('collab_documents')
    .values({ name, state: merged, updated_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ state: merged, updated_at: at }))
    .execute();
  if (rows.length > 0)
    await trx
      .deleteFrom('collab_updates')
      .where('name', '=', name)
      .where('id', '<=', rows[rows.length - 1]!.id)
      .execute();
}

/** Compacts a shared document that derives nothing (yet). */
export async function storeCollabDocument(db: DB, name: string, state: Uint8Array): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute((trx) => compact(trx, name, state, at));
}

/**
 * Compacts a plan's shared document and, when its text changed, writes the derived JSON as the
 * plan's next version with one audit row: the first editor as its actor, everyone who edited
 * named in it. Returns the new version, or null when the text is as stored.
 */
export async function storePlanDocument(
  db: DB,
  input: {
    planId: number;
    name: string;
    state: Uint8Array;
    json: DocNode;
    editors: number[];
    /** A named version (a restore, a named save): recorded even when the text is unchanged. */
    versionName?: string;
    versionNote?: string;
  },
): Promise<number | null> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await compact(trx, input.name, input.state, at);
    const plan = await trx
      .selectFrom('action_plans')
      .select(['id', 'portfolio_id', 'doc', 'version'])
      .where('id', '=', input.planId)
      .executeTakeFirst();
    if (!plan) return null;
    const doc = JSON.stringify(input.json);
    // The text as stored, read the same way: opening a plan and closing it changes nothing.
    const unchanged = doc === JSON.stringify(canonicalDoc(JSON.parse(plan.doc)));
    if (unchanged && !input.versionName) return null;
    const actor = input.editors[0] ?? null;
    // The next version claimed in the database, so a form's save at the same moment cannot take
    // the same number.
    const { version } = await trx
      .updateTable('action_plans')
      .set((eb) => ({ doc, version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', plan.id)
      .returning('version')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('action_plan_versions')
      .values({
        plan_id: plan.id,
        version,
        name: input.versionName ?? '',
        note: input.versionNote ?? '',
        doc,
        saved_by: actor,
        saved_at: at,
      })
      .execute();
    const names =
      input.editors.length === 0
        ? []
        : (
            await trx
              .selectFrom('people')
              .select(['id', 'name'])
              .where('id', 'in', input.editors)
              .execute()
          )
            .sort((a, b) => input.editors.indexOf(a.id) - input.editors.indexOf(b.id))
            .map((p) => p.name);
    await recordAudit(trx, {
      actorId: actor,
      action: input.versionName ? 'name_version' : 'save',
      entityType: 'action_plan',
      entityId: plan.id,
      portfolioId: plan.portfolio_id,
      before: { version: plan.version },
      after: { version, editors: names, ...(input.versionName ? { name: input.versionName } : {}) },
      at,
    });
    return version;
  });
}
