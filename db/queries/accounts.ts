import type { DB } from '../client';

/** The account that signs in with `email` (case-insensitive), with its lock state. */
export async function findAccountByEmail(db: DB, email: string) {
  return db
    .selectFrom('accounts')
    .innerJoin('people', 'people.id', 'accounts.person_id')
    .select([
      'accounts.person_id',
      'accounts.password_hash',
      'accounts.failed_attempts',
      'accounts.last_failed_at',
      'accounts.locked_until',
    ])
    .where('people.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** Is any demo account (published password) able to sign in? */
export async function demoAccountsExist(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('person_id')
    .where('is_demo', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
