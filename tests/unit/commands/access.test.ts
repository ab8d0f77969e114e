/**
 * Granting access (issue 21): a provider sign-in that links an account or accepts an
 * invitation, invitations and their refusals, access requests approved and declined, each in
 * one transaction with its audit row. SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import {
  confirmAccessReview,
  deactivateDormantAccounts,
  removeAccess,
} from '~/commands/access-review';
import {
  completeProviderSignIn,
  decideAccessRequest,
  invitePerson,
  requestAccess,
  revokeInvitation,
} from '~/commands/access';
import { signInMatchFacts } from '#db/queries/access';
import { matchSignIn } from '~/domain/auth/identity';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema';
import { auditSentences, demoDb, userFor } from '../helpers';

const ISSUER = 'https://idp.int.identitysandbox.gov/';
const DOMAINS = ['.gov', '.mil'];

async function portfolioId(db: Kysely<Database>, slug: string) {
  return (
    await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).id;
}
async function agencyId(db: Kysely<Database>, code: string) {
  return (
    await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

/** What the callback does after the provider's checks: match, then sign in where allowed. */
async function providerSignIn(db: Kysely<Database>, subject: string, email: string) {
  const facts = await signInMatchFacts(db, {
    issuer: ISSUER,
    subject,
    email,
    now: new Date().toISOString(),
  });
  const outcome = matchSignIn({
    claims: { subject, email, emailVerified: true },
    allowedDomains: DOMAINS,
    ...facts,
  });
  if (outcome.kind === 'refuse' || outcome.kind === 'request_access') return outcome;
  return {
    kind: 'signed_in' as const,
    personId: await completeProviderSignIn(db, {
      outcome,
      identity: { issuer: ISSUER, subject, email },
    }),
  };
}

/** What a person was notified of: kind, title and link, oldest first. */
async function notified(db: Awaited<ReturnType<typeof demoDb>>, personId: number) {
  const rows = await db
    .selectFrom('notifications')
    .select(['kind', 'title', 'link'])
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  return rows.map((r) => [r.kind, r.title, r.link]);
}

describe('provider sign-in and invitations', () => {
  it('an invited person’s first sign-in makes their account with the invited role', async () => {
    const db = await demoDb();
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    const pid = [...lead.memberships].find(([, r]) => r === 'lead')![0];
    await invitePerson(db, {
      actor: lead,
      allowedDomains: DOMAINS,
      days: 14,
      invitation: {
        email: 'New.Person@HHS.gov',
        name: 'New Person',
        agencyId: await agencyId(db, 'HHS'),
        grant: { kind: 'portfolio', portfolioId: pid, role: 'member' },
      },
    });
    const first = await providerSignIn(db, 'sub-new', 'new.person@hhs.gov');
    expect(first.kind).toBe('signed_in');
    const person = await userFor(db, 'new.person@hhs.gov');
    expect(person.memberships.get(pid)).toBe('member');
    expect(person.name).toBe('New Person');
    // Later sign-ins match by subject, even with another email at the provider.
    const again = await providerSignIn(db, 'sub-new', 'new.person@hhs.gov');
    expect(again).toEqual(first);
    const invitations = await auditSentences(db, 'invitation');
    expect(invitations.map((s) => s.said.sentence)).toEqual([
      expect.stringMatching(/invited New Person \(new\.person@hhs\.gov\) to be a team member of “/),
      expect.stringMatching(/^New Person \(HHS\) accepted the invitation to be a team member of “/),
    ]);
  });

  it('an existing account is linked by its verified email, once', async () => {
    const db = await demoDb();
    const result = await providerSignIn(db, 'sub-viewer', 'viewer@example.gov');
    expect(result.kind).toBe('signed_in');
    // Another subject with the same email is not let in to the linked account.
    expect(await providerSignIn(db, 'sub-impostor', 'viewer@example.gov')).toEqual({
      kind: 'refuse',
      reason: 'email_linked_elsewhere',
    });
  });

  it('an uninvited person asks for access; approval makes and links the account', async () => {
    const db = await demoDb();
    expect(await providerSignIn(db, 'sub-asker', 'asker@usda.gov')).toEqual({
      kind: 'request_access',
    });
    const pid = await portfolioId(db, 'having-a-child');
    const identity = { issuer: ISSUER, subject: 'sub-asker', email: 'asker@usda.gov' };
    const request = {
      name: 'Ada Asker',
      agencyId: await agencyId(db, 'USDA'),
      portfolioId: pid,
      role: 'viewer' as const,
      reason: 'I run the WIC pilot with this portfolio.',
    };
    const id = await requestAccess(db, { identity, request });
    await expect(requestAccess(db, { identity, request })).rejects.toThrow(/already waiting/);
    // The portfolio's lead hears of it, once, with a link to decide it.
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    expect(await notified(db, lead.personId)).toEqual([
      [
        'access_request_waiting',
        'Ada Asker asks for access to Having a Child and Early Childhood',
        `/access/requests/${id}`,
      ],
    ]);

    const member = await userFor(db, 'team.member@example.gov');
    await expect(
      decideAccessRequest(db, { actor: member, requestId: id, decision: 'approve', note: '' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const omb = await userFor(db, 'omb.lead@example.gov');
    await decideAccessRequest(db, { actor: omb, requestId: id, decision: 'approve', note: '' });
    await expect(
      decideAccessRequest(db, { actor: omb, requestId: id, decision: 'decline', note: 'No' }),
    ).rejects.toThrow(/already decided/);

    const signedIn = await providerSignIn(db, 'sub-asker', 'asker@usda.gov');
    expect(signedIn.kind).toBe('signed_in');
    expect((await userFor(db, 'asker@usda.gov')).memberships.get(pid)).toBe('viewer');
    expect(await notified(db, (await userFor(db, 'asker@usda.gov')).personId)).toEqual([
      [
        'access_request_decided',
        'You have access to Having a Child and Early Childhood',
        '/portfolios/having-a-child',
      ],
    ]);
  });

  it('a declined request leaves no account, and says why', async () => {
    const db = await demoDb();
    const pid = await portfolioId(db, 'having-a-child');
    const id = await requestAccess(db, {
      identity: { issuer: ISSUER, subject: 'sub-no', email: 'no@usda.gov' },
      request: {
        name: 'Nora No',
        agencyId: await agencyId(db, 'USDA'),
        portfolioId: pid,
        role: 'member',
        reason: 'Curious about the workspace.',
      },
    });
    const omb = await userFor(db, 'omb.lead@example.gov');
    await decideAccessRequest(db, {
      actor: omb,
      requestId: id,
      decision: 'decline',
      note: 'Ask your agency POC first.',
    });
    expect(
      await db.selectFrom('people').select('id').where('email', '=', 'no@usda.gov').execute(),
    ).toEqual([]);
    const sentences = await auditSentences(db, 'access_request');
    expect(sentences.at(-1)!.said.sentence).toMatch(
      /declined the access request of “Nora No”\. Note: “Ask your agency POC first\.”/,
    );
  });

  it('refuses invitations outside the rules, changing nothing', async () => {
    const db = await demoDb();
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    const own = [...lead.memberships].find(([, r]) => r === 'lead')![0];
    const other = await db
      .selectFrom('portfolios')
      .select('id')
      .where('id', '!=', own)
      .executeTakeFirstOrThrow();
    const hhs = await agencyId(db, 'HHS');
    const invite = (
      actor: typeof lead,
      email: string,
      grant: Parameters<typeof invitePerson>[1]['invitation']['grant'],
    ) =>
      invitePerson(db, {
        actor,
        allowedDomains: DOMAINS,
        days: 14,
        invitation: { email, name: 'Someone', agencyId: hhs, grant },
      });
    await expect(
      invite(lead, 'a@hhs.gov', { kind: 'portfolio', portfolioId: other.id, role: 'member' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(invite(lead, 'a@hhs.gov', { kind: 'omb_lead' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      invite(lead, 'a@gmail.com', { kind: 'portfolio', portfolioId: own, role: 'member' }),
    ).rejects.toMatchObject({ code: 'invalid', field: 'email' });
    await expect(
      invite(lead, 'team.member@example.gov', {
        kind: 'portfolio',
        portfolioId: own,
        role: 'viewer',
      }),
    ).rejects.toThrow(/already has this access/);
    const id = await invite(lead, 'a@hhs.gov', {
      kind: 'portfolio',
      portfolioId: own,
      role: 'member',
    });
    await expect(
      invite(lead, 'a@hhs.gov', { kind: 'portfolio', portfolioId: own, role: 'viewer' }),
    ).rejects.toThrow(/open invitation/);
    await revokeInvitation(db, { actor: lead, invitationId: id });
    // A revoked invitation lets nobody in: the person is asked to request access instead.
    expect(await providerSignIn(db, 'sub-a', 'a@hhs.gov')).toEqual({ kind: 'request_access' });
    expect((await auditSentences(db, 'invitation')).at(-1)!.said.sentence).toMatch(
      /revoked the invitation of “Someone”/,
    );
  });
});

describe('account hygiene', () => {
  it('accounts unused for the period are turned off once, signed out, and opened by a new invitation', async () => {
    const db = await demoDb();
    const omb = await userFor(db, 'omb.lead@example.gov');
    const pid = await portfolioId(db, 'having-a-child');
    await invitePerson(db, {
      actor: omb,
      allowedDomains: DOMAINS,
      days: 14,
      invitation: {
        email: 'idle.ian@hhs.gov',
        name: 'Idle Ian',
        agencyId: await agencyId(db, 'HHS'),
        grant: { kind: 'portfolio', portfolioId: pid, role: 'member' },
      },
    });
    await providerSignIn(db, 'sub-ian', 'idle.ian@hhs.gov');
    const ian = await userFor(db, 'idle.ian@hhs.gov');
    const in91Days = new Date(Date.now() + 91 * 86_400_000);
    // Demo accounts and the reference data's people (no way to sign in) are not touched.
    expect(await deactivateDormantAccounts(db, { now: in91Days, days: 90 })).toBe(1);
    expect(await deactivateDormantAccounts(db, { now: in91Days, days: 90 })).toBe(0);
    // The portfolio's lead is told (AC-2(3)), once.
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    expect(await notified(db, lead.personId)).toEqual([
      [
        'account_turned_off',
        'Idle Ian’s account was turned off',
        '/portfolios/having-a-child/access-review',
      ],
    ]);
    const sessions = await db
      .selectFrom('sessions')
      .select('id_hash')
      .where('person_id', '=', ian.personId)
      .execute();
    expect(sessions).toEqual([]);
    expect(await providerSignIn(db, 'sub-ian', 'idle.ian@hhs.gov')).toEqual({
      kind: 'refuse',
      reason: 'deactivated',
    });
    const sentences = await auditSentences(db, 'account');
    expect(sentences.at(-1)!.said.sentence).toMatch(
      /^The workspace turned off the account of “Idle Ian” after a long time without use\.$/,
    );
    // Invited again by the lead: the account opens with the invitation.
    await invitePerson(db, {
      actor: omb,
      allowedDomains: DOMAINS,
      days: 14,
      invitation: {
        email: 'idle.ian@hhs.gov',
        name: 'Idle Ian',
        agencyId: await agencyId(db, 'HHS'),
        grant: { kind: 'portfolio', portfolioId: pid, role: 'viewer' },
      },
    });
    expect((await providerSignIn(db, 'sub-ian', 'idle.ian@hhs.gov')).kind).toBe('signed_in');
    expect((await userFor(db, 'idle.ian@hhs.gov')).memberships.get(pid)).toBe('viewer');
  });

  it('the quarterly review is confirmed once; removing someone’s last role turns their account off', async () => {
    const db = await demoDb();
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    const pid = [...lead.memberships].find(([, r]) => r === 'lead')![0];
    await confirmAccessReview(db, { actor: lead, portfolioId: pid, fy: 2027, q: 1 });
    await expect(
      confirmAccessReview(db, { actor: lead, portfolioId: pid, fy: 2027, q: 1 }),
    ).rejects.toThrow(/already confirmed/);
    const member = await userFor(db, 'team.member@example.gov');
    await expect(
      confirmAccessReview(db, { actor: member, portfolioId: pid, fy: 2027, q: 2 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      removeAccess(db, { actor: lead, portfolioId: pid, personId: lead.personId }),
    ).rejects.toThrow(/your own access/);

    // Priya keeps her other portfolio: only this membership goes.
    await removeAccess(db, { actor: lead, portfolioId: pid, personId: member.personId });
    const after = await userFor(db, 'team.member@example.gov');
    expect(after.memberships.has(pid)).toBe(false);
    expect(after.memberships.size).toBe(1);

    // A person whose only role was here is turned off.
    await invitePerson(db, {
      actor: lead,
      allowedDomains: DOMAINS,
      days: 14,
      invitation: {
        email: 'only.here@hhs.gov',
        name: 'Only Here',
        agencyId: await agencyId(db, 'HHS'),
        grant: { kind: 'portfolio', portfolioId: pid, role: 'viewer' },
      },
    });
    await providerSignIn(db, 'sub-only', 'only.here@hhs.gov');
    const only = await userFor(db, 'only.here@hhs.gov');
    await removeAccess(db, { actor: lead, portfolioId: pid, personId: only.personId });
    const person = await db
      .selectFrom('people')
      .select(['deactivated_at', 'deactivated_reason'])
      .where('id', '=', only.personId)
      .executeTakeFirstOrThrow();
    expect(person.deactivated_reason).toBe('removed');
    const portfolio = await auditSentences(db, 'portfolio');
    expect(portfolio.at(-1)!.said.sentence).toMatch(
      /removed Only Here’s access \(a viewer\) from portfolio “Having a Child and Early Childhood”/,
    );
  });
});
