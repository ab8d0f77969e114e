import { sql, type Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * Federal sign-in, invitations, access requests and account hygiene (issue 21, decision 037):
 *
 * - `people`: when they last signed in (any way), and when and why their access was turned off
 *   (NIST 800-53 AC-2(3): unused for the configured period, or removed at an access review).
 * - `sessions`: how the session was started (password or the OpenID provider), the assurance
 *   asked of the provider and whether a PIV/CAC card was presented, and when the person was last
 *   active (the idle timeout, AC-11/AC-12).
 * - `identity_links`: the provider's subject (`iss` + `sub`) an account signs in with. Linked on
 *   the first sign-in by a verified email; matched by subject after that.
 * - `sign_in_flows`: one authorization request in flight (state, nonce, PKCE verifier), keyed by
 *   the hash of a cookie token so it is bound to the browser that started it, and used once. A
 *   person the provider vouched for who has no access yet keeps the verified identity here for a
 *   short while, to ask for access.
 * - `invitations`, `access_requests`: how access is granted; `access_reviews`: a portfolio lead's
 *   quarterly confirmation of who has access.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('last_sign_in_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('deactivated_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('deactivated_reason', 'text').execute();
  await sql`update people set last_sign_in_at =
    (select last_sign_in_at from accounts where accounts.person_id = people.id)`.execute(db);

  await db.schema
    .alterTable('sessions')
    .addColumn('auth_method', 'text', (c) => c.notNull().defaultTo('password'))
    .execute();
  await db.schema.alterTable('sessions').addColumn('acr', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('x509_presented', 'integer').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);

  await db.schema
    .createTable('identity_links')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('people.id').onDelete('cascade'),
    )
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('email_at_link', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addUniqueConstraint('identity_links_subject', ['issuer', 'subject'])
    .execute();
  await db.schema
    .createIndex('identity_links_person')
    .on('identity_links')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('sign_in_flows')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('authorize','verified')`))
    .addColumn('state', 'text')
    .addColumn('nonce', 'text')
    .addColumn('code_verifier', 'text')
    .addColumn('assurance', 'text', (c) => c.notNull())
    .addColumn('redirect_to', 'text', (c) => c.notNull())
    // A step-up: the subject who must come back (their role needs more assurance).
    .addColumn('expected_subject', 'text')
    .addColumn('issuer', 'text')
    .addColumn('subject', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('portfolio_id', 'integer', (c) => c.references('portfolios.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.check(sql`role in ('lead','member','viewer')`))
    .addColumn('omb_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invited_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_person_id', 'integer', (c) =>
      c.references('people.id').onDelete('set null'),
    )
    .addCheckConstraint(
      'invitations_grants_something',
      sql`(portfolio_id is not null and role is not null) or omb_lead = 1`,
    )
    .execute();
  await db.schema.createIndex('invitations_email').on('invitations').column('email').execute();

  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','member','viewer')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('waiting','approved','declined')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('access_requests_subject')
    .on('access_requests')
    .columns(['issuer', 'subject', 'id'])
    .execute();
  await db.schema
    .createIndex('access_requests_portfolio')
    .on('access_requests')
    .columns(['portfolio_id', 'status'])
    .execute();

  await db.schema
    .createTable('access_reviews')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('portfolio_id', 'integer', (c) =>
      c.notNull().references('portfolios.id').onDelete('cascade'),
    )
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull().check(sql`quarter between 1 and 4`))
    .addColumn('reviewed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('access_reviews_quarter', ['portfolio_id', 'fiscal_year', 'quarter'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'access_reviews',
    'access_requests',
    'invitations',
    'sign_in_flows',
    'identity_links',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['last_seen_at', 'x509_presented', 'acr', 'auth_method']) {
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  }
  for (const column of ['deactivated_reason', 'deactivated_at', 'last_sign_in_at']) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
