import { describe, expect, it } from 'vitest';
import { setCalendarDate } from '~/commands/calendar';
import { getPlan } from '#db/queries/plans';
import { createPlan, movePlan, setPlanDueDates } from '~/commands/plans';
import { demoDb, userFor } from '../helpers';
import { authorize } from '~/web/toolkit.server';

async function setup() {
  const db = await demoDb();
  const omb = await userFor(db, 'omb.lead@example.gov');
  const member = await userFor(db, 'team.member@example.gov');
  const lead = await userFor(db, 'portfolio.lead@example.gov');
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  return { db, omb, member, lead, portfolioId: portfolio.id };
}

const plan = async (db: Awaited<ReturnType<typeof setup>>['db'], id: number) =>
  (await getPlan(db, id))!.plan;
const auditRows = (db: Awaited<ReturnType<typeof setup>>['db']) =>
  db.selectFrom('audit_log').select('id').execute();

/** What a route answers for a thrown 403 (react-router's data(), thrown). */
function statusOf(thrown: unknown): number | undefined {
  return (thrown as { init?: { status?: number } } | undefined)?.init?.status;
}

describe('action plan due dates (A-11 280.12)', () => {
  it('a new plan takes the fiscal year’s calendar dates: OMB’s override, else the default', async () => {
    const { db, omb, member, portfolioId } = await setup();
    await setCalendarDate(db, {
      fy: 2028,
      key: 'draft_action_plan',
      date: '2028-05-26',
      actorId: omb.personId,
    });
    // Another year's override and another date of the year change nothing here.
    await setCalendarDate(db, {
      fy: 2029,
      key: 'final_action_plan',
      date: '2029-09-14',
      actorId: omb.personId,
    });
    await setCalendarDate(db, {
      fy: 2028,
      key: 'deep_dive',
      date: '2028-04-28',
      actorId: omb.personId,
    });
    const id = await createPlan(db, {
      portfolioId,
      fiscalYear: 2028,
      title: 'FY 2028',
      actorId: member.personId,
    });
    // September 9, 2028 is a Saturday: the inherited date moves to Friday the 8th.
    expect(await plan(db, id)).toMatchObject({ draft_due: '2028-05-26', final_due: '2028-09-08' });
    const created = await db
      .selectFrom('audit_log')
      .select('changes')
      .where('entity_type', '=', 'action_plan')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(created.changes)).toMatchObject({
      draft_due: { after: '2028-05-26' },
      final_due: { after: '2028-09-08' },
    });

    const other = await createPlan(db, {
      portfolioId,
      fiscalYear: 2027,
      title: 'FY 2027',
      actorId: member.personId,
    });
    // May 30, 2027 is a Sunday (and May 31 Memorial Day): Friday, May 28.
    expect(await plan(db, other)).toMatchObject({
      draft_due: '2027-05-28',
      final_due: '2027-09-09',
    });
  });

  it('only an OMB lead changes a plan’s due dates: others get a 403 and nothing changes', async () => {
    const { db, omb, member, lead, portfolioId } = await setup();
    const id = await createPlan(db, {
      portfolioId,
      fiscalYear: 2027,
      title: 'Plan',
      actorId: member.personId,
    });
    const before = await plan(db, id);
    const audit = await auditRows(db);
    for (const user of [member, lead]) {
      // The route refuses before reading the form: a 403 page, nothing changed.
      let thrown: unknown;
      try {
        authorize(user, 'plan.set_due_dates', { portfolioId });
      } catch (e) {
        thrown = e;
      }
      expect(statusOf(thrown)).toBe(403);
    }
    expect(await plan(db, id)).toEqual(before);
    expect(await auditRows(db)).toEqual(audit);

    expect(() => authorize(omb, 'plan.set_due_dates', { portfolioId })).not.toThrow();
    await setPlanDueDates(db, {
      id,
      version: before.version,
      draftDue: '2027-06-15',
      finalDue: '2027-09-30',
      actorId: omb.personId,
    });
    expect(await plan(db, id)).toMatchObject({
      draft_due: '2027-06-15',
      final_due: '2027-09-30',
      version: before.version + 1,
    });
    const changed = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'changes'])
      .where('entity_type', '=', 'action_plan')
      .where('entity_id', '=', String(id))
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(changed.actor_id).toBe(omb.personId);
    expect(JSON.parse(changed.changes)).toEqual({
      draft_due: { before: '2027-05-28', after: '2027-06-15' },
      final_due: { before: '2027-09-09', after: '2027-09-30' },
    });
  });

  it('a final plan’s due dates cannot change, even by an OMB lead, until it is reopened', async () => {
    const { db, omb, member, portfolioId } = await setup();
    const id = await createPlan(db, {
      portfolioId,
      fiscalYear: 2027,
      title: 'Plan',
      actorId: member.personId,
    });
    await movePlan(db, {
      id,
      version: 1,
      to: 'in_review',
      actorId: member.personId,
      mayReopen: false,
    });
    await movePlan(db, { id, version: 2, to: 'final', actorId: member.personId, mayReopen: false });
    const final = await plan(db, id);
    const audit = await auditRows(db);
    await expect(
      setPlanDueDates(db, {
        id,
        version: final.version,
        draftDue: '2027-06-15',
        finalDue: '2027-09-30',
        actorId: omb.personId,
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/final/) });
    expect(await plan(db, id)).toEqual(final);
    expect(await auditRows(db)).toEqual(audit);

    await movePlan(db, {
      id,
      version: final.version,
      to: 'draft',
      actorId: omb.personId,
      mayReopen: true,
    });
    await setPlanDueDates(db, {
      id,
      version: final.version + 1,
      draftDue: '2027-06-15',
      finalDue: '2027-09-30',
      actorId: omb.personId,
    });
    expect(await plan(db, id)).toMatchObject({ draft_due: '2027-06-15', status: 'draft' });
  });

  it('a due-date change from a stale form is refused with the saved dates', async () => {
    const { db, omb, member, portfolioId } = await setup();
    const id = await createPlan(db, {
      portfolioId,
      fiscalYear: 2027,
      title: 'Plan',
      actorId: member.personId,
    });
    await setPlanDueDates(db, {
      id,
      version: 1,
      draftDue: '2027-06-01',
      finalDue: '2027-09-10',
      actorId: omb.personId,
    });
    await expect(
      setPlanDueDates(db, {
        id,
        version: 1,
        draftDue: '2027-06-02',
        finalDue: '2027-09-11',
        actorId: omb.personId,
      }),
    ).rejects.toMatchObject({
      current: { draft_due: '2027-06-01', final_due: '2027-09-10' },
      currentVersion: 2,
    });
  });
});
