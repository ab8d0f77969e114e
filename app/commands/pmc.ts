/**
 * Every change to a PMC update: starting the quarter's draft, the editorial choices and
 * highlights on it, and publishing, which freezes the composed update as a snapshot. Each is
 * versioned and audited in one transaction; a published update no longer changes.
 */
import { compose } from '~/domain/pmc/compose';
import { sanitizeDoc } from '~/domain/plans/document';
import type { DB } from '#db/client';
import { RefusedError } from '#db/errors';
import { recordAudit } from '#db/audit';
import type { PublishedSnapshot } from '~/domain/pmc/snapshot';
import { choicesOf, previousPublished } from '#db/queries/pmc';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { editVersioned } from '#db/versioning';

export async function createUpdate(
  db: DB,
  input: { fy: number; q: number; actorId: number },
): Promise<number> {
  const at = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom('pmc_updates')
      .select('id')
      .where('fiscal_year', '=', input.fy)
      .where('quarter', '=', input.q)
      .executeTakeFirst();
    if (exists)
      throw new RefusedError(
        'conflict',
        `There is already an update for FY ${input.fy} Q${input.q}.`,
        'quarter',
      );
    const row = await trx
      .insertInto('pmc_updates')
      .values({
        fiscal_year: input.fy,
        quarter: input.q,
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'create',
      entityType: 'pmc_update',
      entityId: row.id,
      portfolioId: null,
      before: null,
      after: { fiscal_year: input.fy, quarter: input.q },
      at,
    });
    return row.id;
  });
}

export type UpdateChange =
  | { kind: 'exclude'; key: string; excluded: boolean }
  | { kind: 'annotate'; key: string; text: string }
  | { kind: 'order'; order: string[] }
  /** The order of one portfolio's milestones (item keys, first to last). */
  | { kind: 'item_order'; slug: string; order: string[] }
  | { kind: 'highlights'; target: string; doc: unknown };

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
      if (u.status === 'published') throw new RefusedError('conflict', published);
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
        annotations: string;
        portfolio_order: string;
        item_order: string;
        highlights: string;
      }> = {};
      if (c.kind === 'exclude') {
        const excluded = new Set(JSON.parse(u.excluded) as string[]);
        if (c.excluded) excluded.add(c.key);
        else excluded.delete(c.key);
        set.excluded = JSON.stringify([...excluded]);
      } else if (c.kind === 'annotate') {
        set.annotations = JSON.stringify({
          ...(JSON.parse(u.annotations) as Record<string, string>),
          [c.key]: c.text,
        });
      } else if (c.kind === 'order') {
        set.portfolio_order = JSON.stringify(c.order);
      } else if (c.kind === 'item_order') {
        set.item_order = JSON.stringify({
          ...(JSON.parse(u.item_order) as Record<string, string[]>),
          [c.slug]: c.order,
        });
      } else {
        const highlights = JSON.parse(u.highlights) as Record<string, unknown>;
        highlights[c.target] = sanitizeDoc(c.doc);
        set.highlights = JSON.stringify(highlights);
      }
      await trx.updateTable('pmc_updates').set(set).where('id', '=', u.id).execute();
      return {
        before: null,
        after:
          c.kind === 'highlights'
            ? { target: c.target }
            : (c as unknown as Record<string, unknown>),
      };
    },
  });
}

/** Freezes the update: the composed data and highlights as they are now. */
export async function publishUpdate(
  db: DB,
  input: { id: number; version: number; actorId: number },
): Promise<void> {
  await editVersioned(db, {
    ...draftEdit(input, 'This update is already published.'),
    action: 'publish',
    change: async (trx, u, at) => {
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
      return { before: { status: 'draft' }, after: { status: 'published' } };
    },
  });
}
