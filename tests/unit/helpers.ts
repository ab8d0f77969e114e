import type { Kysely } from 'kysely';
import { migrateToLatest, openDatabase } from '#db/client';
import type { Database } from '#db/schema';
import { seedReferenceData } from '#seeds/index';

/** A fresh in-memory database migrated from nothing, optionally with the reference seeds. */
export async function freshDb(options: { seed?: boolean } = {}): Promise<Kysely<Database>> {
  const db = openDatabase(':memory:');
  await migrateToLatest(db);
  if (options.seed) await seedReferenceData(db);
  return db;
}
