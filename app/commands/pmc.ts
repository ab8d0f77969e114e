/**
 * Every change to a PMC update: starting the quarter's draft, the editorial choices on it (each
 * versioned and audited in one transaction), the highlights and notes (written together live,
 * decision 029; stored by app/commands/collab.ts), and publishing, which freezes the composed
 * update as a snapshot. A published update no longer changes.
 */
import type * as Y from 'yjs';
import { compose } from '~/domain/pmc/compose';
import { changeLive } from '~/collab/live.server';
import { collabName } from '~/collab/names';
import { EMPTY_FIELD, fieldJson, replaceField } from '~/collab/yjs.server';
import { sanitizeDoc } from '~/domain/plans/document';
import { keptNote, noteField, textsDigest } from '~/domain/pmc/texts';
import { fromMarkdown, toMarkdown } from '~/domain/plans/markdown';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import type { PublishedSnapshot } from '~/domain/pmc/snapshot';
import { choicesOf, previousPublished, standingUpdate } from '#db/queries/pmc';
import { isUniqueViolation } from '#db/dialect';
import { correctionRefusal, withdrawRefusal, type UpdateStatus } from '~/domain/pmc/standing';
import { hasUnstoredChanges } from '#db/queries/collab';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { assertFresh, editVersioned, type Trx } from '#db/versioning';
import { pmcAudience } from '#db/queries/notifications';
import { pmcChanged } from '~/domain/notifications/pmc';
import { notify } from './notifications';

export async function createUpdate(
  db: DB,
  input: { fy: number; q: number; actorId: number },
): Promise<number> {
  const taken = () =>
    new RefusedError('conflict', `There is already an update for FY ${input.fy} Q${input.q}.`, 'q');
  return insertUpdate(db, taken, async (trx) => {
    const rows = await trx
      .selectFrom('pmc_updates')
      .select(['id', 'status'])
      .where('fiscal_year', '=', input.fy)
      .where('quarter', '=', input.q)
      .execute();
    if (rows.some((r) => r.status !== 'withdrawn')) throw taken();
    if (rows.length > 0)
      throw new RefusedError(
        'conflict',
        `The FY ${input.fy} Q${input.q} update was withdrawn: start its correction from its page, saying what it corrects.`,
        'q',
      );
    return {
      values: { fiscal_year: input.fy, quarter: input.q },
      audit: { fiscal_year: input.fy, quarter: input.q },
      actorId: input.actorId,
    };
  });
}

/**
 * Inserts a draft update, audited, in one transaction; `prepare` checks and says what to insert.
 * Two people starting the same quarter at once: the second is refused by the database's one
 * standing update a quarter (migration 17), with the same words as the check.
 */
async function insertUpdate(
  db: DB,
  taken: () => RefusedError,
  prepare: (trx: Trx) => Promise<{
    values: {
      fiscal_year: number;
      quarter: number;
      highlights?: string;
      excluded?: string;
      annotations?: string;
      portfolio_order?: string;
      item_order?: string;
      corrects_id?: number;
      correction_note?: string;
    };
    audit: Record<string, unknown>;
    actorId: number;
  }>,
): Promise<number> {
  const at = new Date().toISOString();
  try {
    return await db.transaction().execute(async (trx) => {
      const { values, audit, actorId } = await prepare(trx);
      const row = await trx
        .insertInto('pmc_updates')
        .values({
          status: 'draft',
          highlights: '{}',
          excluded: '[]',
          annotations: '{}',
          portfolio_order: '[]',
          item_order: '{}',
          snapshot: null,
          published_at: null,
          published_by: null,
          created_at: at,
          updated_at: at,
          ...values,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorId,
        action: 'create',
        entityType: 'pmc_update',
        entityId: row.id,
        portfolioId: null,
        before: null,
        after: audit,
        at,
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/**
 * Withdraws a published update, saying why: it stays listed and readable, its snapshot as it was
 * published (nothing of it is edited), marked withdrawn; a correction can then replace it.
 */
export async function withdrawUpdate(
  db: DB,
  input: { id: number; version: number; reason: string; actorId: number },
): Promise<void> {
  await editVersioned(db, {
    table: 'pmc_updates',
    entityType: 'pmc_update',
    notFoundMessage: 'We could not find that update.',
    id: input.id,
    version: input.version,
    actorId: input.actorId,
    staleFields: ['updated_at'],
    scope: () => ({ portfolioId: null }),
    guard: (u: { status: UpdateStatus }) => {
      const refusal = withdrawRefusal(u.status);
      if (refusal) throw new RefusedError('conflict', refusal);
    },
    action: 'withdraw',
    change: async (trx, u, at) => {
      await trx
        .updateTable('pmc_updates')
        .set({
          status: 'withdrawn',
          withdrawn_at: at,
          withdrawn_by: input.actorId,
          withdrawn_reason: input.reason,
        })
        .where('id', '=', u.id)
        .execute();
      await notify(
        trx,
        pmcChanged({
          update: { id: u.id, fiscalYear: u.fiscal_year, quarter: u.quarter },
          event: 'withdrawn',
          reason: input.reason,
          audienceIds: await pmcAudience(trx),
          actorId: input.actorId,
        }),
        at,
      );
      return {
        before: { status: 'published' },
        after: { status: 'withdrawn', reason: input.reason },
      };
    },
  });
}

/**
 * Starts the correction of a withdrawn update: a draft of the same quarter that says what it
 * corrects, starting from the withdrawn update's highlights, notes, left-out items and order, so
 * the lead changes only what was wrong. It is published like any draft.
 */
export async function startCorrection(
  db: DB,
  input: { id: number; note: string; actorId: number },
): Promise<number> {
  const taken = () => new RefusedError('conflict', 'This quarter already has a standing update.');
  return insertUpdate(db, taken, async (trx) => {
    const u = await trx
      .selectFrom('pmc_updates')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (!u) throw new RefusedError('not_found', 'We could not find that update.');
    const [correctedBy, standing] = await Promise.all([
      trx.selectFrom('pmc_updates').select('id').where('corrects_id', '=', u.id).executeTakeFirst(),
      standingUpdate(trx, u.fiscal_year, u.quarter),
    ]);
    const refusal = correctionRefusal({
      status: u.status,
      correctedBy: correctedBy ?? null,
      standing,
    });
    if (refusal) throw new RefusedError('conflict', refusal);
    return {
      values: {
        fiscal_year: u.fiscal_year,
        quarter: u.quarter,
        highlights: u.highlights,
        excluded: u.excluded,
        annotations: u.annotations,
        portfolio_order: u.portfolio_order,
        item_order: u.item_order,
        corrects_id: u.id,
        correction_note: input.note,
      },
      audit: {
        fiscal_year: u.fiscal_year,
        quarter: u.quarter,
        corrects: u.id,
        note: input.note,
      },
      actorId: input.actorId,
    };
  });
}

export type UpdateChange =
  | { kind: 'exclude'; key: string; excluded: boolean }
  | { kind: 'order'; order: string[] }
  /** The order of one portfolio's milestones (item keys, first to last). */
  | { kind: 'item_order'; slug: string; order: string[] };

/** What every edit of a draft update shares: a published update is frozen, refused first. */
function draftEdit(input: { id: number; version: number; actorId: number }, published: string) {
  return {
    table: 'pmc_updates',
    entityType: 'pmc_update',
    notFoundMessage: 'We could not find that update.',
    id: input.id,
    version: input.version,
    actorId: input.actorId,
    staleFields: ['updated_at'],
    scope: () => ({ portfolioId: null }),
    guard: (u: { status: string }) => {
      if (u.status !== 'draft') throw new RefusedError('conflict', published);
    },
  } as const;
}

/** One editorial change to a draft update: versioned and audited; a published update is frozen. */
export async function changeUpdate(
  db: DB,
  input: { id: number; version: number; actorId: number; change: UpdateChange },
): Promise<void> {
  const c = input.change;
  await editVersioned(db, {
    ...draftEdit(input, 'This update is published; it no longer changes.'),
    action: c.kind,
    change: async (trx, u) => {
      const set: Partial<{
        excluded: string;
        portfolio_order: string;
        item_order: string;
      }> = {};
      if (c.kind === 'exclude') {
        const excluded = new Set(JSON.parse(u.excluded) as string[]);
        if (c.excluded) excluded.add(c.key);
        else excluded.delete(c.key);
        set.excluded = JSON.stringify([...excluded]);
      } else if (c.kind === 'order') {
        set.portfolio_order = JSON.stringify(c.order);
      } else {
        set.item_order = JSON.stringify({
          ...(JSON.parse(u.item_order) as Record<string, string[]>),
          [c.slug]: c.order,
        });
      }
      await trx.updateTable('pmc_updates').set(set).where('id', '=', u.id).execute();
      return { before: null, after: c as unknown as Record<string, unknown> };
    },
  });
}

/** Freezes the update: the composed data, highlights and notes as they are now. */
export async function publishUpdate(
  db: DB,
  input: { id: number; version: number; texts: string; actorId: number },
): Promise<void> {
  const wordsChanged = () =>
    new RefusedError(
      'conflict',
      'The highlights or notes changed since this page was opened. Read them as they are now, then publish.',
    );
  // Refused before anything is stored: a stale or repeated publish writes nothing at all.
  const current = await draftUpdate(db, input.id, 'This update is already published.');
  assertFresh(current, input.version, ['updated_at']);
  if (textsDigest(current.highlights, current.annotations) !== input.texts) throw wordsChanged();
  // The words as they are being written, stored first: typing the store's debounce has not
  // reached yet would otherwise miss the frozen update. When that store changes them, the lead
  // has not read what would be frozen, and the publish is refused. Every acknowledged change
  // waits in collab_updates until stored, so with none there, nothing is opened or written.
  if (await hasUnstoredChanges(db, collabName({ kind: 'pmc_update', id: input.id })))
    await changeLive(
      db,
      { kind: 'pmc_update', id: input.id },
      { actorId: input.actorId },
      () => {},
    );
  await editVersioned(db, {
    ...draftEdit(input, 'This update is already published.'),
    action: 'publish',
    change: async (trx, u, at) => {
      if (textsDigest(u.highlights, u.annotations) !== input.texts) throw wordsChanged();
      const previous = await previousPublished(trx, u);
      const assembled = await assembleUpdate(
        trx,
        u.fiscal_year,
        u.quarter,
        previous?.publishedAt ?? null,
      );
      const snapshot: PublishedSnapshot = {
        ...assembled,
        portfolios: compose(assembled.portfolios, choicesOf(u)),
        highlights: JSON.parse(u.highlights) as Record<string, unknown>,
        previous,
      };
      await trx
        .updateTable('pmc_updates')
        .set({
          status: 'published',
          snapshot: JSON.stringify(snapshot),
          published_at: at,
          published_by: input.actorId,
        })
        .where('id', '=', u.id)
        .execute();
      await notify(
        trx,
        pmcChanged({
          update: { id: u.id, fiscalYear: u.fiscal_year, quarter: u.quarter },
          event: 'published',
          audienceIds: await pmcAudience(trx),
          actorId: input.actorId,
        }),
        at,
      );
      return { before: { status: 'draft' }, after: { status: 'published' } };
    },
  });
}

/**
 * Refuses a change to an update that does not exist or is published; returns its version and
 * stored words (highlights and notes, JSON) otherwise.
 */
async function draftUpdate(db: DB, id: number, published: string) {
  const u = await db
    .selectFrom('pmc_updates')
    .select(['status', 'highlights', 'annotations', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!u) throw new RefusedError('not_found', 'We could not find that update.');
  if (u.status !== 'draft') throw new RefusedError('conflict', published);
  return u;
}

/**
 * A save without JavaScript of some of the update's words into its live document, leaving newer
 * words alone. `base` is what the person's page showed and `mine` what they typed, in the form
 * `stored` and `live` read the words: when the words as they are now are neither, someone else
 * changed them since, so nothing is written and they are returned for the page to show.
 */
async function saveUnlessNewer(
  db: DB,
  input: {
    id: number;
    actorId: number;
    published: string;
    base: string;
    mine: string;
    stored: (u: { highlights: string; annotations: string }) => string;
    live: (doc: Y.Doc) => string;
    write: (doc: Y.Doc) => void;
  },
): Promise<{ saved: true } | { saved: false; theirs: string }> {
  const u = await draftUpdate(db, input.id, input.published);
  const overwrites = (now: string) => now !== input.base && now !== input.mine;
  // The stored words first: a save they already refuse writes nothing, not even the live document.
  const stored = input.stored(u);
  if (overwrites(stored)) return { saved: false, theirs: stored };
  // Then the live words, which may be newer than what is stored.
  return changeLive(db, { kind: 'pmc_update', id: input.id }, { actorId: input.actorId }, (doc) => {
    const now = input.live(doc);
    if (overwrites(now)) return { saved: false, theirs: now } as const;
    input.write(doc);
    return { saved: true } as const;
  });
}

/**
 * A save of one target's highlights from the plain-text form (no JavaScript): Markdown, compared
 * with the Markdown the page showed.
 */
export async function saveHighlightsMarkdown(
  db: DB,
  input: { id: number; target: string; base: string; markdown: string; actorId: number },
): Promise<{ saved: true } | { saved: false; theirs: string }> {
  const canonical = (markdown: string) => toMarkdown(sanitizeDoc(fromMarkdown(markdown)));
  const mine = sanitizeDoc(fromMarkdown(input.markdown));
  return saveUnlessNewer(db, {
    id: input.id,
    actorId: input.actorId,
    published: 'This update is published; its highlights no longer change.',
    base: canonical(input.base),
    mine: toMarkdown(mine),
    stored: (u) =>
      toMarkdown(
        sanitizeDoc(
          (JSON.parse(u.highlights) as Record<string, unknown>)[input.target] ?? EMPTY_FIELD,
        ),
      ),
    live: (doc) => toMarkdown(fieldJson(doc, input.target)),
    write: (doc) => replaceField(doc, input.target, mine),
  });
}

/**
 * A save of one item's note from its plain-text field (no JavaScript), compared with the note
 * the page showed.
 */
export async function saveNote(
  db: DB,
  input: { id: number; key: string; base: string; text: string; actorId: number },
): Promise<{ saved: true } | { saved: false; theirs: string }> {
  const mine = keptNote(input.text);
  return saveUnlessNewer(db, {
    id: input.id,
    actorId: input.actorId,
    published: 'This update is published; its notes no longer change.',
    base: keptNote(input.base),
    mine,
    stored: (u) => (JSON.parse(u.annotations) as Record<string, string>)[input.key] ?? '',
    live: (doc) => keptNote(doc.getText(noteField(input.key)).toString()),
    write: (doc) => {
      const text = doc.getText(noteField(input.key));
      if (keptNote(text.toString()) === mine) return;
      text.delete(0, text.length);
      text.insert(0, mine);
    },
  });
}
