/**
 * Withdrawing a published PMC update and publishing its correction (issue 19, point 3): the
 * withdrawn snapshot is never edited, a quarter has one standing update, and the history says
 * what happened in plain words. Runs on SQLite and, under TEST_DATABASE=postgres, PostgreSQL.
 */
import { describe, expect, it, vi } from 'vitest';
import { RefusedError } from '#db/errors';
import { isUniqueViolation } from '#db/dialect';
import { getUpdate, listUpdates, previousPublished, updateLineage } from '#db/queries/pmc';
import { createUpdate, publishUpdate, startCorrection, withdrawUpdate } from '~/commands/pmc';
import { auditSentences, demoDb, storedWords, userFor } from '../helpers';

const refused = (message: string | RegExp) =>
  expect.objectContaining({ message: expect.stringMatching(message) as unknown });

describe('withdrawing and correcting a PMC update', () => {
  it('keeps the withdrawn snapshot, starts one correction from its words, and publishes it', async () => {
    const db = await demoDb();
    const omb = await userFor(db, 'omb.lead@example.gov');
    const actorId = omb.personId;
    const earlier = await createUpdate(db, { fy: 2024, q: 4, actorId });
    await publishUpdate(db, {
      id: earlier,
      version: 1,
      texts: await storedWords(db, earlier),
      actorId,
    });
    const id = await createUpdate(db, { fy: 2025, q: 1, actorId });
    await db
      .updateTable('pmc_updates')
      .set({ annotations: JSON.stringify({ m1: 'A note kept for the correction' }) })
      .where('id', '=', id)
      .execute();
    await publishUpdate(db, { id, version: 1, texts: await storedWords(db, id), actorId });
    const published = (await getUpdate(db, id))!;

    // Only a published update is withdrawn, at the version its page showed, with a reason.
    const draft = await createUpdate(db, { fy: 2025, q: 2, actorId });
    await expect(
      withdrawUpdate(db, { id: draft, version: 1, reason: 'Not ready', actorId }),
    ).rejects.toThrow('This update is not published; there is nothing to withdraw.');
    await expect(
      withdrawUpdate(db, { id, version: published.version - 1, reason: 'Stale', actorId }),
    ).rejects.toThrow();
    // A correction needs the update withdrawn first.
    await expect(startCorrection(db, { id, note: 'Too early', actorId })).rejects.toThrow(
      'Only a withdrawn update is corrected: withdraw it first, saying why.',
    );

    await withdrawUpdate(db, {
      id,
      version: published.version,
      reason: 'The burden figures were wrong',
      actorId,
    });
    const withdrawn = (await getUpdate(db, id))!;
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawn_by: actorId,
      withdrawn_reason: 'The burden figures were wrong',
      snapshot: published.snapshot,
      published_at: published.published_at,
      highlights: published.highlights,
    });
    await expect(
      withdrawUpdate(db, { id, version: withdrawn.version, reason: 'Again', actorId }),
    ).rejects.toThrow('This update is already withdrawn.');
    // A later quarter counts its changes from the last update still of record.
    expect((await previousPublished(db, { id: draft, fiscal_year: 2025, quarter: 2 }))?.id).toBe(
      earlier,
    );
    // The quarter is not started afresh: its correction is, from the withdrawn update's page.
    await expect(createUpdate(db, { fy: 2025, q: 1, actorId })).rejects.toThrow(
      /was withdrawn: start its correction/,
    );

    const correction = await startCorrection(db, {
      id,
      note: 'Burden reduced now counts only finished redesigns',
      actorId,
    });
    expect(await getUpdate(db, correction)).toMatchObject({
      status: 'draft',
      fiscal_year: 2025,
      quarter: 1,
      corrects_id: id,
      correction_note: 'Burden reduced now counts only finished redesigns',
      annotations: published.annotations,
      highlights: published.highlights,
      snapshot: null,
    });
    await expect(startCorrection(db, { id, note: 'A second one', actorId })).rejects.toThrow(
      'This update already has a correction.',
    );
    await expect(createUpdate(db, { fy: 2025, q: 1, actorId })).rejects.toThrow(
      'There is already an update for FY 2025 Q1.',
    );
    // The database holds it too, whatever a command checks.
    const again = db
      .insertInto('pmc_updates')
      .values({
        fiscal_year: 2025,
        quarter: 1,
        status: 'draft',
        highlights: '{}',
        excluded: '[]',
        annotations: '{}',
        portfolio_order: '[]',
        created_at: 'now',
        updated_at: 'now',
      })
      .execute();
    await expect(again).rejects.toSatisfy(isUniqueViolation);

    await publishUpdate(db, {
      id: correction,
      version: 1,
      texts: await storedWords(db, correction),
      actorId,
    });
    expect((await getUpdate(db, id))!.snapshot).toBe(published.snapshot);

    const lineage = await updateLineage(db, (await getUpdate(db, id))!);
    expect(lineage.withdrawn).toMatchObject({ by: 'Dana Whitfield' });
    expect(lineage.correctedBy).toMatchObject({ id: correction, status: 'published' });
    const corrects = await updateLineage(db, (await getUpdate(db, correction))!);
    expect(corrects.corrects).toMatchObject({
      id,
      note: 'Burden reduced now counts only finished redesigns',
    });

    // Both stay listed, the correction first.
    const quarter = (await listUpdates(db)).filter(
      (u) => u.fiscal_year === 2025 && u.quarter === 1,
    );
    expect(quarter.map((u) => [u.id, u.status])).toEqual([
      [correction, 'published'],
      [id, 'withdrawn'],
    ]);
    // Each frozen update's burden reduced is read from its snapshot, alike on every call (the
    // snapshot's text is read once per server); a draft has none. (The demo program has reduced
    // no burden yet: the stored snapshot is given a figure.)
    const frozen = JSON.parse((await getUpdate(db, correction))!.snapshot!) as {
      portfolios: { burden: { reducedHoursNumber: number } }[];
    };
    frozen.portfolios[0]!.burden.reducedHoursNumber = 125.5;
    frozen.portfolios[1]!.burden.reducedHoursNumber = 4.25;
    await db
      .updateTable('pmc_updates')
      .set({ snapshot: JSON.stringify(frozen) })
      .where('id', '=', correction)
      .execute();
    const hours = 129.75;
    // As a server that has not read it yet (this one parsed it when publishing).
    vi.resetModules();
    const unread = await import('#db/queries/pmc');
    for (let call = 0; call < 2; call++) {
      const listed = await unread.listUpdates(db);
      expect(listed.find((u) => u.id === correction)!.reducedHours).toBe(hours);
      expect(listed.find((u) => u.id === draft)!.reducedHours).toBe(0);
    }

    // The history says it in words.
    const sentences = (await auditSentences(db, 'pmc_update'))
      .filter(
        (r) =>
          ['withdraw', 'create'].includes(r.action) &&
          [String(id), String(correction)].includes(r.entityId),
      )
      .map((r) => r.said.sentence);
    expect(sentences).toEqual([
      expect.stringMatching(/^Dana Whitfield \(OMB\) started /),
      expect.stringMatching(
        /^Dana Whitfield \(OMB\) withdrew .*, saying: “The burden figures were wrong”\.$/,
      ),
      expect.stringMatching(
        /^Dana Whitfield \(OMB\) started a correction of .*, correcting: “Burden reduced now counts only finished redesigns”\.$/,
      ),
    ]);
  });

  it('refuses an unknown update', async () => {
    const db = await demoDb();
    const omb = await userFor(db, 'omb.lead@example.gov');
    await expect(
      startCorrection(db, { id: 999_999, note: 'Nothing here', actorId: omb.personId }),
    ).rejects.toBeInstanceOf(RefusedError);
    await expect(
      withdrawUpdate(db, {
        id: 999_999,
        version: 1,
        reason: 'Nothing here',
        actorId: omb.personId,
      }),
    ).rejects.toThrow(refused('We could not find that update.'));
  });
});
