/**
 * Cached figures (db/cache.ts) are served only while nothing they depend on has changed: every
 * write leaves an audit row, which moves the portfolio's change stamp.
 */
import { describe, expect, it } from 'vitest';
import { getDefaultWage, portfolioRollup } from '#db/queries/burden';
import { setDefaultWage } from '~/commands/burden';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { getProject } from '#db/queries/projects';
import { createMilestone, createProject, updateMilestone } from '~/commands/projects';
import { listPortfolioSummaries, programTotals } from '#db/queries/portfolios';
import { createJourney, editJourney, journeyEdits } from '~/commands/journeys';
import { journeyView } from '~/routes/journeys/find.server';
import { portfolioPage } from '~/routes/portfolios/find.server';
import { projectPage } from '~/routes/projects/find.server';
import { collectionFigures } from '~/routes/surveys/figures.server';
import { createCollection, importDataset, setSurveyMinimum } from '~/commands/surveys';
import { REQUIRED_COLUMNS } from '~/domain/surveys/format';
import { getCollection } from '#db/queries/surveys';
import { demoDb, kitPickupCollection, projectId, userFor } from '../helpers';

describe('cached portfolio figures', () => {
  it('a milestone edit shows in the next PMC update view, and a cached view is reused until then', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Newborn Supply Kits');
    const { project } = (await getProject(db, id))!;
    const team = await userFor(db, 'team.member@example.gov');
    const values = {
      title: 'Evaluate kit uptake',
      owner: 'HHS',
      timingKind: 'quarter' as const,
      fy: 2026,
      quarter: 2,
      status: 'in_progress' as const,
      notes: '',
    };
    const ids = { projectId: id, portfolioId: project.portfolio_id, actorId: team.personId };
    const milestoneId = await createMilestone(db, { ...ids, values });
    const first = await assembleUpdate(db, 2026, 2, null, [project.portfolio_id]);
    const again = await assembleUpdate(db, 2026, 2, null, [project.portfolio_id]);
    expect(again.portfolios[0]).toBe(first.portfolios[0]);
    expect(first.portfolios[0]!.milestones.map((m) => m.title)).toContain('Evaluate kit uptake');

    await updateMilestone(db, {
      ...ids,
      milestoneId,
      version: 1,
      values: { ...values, title: 'Evaluate how families use the kits' },
    });
    const after = await assembleUpdate(db, 2026, 2, null, [project.portfolio_id]);
    const titles = after.portfolios[0]!.milestones.map((m) => m.title);
    expect(titles).toContain('Evaluate how families use the kits');
    expect(titles).not.toContain('Evaluate kit uptake');
  });

  it('a workspace-wide change (the default wage) recomputes every portfolio’s burden', async () => {
    const db = await demoDb();
    const omb = await userFor(db, 'omb.lead@example.gov');
    const portfolio = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const before = await portfolioRollup(db, portfolio.id);
    expect(await portfolioRollup(db, portfolio.id)).toBe(before);
    const wage = await getDefaultWage(db);
    await setDefaultWage(db, {
      cents: wage.cents + 100,
      source: wage.source,
      year: wage.year,
      version: wage.version,
      actorId: omb.personId,
    });
    expect(await portfolioRollup(db, portfolio.id)).not.toBe(before);
  });

  it('the dashboard counts and the portfolio’s page follow a new project', async () => {
    const db = await demoDb();
    const before = await listPortfolioSummaries(db);
    const totals = await programTotals(db);
    const child = before.find((p) => p.slug === 'having-a-child')!;
    const id = await projectId(db, 'Newborn Supply Kits');
    const { project } = (await getProject(db, id))!;
    const team = await userFor(db, 'team.member@example.gov');
    const portfolio = { id: project.portfolio_id, slug: 'having-a-child' };
    const page = await portfolioPage(db, portfolio, '2026-12-07');
    expect(await portfolioPage(db, portfolio, '2026-12-07')).toBe(page);
    expect(await portfolioPage(db, portfolio, '2026-12-08')).not.toBe(page);
    await createProject(db, {
      portfolioId: project.portfolio_id,
      actorId: team.personId,
      values: {
        name: 'Benefit finder for new parents',
        summary: 'One place to see what a family may receive.',
        painPoints: '',
        outcomesShortTerm: '',
        outcomesLongTerm: '',
        theoryOfChange: '',
        agencies: [project.owner_agency_id!],
        ownerAgencyId: project.owner_agency_id ?? undefined,
        health: 'on_track',
        healthReason: '',
      },
    });
    const after = await listPortfolioSummaries(db);
    expect(after.find((p) => p.slug === 'having-a-child')!.projects).toBe(child.projects + 1);
    expect(await programTotals(db)).toEqual({ ...totals, projects: totals.projects + 1 });
    const shown = await portfolioPage(db, portfolio, '2026-12-07');
    expect(shown.projectCounts.discovery).toBe(page.projectCounts.discovery + 1);
    expect(shown.projects.map((p) => p.name)).toContain('Benefit finder for new parents');
  });
});

describe('cached page views', () => {
  it('a journey map’s page view is reused until the map changes, then shows the change', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const portfolio = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const mapId = await createJourney(db, {
      portfolioId: portfolio.id,
      actorId: team.personId,
      details: {
        title: 'Cached map',
        description: '',
        personas: '',
        versionLabel: 'as_is',
        versionName: '',
      },
    });
    const map = { id: mapId, portfolio_id: portfolio.id };
    const first = await journeyView(db, map);
    expect(await journeyView(db, map)).toBe(first);
    expect(first.journey.stages).toEqual([]);

    await editJourney(
      db,
      { mapId, version: first.journey.map.version, actorId: team.personId, action: 'add_stage' },
      (trx, m) => journeyEdits.addStage(trx, m, 'At the hospital'),
    );
    const after = await journeyView(db, map);
    expect(after).not.toBe(first);
    expect(after.journey.stages.map((s) => s.name)).toEqual(['At the hospital']);
    expect(after.source).toContain('section At the hospital');
  });
});

describe('a project’s page view', () => {
  it('is reused until the project changes, and kept apart by day', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Newborn Supply Kits');
    const { project } = (await getProject(db, id))!;
    const team = await userFor(db, 'team.member@example.gov');
    const record = { id, portfolio_id: project.portfolio_id };
    const first = await projectPage(db, record, '2026-12-07');
    expect(await projectPage(db, record, '2026-12-07')).toBe(first);
    expect(await projectPage(db, record, '2026-12-08')).not.toBe(first);

    await createMilestone(db, {
      projectId: id,
      portfolioId: project.portfolio_id,
      actorId: team.personId,
      values: {
        title: 'Survey families after delivery',
        owner: 'HHS',
        timingKind: 'quarter',
        fy: 2027,
        quarter: 1,
        status: 'planned',
        notes: '',
      },
    });
    const after = await projectPage(db, record, '2026-12-07');
    expect(after.detail.milestones.map((m) => m.title)).toContain('Survey families after delivery');
    expect(after.changes[0]!.sentence).toMatch(/Survey families after delivery/);
  });
});

describe('a survey collection’s figures', () => {
  it('are reused until an import or the minimum changes them', async () => {
    const db = await demoDb();
    const omb = await userFor(db, 'omb.lead@example.gov');
    const team = await userFor(db, 'team.member@example.gov');
    const project = await projectId(db, 'Newborn Supply Kits');
    const { project: p } = (await getProject(db, project))!;
    const agency = await db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
    const id = await createCollection(db, {
      portfolioId: p.portfolio_id,
      actorId: team.personId,
      values: kitPickupCollection(agency.id, project),
    });
    const collection = (await getCollection(db, id))!;
    const first = await collectionFigures(db, collection);
    expect(await collectionFigures(db, collection)).toBe(first);
    expect(first.quarters).toEqual([]);

    const rows = Array.from({ length: 40 }, (_, i) =>
      [String(i % 5 === 0 ? 2 : 5), ...REQUIRED_COLUMNS.slice(1).map(() => '')].join(','),
    );
    await importDataset(db, {
      collectionId: id,
      actorId: team.personId,
      fileName: 'q1.csv',
      values: {
        fy: 2026,
        q: 1,
        volumeOfCustomers: 1000,
        customersOffered: 400,
        openText: false,
        replace: false,
      },
      text: [REQUIRED_COLUMNS.join(','), ...rows].join('\n'),
    });
    const imported = await collectionFigures(db, collection);
    expect(imported.quarters.map((q) => q.figures.respondents)).toEqual([40]);

    await setSurveyMinimum(db, { minimum: 50, version: 0, actorId: omb.personId });
    expect((await collectionFigures(db, collection)).minimum).toBe(50);
  });
});
