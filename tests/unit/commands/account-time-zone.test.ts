/**
 * A person's time zone (issue 16, point 6): Eastern until they choose, then theirs on every
 * page; each choice is audited once, and choosing the zone already set records nothing.
 */
import { describe, expect, it } from 'vitest';
import { setTimeZone } from '~/commands/accounts';
import { insertSession } from '~/commands/sessions';
import { findSessionUser } from '#db/queries/sessions';
import { demoDb } from '../helpers';

describe('a person’s time zone', () => {
  it('is Eastern by default, then the chosen zone, audited once per change', async () => {
    const db = await demoDb();
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'viewer@example.gov')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await insertSession(db, {
      idHash: 'tz',
      personId: person.id,
      createdAt: now,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const zone = async () => (await findSessionUser(db, 'tz', now))?.timeZone;
    expect(await zone()).toBe('America/New_York');

    await setTimeZone(db, { personId: person.id, timeZone: 'America/Los_Angeles' });
    await setTimeZone(db, { personId: person.id, timeZone: 'America/Los_Angeles' });
    expect(await zone()).toBe('America/Los_Angeles');

    const rows = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'changes'])
      .where('entity_type', '=', 'account')
      .where('entity_id', '=', String(person.id))
      .execute();
    expect(rows).toEqual([
      {
        actor_id: person.id,
        action: 'update',
        changes: JSON.stringify({ time_zone: { before: null, after: 'America/Los_Angeles' } }),
      },
    ]);

    // A zone stored by hand that the workspace does not offer reads as Eastern.
    await db
      .updateTable('people')
      .set({ time_zone: 'Mars/Olympus' })
      .where('id', '=', person.id)
      .execute();
    expect(await zone()).toBe('America/New_York');
  });
});
