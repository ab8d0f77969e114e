import { describe, expect, it } from 'vitest';
import { getMyReviews, phaseEnteredAt } from '#db/queries/phases';
import { applyGateEvent } from '~/commands/phases';
import { agencyId, demoDb, projectId, userFor } from '../helpers';

const YOUNG_FAMILIES = 'Supporting young families: ideas from international models';

function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

describe('annual review (A-11 280.16), applied to the database', () => {
  it('new and seeded projects are not due: the year counts from when they entered the phase', async () => {
    const db = await demoDb();
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    const usdaPoc = await userFor(db, 'agency.poc@example.gov');
    expect((await getMyReviews(db, hhsPoc)).due).toEqual([]);
    expect((await getMyReviews(db, usdaPoc)).due).toEqual([]);
    // A year on, nobody has concurred in the phase, so every involved agency is due.
    const later = new Date(Date.now() + 400 * 24 * 3_600_000);
    expect((await getMyReviews(db, hhsPoc, later)).due.length).toBeGreaterThan(0);
  });

  it('a concurrence 13 months old is due; a re-affirmation clears it', async () => {
    const db = await demoDb();
    const id = await projectId(db, YOUNG_FAMILIES);
    const [HHS, USDA] = [await agencyId(db, 'HHS'), await agencyId(db, 'USDA')];
    const team = await userFor(db, 'team.member@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    const usdaPoc = await userFor(db, 'agency.poc@example.gov');
    const now = new Date();
    const then = monthsBefore(now, 13);

    // Thirteen months ago: asked for Design, both agencies concurred, the project moved.
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
      now: then,
    });
    for (const [user, agency] of [
      [hhsPoc, HHS],
      [usdaPoc, USDA],
    ] as const) {
      await applyGateEvent(db, {
        projectId: id,
        user,
        event: { type: 'answer', agencyId: agency, answer: 'concur', comment: '' },
        now: then,
      });
    }
    expect((await phaseEnteredAt(db, [id])).get(id)?.toISOString()).toBe(then.toISOString());

    const dueFor = async (user: typeof hhsPoc) =>
      (await getMyReviews(db, user, now)).due.filter((d) => d.project_id === id);
    expect(await dueFor(hhsPoc)).toEqual([
      expect.objectContaining({
        agency_id: HHS,
        agency_code: 'HHS',
        phase: 'design',
        lastConcurred: then.toISOString(),
      }),
    ]);
    expect(await dueFor(usdaPoc)).toHaveLength(1);

    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: hhsPoc,
        event: { type: 'reaffirm', agencyId: HHS },
        now,
      }),
    ).toMatchObject({ ok: true, result: 'reaffirmed' });
    expect(await dueFor(hhsPoc)).toEqual([]);
    // USDA has not re-affirmed, so it is still due.
    expect(await dueFor(usdaPoc)).toHaveLength(1);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('project_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'phase_reaffirmed', actor_id: hhsPoc.personId });
  });

  it('moving back restarts the year: concurrences from the later phase do not count', async () => {
    const db = await demoDb();
    const id = await projectId(db, YOUNG_FAMILIES);
    const [HHS, USDA] = [await agencyId(db, 'HHS'), await agencyId(db, 'USDA')];
    const team = await userFor(db, 'team.member@example.gov');
    const omb = await userFor(db, 'omb.lead@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    const usdaPoc = await userFor(db, 'agency.poc@example.gov');
    const now = new Date();
    const longAgo = monthsBefore(now, 20);
    const recently = monthsBefore(now, 1);
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'x' },
      now: longAgo,
    });
    await applyGateEvent(db, {
      projectId: id,
      user: hhsPoc,
      event: { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' },
      now: longAgo,
    });
    await applyGateEvent(db, {
      projectId: id,
      user: usdaPoc,
      event: { type: 'answer', agencyId: USDA, answer: 'concur', comment: '' },
      now: longAgo,
    });
    await applyGateEvent(db, {
      projectId: id,
      user: omb,
      event: { type: 'move_back', toPhase: 'discovery', reason: 'Scope changed' },
      now: recently,
    });
    expect((await phaseEnteredAt(db, [id])).get(id)?.toISOString()).toBe(recently.toISOString());
    const due = (await getMyReviews(db, hhsPoc, now)).due.filter((d) => d.project_id === id);
    expect(due).toEqual([]);
  });
});
