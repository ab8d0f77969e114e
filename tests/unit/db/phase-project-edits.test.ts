import { describe, expect, it } from 'vitest';
import type { RefusedError } from '#db/errors';
import { StaleWriteError } from '#db/errors';
import { applyGateEvent } from '~/commands/phases';
import { getCharter } from '#db/queries/portfolio-admin';
import { saveCharter, signCharter } from '~/commands/portfolios';
import { getProject } from '#db/queries/projects';
import { createMilestone, updateMilestone, updateProject } from '~/commands/projects';
import { agencyId, demoDb, projectId, projectValues, userFor } from '../helpers';

describe('project and milestone edits', () => {
  it('a stale save is refused with the saved values and never overwrites newer work', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Newborn Supply Kits');
    const team = await userFor(db, 'team.member@example.gov');
    const base = await projectValues(db, id);
    await updateProject(db, {
      projectId: id,
      actorId: team.personId,
      version: 1,
      values: { ...base, summary: 'First save' },
    });
    const stale = updateProject(db, {
      projectId: id,
      actorId: team.personId,
      version: 1,
      values: { ...base, summary: 'Second, stale' },
    });
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await stale.catch((e: StaleWriteError) => {
      expect(e.current.summary).toBe('First save');
      expect(e.currentVersion).toBe(2);
    });
    expect((await getProject(db, id))!.project.summary).toBe('First save');
  });

  it('involved agencies must belong to the portfolio; nothing changes otherwise', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Newborn Supply Kits');
    const team = await userFor(db, 'team.member@example.gov');
    const base = await projectValues(db, id);
    const va = await agencyId(db, 'VA');
    await expect(
      updateProject(db, {
        projectId: id,
        actorId: team.personId,
        version: 1,
        values: { ...base, name: 'Changed', agencies: [...base.agencies, va] },
      }),
    ).rejects.toMatchObject({ code: 'invalid', field: 'agencies' } satisfies Partial<RefusedError>);
    expect((await getProject(db, id))!.project.name).toBe('Newborn Supply Kits');
  });

  it('involved agencies cannot change while a phase request waits for their answers', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Supporting young families: ideas from international models');
    const team = await userFor(db, 'team.member@example.gov');
    const base = await projectValues(db, id);
    const [hhs, ssa] = [await agencyId(db, 'HHS'), await agencyId(db, 'SSA')];
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
    });
    const snapshot = async () => ({
      detail: await getProject(db, id),
      audit: await db.selectFrom('audit_log').select('id').orderBy('id').execute(),
    });
    const before = await snapshot();
    for (const agencies of [
      base.agencies.filter((a) => a !== hhs), // a removed agency could still block the request
      [...base.agencies, ssa], // an added one would never be asked
    ]) {
      await expect(
        updateProject(db, {
          projectId: id,
          actorId: team.personId,
          version: 1,
          values: { ...base, name: 'Changed too', agencies },
        }),
      ).rejects.toMatchObject({
        code: 'conflict',
        field: 'agencies',
        message:
          'The involved agencies cannot change while a phase request is waiting for their answers. Change them after the request is decided.',
      } satisfies Partial<RefusedError>);
      expect(await snapshot()).toEqual(before);
    }
    // Other fields can still be edited, with the agencies as they are (in any order).
    await updateProject(db, {
      projectId: id,
      actorId: team.personId,
      version: 1,
      values: { ...base, summary: 'Edited mid-review', agencies: [...base.agencies].reverse() },
    });
    expect((await getProject(db, id))!.project.summary).toBe('Edited mid-review');
  });

  it('milestones are versioned too and every change is logged against the project', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Newborn Supply Kits');
    const { project } = (await getProject(db, id))!;
    const team = await userFor(db, 'team.member@example.gov');
    const input = {
      title: 'Evaluate kit uptake',
      owner: 'HHS',
      timingKind: 'quarter' as const,
      fy: 2026,
      quarter: 2,
      status: 'planned' as const,
      notes: '',
    };
    const mid = await createMilestone(db, {
      projectId: id,
      portfolioId: project.portfolio_id,
      actorId: team.personId,
      values: input,
    });
    const ids = {
      projectId: id,
      portfolioId: project.portfolio_id,
      milestoneId: mid,
      actorId: team.personId,
    };
    await updateMilestone(db, { ...ids, version: 1, values: { ...input, status: 'in_progress' } });
    await expect(
      updateMilestone(db, { ...ids, version: 1, values: { ...input, status: 'missed' } }),
    ).rejects.toBeInstanceOf(StaleWriteError);
    const log = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('project_id', '=', id)
      .execute();
    expect(log).toEqual([
      { action: 'create', entity_type: 'milestone' },
      { action: 'update', entity_type: 'milestone' },
    ]);
  });

  it('editing a signed charter marks the signatures as needing renewal', async () => {
    const db = await demoDb();
    const portfolio = await db
      .selectFrom('portfolios')
      .select(['id'])
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    const pmc = await userFor(db, 'pmc.member@example.gov');
    const usda = await agencyId(db, 'USDA');
    await saveCharter(db, {
      portfolioId: portfolio.id,
      actorId: lead.personId,
      version: 1,
      text: 'We, the agencies…',
    });
    await signCharter(db, { portfolioId: portfolio.id, agencyId: usda, actorId: pmc.personId });
    await expect(
      signCharter(db, { portfolioId: portfolio.id, agencyId: usda, actorId: pmc.personId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    let charter = await getCharter(db, portfolio.id);
    expect(charter.agencies.find((a) => a.id === usda)?.signature?.needsRenewal).toBe(false);
    await saveCharter(db, {
      portfolioId: portfolio.id,
      actorId: lead.personId,
      version: 2,
      text: 'We, the agencies, agree…',
    });
    charter = await getCharter(db, portfolio.id);
    expect(charter.agencies.find((a) => a.id === usda)?.signature?.needsRenewal).toBe(true);
  });
});
