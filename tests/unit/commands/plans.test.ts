import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '#db/errors';
import { getPlan } from '#db/queries/plans';
import { createPlan, movePlan, restorePlanVersion, savePlanText } from '~/commands/plans';
import { demoDb, userFor } from '../helpers';

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function setup() {
  const db = await demoDb();
  const user = await userFor(db, 'team.member@example.gov');
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  const id = await createPlan(db, {
    portfolioId: portfolio.id,
    fiscalYear: 2027,
    title: 'Plan',
    actorId: user.personId,
  });
  return { db, user, id, portfolioId: portfolio.id };
}

describe('action plan storage', () => {
  it('one plan per portfolio and fiscal year', async () => {
    const { db, user, portfolioId } = await setup();
    await expect(
      createPlan(db, { portfolioId, fiscalYear: 2027, title: 'Again', actorId: user.personId }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'fiscalYear' });
  });

  it('saves sanitized text as versions; a stale save is refused with the newer text', async () => {
    const { db, user, id } = await setup();
    expect(
      await savePlanText(db, { id, version: 1, doc: doc('First'), actorId: user.personId }),
    ).toBe(2);
    const stale = savePlanText(db, { id, version: 1, doc: doc('Stale'), actorId: user.personId });
    await expect(stale).rejects.toBeInstanceOf(StaleWriteError);
    await stale.catch((e: StaleWriteError) => expect(String(e.current.doc)).toContain('First'));
    await savePlanText(db, {
      id,
      version: 2,
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'x',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
      actorId: user.personId,
      name: 'Second',
      note: 'For review',
    });
    const { plan, versions } = (await getPlan(db, id))!;
    expect(plan.doc).not.toContain('javascript');
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [3, 'Second'],
      [2, ''],
      [1, 'Template'],
    ]);
  });

  it('a restore makes a new version with the old text; a final plan is read-only until an OMB lead reopens it', async () => {
    const { db, user, id } = await setup();
    await savePlanText(db, { id, version: 1, doc: doc('First'), actorId: user.personId });
    await savePlanText(db, { id, version: 2, doc: doc('Second'), actorId: user.personId });
    expect(
      await restorePlanVersion(db, { id, version: 3, fromVersion: 2, actorId: user.personId }),
    ).toBe(4);
    expect((await getPlan(db, id))!.plan.doc).toContain('First');

    await movePlan(db, {
      id,
      version: 4,
      to: 'in_review',
      actorId: user.personId,
      mayReopen: false,
    });
    await movePlan(db, { id, version: 5, to: 'final', actorId: user.personId, mayReopen: false });
    await expect(
      savePlanText(db, { id, version: 6, doc: doc('Late'), actorId: user.personId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      movePlan(db, { id, version: 6, to: 'draft', actorId: user.personId, mayReopen: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await movePlan(db, { id, version: 6, to: 'draft', actorId: user.personId, mayReopen: true });
    expect((await getPlan(db, id))!.plan.status).toBe('draft');
  });
});
