/**
 * What a quarter's PMC update gathers from the database, per portfolio, and what publishing
 * freezes: decisions, pending gates, risks with their reasons, burden reduced, PRA status, the
 * quarter's milestones, and the changes since the last update published before this one.
 */
import { describe, expect, it } from 'vitest';
import type { PublishedSnapshot } from '~/domain/pmc/snapshot';
import { getUpdate, previousPublished } from '#db/queries/pmc';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { createUpdate, publishUpdate } from '~/commands/pmc';
import { getAssessment } from '#db/queries/burden';
import {
  assessmentEdits,
  copyAssessmentToBe,
  createAssessment,
  editAssessment,
} from '~/commands/burden';
import { copyJourney } from '~/commands/journeys';
import { applyGateEvent } from '~/commands/phases';
import { createMilestone, updateMilestone, updateProject } from '~/commands/projects';
import { activityEdits, createActivity, editActivity } from '~/commands/research';
import { seedJourneys } from '#seeds/journeys';
import { CHANGES_KEPT } from '~/domain/pmc/changes';
import { quarterOf } from '~/domain/pmc/quarter';
import {
  agencyId,
  demoDb,
  projectId,
  projectValues,
  storedWords,
  userFor,
  FORM_ITEM,
} from '../helpers';

const YOUNG_FAMILIES = 'Supporting young families: ideas from international models';
const KITS = 'Newborn Supply Kits';
const NAVIGATORS = 'Alumni Peer Navigator Services';

/** Audit times are milliseconds: a pause keeps "before" and "after" a publication apart. */
const tick = () => new Promise((r) => setTimeout(r, 5));

const burdenItem = FORM_ITEM;

describe('assembling and publishing a PMC update', () => {
  it('gathers each part from live data, counts changes since the last earlier update, and publishing freezes it', async () => {
    const db = await demoDb();
    await seedJourneys(db);
    const today = new Date().toISOString().slice(0, 10);
    const { fy, q } = quarterOf(today);
    const earlier = q > 1 ? { fy, q: q - 1 } : { fy: fy - 1, q: 4 };
    const omb = await userFor(db, 'omb.lead@example.gov');
    const team = await userFor(db, 'team.member@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    const usdaPoc = await userFor(db, 'agency.poc@example.gov');
    const pf = await db
      .selectFrom('portfolios')
      .select(['id', 'slug'])
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const [families, kits, navigators] = [
      await projectId(db, YOUNG_FAMILIES),
      await projectId(db, KITS),
      await projectId(db, NAVIGATORS),
    ];
    const milestone = (title: string) =>
      createMilestone(db, {
        projectId: kits,
        portfolioId: pf.id,
        actorId: team.personId,
        values: {
          title,
          owner: 'HHS',
          timingKind: 'date',
          dueDate: today,
          status: 'completed',
          completedOn: today,
          notes: '',
        },
      });

    // A change before the earlier quarter's update is published: not "since" it.
    await milestone('Added before the last update');
    await tick();
    const earlierId = await createUpdate(db, { ...earlier, actorId: omb.personId });
    await publishUpdate(db, {
      id: earlierId,
      version: 1,
      texts: await storedWords(db, earlierId),
      actorId: omb.personId,
    });
    await tick();

    // Older changes since then, enough for the list to be capped.
    let version = 1;
    for (let i = 0; i < 8; i++) {
      const values = await projectValues(db, navigators);
      await updateProject(db, {
        projectId: navigators,
        actorId: team.personId,
        version: version++,
        values: { ...values, summary: `${values.summary} (${i})` },
      });
    }

    // A phase decision: a request, two concurrences, and the project moves to Design.
    const [HHS, USDA] = [await agencyId(db, 'HHS'), await agencyId(db, 'USDA')];
    for (const [user, event] of [
      [team, { type: 'request', toPhase: 'design', evidence: 'Workshop findings' }],
      [hhsPoc, { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' }],
      [usdaPoc, { type: 'answer', agencyId: USDA, answer: 'concur', comment: '' }],
    ] as const) {
      expect(await applyGateEvent(db, { projectId: families, user, event })).toMatchObject({
        ok: true,
      });
    }

    // An update for a later quarter, published in the meantime, does not reset "since".
    await tick();
    const laterId = await createUpdate(db, { fy: fy + 1, q, actorId: omb.personId });
    await publishUpdate(db, {
      id: laterId,
      version: 1,
      texts: await storedWords(db, laterId),
      actorId: omb.personId,
    });
    await tick();

    // A gate pending, a project at risk with its reason, a milestone completed this quarter.
    expect(
      await applyGateEvent(db, {
        projectId: kits,
        user: team,
        event: { type: 'request', toPhase: 'measurement', evidence: 'Kits delivered' },
      }),
    ).toMatchObject({ ok: true, result: 'requested' });
    const navValues = await projectValues(db, navigators);
    await updateProject(db, {
      projectId: navigators,
      actorId: team.personId,
      version,
      values: { ...navValues, health: 'at_risk', healthReason: 'Grant funding ends in June' },
    });
    const newMilestone = await milestone('Deliver the kits in two more states');

    // Burden reduced: an as-is assessment and its to-be copy with the step shortened.
    const map = await db
      .selectFrom('journey_maps')
      .select('id')
      .where('portfolio_id', '=', pf.id)
      .executeTakeFirstOrThrow();
    const step = await db
      .selectFrom('journey_steps')
      .select('id')
      .where('map_id', '=', map.id)
      .where('title', '=', 'Apply for WIC')
      .executeTakeFirstOrThrow();
    const asIs = await createAssessment(db, {
      portfolioId: pf.id,
      actorId: team.personId,
      title: 'As-is',
      journeyMapId: map.id,
      serviceName: '',
      wageCents: 3000,
      wageSource: 'test',
      multiplierMilli: 1000,
    });
    await editAssessment(
      db,
      { id: asIs, version: 1, actorId: team.personId, action: 'add_item' },
      (trx, a) =>
        assessmentEdits.addItem(trx, a, {
          ...burdenItem,
          category: 'compliance',
          step_id: step.id,
        }),
    );
    await copyJourney(db, {
      mapId: map.id,
      actorId: team.personId,
      versionLabel: 'to_be',
      versionName: '',
    });
    const toBe = await copyAssessmentToBe(db, { id: asIs, actorId: team.personId, title: 'To-be' });
    const detail = (await getAssessment(db, toBe))!;
    await editAssessment(
      db,
      { id: toBe, version: 1, actorId: team.personId, action: 'save_item' },
      (trx, a) =>
        assessmentEdits.updateItem(trx, a, detail.items[0]!.id, {
          ...burdenItem,
          category: 'compliance',
          step_id: detail.items[0]!.step_id,
          seconds_per_occurrence: 900,
        }),
    );

    // Research: one activity whose collection reached nine members of the public.
    const activity = await createActivity(db, {
      projectId: kits,
      portfolioId: pf.id,
      actorId: team.personId,
      values: {
        title: 'Interviews',
        method: 'interviews',
        purpose: 'Learn how parents use the kit',
        questions: '1. What did you use first?',
        unscripted: false,
        phase: 'development',
        screeningQuestions: '',
        incentiveDollars: null,
        incentiveKind: '',
        counselApproved: false,
      },
    });
    await editActivity(
      db,
      { id: activity, version: 1, actorId: team.personId, action: 'add_session' },
      (trx, a) =>
        activityEdits.addSession(trx, a, {
          heldOn: today,
          participants: Array.from({ length: 9 }, (_, i) => ({
            code: `P-${i}`,
            category: 'public' as const,
          })),
        }),
    );

    // The update for this quarter counts from the earlier quarter's publication.
    const currentId = await createUpdate(db, { fy, q, actorId: omb.personId });
    const previous = await previousPublished(db, (await getUpdate(db, currentId))!);
    const earlierRow = (await getUpdate(db, earlierId))!;
    expect(previous).toEqual({
      id: earlierId,
      fiscalYear: earlier.fy,
      quarter: earlier.q,
      publishedAt: earlierRow.published_at,
    });
    // For the later quarter's update, this quarter's is not published: the earlier one counts.
    expect((await previousPublished(db, (await getUpdate(db, laterId))!))?.id).toBe(earlierId);

    const assembled = await assembleUpdate(db, fy, q, previous!.publishedAt);
    expect(assembled.since).toBe(previous!.publishedAt);
    const p = assembled.portfolios.find((x) => x.slug === pf.slug)!;

    expect(p.decisions).toEqual([
      {
        key: expect.stringMatching(/^d\d+$/),
        text: `${YOUNG_FAMILIES}: moved to design`,
        detail: today,
      },
    ]);
    expect(p.pending).toEqual([
      {
        key: expect.stringMatching(/^g\d+$/),
        text: `${KITS}: asks for measurement`,
        detail: `since ${today}`,
      },
    ]);
    expect(p.risks).toEqual([
      {
        key: `r${navigators}`,
        text: `${NAVIGATORS}: at risk`,
        detail: 'Grant funding ends in June',
      },
    ]);
    expect(p.byPhase).toMatchObject({ design: 1, development: 2 });
    expect(p.burden).toEqual({
      reducedHours: '500.00',
      reducedHoursNumber: 500,
      reducedCost: '$15,000.00',
    });
    expect(p.pra).toEqual({ activities: 1, at_limit: 1 });
    expect(p.milestones.find((m) => m.key === `m${newMilestone}`)).toMatchObject({
      title: 'Deliver the kits in two more states',
      status: 'completed',
      detail: KITS,
      buckets: ['completed', 'new'],
    });

    // The changes: all counted, the newest kept, read from the audit log since `previous`.
    const since = await db
      .selectFrom('audit_log')
      .select(['id', 'entity_type'])
      .where('portfolio_id', '=', pf.id)
      .where('at', '>', previous!.publishedAt)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(since.length).toBeGreaterThan(CHANGES_KEPT);
    expect(p.changesSinceLast).toBe(since.length);
    expect(p.changes.map((c) => c.id)).toEqual(since.slice(0, CHANGES_KEPT).map((r) => r.id));
    // Changes made before the later quarter's publication count too.
    expect(p.changes.find((c) => c.action === 'phase_advanced')).toMatchObject({
      entityType: 'project_phase',
      label: YOUNG_FAMILIES,
      actor: usdaPoc.name,
    });
    expect(p.changes.find((c) => c.label === 'Added before the last update')).toBeUndefined();
    expect(p.changes.find((c) => c.entityId === String(newMilestone))).toMatchObject({
      actor: team.name,
      action: 'create',
      entityType: 'milestone',
      label: 'Deliver the kits in two more states',
      project: KITS,
    });
    expect(
      p.changes.find((c) => c.entityType === 'project' && c.fields.includes('health')),
    ).toMatchObject({
      label: NAVIGATORS,
      project: null,
      fields: ['health', 'health_reason'],
    });
    // Each change is kept as a plain-language sentence with who (and agency) and a link.
    const added = p.changes.find((c) => c.entityId === String(newMilestone))!.sentence!;
    expect(added.who).toMatch(new RegExp(`^${team.name} \\([A-Z]+\\)$`));
    expect(added.sentence).toBe(
      `${added.who} added milestone “Deliver the kits in two more states” in project “${KITS}”.`,
    );
    expect(added.target?.href).toMatch(/^\/projects\/\d+$/);
    for (const c of p.changes) expect(c.sentence?.sentence).not.toMatch(/[a-z]+_[a-z]+/);
    // The same window curated (domain/pmc/curate.ts): the phase move, the milestone completed.
    expect(p.curated.map((c) => [c.kind, c.text])).toEqual([
      ['phase', `${YOUNG_FAMILIES}: moved to Design`],
      [
        'done',
        expect.stringMatching(
          /^Milestone ‘Deliver the kits in two more states’ completed on [A-Z][a-z]+ \d{1,2}, \d{4}$/,
        ),
      ],
      ['burden', 'Burden reduced by 500.00 hours a year'],
    ]);
    expect(p.curated[1]).toMatchObject({ key: `cm${newMilestone}`, detail: KITS });

    // Publishing freezes the composed update; later edits change the live one only.
    await publishUpdate(db, {
      id: currentId,
      version: 1,
      texts: await storedWords(db, currentId),
      actorId: omb.personId,
    });
    const frozen = (await getUpdate(db, currentId))!.snapshot!;
    const snapshot = JSON.parse(frozen) as PublishedSnapshot;
    expect(snapshot.previous).toEqual(previous);
    const published = snapshot.portfolios.find((x) => x.slug === pf.slug)!;
    expect(published).toEqual({ ...p, annotations: {} });

    await updateMilestone(db, {
      projectId: kits,
      portfolioId: pf.id,
      milestoneId: newMilestone,
      actorId: team.personId,
      version: 1,
      values: {
        title: 'Renamed after publishing',
        owner: 'HHS',
        timingKind: 'date',
        dueDate: today,
        status: 'completed',
        completedOn: today,
        notes: '',
      },
    });
    const live = (await assembleUpdate(db, fy, q, previous!.publishedAt)).portfolios.find(
      (x) => x.slug === pf.slug,
    )!;
    expect(live.milestones.find((m) => m.key === `m${newMilestone}`)!.title).toBe(
      'Renamed after publishing',
    );
    expect(live.changesSinceLast).toBe(since.length + 1);
    const after = (await getUpdate(db, currentId))!;
    expect(after.snapshot).toBe(frozen);
    const again = JSON.parse(after.snapshot!) as PublishedSnapshot;
    const still = again.portfolios.find((x) => x.slug === pf.slug)!;
    expect(still.milestones.find((m) => m.key === `m${newMilestone}`)!.title).toBe(
      'Deliver the kits in two more states',
    );
    expect(still.changesSinceLast).toBe(since.length);
    await expect(
      publishUpdate(db, {
        id: currentId,
        version: after.version,
        texts: await storedWords(db, currentId),
        actorId: omb.personId,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('what an update marks new (issue 16)', () => {
  it('seeded milestones are not new; new is created or changed since the last published update, else in the quarter', async () => {
    const db = await demoDb();
    const today = new Date().toISOString().slice(0, 10);
    // The current quarter: the seed loaded every milestone today, inside it.
    const { fy, q } = quarterOf(today);
    const omb = await userFor(db, 'omb.lead@example.gov');
    const team = await userFor(db, 'team.member@example.gov');
    const pf = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const kits = await projectId(db, KITS);
    const portfolioOf = async (since: string | null) =>
      (await assembleUpdate(db, fy, q, since, [pf.id])).portfolios[0]!;
    const byKey = (p: Awaited<ReturnType<typeof portfolioOf>>, id: number) =>
      p.milestones.find((m) => m.key === `m${id}`);

    // None published: the seeded milestones (FY23–FY25 public data) are listed, none as new.
    const before = await portfolioOf(null);
    expect(before.milestones.length).toBeGreaterThan(0);
    for (const m of before.milestones) {
      expect(m.buckets).not.toContain('new');
      expect(m.fresh).toBeNull();
    }

    // A milestone a person creates now, planned for a later year: listed as new, with its time.
    const later = {
      title: 'Plan the kits for FY+2',
      owner: 'HHS',
      timingKind: 'quarter' as const,
      fy: fy + 2,
      quarter: 1,
      status: 'planned' as const,
      notes: '',
    };
    const created = await createMilestone(db, {
      projectId: kits,
      portfolioId: pf.id,
      actorId: team.personId,
      values: later,
    });
    // A seeded milestone in progress, changed now: marked changed where it is listed.
    const seeded = await db
      .selectFrom('milestones')
      .selectAll()
      .where(
        'id',
        '=',
        Number(before.milestones.find((m) => m.status === 'in_progress')!.key.slice(1)),
      )
      .executeTakeFirstOrThrow();
    const createdAt = (
      await db
        .selectFrom('audit_log')
        .select('at')
        .where('entity_type', '=', 'milestone')
        .where('entity_id', '=', String(created))
        .executeTakeFirstOrThrow()
    ).at;
    const inQuarter = await portfolioOf(null);
    expect(byKey(inQuarter, created)).toMatchObject({
      buckets: ['new'],
      fresh: { kind: 'new', at: createdAt },
    });
    expect(byKey(inQuarter, seeded.id)!.fresh).toBeNull();

    const project = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', seeded.project_id)
      .executeTakeFirstOrThrow();
    expect(project.portfolio_id).toBe(pf.id);
    await updateMilestone(db, {
      projectId: seeded.project_id,
      portfolioId: pf.id,
      milestoneId: seeded.id,
      actorId: team.personId,
      version: seeded.version,
      values: {
        title: `${seeded.title} (revised)`,
        owner: seeded.owner,
        timingKind: seeded.timing_fy === null ? 'date' : 'quarter',
        fy: seeded.timing_fy ?? undefined,
        quarter: seeded.timing_quarter ?? undefined,
        dueDate: seeded.due_date ?? undefined,
        status: 'in_progress',
        notes: seeded.notes,
      },
    });
    const changed = byKey(await portfolioOf(null), seeded.id)!;
    expect(changed.buckets).toEqual(['in_progress']);
    expect(changed.fresh).toMatchObject({ kind: 'changed' });

    // An update published now: since then, neither is new or changed any more, and the planned
    // milestone is no longer listed; one created after the publication is.
    await tick();
    const earlier = q > 1 ? { fy, q: q - 1 } : { fy: fy - 1, q: 4 };
    const publishedId = await createUpdate(db, { ...earlier, actorId: omb.personId });
    await publishUpdate(db, {
      id: publishedId,
      version: 1,
      texts: await storedWords(db, publishedId),
      actorId: omb.personId,
    });
    const u = (await getUpdate(db, publishedId))!;
    await tick();
    const after = await createMilestone(db, {
      projectId: kits,
      portfolioId: pf.id,
      actorId: team.personId,
      values: { ...later, title: 'Created after the publication' },
    });
    const sincePublished = await portfolioOf(u.published_at);
    expect(byKey(sincePublished, created)).toBeUndefined();
    expect(byKey(sincePublished, seeded.id)!.fresh).toBeNull();
    expect(byKey(sincePublished, after)).toMatchObject({
      buckets: ['new'],
      fresh: { kind: 'new' },
    });
    expect(sincePublished.milestones.filter((m) => m.fresh !== null)).toHaveLength(1);
  });
});
