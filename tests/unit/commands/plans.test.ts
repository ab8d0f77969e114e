import { describe, expect, it } from 'vitest';
import type { DB } from '#db/client';
import { getPlan } from '#db/queries/plans';
import {
  createPlan,
  movePlan,
  namePlanVersion,
  restorePlanVersion,
  savePlanMarkdown,
} from '~/commands/plans';
import { sanitizeDoc } from '~/domain/plans/document';
import { toMarkdown } from '~/domain/plans/markdown';
import { demoDb, userFor } from '../helpers';

const markdownOf = async (db: DB, id: number) =>
  toMarkdown(sanitizeDoc(JSON.parse((await getPlan(db, id))!.plan.doc)));
/** The plan's level-2 heading lines ("## Title"). */
const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('## '));
/** The Markdown with a paragraph added under a heading. */
const add = (md: string, heading: string, text: string) =>
  md.replace(heading, `${heading}\n\n${text}`);

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

  it('a plain-text save merges by section: what only I changed is taken, a section we both changed keeps theirs and comes back with both texts', async () => {
    const { db, user, id } = await setup();
    const base = await markdownOf(db, id);
    const [first, second] = headings(base);
    // A first saves section one; B, whose page still shows version 1, changes one and two.
    const a = await savePlanMarkdown(db, {
      id,
      baseVersion: 1,
      markdown: add(base, first!, 'A wrote this. [x](javascript:alert(1))'),
      actorId: user.personId,
    });
    expect(a).toMatchObject({ applied: [first!.slice(3)], conflicts: [] });
    const b = await savePlanMarkdown(db, {
      id,
      baseVersion: 1,
      markdown: add(add(base, first!, 'B wrote this.'), second!, 'B also wrote this.'),
      actorId: user.personId,
      name: 'From the plain form',
    });
    expect(b.applied).toEqual([second!.slice(3)]);
    expect(b.conflicts).toHaveLength(1);
    expect(JSON.stringify(b.conflicts[0]!.mine)).toContain('B wrote this.');
    expect(JSON.stringify(b.conflicts[0]!.theirs)).toContain('A wrote this.');
    const { plan, versions } = (await getPlan(db, id))!;
    expect(plan.doc).toContain('A wrote this.');
    expect(plan.doc).toContain('B also wrote this.');
    expect(plan.doc).not.toContain('B wrote this.');
    expect(plan.doc).not.toMatch(/"href":"javascript/);
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      [3, 'From the plain form'],
      [2, ''],
      [1, 'Template'],
    ]);
  });

  it('a save that changes nothing makes no version; a named version is kept even then', async () => {
    const { db, user, id } = await setup();
    const base = await markdownOf(db, id);
    const same = await savePlanMarkdown(db, {
      id,
      baseVersion: 1,
      markdown: base,
      actorId: user.personId,
    });
    expect(same).toMatchObject({ applied: [], conflicts: [] });
    expect((await getPlan(db, id))!.plan.version).toBe(1);
    await namePlanVersion(db, { id, actorId: user.personId, name: 'As drafted' });
    const { plan, versions } = (await getPlan(db, id))!;
    expect(plan.version).toBe(2);
    expect(versions[0]).toMatchObject({ version: 2, name: 'As drafted' });
  });

  it('a restore makes a new version with the old text; a final plan is read-only until an OMB lead reopens it', async () => {
    const { db, user, id } = await setup();
    const base = await markdownOf(db, id);
    const [first] = headings(base);
    const edit = (text: string, baseVersion: number) =>
      savePlanMarkdown(db, {
        id,
        baseVersion,
        markdown: add(base, first!, text),
        actorId: user.personId,
      });
    await edit('First', 1);
    await edit('Second', 2);
    await restorePlanVersion(db, { id, fromVersion: 2, actorId: user.personId });
    const restored = (await getPlan(db, id))!;
    expect(restored.plan.doc).toContain('First');
    expect(restored.plan.doc).not.toContain('Second');
    expect(restored.versions[0]).toMatchObject({ version: 4, name: 'Restored version 2' });

    await movePlan(db, {
      id,
      version: 4,
      to: 'in_review',
      actorId: user.personId,
      mayReopen: false,
    });
    await movePlan(db, { id, version: 5, to: 'final', actorId: user.personId, mayReopen: false });
    await expect(edit('Late', 6)).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      restorePlanVersion(db, { id, fromVersion: 1, actorId: user.personId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      movePlan(db, { id, version: 6, to: 'draft', actorId: user.personId, mayReopen: false }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await movePlan(db, { id, version: 6, to: 'draft', actorId: user.personId, mayReopen: true });
    expect((await getPlan(db, id))!.plan.status).toBe('draft');

    // Each move told the people it concerns, in its own transaction; the refused one no one.
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    const omb = await userFor(db, 'omb.lead@example.gov');
    const kinds = async (personId: number) =>
      (
        await db
          .selectFrom('notifications')
          .select('kind')
          .where('person_id', '=', personId)
          .orderBy('id')
          .execute()
      ).map((n) => n.kind);
    expect(await kinds(lead.personId)).toEqual(['plan_in_review', 'plan_final', 'plan_returned']);
    expect(await kinds(omb.personId)).toEqual(['plan_in_review', 'plan_final']);
    expect(await kinds(user.personId)).toEqual([]);
  });
});
