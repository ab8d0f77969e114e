/**
 * Archiving, restoring and deleting for good (issue 16 point 9, docs/decisions/023): archived
 * records leave the lists and pickers but stay readable and counted where the law counts them;
 * only an OMB lead deletes, with a reason, never a record a published PMC update cites, and
 * every step leaves audit rows (the earlier ones are kept).
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  archiveInfo,
  countArchived,
  countArchivedActivities,
  deletionCheck,
} from '#db/queries/archive';
import { deletePermanently, setArchived } from '~/commands/archive';
import { getAssessment, listAssessments, portfolioRollup } from '#db/queries/burden';
import { assessmentEdits, createAssessment, editAssessment } from '~/commands/burden';
import { getJourney, listJourneys } from '#db/queries/journeys';
import { createJourney } from '~/commands/journeys';
import { citableEvidence } from '#db/queries/plans';
import { createUpdate, publishUpdate } from '~/commands/pmc';
import { listActivitiesForProject, portfolioPraStatus } from '#db/queries/research';
import { activityEdits, createActivity, editActivity } from '~/commands/research';
import type { Database } from '#db/schema';
import { ActivitySchema } from '~/schemas/research';
import { demoDb, FORM_ITEM, projectId, storedWords, userFor } from '../helpers';

const KITS = 'Newborn Supply Kits';

async function setup() {
  const db = await demoDb();
  const omb = await userFor(db, 'omb.lead@example.gov');
  const team = await userFor(db, 'team.member@example.gov');
  const pf = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  return { db, omb, team, portfolioId: pf.id, projectId: await projectId(db, KITS) };
}

const version = async (
  db: Kysely<Database>,
  table: 'journey_maps' | 'burden_assessments' | 'research_activities',
  id: number,
) =>
  (await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

const auditOf = (db: Kysely<Database>, entityType: string, id: number) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'changes'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

async function newAssessment(
  db: Kysely<Database>,
  portfolioId: number,
  actorId: number,
  title: string,
  journeyMapId: number | null = null,
) {
  const id = await createAssessment(db, {
    portfolioId,
    actorId,
    title,
    journeyMapId,
    serviceName: journeyMapId ? '' : 'A service',
    wageCents: 2910,
    wageSource: '',
    multiplierMilli: 1000,
  });
  await editAssessment(db, { id, version: 1, actorId, action: 'add_item' }, (trx, a) =>
    assessmentEdits.addItem(trx, a, { ...FORM_ITEM, category: 'compliance', step_id: null }),
  );
  return id;
}

async function newActivity(db: Kysely<Database>, projectId: number, pfId: number, actor: number) {
  return createActivity(db, {
    projectId,
    portfolioId: pfId,
    actorId: actor,
    values: ActivitySchema.parse({
      title: 'Archived interviews',
      method: 'interviews',
      purpose: 'Archive test purpose',
      phase: 'discovery',
    }),
  });
}

describe('archiving and restoring', () => {
  it('hides an archived journey map, assessment and activity from lists and pickers, keeps them readable, and restores them', async () => {
    const { db, team, portfolioId, projectId: kits } = await setup();
    const mapId = await createJourney(db, {
      portfolioId,
      actorId: team.personId,
      details: {
        title: 'Archive me map',
        personas: '',
        description: '',
        versionLabel: 'as_is',
        versionName: '',
      },
    });
    const assessmentId = await newAssessment(db, portfolioId, team.personId, 'Archive me burden');
    const activityId = await newActivity(db, kits, portfolioId, team.personId);
    const before = await portfolioRollup(db, portfolioId);

    await setArchived(db, {
      kind: 'journey_map',
      id: mapId,
      version: await version(db, 'journey_maps', mapId),
      actorId: team.personId,
      archive: true,
    });
    await setArchived(db, {
      kind: 'burden_assessment',
      id: assessmentId,
      version: await version(db, 'burden_assessments', assessmentId),
      actorId: team.personId,
      archive: true,
    });
    await setArchived(db, {
      kind: 'research_activity',
      id: activityId,
      version: await version(db, 'research_activities', activityId),
      actorId: team.personId,
      archive: true,
    });

    // Gone from the lists by default, there when asked for, counted for the filter.
    expect((await listJourneys(db, portfolioId)).map((m) => m.id)).not.toContain(mapId);
    expect(
      (await listJourneys(db, portfolioId, { includeArchived: true })).map((m) => m.id),
    ).toContain(mapId);
    expect((await listAssessments(db, portfolioId)).map((a) => a.id)).not.toContain(assessmentId);
    expect(
      (await listAssessments(db, portfolioId, { includeArchived: true })).map((a) => a.id),
    ).toContain(assessmentId);
    expect((await listActivitiesForProject(db, kits)).map((a) => a.id)).not.toContain(activityId);
    expect(
      (await listActivitiesForProject(db, kits, { includeArchived: true })).map((a) => a.id),
    ).toContain(activityId);
    expect(await countArchived(db, 'journey_map', portfolioId)).toBe(1);
    expect(await countArchived(db, 'burden_assessment', portfolioId)).toBe(1);
    expect(await countArchivedActivities(db, kits)).toBe(1);
    // Not offered for new citations in a plan.
    const evidence = await citableEvidence(db, portfolioId);
    expect(evidence.activities.map((a) => a.id)).not.toContain(activityId);
    // Out of the portfolio's burden totals; still readable at its own address.
    const after = await portfolioRollup(db, portfolioId);
    expect(after.assessments).toBe(before.assessments - 1);
    expect(after.baseline.time).toBeLessThan(before.baseline.time);
    expect((await getAssessment(db, assessmentId))?.assessment.title).toBe('Archive me burden');
    expect((await getJourney(db, mapId))?.map.title).toBe('Archive me map');
    // The PRA count still reads the archived activity: the people were asked.
    const pra = await portfolioPraStatus(db, portfolioId, '2026-12-04');
    expect(pra.rows.map((r) => r.id)).toContain(activityId);

    const info = await archiveInfo(db, 'journey_map', mapId);
    expect(info).toMatchObject({ byName: 'Priya Raman', byAgency: 'USDA' });

    // Archived records are not changed until restored.
    await expect(
      editAssessment(
        db,
        {
          id: assessmentId,
          version: await version(db, 'burden_assessments', assessmentId),
          actorId: team.personId,
          action: 'add_item',
        },
        (trx, a) =>
          assessmentEdits.addItem(trx, a, { ...FORM_ITEM, category: 'learning', step_id: null }),
      ),
    ).rejects.toThrow(/archived.*Restore it first/);
    // Archiving twice, or with a stale page, is refused.
    await expect(
      setArchived(db, {
        kind: 'journey_map',
        id: mapId,
        version: await version(db, 'journey_maps', mapId),
        actorId: team.personId,
        archive: true,
      }),
    ).rejects.toThrow('already archived');
    await expect(
      setArchived(db, {
        kind: 'journey_map',
        id: mapId,
        version: 1,
        actorId: team.personId,
        archive: false,
      }),
    ).rejects.toThrow(/changed by someone else/);

    await setArchived(db, {
      kind: 'journey_map',
      id: mapId,
      version: await version(db, 'journey_maps', mapId),
      actorId: team.personId,
      archive: false,
    });
    expect((await listJourneys(db, portfolioId)).map((m) => m.id)).toContain(mapId);
    expect(await archiveInfo(db, 'journey_map', mapId)).toBeNull();

    const rows = await auditOf(db, 'journey_map', mapId);
    expect(rows.map((r) => r.action)).toEqual(['create', 'archive', 'restore']);
    expect(rows.every((r) => r.actor_id === team.personId)).toBe(true);
    expect(JSON.parse(rows[1]!.changes)).toMatchObject({
      archived_by: { before: null, after: team.personId },
    });
  }, 30_000);
});

describe('deleting for good', () => {
  it('is refused to anyone but an OMB lead, and for a record not archived first', async () => {
    const { db, omb, team, portfolioId } = await setup();
    const id = await newAssessment(db, portfolioId, team.personId, 'Not yet archived');
    await expect(
      deletePermanently(db, {
        kind: 'burden_assessment',
        id,
        actorId: omb.personId,
        reason: 'Entered by mistake twice',
      }),
    ).rejects.toThrow('Archive this burden assessment first');
    await setArchived(db, {
      kind: 'burden_assessment',
      id,
      version: await version(db, 'burden_assessments', id),
      actorId: team.personId,
      archive: true,
    });
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    for (const actor of [team, lead]) {
      await expect(
        deletePermanently(db, {
          kind: 'burden_assessment',
          id,
          actorId: actor.personId,
          reason: 'Entered by mistake twice',
        }),
      ).rejects.toThrow('Only an OMB lead');
    }
    expect(await getAssessment(db, id)).toBeDefined();
  });

  it('deletes an archived, uncited record with its reason in the audit log, which keeps its earlier rows', async () => {
    const { db, omb, team, portfolioId } = await setup();
    const id = await newAssessment(db, portfolioId, team.personId, 'Duplicate assessment');
    await setArchived(db, {
      kind: 'burden_assessment',
      id,
      version: await version(db, 'burden_assessments', id),
      actorId: team.personId,
      archive: true,
    });
    expect((await deletionCheck(db, 'burden_assessment', id))?.refusals).toEqual([]);
    await deletePermanently(db, {
      kind: 'burden_assessment',
      id,
      actorId: omb.personId,
      reason: 'A duplicate of the FY 2026 baseline',
    });
    expect(await getAssessment(db, id)).toBeUndefined();
    expect(
      await db.selectFrom('burden_items').select('id').where('assessment_id', '=', id).execute(),
    ).toEqual([]);
    const rows = await auditOf(db, 'burden_assessment', id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'add_item', 'archive', 'delete']);
    const last = rows.at(-1)!;
    expect(last.actor_id).toBe(omb.personId);
    expect(JSON.parse(last.changes)).toMatchObject({
      title: { before: 'Duplicate assessment', after: null },
      reason: { before: null, after: 'A duplicate of the FY 2026 baseline' },
    });
  });

  it('is refused for a record a published PMC update cites, and for records others depend on', async () => {
    const { db, omb, team, portfolioId, projectId: kits } = await setup();
    const cited = await newAssessment(db, portfolioId, team.personId, 'Cited assessment');
    await setArchived(db, {
      kind: 'burden_assessment',
      id: cited,
      version: await version(db, 'burden_assessments', cited),
      actorId: team.personId,
      archive: true,
    });
    // Published now, its list of changes names the assessment (created and archived since).
    const update = await createUpdate(db, { fy: 2031, q: 1, actorId: omb.personId });
    await publishUpdate(db, {
      id: update,
      version: 1,
      texts: await storedWords(db, update),
      actorId: omb.personId,
    });
    const check = await deletionCheck(db, 'burden_assessment', cited);
    expect(check?.facts.citedBy).toEqual([{ id: update, fiscalYear: 2031, quarter: 1 }]);
    await expect(
      deletePermanently(db, {
        kind: 'burden_assessment',
        id: cited,
        actorId: omb.personId,
        reason: 'No longer needed at all',
      }),
    ).rejects.toThrow('The published PMC update for FY 2031 Q1 cites this burden assessment');
    expect(await getAssessment(db, cited)).toBeDefined();

    // A map that an assessment is drawn on.
    const mapId = await createJourney(db, {
      portfolioId,
      actorId: team.personId,
      details: {
        title: 'Map with burden',
        personas: '',
        description: '',
        versionLabel: 'as_is',
        versionName: '',
      },
    });
    await newAssessment(db, portfolioId, team.personId, 'Drawn on the map', mapId);
    await setArchived(db, {
      kind: 'journey_map',
      id: mapId,
      version: await version(db, 'journey_maps', mapId),
      actorId: team.personId,
      archive: true,
    });
    // An activity with people in it: they count toward the PRA limit.
    const activityId = await newActivity(db, kits, portfolioId, team.personId);
    await editActivity(
      db,
      { id: activityId, version: 1, actorId: team.personId, action: 'add_session' },
      (trx, a) =>
        activityEdits.addSession(trx, a, {
          heldOn: '2026-11-02',
          participants: [{ code: 'P-ARCH-1', category: 'public' }],
        }),
    );
    await setArchived(db, {
      kind: 'research_activity',
      id: activityId,
      version: await version(db, 'research_activities', activityId),
      actorId: team.personId,
      archive: true,
    });
    // Checked after the update above was published: these two are named by it as well, so only
    // the dependents are asserted here, by their own words.
    const mapCheck = await deletionCheck(db, 'journey_map', mapId);
    expect(mapCheck?.refusals.join(' ')).toContain(
      'Burden assessments are drawn on this map: “Drawn on the map”',
    );
    const activityCheck = await deletionCheck(db, 'research_activity', activityId);
    expect(activityCheck?.refusals.join(' ')).toContain(
      '1 participant is recorded in its sessions. They still count toward the Paperwork Reduction Act limit',
    );
    for (const [kind, id] of [
      ['journey_map', mapId],
      ['research_activity', activityId],
    ] as const) {
      await expect(
        deletePermanently(db, { kind, id, actorId: omb.personId, reason: 'Trying to delete it' }),
      ).rejects.toThrow('Not deleted.');
    }
    expect(await getJourney(db, mapId)).toBeDefined();
  }, 30_000);
});
