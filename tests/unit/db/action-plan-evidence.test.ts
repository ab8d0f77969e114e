import { describe, expect, it } from 'vitest';
import { citationViews } from '~/routes/plans/evidence.server';
import { getAssessment } from '#db/queries/burden';
import {
  assessmentEdits,
  copyAssessmentToBe,
  createAssessment,
  editAssessment,
} from '~/commands/burden';
import { listCitations, listComments } from '#db/queries/plans';
import { addCitation, addComment, createPlan, resolveComment } from '~/commands/plans';
import { activityEdits, createActivity, editActivity } from '~/commands/research';
import { seedJourneys } from '#seeds/journeys';
import { demoDb, projectId, userFor, FORM_ITEM } from '../helpers';

async function setup() {
  const db = await demoDb();
  await seedJourneys(db);
  const user = await userFor(db, 'team.member@example.gov');
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  const planId = await createPlan(db, {
    portfolioId: portfolio.id,
    fiscalYear: 2027,
    title: 'Plan',
    actorId: user.personId,
  });
  /** The plan's citations as the read view shows them, computed now. */
  const views = async () =>
    citationViews(db, portfolio.id, await listCitations(db, planId)).then((v) =>
      v.map((c) => ({ label: c.label, figures: c.figures, href: c.href })),
    );
  return { db, user, portfolioId: portfolio.id, planId, views };
}

const publicPeople = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}-${i}`, category: 'public' as const }));

describe('action plan evidence: citations show the figures as they are now', () => {
  it('a research activity: its PRA status and count follow the sessions logged', async () => {
    const { db, user, portfolioId, planId, views } = await setup();
    const values = {
      title: 'Kit interviews',
      method: 'interviews' as const,
      purpose: 'Learn how parents use the kit',
      questions: '1. What did you use first?',
      unscripted: false,
      phase: 'development' as const,
      screeningQuestions: '',
      incentiveDollars: null,
      incentiveKind: '',
      counselApproved: false,
    };
    const id = await createActivity(db, {
      projectId: await projectId(db, 'Newborn Supply Kits'),
      portfolioId,
      actorId: user.personId,
      values,
    });
    let version = 1;
    const logSession = (date: string, participants: ReturnType<typeof publicPeople>) =>
      editActivity(db, { id, version, actorId: user.personId, action: 'add_session' }, (trx, a) =>
        activityEdits.addSession(trx, a, { heldOn: date, participants }),
      ).then(() => version++);
    await logSession('2026-10-01', publicPeople('A', 3));
    await addCitation(db, {
      planId,
      section: 0,
      kind: 'research_activity',
      refId: id,
      note: '',
      actorId: user.personId,
    });
    expect(await views()).toEqual([
      {
        label: 'Kit interviews (Newborn Supply Kits)',
        href: `/research/${id}`,
        figures: 'PRA: Clear; 3 members of the public counted.',
      },
    ]);

    // More people in the same 12 months: the figures read when the plan is next shown change.
    await logSession('2026-11-01', publicPeople('B', 5));
    expect((await views())[0]!.figures).toBe(
      'PRA: Approaching the limit; 8 members of the public counted.',
    );
    // And the title as the activity has it now.
    await editActivity(db, { id, version, actorId: user.personId, action: 'update' }, (trx, a) =>
      activityEdits.update(trx, a, { ...values, title: 'Kit interviews, round 1' }),
    );
    expect((await views())[0]!.label).toBe('Kit interviews, round 1 (Newborn Supply Kits)');
  });

  it('burden savings: the hours and dollars a to-be saves against its baseline, as edited', async () => {
    const { db, user, portfolioId, planId, views } = await setup();
    const map = await db
      .selectFrom('journey_maps')
      .select('id')
      .where('portfolio_id', '=', portfolioId)
      .executeTakeFirstOrThrow();
    const step = await db
      .selectFrom('journey_steps')
      .select('id')
      .where('map_id', '=', map.id)
      .where('title', '=', 'Apply for WIC')
      .executeTakeFirstOrThrow();
    const item = { ...FORM_ITEM, category: 'compliance' as const, step_id: step.id };
    const asIs = await createAssessment(db, {
      portfolioId,
      actorId: user.personId,
      title: 'As-is',
      journeyMapId: map.id,
      serviceName: '',
      wageCents: 3000,
      wageSource: 'test',
      multiplierMilli: 1000,
    });
    await editAssessment(
      db,
      { id: asIs, version: 1, actorId: user.personId, action: 'add_item' },
      (trx, a) => assessmentEdits.addItem(trx, a, item),
    );
    const toBe = await copyAssessmentToBe(db, { id: asIs, actorId: user.personId, title: 'To-be' });
    const setMinutes = async (minutes: number) => {
      const detail = (await getAssessment(db, toBe))!;
      await editAssessment(
        db,
        {
          id: toBe,
          version: detail.assessment.version,
          actorId: user.personId,
          action: 'save_item',
        },
        (trx, a) =>
          assessmentEdits.updateItem(trx, a, detail.items[0]!.id, {
            ...item,
            step_id: detail.items[0]!.step_id,
            seconds_per_occurrence: minutes * 60,
          }),
      );
    };
    // 45 minutes → 15: 1,000 people save 500 hours, worth $15,000 at $30 an hour.
    await setMinutes(15);
    await addCitation(db, {
      planId,
      section: 1,
      kind: 'burden_savings',
      refId: toBe,
      note: '',
      actorId: user.personId,
    });
    expect(await views()).toEqual([
      {
        label: 'To-be',
        href: `/burden/compare?before=${asIs}&after=${toBe}`,
        figures: 'Saves 500.00 hours (66.7%) and $15,000.00 a year against As-is.',
      },
    ]);

    // The to-be changes: the citation shows its new savings.
    await setMinutes(30);
    expect((await views())[0]!.figures).toBe(
      'Saves 250.00 hours (33.3%) and $7,500.00 a year against As-is.',
    );
    // So does a change to the baseline it is measured against (2,000 people a year now).
    const baseline = (await getAssessment(db, asIs))!;
    await editAssessment(
      db,
      {
        id: asIs,
        version: baseline.assessment.version,
        actorId: user.personId,
        action: 'save_item',
      },
      (trx, a) =>
        assessmentEdits.updateItem(trx, a, baseline.items[0]!.id, {
          ...item,
          people_per_year: 2000,
        }),
    );
    expect((await views())[0]!.figures).toBe(
      'Saves 1,000.00 hours (66.7%) and $42,500.00 a year against As-is.',
    );
  });
});

describe('action plan review comments', () => {
  it('show who resolved a comment and when; a second resolve is refused; both are audited', async () => {
    const { db, user, planId } = await setup();
    const poc = await userFor(db, 'agency.poc@example.gov');
    await addComment(db, { planId, section: 5, body: 'Name the states.', actorId: poc.personId });
    const [open] = await listComments(db, planId);
    expect(open).toMatchObject({
      section: 5,
      body: 'Name the states.',
      resolved_at: null,
      resolver: null,
    });
    expect(open!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);

    const before = Date.now();
    await resolveComment(db, { planId, commentId: open!.id, actorId: user.personId });
    const [resolved] = await listComments(db, planId);
    const person = await db
      .selectFrom('people')
      .select('name')
      .where('id', '=', user.personId)
      .executeTakeFirstOrThrow();
    expect(resolved!.resolver).toBe(person.name);
    expect(Date.parse(resolved!.resolved_at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(resolved!.resolved_at!)).toBeLessThanOrEqual(Date.now() + 1000);

    await expect(
      resolveComment(db, { planId, commentId: open!.id, actorId: poc.personId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const [still] = await listComments(db, planId);
    expect(still).toEqual(resolved);

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'at'])
      .where('entity_type', '=', 'action_plan')
      .where('entity_id', '=', String(planId))
      .where('action', 'in', ['comment', 'resolve_comment'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['comment', poc.personId],
      ['resolve_comment', user.personId],
    ]);
    // The audit row and the comment carry the same moment: one transaction.
    expect(audit[1]!.at).toBe(resolved!.resolved_at);
  });
});
