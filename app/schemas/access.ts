import { z } from 'zod';

/** Forms of federal sign-in and access management (issue 21). */

const Id = (message: string) =>
  z.coerce
    .number({ error: message })
    .int(message)
    .positive(message)
    .max(2 ** 31, message);

const Name = z
  .string({ error: 'Enter the person’s name.' })
  .trim()
  .min(1, 'Enter the person’s name.')
  .max(200, 'Keep the name under 200 characters.');

const Email = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter an email address like name@agency.gov.'));

const MembershipRole = z.enum(['lead', 'member', 'viewer'], {
  error: 'Choose a role.',
});

/** A verified person without access asks a portfolio for it. */
export const AccessRequestSchema = z.object({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(200, 'Keep your name under 200 characters.'),
  agencyId: Id('Choose your agency.'),
  portfolioId: Id('Choose the portfolio you work on.'),
  role: MembershipRole,
  reason: z
    .string({ error: 'Say what you need access for.' })
    .trim()
    .min(10, 'Say what you need access for, in at least 10 characters.')
    .max(1000, 'Keep the reason under 1,000 characters.'),
});

/** The access page's forms: invite someone, revoke an open invitation. */
export const AccessPageSchema = z.discriminatedUnion('intent', [
  z
    .object({
      intent: z.literal('invite'),
      email: Email,
      name: Name,
      agencyId: Id('Choose the person’s agency.'),
      role: z.enum(['lead', 'member', 'viewer', 'omb_lead'], { error: 'Choose a role.' }),
      portfolioId: z.preprocess(
        (v) => (v === '' ? undefined : v),
        Id('Choose a portfolio.').optional(),
      ),
    })
    .superRefine((v, ctx) => {
      if (v.role !== 'omb_lead' && v.portfolioId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['portfolioId'],
          message: 'Choose the portfolio the role is for.',
        });
      }
    }),
  z.object({ intent: z.literal('revoke'), invitationId: Id('That invitation is not valid.') }),
]);

/** A portfolio lead's decision on an access request. */
export const AccessDecisionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('approve'),
    note: z.string().trim().max(1000, 'Keep the note under 1,000 characters.').default(''),
  }),
  z.object({
    intent: z.literal('decline'),
    note: z
      .string({ error: 'Say why, for the person to read.' })
      .trim()
      .min(5, 'Say why, for the person to read (at least 5 characters).')
      .max(1000, 'Keep the note under 1,000 characters.'),
  }),
]);

/** The quarterly access review: confirm the list, or remove one person's role. */
export const AccessReviewSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('confirm'),
    fy: z.coerce.number().int().min(2000).max(2100),
    q: z.coerce.number().int().min(1).max(4),
  }),
  z.object({ intent: z.literal('remove'), personId: Id('That person is not valid.') }),
]);
