import type { Kysely } from 'kysely';
import { migrateToLatest, openDatabase } from '#db/client';
import type { Database } from '#db/schema';
import { seedReferenceData } from '#seeds/index';
import crypto from 'node:crypto';
import { findSessionUser, insertSession, type SessionUser } from '#db/queries/sessions';
import { syncDemoAccounts } from '#seeds/index';
/** A fresh in-memory database migrated from nothing, optionally with the reference seeds. */
export async function freshDb(options: { seed?: boolean } = {}): Promise<Kysely<Database>> {
  const db = openDatabase(':memory:');
  await migrateToLatest(db);
  if (options.seed) await seedReferenceData(db);
  return db;
}

/** A seeded database with the demo accounts. */
export async function demoDb(): Promise<Kysely<Database>> {
  const db = await freshDb({ seed: true });
  await syncDemoAccounts(db, true);
  return db;
}

/** The person with `email` as the session loader would see them (roles loaded fresh). */
export async function userFor(db: Kysely<Database>, email: string): Promise<SessionUser> {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const idHash = crypto.randomBytes(16).toString('hex');
  await insertSession(db, {
    idHash,
    personId: person.id,
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const user = await findSessionUser(db, idHash, new Date().toISOString());
  if (!user) throw new Error(`no session user for ${email}`);
  return user;
}

export async function projectId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function agencyId(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}
