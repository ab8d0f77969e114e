/**
 * A session's start, activity and end, and the sweep of expired ones (the cookie holds a token;
 * the database holds its hash, app/auth/session.server.ts). Reading the signed-in person is a
 * query, `findSessionUser` in db/queries/sessions.ts.
 */
import type { DB } from '#db/client';

export async function insertSession(
  db: DB,
  session: {
    idHash: string;
    personId: number;
    createdAt: string;
    expiresAt: string;
    method?: 'password' | 'oidc';
    acr?: string | null;
    x509Presented?: boolean | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      person_id: session.personId,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.createdAt,
      auth_method: session.method ?? 'password',
      acr: session.acr ?? null,
      x509_presented:
        session.x509Presented === undefined || session.x509Presented === null
          ? null
          : session.x509Presented
            ? 1
            : 0,
    })
    .execute();
}

/** The person was active at `at`: the idle clock starts again. */
export async function touchSession(db: DB, idHash: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(
  db: DB,
  idHash: string,
): Promise<{ personId: number; method: 'password' | 'oidc' } | null> {
  const row = await db
    .deleteFrom('sessions')
    .where('id_hash', '=', idHash)
    .returning(['person_id', 'auth_method'])
    .executeTakeFirst();
  return row ? { personId: row.person_id, method: row.auth_method } : null;
}

/** Ends every session of a person (their access was turned off or removed). */
export async function deleteSessionsOf(db: DB, personId: number): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
}

export async function deleteExpiredSessions(db: DB, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
