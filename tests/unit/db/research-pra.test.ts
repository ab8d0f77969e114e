import { describe, expect, it } from 'vitest';
import {
  activityEdits,
  createActivity,
  editActivity,
  getActivity,
  portfolioPraStatus,
} from '#db/queries/research';
import { demoDb, projectId, userFor } from '../helpers';

const values = {
  title: 'Interviews',
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

async function setup() {
  const db = await demoDb();
  const user = await userFor(db, 'team.member@example.gov');
  const pid = await projectId(db, 'Newborn Supply Kits');
  const project = await db
    .selectFrom('projects')
    .select('portfolio_id')
    .where('id', '=', pid)
    .executeTakeFirstOrThrow();
  const id = await createActivity(db, {
    projectId: pid,
    portfolioId: project.portfolio_id,
    actorId: user.personId,
    values,
  });
  return { db, user, id, portfolioId: project.portfolio_id };
}

const publicPeople = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}-${i}`, category: 'public' as const }));

describe('research sessions and the PRA guard in the database', () => {
  it('the guard refuses the tenth person inside the transaction and nothing is written', async () => {
    const { db, user, id, portfolioId } = await setup();
    let version = 1;
    const add = (date: string, participants: ReturnType<typeof publicPeople>) =>
      editActivity(db, { id, version, actorId: user.personId, action: 'add_session' }, (trx, a) =>
        activityEdits.addSession(trx, a, { heldOn: date, participants }),
      ).then(() => version++);
    await add('2026-10-01', publicPeople('A', 9));
    const before = await db.selectFrom('audit_log').select('id').execute();
    await expect(add('2026-10-15', publicPeople('B', 1))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(before);
    expect((await getActivity(db, id))!.sessions).toHaveLength(1);
    const status = await portfolioPraStatus(db, portfolioId, '2026-11-22');
    expect(status.reports[0]).toMatchObject({ status: 'approaching', count: 9, remaining: 0 });
    // The cached status follows every change: a session a year later is allowed and shows.
    await add('2027-10-15', publicPeople('C', 3));
    const after = await portfolioPraStatus(db, portfolioId, '2026-11-22');
    expect(after.reports[0]).toMatchObject({ status: 'approaching', count: 9 });
    expect(after.activities[0]!.sessions).toHaveLength(2);
  });

  it('editing an activity so two collections join past nine is refused; nothing changes', async () => {
    const { db, user, id, portfolioId } = await setup();
    const projectIdOf = (await getActivity(db, id))!.activity.project_id;
    const other = await createActivity(db, {
      projectId: projectIdOf,
      portfolioId,
      actorId: user.personId,
      values: {
        ...values,
        title: 'Usability test',
        purpose: 'Test the sign-up form',
        questions: '',
      },
    });
    const log = (activity: number, prefix: string, n: number) =>
      editActivity(
        db,
        { id: activity, version: 1, actorId: user.personId, action: 'add_session' },
        (trx, a) =>
          activityEdits.addSession(trx, a, {
            heldOn: '2026-10-01',
            participants: publicPeople(prefix, n),
          }),
      );
    await log(id, 'A', 7);
    await log(other, 'B', 5);
    const audit = await db.selectFrom('audit_log').select('id').execute();
    const merge = { ...values, title: 'Usability test', purpose: values.purpose, questions: '' };
    await expect(
      editActivity(
        db,
        { id: other, version: 2, actorId: user.personId, action: 'update' },
        (trx, a) => activityEdits.update(trx, a, merge),
      ),
    ).rejects.toMatchObject({ code: 'conflict', field: 'purpose' });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(audit);
    expect((await getActivity(db, other))!.activity).toMatchObject({
      purpose: 'Test the sign-up form',
      version: 2,
    });
    // With an OMB lead's override recorded on it, the same change is saved and audited.
    const omb = await userFor(db, 'omb.lead@example.gov');
    await editActivity(
      db,
      { id: other, version: 2, actorId: omb.personId, action: 'override' },
      (trx, a) =>
        activityEdits.override(
          trx,
          a,
          'Counsel determined the usability test is not a collection.',
          omb.personId,
        ),
    );
    await editActivity(
      db,
      { id: other, version: 3, actorId: user.personId, action: 'update' },
      (trx, a) => activityEdits.update(trx, a, merge),
    );
    expect((await getActivity(db, other))!.activity).toMatchObject({
      purpose: values.purpose,
      version: 4,
    });
    const rows = await db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'research_activity')
      .where('entity_id', '=', String(other))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'add_session', 'override', 'update']);
    expect(rows[2]!.changes).toContain('Counsel determined');
  });

  it('stores no names or contacts of participants: codes and categories only', async () => {
    const { db } = await setup();
    const tables = await db.introspection.getTables();
    const table = tables.find((t) => t.name === 'research_participants');
    expect(table?.columns.map((c) => c.name).sort()).toEqual([
      'category',
      'code',
      'id',
      'session_id',
    ]);
  });

  it('a clearance needs its control number and expiration date together', async () => {
    const { db, portfolioId } = await setup();
    await expect(
      db
        .insertInto('pra_clearances')
        .values({
          portfolio_id: portfolioId,
          title: 'x',
          kind: 'generic',
          omb_control_number: '1090-0011',
          expires_on: null,
          created_at: '2026-11-22',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/i);
  });
});
