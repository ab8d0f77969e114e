import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '#db/errors';
import {
  copyJourney,
  createJourney,
  editJourney,
  getJourney,
  journeyEdits,
  toDiagram,
} from '#db/queries/journeys';
import { seedJourneys } from '#seeds/journeys';
import { parseMermaid, generateMermaid } from '~/domain/journey/mermaid';
import { demoDb, userFor } from '../helpers';

const source = [
  'journey',
  '  title Birth registration',
  '  section Hospital',
  '    Fill in the form: 2: Parent',
  '    Get the certificate: 4: Parent, Clerk',
].join('\n');

async function setup() {
  const db = await demoDb();
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  const user = await userFor(db, 'team.member@example.gov');
  const diagram = parseMermaid(source);
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
