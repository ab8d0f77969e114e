import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '#db/errors';
import { getJourney, toDiagram } from '#db/queries/journeys';
import { copyJourney, createJourney, editJourney, journeyEdits } from '~/commands/journeys';
import { seedJourneys } from '#seeds/journeys';
import { parseMermaid, generateMermaid } from '~/domain/journey/mermaid';
import { demoDb, userFor } from '../helpers';
import type { DB } from '#db/client';
import type { ChangeRecord, Trx } from '#db/versioning';
import type { AuditAction } from '~/domain/audit';

const source = [
  'journey',
  '  title Birth registration',
  '  section Hospital',
  '    Fill in the form: 2: Parent',
  '    Get the certificate: 4: Parent, Clerk',
].join('\n');

/** Runs one edit as the map's current version, as the edit page would send it. */
async function edit(
  db: DB,
  id: number,
  actorId: number,
  action: AuditAction,
  change: (trx: Trx, map: { id: number }) => Promise<ChangeRecord>,
) {
  const { version } = await db
    .selectFrom('journey_maps')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await editJourney(db, { mapId: id, version, actorId, action }, change);
}

/** The map's stages in order, each with its steps' titles in order. */
async function outline(db: DB, id: number) {
  const j = (await getJourney(db, id))!;
  return j.stages.map((s) => [s.name, s.steps.map((st) => st.title)]);
}

async function audit(db: DB, id: number) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action', 'changes', 'actor_id'])
    .where('entity_type', '=', 'journey_map')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, unknown> }));
}

const threeStages = [
  'journey',
  '  title Birth registration',
  '  section Hospital',
  '    Fill in the form: 2: Parent',
  '    Get the certificate: 4: Parent, Clerk',
  '    Take the baby home: 5: Parent',
  '  section Records office',
  '    Order copies: 3: Parent',
  '  section At home',
  '    Apply for a passport: 2: Parent',
].join('\n');

async function setup(mermaid = source) {
  const db = await demoDb();
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  const user = await userFor(db, 'team.member@example.gov');
  const diagram = parseMermaid(mermaid);
  const id = await createJourney(db, {
    portfolioId: portfolio.id,
    actorId: user.personId,
    details: {
      title: diagram.title,
      personas: '',
      description: '',
      versionLabel: 'as_is',
      versionName: '',
    },
    diagram,
  });
  return { db, id, user, portfolioId: portfolio.id };
}

describe('journey maps in the database', () => {
  it('an imported map exports back to the same Mermaid source (after normalizing)', async () => {
    const { db, id } = await setup();
    const j = (await getJourney(db, id))!;
    expect(toDiagram(j)).toEqual(parseMermaid(source));
    expect(parseMermaid(generateMermaid(toDiagram(j)))).toEqual(parseMermaid(source));
  });

  it('a stale edit is refused and changes nothing', async () => {
    const { db, id, user } = await setup();
    await editJourney(
      db,
      { mapId: id, version: 1, actorId: user.personId, action: 'add_stage' },
      (trx, map) => journeyEdits.addStage(trx, map, 'At home'),
    );
    await expect(
      editJourney(
        db,
        { mapId: id, version: 1, actorId: user.personId, action: 'add_stage' },
        (trx, map) => journeyEdits.addStage(trx, map, 'Stale stage'),
      ),
    ).rejects.toBeInstanceOf(StaleWriteError);
    const j = (await getJourney(db, id))!;
    expect(j.stages.map((s) => s.name)).toEqual(['Hospital', 'At home']);
    expect(j.map.version).toBe(2);
  });

  it('a stage of another map is refused (ids from elsewhere)', async () => {
    const { db, id, user, portfolioId } = await setup();
    const other = await createJourney(db, {
      portfolioId,
      actorId: user.personId,
      details: {
        title: 'Other',
        personas: '',
        description: '',
        versionLabel: 'as_is',
        versionName: '',
      },
      diagram: parseMermaid('journey\n title Other\n section Elsewhere\n  A: 3'),
    });
    const foreignStage = (await getJourney(db, other))!.stages[0]!.id;
    await expect(
      editJourney(
        db,
        { mapId: id, version: 1, actorId: user.personId, action: 'delete_stage' },
        (trx, map) => journeyEdits.deleteStage(trx, map, foreignStage),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await getJourney(db, other))!.stages).toHaveLength(1);
  });

  it('a copy keeps the step keys, so versions compare step by step', async () => {
    const { db, id, user } = await setup();
    const copy = await copyJourney(db, {
      mapId: id,
      actorId: user.personId,
      versionLabel: 'to_be',
      versionName: '',
    });
    const [a, b] = [(await getJourney(db, id))!, (await getJourney(db, copy))!];
    const keys = (j: typeof a) => j.stages.flatMap((s) => s.steps.map((st) => st.step_key));
    expect(keys(b)).toEqual(keys(a));
    expect(b.map.version_label).toBe('to_be');
    expect(b.map.copied_from_id).toBe(id);
  });

  it('seeds one illustrative journey per portfolio, idempotently', async () => {
    const db = await demoDb();
    expect(await seedJourneys(db)).toBe(5);
    expect(await seedJourneys(db)).toBe(0);
    const maps = await db
      .selectFrom('journey_maps')
      .select(['illustrative', 'source_note'])
      .execute();
    expect(maps).toHaveLength(5);
    expect(
      maps.every((m) => m.illustrative === 1 && m.source_note.startsWith('Illustrative')),
    ).toBe(true);
  });
});

describe('editing the stages and steps of a journey map', () => {
  it('renames a stage: one version up, one audit row with the old and new name', async () => {
    const { db, id, user } = await setup(threeStages);
    const stageId = (await getJourney(db, id))!.stages[1]!.id;
    await edit(db, id, user.personId, 'rename_stage', (trx, map) =>
      journeyEdits.renameStage(trx, map, stageId, 'County records office'),
    );
    const j = (await getJourney(db, id))!;
    expect(j.stages.map((s) => s.name)).toEqual(['Hospital', 'County records office', 'At home']);
    expect(j.stages[1]!.steps.map((s) => s.title)).toEqual(['Order copies']);
    expect(j.map.version).toBe(2);
    expect((await audit(db, id)).at(-1)).toEqual({
      action: 'rename_stage',
      actor_id: user.personId,
      changes: { stage: { before: 'Records office', after: 'County records office' } },
    });
  });

  it('moves a stage up and down, its steps with it', async () => {
    const { db, id, user } = await setup(threeStages);
    const [hospital, , home] = (await getJourney(db, id))!.stages;
    await edit(db, id, user.personId, 'move_stage', (trx, map) =>
      journeyEdits.moveStage(trx, map, home!.id, 'up'),
    );
    expect(await outline(db, id)).toEqual([
      ['Hospital', ['Fill in the form', 'Get the certificate', 'Take the baby home']],
      ['At home', ['Apply for a passport']],
      ['Records office', ['Order copies']],
    ]);
    await edit(db, id, user.personId, 'move_stage', (trx, map) =>
      journeyEdits.moveStage(trx, map, hospital!.id, 'down'),
    );
    expect((await outline(db, id)).map(([name]) => name)).toEqual([
      'At home',
      'Hospital',
      'Records office',
    ]);
    // Positions are rewritten 0..n-1, so the order never depends on ties.
    const positions = await db
      .selectFrom('journey_stages')
      .select('position')
      .where('map_id', '=', id)
      .orderBy('position')
      .execute();
    expect(positions.map((p) => p.position)).toEqual([0, 1, 2]);
    const moves = (await audit(db, id)).filter((a) => a.action === 'move_stage');
    expect(moves.map((m) => m.changes)).toEqual([
      {
        stages: {
          before: ['Hospital', 'Records office', 'At home'],
          after: ['Hospital', 'At home', 'Records office'],
        },
      },
      {
        stages: {
          before: ['Hospital', 'At home', 'Records office'],
          after: ['At home', 'Hospital', 'Records office'],
        },
      },
    ]);
    expect((await getJourney(db, id))!.map.version).toBe(3);
  });

  it.each([
    { which: 'first', index: 0, direction: 'up' as const },
    { which: 'last', index: 2, direction: 'down' as const },
  ])(
    'refuses to move the $which stage $direction, and changes nothing (no version, no audit)',
    async ({ which, index, direction }) => {
      const { db, id, user } = await setup(threeStages);
      const stageId = (await getJourney(db, id))!.stages[index]!.id;
      const auditBefore = (await audit(db, id)).length;
      await expect(
        edit(db, id, user.personId, 'move_stage', (trx, map) =>
          journeyEdits.moveStage(trx, map, stageId, direction),
        ),
      ).rejects.toMatchObject({ code: 'invalid', message: `That stage is already ${which}.` });
      expect((await outline(db, id)).map(([name]) => name)).toEqual([
        'Hospital',
        'Records office',
        'At home',
      ]);
      expect((await getJourney(db, id))!.map.version).toBe(1);
      expect(await audit(db, id)).toHaveLength(auditBefore);
    },
  );

  it('removes a stage with its steps (and their project links); the audit lists them', async () => {
    const { db, id, user, portfolioId } = await setup(threeStages);
    const hospital = (await getJourney(db, id))!.stages[0]!;
    const project = await db
      .selectFrom('projects')
      .select('id')
      .where('portfolio_id', '=', portfolioId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('journey_step_projects')
      .values({ step_id: hospital.steps[0]!.id, project_id: project.id })
      .execute();
    await edit(db, id, user.personId, 'delete_stage', (trx, map) =>
      journeyEdits.deleteStage(trx, map, hospital.id),
    );
    expect(await outline(db, id)).toEqual([
      ['Records office', ['Order copies']],
      ['At home', ['Apply for a passport']],
    ]);
    const stepIds = hospital.steps.map((s) => s.id);
    const left = await db
      .selectFrom('journey_steps')
      .select('id')
      .where('id', 'in', stepIds)
      .execute();
    expect(left).toEqual([]);
    const links = await db
      .selectFrom('journey_step_projects')
      .select('step_id')
      .where('step_id', 'in', stepIds)
      .execute();
    expect(links).toEqual([]);
    expect((await audit(db, id)).at(-1)).toMatchObject({
      action: 'delete_stage',
      changes: {
        stage: { before: 'Hospital', after: null },
        steps: {
          before: ['Fill in the form', 'Get the certificate', 'Take the baby home'],
          after: null,
        },
      },
    });
  });

  it('moves a step down within its stage; the last step cannot move further down', async () => {
    const { db, id, user } = await setup(threeStages);
    const [first] = (await getJourney(db, id))!.stages[0]!.steps;
    await edit(db, id, user.personId, 'move_step', (trx, map) =>
      journeyEdits.moveStep(trx, map, first!.id, 'down'),
    );
    expect((await outline(db, id))[0]).toEqual([
      'Hospital',
      ['Get the certificate', 'Fill in the form', 'Take the baby home'],
    ]);
    await edit(db, id, user.personId, 'move_step', (trx, map) =>
      journeyEdits.moveStep(trx, map, first!.id, 'down'),
    );
    expect((await outline(db, id))[0]).toEqual([
      'Hospital',
      ['Get the certificate', 'Take the baby home', 'Fill in the form'],
    ]);
    // Other stages are untouched.
    expect((await outline(db, id)).slice(1)).toEqual([
      ['Records office', ['Order copies']],
      ['At home', ['Apply for a passport']],
    ]);
    expect((await audit(db, id)).at(-1)).toMatchObject({
      action: 'move_step',
      changes: {
        steps: {
          before: ['Get the certificate', 'Fill in the form', 'Take the baby home'],
          after: ['Get the certificate', 'Take the baby home', 'Fill in the form'],
        },
      },
    });
    await expect(
      edit(db, id, user.personId, 'move_step', (trx, map) =>
        journeyEdits.moveStep(trx, map, first!.id, 'down'),
      ),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: 'That step is already last in its stage.',
    });
    expect((await getJourney(db, id))!.map.version).toBe(3);
  });

  it('a step alone in its stage cannot move either way', async () => {
    const { db, id, user } = await setup(threeStages);
    const only = (await getJourney(db, id))!.stages[1]!.steps[0]!;
    for (const direction of ['up', 'down'] as const) {
      await expect(
        edit(db, id, user.personId, 'move_step', (trx, map) =>
          journeyEdits.moveStep(trx, map, only.id, direction),
        ),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    expect((await getJourney(db, id))!.map.version).toBe(1);
  });
});
