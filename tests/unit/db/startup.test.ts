/**
 * Several app servers starting together on one empty PostgreSQL database migrate and seed it
 * once (db/dialect.ts `duringStartup`). Each server is its own Kysely instance with its own pool.
 * SQLite serves one app server, so this runs under TEST_DATABASE=postgres only.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '#db/client';
import { duringStartup } from '#db/dialect';
import type { Database } from '#db/schema';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { seedJourneys } from '#seeds/journeys';
import { newPostgresDatabase, onPostgres } from '../helpers';

async function start(db: Kysely<Database>) {
  await duringStartup(db, async () => {
    await migrateToLatest(db);
    await seedReferenceData(db);
    await seedJourneys(db);
    await syncDemoAccounts(db, true);
  });
}

describe('start-up on a shared database', () => {
  it.runIf(onPostgres)('three servers starting at once seed the workspace once', async () => {
    const url = await newPostgresDatabase('empty');
    const servers = [1, 2, 3].map(() => openDatabase(url, { poolSize: 3 }));
    await Promise.all(servers.map(start));
    const db = servers[0]!;
    const count = async (table: 'portfolios' | 'journey_maps' | 'accounts') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('portfolios')).toBe(5);
    expect(await count('journey_maps')).toBe(5);
    expect(await count('accounts')).toBe(34);
    await Promise.all(servers.map((s) => s.destroy()));
  });
});
