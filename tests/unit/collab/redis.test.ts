/**
 * Several app servers relayed through a real Redis (a throwaway `redis-server`, started here):
 * a change on one server reaches the other's editors live, before either stores it; the audit
 * row names everyone whichever server stores; and with Redis killed, editing goes on on each
 * server and the documents converge live again once it is back, without a crash.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '#db/client';
import { startRedis, type ThrowawayRedis } from '../../../scripts/redis-server.mjs';
import { cleanUp, cleanups, editor, serve, setup, textOf, type, until } from './harness';

let redis: ThrowawayRedis;
beforeAll(async () => {
  redis = await startRedis({ quiet: true });
});
afterAll(() => redis.stop());
afterEach(cleanUp);

/** Stored only when the servers close: whatever reaches the other server went through Redis. */
const NO_STORE = { debounceMs: 3_600_000 };

async function twoServersWithEditors(db: DB, name: string, cookies: [string, string]) {
  const [one, two] = [
    await serve(db, { ...NO_STORE, redisUrl: redis.url }),
    await serve(db, { ...NO_STORE, redisUrl: redis.url }),
  ];
  const a = editor(one.url, name, cookies[0]);
  const b = editor(two.url, name, cookies[1]);
  cleanups.push(one.stop, two.stop, a.close, b.close);
  await Promise.all([a.synced, b.synced]);
  return { one, two, a, b };
}

const holdsBoth = (docs: { doc: Parameters<typeof textOf>[0] }[], x: string, y: string) =>
  docs.every((e) => textOf(e.doc).includes(x) && textOf(e.doc).includes(y));

describe('co-editing across app servers through Redis', () => {
  it('a change on one server reaches the other’s editors live; the audit names both editors once', async () => {
    const { db, lead, member, planId, name } = await setup();
    const { one, two, a, b } = await twoServersWithEditors(db, name, [lead.cookie, member.cookie]);
    type(a.doc, 'Typed on server one');
    type(b.doc, 'Typed on server two');
    await until(
      () => holdsBoth([a, b], 'Typed on server one', 'Typed on server two'),
      'both texts on both editors, through Redis',
    );
    // Each server stores its copy as it closes; the plan's new text is recorded once.
    a.close();
    b.close();
    await one.stop();
    await two.stop();
    const audit = await db
      .selectFrom('audit_log')
      .select('changes')
      .where('entity_type', '=', 'action_plan')
      .where('entity_id', '=', String(planId))
      .where('action', '=', 'save')
      .execute();
    expect(audit).toHaveLength(1);
    const people = await db
      .selectFrom('people')
      .select('name')
      .where('id', 'in', [lead.personId, member.personId])
      .execute();
    expect([...JSON.parse(audit[0]!.changes).editors.after].sort()).toEqual(
      people.map((p) => p.name).sort(),
    );
  });

  it('with Redis down, each server goes on; when it returns, the documents converge live', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { db, lead, member, name } = await setup();
    const { a, b } = await twoServersWithEditors(db, name, [lead.cookie, member.cookie]);
    await redis.stop();
    type(a.doc, 'Typed while Redis was down, on one');
    type(b.doc, 'Typed while Redis was down, on two');
    await until(
      () => warnings.mock.calls.some(([m]) => /Redis is unreachable/.test(String(m))),
      'the warning that Redis is down',
    );
    // Each editor still has its own server: typing is acknowledged, not lost.
    await until(() => a.provider.unsyncedChanges === 0, 'server one acknowledges');
    await until(() => b.provider.unsyncedChanges === 0, 'server two acknowledges');
    await redis.start();
    await until(
      () =>
        holdsBoth(
          [a, b],
          'Typed while Redis was down, on one',
          'Typed while Redis was down, on two',
        ),
      'both texts on both editors once Redis is back',
    );
  });
});
