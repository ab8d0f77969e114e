/**
 * A session's start and end, and the sweep of expired ones (the cookie holds a token; the database
 * holds its hash, app/auth/session.server.ts). Reading the signed-in person is a query,
 * `findSessionUser` in db/queries/sessions.ts.
 */
import type { DB } from '#db/client';

export async function insertSession(
  db: DB,
  session: { idHash: string; personId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      person_id: session.personId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: DB, idHash: string): Promise<number | null> {
  const row = await db
    .deleteFrom('sessions')
    .where('id_hash', '=', idHash)
    .returning('person_id')
    .executeTakeFirst();
  return row?.person_id ?? null;
}

export async function deleteExpiredSessions(db: DB, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
