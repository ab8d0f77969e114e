/**
 * Two people save the same thing at the same moment, both from the same version: one save wins,
 * the other is refused as stale, and what is stored is exactly the winner's. Runs on SQLite
 * (`npm test`) and PostgreSQL (`TEST_DATABASE=postgres`), where the saves really overlap.
 * Also: 50 writers at once on one SQLite file through separate connections, none "locked".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '#db/client';
import { StaleWriteError } from '#db/errors';
import { recordAudit } from '#db/audit';
import { assessmentEdits, createAssessment, editAssessment } from '~/commands/burden';
import { editJourney, journeyEdits } from '~/commands/journeys';
import { createPlan, savePlanMarkdown } from '~/commands/plans';
import { sanitizeDoc } from '~/domain/plans/document';
import { toMarkdown } from '~/domain/plans/markdown';
import { changeUpdate, createUpdate } from '~/commands/pmc';
import { saveCharter, updatePortfolio } from '~/commands/portfolios';
import { createMilestone, updateMilestone, updateProject } from '~/commands/projects';
import { getPlan } from '#db/queries/plans';
import { getPortfolioBySlug } from '#db/queries/portfolios';
import { getMilestone, getProject } from '#db/queries/projects';
import { seedJourneys } from '#seeds/journeys';
import { demoDb, projectId, projectValues, userFor } from '../helpers';

/** Runs both saves at once; exactly one must win and the other be refused as stale. */
async function race<T>(saves: [() => Promise<T>, () => Promise<T>]) {
  const results = await Promise.allSettled(saves.map((s) => s()));
  const won = results.map((r) => r.status === 'fulfilled');
  expect(won.filter(Boolean)).toHaveLength(1);
  const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  expect(refused.reason).toBeInstanceOf(StaleWriteError);
  return won.indexOf(true);
}

async function setup() {
  const db = await demoDb();
  await seedJourneys(db);
  const a = await userFor(db, 'team.member@example.gov');
  const b = await userFor(db, 'portfolio.lead@example.gov');
  const id = await projectId(db, 'Newborn Supply Kits');
  const { project } = (await getProject(db, id))!;
  return { db, a, b, id, project };
}

describe('two people save the same thing at once', () => {
  it('a project', async () => {
    const { db, a, b, id, project } = await setup();
    const current = await projectValues(db, id);
    const values = (summary: string) => ({ ...current, summary });
    const texts = ['Summary from A', 'Summary from B'];
    const winner = await race([
      () =>
        updateProject(db, {
          projectId: id,
          actorId: a.personId,
          version: project.version,
          values: values(texts[0]!),
        }),
      () =>
        updateProject(db, {
          projectId: id,
          actorId: b.personId,
          version: project.version,
          values: values(texts[1]!),
        }),
    ]);
    const after = (await getProject(db, id))!.project;
    expect(after.summary).toBe(texts[winner]);
    expect(after.version).toBe(project.version + 1);
  });

  it('a milestone', async () => {
    const { db, a, b, id, project } = await setup();
    const input = {
      title: 'Race milestone',
      owner: 'HHS',
      timingKind: 'quarter' as const,
      fy: 2027,
      quarter: 1,
      status: 'planned' as const,
      notes: '',
    };
    const ids = { projectId: id, portfolioId: project.portfolio_id };
    const milestoneId = await createMilestone(db, { ...ids, actorId: a.personId, values: input });
    const notes = ['Notes from A', 'Notes from B'];
    const winner = await race([
      () =>
        updateMilestone(db, {
          ...ids,
          milestoneId,
          actorId: a.personId,
          version: 1,
          values: { ...input, notes: notes[0]! },
        }),
      () =>
        updateMilestone(db, {
          ...ids,
          milestoneId,
          actorId: b.personId,
          version: 1,
          values: { ...input, notes: notes[1]! },
        }),
    ]);
    const after = (await getMilestone(db, id, milestoneId))!;
    expect(after.notes).toBe(notes[winner]);
    expect(after.version).toBe(2);
  });

  it('a journey map', async () => {
    const { db, a, b, project } = await setup();
    const map = await db
      .selectFrom('journey_maps')
      .select(['id', 'version'])
      .where('portfolio_id', '=', project.portfolio_id)
      .executeTakeFirstOrThrow();
    const names = ['Stage from A', 'Stage from B'];
    const winner = await race(
      ([a, b] as const).map(
        (who, i) => () =>
          editJourney(
            db,
            { mapId: map.id, version: map.version, actorId: who.personId, action: 'add_stage' },
            (trx, m) => journeyEdits.addStage(trx, m, names[i]!),
          ),
      ) as [() => Promise<void>, () => Promise<void>],
    );
    const stages = await db
      .selectFrom('journey_stages')
      .select('name')
      .where('map_id', '=', map.id)
      .execute();
    const added = stages.map((s) => s.name).filter((n) => names.includes(n));
    expect(added).toEqual([names[winner]]);
  });

  it('a burden assessment', async () => {
    const { db, a, b, project } = await setup();
    const id = await createAssessment(db, {
      portfolioId: project.portfolio_id,
      actorId: a.personId,
      title: 'Race assessment',
      journeyMapId: null,
      serviceName: 'A named service',
      wageCents: 3000,
      wageSource: 'test',
      multiplierMilli: 1000,
    });
    const item = (description: string) => ({
      category: 'learning' as const,
      description,
      step_id: null,
      people_per_year: 100,
      occurrences_hundredths: 100,
      seconds_per_occurrence: 600,
      out_of_pocket_cents: 0,
      stress: null,
      stigma: null,
      frustration: null,
      autonomy: null,
      time_equivalent_seconds: null,
    });
    const descriptions = ['Item from A', 'Item from B'];
    const winner = await race(
      ([a, b] as const).map(
        (who, i) => () =>
          editAssessment(
            db,
            { id, version: 1, actorId: who.personId, action: 'add_item' },
            (trx, x) => assessmentEdits.addItem(trx, x, item(descriptions[i]!)),
          ),
      ) as [() => Promise<void>, () => Promise<void>],
    );
    const items = await db
      .selectFrom('burden_items')
      .select('description')
      .where('assessment_id', '=', id)
      .execute();
    expect(items.map((r) => r.description)).toEqual([descriptions[winner]]);
  });

  it('an action plan: two plain-text saves at once, each of its own section, both kept', async () => {
    const { db, a, b, project } = await setup();
    const id = await createPlan(db, {
      portfolioId: project.portfolio_id,
      fiscalYear: 2028,
      title: 'Race plan',
      actorId: a.personId,
    });
    const base = toMarkdown(sanitizeDoc(JSON.parse((await getPlan(db, id))!.plan.doc)));
    const [first, second] = base.split('\n').filter((l) => l.startsWith('## '));
    const add = (heading: string, text: string) => base.replace(heading, `${heading}\n\n${text}`);
    const saves = await Promise.all([
      savePlanMarkdown(db, {
        id,
        baseVersion: 1,
        markdown: add(first!, 'Text from A'),
        actorId: a.personId,
      }),
      savePlanMarkdown(db, {
        id,
        baseVersion: 1,
        markdown: add(second!, 'Text from B'),
        actorId: b.personId,
      }),
    ]);
    expect(saves.map((m) => m.conflicts)).toEqual([[], []]);
    const { plan } = (await getPlan(db, id))!;
    expect(plan.doc).toContain('Text from A');
    expect(plan.doc).toContain('Text from B');
  });
});

describe('two people save the same thing at once, on the tables every edit claims a version of', () => {
  it('a portfolio, and its charter', async () => {
    const { db, a, b } = await setup();
    const { portfolio, agencies } = (await getPortfolioBySlug(db, 'having-a-child'))!;
    const values = (description: string) => ({
      name: portfolio.name,
      description,
      leadAgencyId: portfolio.lead_agency_id,
      agencies: agencies.map((x) => x.id),
      cycleStartFy: portfolio.cycle_start_fy,
    });
    const texts = ['Description from A', 'Description from B'];
    const edit = (i: 0 | 1, actorId: number) => () =>
      updatePortfolio(db, {
        portfolioId: portfolio.id,
        actorId,
        version: portfolio.version,
        values: values(texts[i]!),
      });
    const winner = await race([edit(0, a.personId), edit(1, b.personId)]);
    const after = (await getPortfolioBySlug(db, 'having-a-child'))!.portfolio;
    expect(after.description).toBe(texts[winner]);
    expect(after.version).toBe(portfolio.version + 1);

    const charters = ['Charter from A', 'Charter from B'];
    const sign = (i: 0 | 1, actorId: number) => () =>
      saveCharter(db, {
        portfolioId: portfolio.id,
        actorId,
        version: after.version,
        text: charters[i]!,
      });
    const second = await race([sign(0, a.personId), sign(1, b.personId)]);
    const charter = (await getPortfolioBySlug(db, 'having-a-child'))!.portfolio;
    expect(charter.charter_text).toBe(charters[second]);
    expect(charter.charter_revision).toBe(after.charter_revision + 1);
  });

  it('a PMC update', async () => {
    const { db, a, b } = await setup();
    const id = await createUpdate(db, { fy: 2031, q: 2, actorId: a.personId });
    const keys = ['m1', 'm2'];
    const leaveOut = (i: 0 | 1, actorId: number) => () =>
      changeUpdate(db, {
        id,
        version: 1,
        actorId,
        change: { kind: 'exclude', key: keys[i]!, excluded: true },
      });
    const winner = await race([leaveOut(0, a.personId), leaveOut(1, b.personId)]);
    const row = await db
      .selectFrom('pmc_updates')
      .select(['excluded', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.excluded)).toEqual([keys[winner]]);
    expect(row.version).toBe(2);
  });
});

describe('SQLite under many writers', () => {
  it('50 writers at once through 5 connections to one file: all commit, none "locked"', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-writers-'));
    const file = path.join(dir, 'w.db');
    try {
      const first = openDatabase(file);
      await migrateToLatest(first);
      const connections = [first, ...[1, 2, 3, 4].map(() => openDatabase(file))];
      const writes = Array.from({ length: 50 }, (_, i) =>
        connections[i % connections.length]!.transaction().execute(async (trx) => {
          // Read, then write: the pattern that fails with SQLITE_BUSY when another connection
          // wrote in between, unless transactions take the write lock up front.
          const before = await trx
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow();
          await recordAudit(trx, {
            actorId: null,
            action: 'update',
            entityType: 'workspace',
            entityId: i,
            portfolioId: null,
            before: { n: Number(before.n) },
            after: null,
            at: new Date().toISOString(),
          });
        }),
      );
      const results = await Promise.allSettled(writes);
      const failed = results
        .filter((r) => r.status === 'rejected')
        .map((r) => String((r as PromiseRejectedResult).reason));
      expect(failed).toEqual([]);
      const n = await first
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'update')
        .where('entity_type', '=', 'workspace')
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(50);
      await Promise.all(connections.map((c) => c.destroy()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
