import type { DB } from '../client';

/** A live flow of the kind asked for, by the hash of its cookie token. */
export async function findFlow(
  db: DB,
  idHash: string,
  kind: 'authorize' | 'verified',
  now: string,
) {
  return db
    .selectFrom('sign_in_flows')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('kind', '=', kind)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}
