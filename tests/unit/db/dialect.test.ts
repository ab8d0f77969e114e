/**
 * The few places SQLite and PostgreSQL differ (db/dialect.ts), on whichever database this run
 * uses: `npm test` runs them on SQLite, `TEST_DATABASE=postgres` on PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { dialectOf, isUniqueViolation } from '#db/dialect';
import { freshDb, onPostgres } from '../helpers';

describe('the dialect adapter', () => {
  it('knows which database it runs on', async () => {
    const db = await freshDb();
    expect(dialectOf(db)).toBe(onPostgres ? 'postgres' : 'sqlite');
  });

  it('recognizes a unique-constraint refusal, and only that', async () => {
    const db = await freshDb();
    const row = { code: 'XYZ', name: 'Test agency' };
    await db.insertInto('agencies').values(row).execute();
    const duplicate = await db
      .insertInto('agencies')
      .values(row)
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isUniqueViolation(duplicate)).toBe(true);
    const missingName = await db
      .insertInto('agencies')
      .values({ code: 'ABC', name: null as never })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(missingName).not.toBeNull();
    expect(isUniqueViolation(missingName)).toBe(false);
  });

  it('runs one writing transaction at a time: the second waits for the first to commit', async () => {
    const db = await freshDb();
    const events: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const firstIn = new Promise<void>((r) => (entered = r));
    const first = db.transaction().execute(async (trx) => {
      events.push('first begins');
      await trx.insertInto('agencies').values({ code: 'ONE', name: 'First' }).execute();
      entered();
      await held;
      events.push('first commits');
    });
    await firstIn;
    const second = db.transaction().execute(async (trx) => {
      events.push('second begins');
      const seen = await trx
        .selectFrom('agencies')
        .select('code')
        .where('code', '=', 'ONE')
        .execute();
      events.push(`second sees ${seen.length}`);
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(events).toEqual(['first begins']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first begins', 'first commits', 'second begins', 'second sees 1']);
  });

  it('reads bigint counts as numbers on both', async () => {
    const db = await freshDb({ seed: true });
    const row = await db
      .selectFrom('portfolios')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(row.n).toBe(5);
  });
});
