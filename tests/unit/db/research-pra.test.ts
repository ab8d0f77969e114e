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
