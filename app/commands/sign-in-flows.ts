/**
 * Authorization requests in flight and verified people waiting to ask for access
 * (app/auth/oidc.server.ts). Not audited: a flow is a step of a sign-in, which is.
 */
import type { Insertable } from 'kysely';
import type { DB } from '#db/client';
import type { Database } from '#db/schema';

export async function insertFlow(db: DB, flow: Insertable<Database['sign_in_flows']>) {
  await db.insertInto('sign_in_flows').values(flow).execute();
}

export async function deleteFlow(db: DB, idHash: string): Promise<void> {
  await db.deleteFrom('sign_in_flows').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredFlows(db: DB, now: string): Promise<void> {
  await db.deleteFrom('sign_in_flows').where('expires_at', '<=', now).execute();
}
