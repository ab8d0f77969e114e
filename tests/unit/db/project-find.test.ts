import { describe, expect, it } from 'vitest';
import { findProjects } from '#db/queries/projects';
import { updateProject } from '~/commands/projects';
import { agencyId, demoDb, projectId, projectValues, userFor } from '../helpers';

const page = { limit: 50, offset: 0 };

describe('findProjects', () => {
  it('filters by involved agency', async () => {
    const db = await demoDb();
    const hrsa = await agencyId(db, 'HRSA');
    const { rows, total } = await findProjects(db, { ...page, agencyId: hrsa });
    expect(rows.map((r) => r.name)).toEqual(['Alumni Peer Navigator Services']);
    expect(total).toBe(1);

    // Every project involving USDA, and only those.
    const usda = await agencyId(db, 'USDA');
    const involving = await db
      .selectFrom('project_agencies')
      .select('project_id')
      .where('agency_id', '=', usda)
      .execute();
    const byUsda = await findProjects(db, { ...page, agencyId: usda });
    expect(byUsda.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      involving.map((r) => r.project_id).sort((a, b) => a - b),
    );
    expect(byUsda.total).toBe(involving.length);
  });

  it('filters by health, alone and with the agency filter', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const kits = await projectId(db, 'Newborn Supply Kits');
    expect((await findProjects(db, { ...page, health: 'at_risk' })).total).toBe(0);
    await updateProject(db, {
      projectId: kits,
      actorId: team.personId,
      version: 1,
      values: {
        ...(await projectValues(db, kits)),
        health: 'at_risk',
        healthReason: 'Supplier delays',
      },
    });

    const atRisk = await findProjects(db, { ...page, health: 'at_risk' });
    expect(atRisk.rows.map((r) => [r.name, r.health, r.health_reason])).toEqual([
      ['Newborn Supply Kits', 'at_risk', 'Supplier delays'],
    ]);
    expect(atRisk.total).toBe(1);
    const all = await findProjects(db, page);
    const onTrack = await findProjects(db, { ...page, health: 'on_track' });
    expect(onTrack.total).toBe(all.total - 1);
    expect(onTrack.rows.every((r) => r.health === 'on_track')).toBe(true);

    // Both filters together: HHS is involved in the kits project, HRSA is not.
    const [hhs, hrsa] = [await agencyId(db, 'HHS'), await agencyId(db, 'HRSA')];
    expect(
      (await findProjects(db, { ...page, health: 'at_risk', agencyId: hhs })).rows.map((r) => r.id),
    ).toEqual([kits]);
    expect(await findProjects(db, { ...page, health: 'at_risk', agencyId: hrsa })).toEqual({
      rows: [],
      total: 0,
    });
  });
});
