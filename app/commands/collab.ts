/**
 * Storing documents written together live (issue 18). Every update a person's editor sends is
 * appended before the server acknowledges it; compaction folds the updates into the document's
 * state and, for a plan, derives its JSON (read views, exports, versions, search) with one
 * version and one audit row naming everyone who edited since the last one, in one transaction.
 */
import * as Y from 'yjs';
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';
import { canonicalDoc, EMPTY_FIELD } from '~/collab/yjs.server';
import type { DocNode } from '~/domain/plans/document';
import { changedNotes } from '~/domain/pmc/texts';

/** Updates deleted per statement: well under both databases' limits on bound parameters. */
const DELETE_BATCH = 1000;

/** Appends one update received from a person's editor (before it is acknowledged). */
export async function appendCollabUpdate(
  db: DB,
  input: { name: string; update: Uint8Array; personId: number },
): Promise<void> {
  await db
    .insertInto('collab_updates')
    .values({
      name: input.name,
      update: input.update,
      person_id: input.personId,
      at: new Date().toISOString(),
    })
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
 * Folds the stored state, this server's document (`state`) and the appended updates into one
 * stored state, and returns it with the people whose updates it folded in, in the order of their
 * first. The updates may include some this server has not applied yet (appended, then applied),
 * or another server's; merging Yjs updates is idempotent, so nothing is dropped and nothing
 * doubles, and each update's sender is named by whichever server folds it in.
 */
async function compact(
  trx: DB,
  name: string,
  state: Uint8Array,
  at: string,
): Promise<{ stored: Uint8Array; senders: number[] }> {
  // The appended updates first, then the stored state: another server compacting at the same
  // moment either has not yet deleted the updates read here, or has already stored them.
  const rows = await trx
    .selectFrom('collab_updates')
    .select(['id', 'update', 'person_id'])
    .where('name', '=', name)
    .orderBy('id')
    .execute();
  const current = await trx
    .selectFrom('collab_documents')
    .select('state')
    .where('name', '=', name)
    .executeTakeFirst();
  // What is stored (another server may have folded in changes this one has not seen), this
  // server's state, and the updates appended since.
  const merged = Y.mergeUpdates([
    ...(current ? [new Uint8Array(current.state)] : []),
    state,
    ...rows.map((r) => new Uint8Array(r.update)),
  ]);
  await trx
    .insertInto('collab_documents')
    .values({ name, state: merged, updated_at: at })
    .onConflict((oc) => oc.column('name').doUpdateSet({ state: merged, updated_at: at }))
    .execute();
  // Exactly the updates read: on PostgreSQL ids commit out of order, so an update with a smaller
  // id than the last one read may have committed since, unread; it waits for the next compaction.
  for (let i = 0; i < rows.length; i += DELETE_BATCH)
    await trx
      .deleteFrom('collab_updates')
      .where(
        'id',
        'in',
        rows.slice(i, i + DELETE_BATCH).map((r) => r.id),
      )
      .execute();
  const senders = [...new Set(rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))];
  return { stored: merged, senders };
}

/** The people's names, in the order of their ids in `ids`. */
async function namesOf(trx: DB, ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('people')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id)).map((p) => p.name);
}

/** Everyone whose changes a store folds in: the person behind a server-made change first. */
function editorsOf(actorId: number | undefined, senders: number[]): number[] {
  return [...new Set([...(actorId ? [actorId] : []), ...senders])];
}

/**
 * Compacts a plan's shared document and, when its text changed, writes the derived JSON as the
 * plan's next version with one audit row: the first editor as its actor, everyone whose changes
 * were folded in named in it (and the person behind a server-made change, such as a restore).
 * Returns the new version (null when the text is as stored) and the stored state.
 */
export async function storePlanDocument(
  db: DB,
  input: {
    planId: number;
    name: string;
    state: Uint8Array;
    /** The plan's JSON from the stored state (this server's changes and any other's). */
    derive: (stored: Uint8Array) => DocNode;
    /** The person behind a server-made change (a restore, a named save, a plain-text save). */
    actorId?: number;
    /** A named version (a restore, a named save): recorded even when the text is unchanged. */
    versionName?: string;
    versionNote?: string;
  },
): Promise<{ version: number | null; stored: Uint8Array }> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const { stored, senders } = await compact(trx, input.name, input.state, at);
    const editors = editorsOf(input.actorId, senders);
    const plan = await trx
      .selectFrom('action_plans')
      .select(['id', 'portfolio_id', 'doc', 'version'])
      .where('id', '=', input.planId)
      .executeTakeFirst();
    if (!plan) return { version: null, stored };
    const doc = JSON.stringify(input.derive(stored));
    // The text as stored, read the same way: opening a plan and closing it changes nothing.
    const unchanged = doc === JSON.stringify(canonicalDoc(JSON.parse(plan.doc)));
    if (unchanged && !input.versionName) return { version: null, stored };
    const actor = editors[0] ?? null;
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
    const names = await namesOf(trx, editors);
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
    return { version, stored };
  });
}

/**
 * Compacts a PMC update's shared document and, while the update is a draft and some of its words
 * changed, writes them into the update: the highlights (one rich-text field per target: `program`
 * and each portfolio's slug) and the items' notes (a plain-text field `note:<item key>` each),
 * with one audit row naming everyone whose changes were folded in. The update's version does not
 * move: these words merge, so the editorial forms of a page opened before are still current; a
 * publish checks the words themselves (publishUpdate). A published update's words are frozen: its
 * document is compacted, nothing else changes.
 */
export async function storeUpdateTexts(
  db: DB,
  input: {
    updateId: number;
    name: string;
    state: Uint8Array;
    /** The words, from the stored state: highlights of the targets that may have them, notes. */
    derive: (
      stored: Uint8Array,
      targets: ReadonlySet<string>,
    ) => { highlights: Record<string, DocNode>; notes: Record<string, string> };
    actorId?: number;
  },
): Promise<{ changed: boolean; stored: Uint8Array }> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const { stored, senders } = await compact(trx, input.name, input.state, at);
    const update = await trx
      .selectFrom('pmc_updates')
      .select(['id', 'status', 'highlights', 'annotations'])
      .where('id', '=', input.updateId)
      .executeTakeFirst();
    if (!update || update.status !== 'draft') return { changed: false, stored };
    const slugs = await trx.selectFrom('portfolios').select('slug').execute();
    const targets = new Set(['program', ...slugs.map((p) => p.slug)]);
    const before = JSON.parse(update.highlights) as Record<string, unknown>;
    const notesBefore = JSON.parse(update.annotations) as Record<string, string>;
    const derived = input.derive(stored, targets);
    const changedTargets = Object.keys(derived.highlights).filter(
      (t) =>
        JSON.stringify(derived.highlights[t]) !==
        JSON.stringify(before[t] === undefined ? EMPTY_FIELD : canonicalDoc(before[t])),
    );
    // A note field the document has never had keeps the note stored (written before notes were
    // live); one emptied in the document is removed.
    const notes = Object.fromEntries(
      Object.entries({ ...notesBefore, ...derived.notes }).filter(([, text]) => text !== ''),
    );
    const changedKeys = changedNotes(notesBefore, notes);
    if (changedTargets.length === 0 && changedKeys.length === 0) return { changed: false, stored };
    const editors = editorsOf(input.actorId, senders);
    await trx
      .updateTable('pmc_updates')
      .set({
        highlights: JSON.stringify({ ...before, ...derived.highlights }),
        annotations: JSON.stringify(notes),
        updated_at: at,
      })
      .where('id', '=', update.id)
      .execute();
    await recordAudit(trx, {
      actorId: editors[0] ?? null,
      action: changedTargets.length > 0 ? 'highlights' : 'annotate',
      entityType: 'pmc_update',
      entityId: update.id,
      portfolioId: null,
      before: null,
      after: {
        targets: changedTargets,
        notes: changedKeys,
        editors: await namesOf(trx, editors),
      },
      at,
    });
    return { changed: true, stored };
  });
}
