import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { getDb } from '#db/client';
import { recordAudit } from '#db/audit';
import { authConfig } from '~/auth/config.server';

const AdminInput = z.object({
  email: z.email('Give a valid email address.').transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1, 'Give the person’s name.').max(200),
  agency: z.string().trim().min(1).max(20).default('OMB'),
  password: z
    .string()
    .min(15, 'The password must be at least 15 characters long.')
    .max(256, 'The password must be at most 256 characters long.')
    .optional(),
});

/**
 * Creates the first real OMB lead of a deployment (or another OMB lead). Refuses an email that
 * already has an account. Without a password (`create-admin --provider`) the person has no
 * password account and signs in through the OpenID provider, linked by this email on their first
 * sign-in. Returns the new person's id.
 */
export async function createAdminAccount(input: {
  email?: string;
  name?: string;
  agency?: string;
  password?: string;
}): Promise<number> {
  const parsed = AdminInput.safeParse(input);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const { email, name, agency, password } = parsed.data;
  if (password === undefined && !authConfig().provider) {
    throw new Error(
      'password: give one, or configure the OpenID provider (OIDC_ISSUER, …) and pass --provider.',
    );
  }
  const passwordHash = password === undefined ? null : await hash(password);
  const at = new Date().toISOString();
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const agencyRow = await trx
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', agency.toUpperCase())
        .executeTakeFirst();
      if (!agencyRow) throw new Error(`Unknown agency code: ${agency}`);
      const existing = await trx
        .selectFrom('people')
        .leftJoin('accounts', 'accounts.person_id', 'people.id')
        .select(['people.id', 'accounts.person_id as account'])
        .where('people.email', '=', email)
        .executeTakeFirst();
      if (existing?.account) throw new Error(`${email} already has an account.`);
      const person =
        existing ??
        (await trx
          .insertInto('people')
          .values({
            name,
            email,
            title: 'OMB lead',
            agency_id: agencyRow.id,
            is_omb_lead: 1,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow());
      await trx.updateTable('people').set({ is_omb_lead: 1 }).where('id', '=', person.id).execute();
      if (passwordHash !== null) {
        await trx
          .insertInto('accounts')
          .values({ person_id: person.id, password_hash: passwordHash, is_demo: 0, created_at: at })
          .execute();
      }
      await recordAudit(trx, {
        actorId: null,
        action: 'create',
        entityType: 'account',
        entityId: person.id,
        portfolioId: null,
        before: null,
        after: { email, name, is_omb_lead: 1 },
        at,
      });
      return person.id;
    });
}
