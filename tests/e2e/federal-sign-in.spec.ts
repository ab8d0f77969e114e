/**
 * Federal sign-in (issue 21) against a real OpenID provider started by the test tooling
 * (scripts/oidc-provider.mjs, configured as Login.gov is: PKCE, private_key_jwt, acr values,
 * end_session): sign-in and sign-out, an invited person's first sign-in, access requests
 * approved and declined, every forged or broken return refused with a plain page and nothing
 * created, PIV required for an OMB lead, and the idle warning and timeout.
 */
import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { database } from './hardening/targets';
import { expect, expectAccessible, expectAccessibleWithoutJs, login, test } from './fixtures';

const PROVIDER = 'Login.gov (test provider)';

interface AtProvider {
  email: string;
  piv?: boolean;
  verified?: boolean;
  misbehave?: 'none' | 'wrong_nonce' | 'wrong_audience' | 'expired';
}

/** Answers the provider's sign-in page, as a person would. */
async function answerProvider(page: Page, who: AtProvider): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Test sign-in provider' })).toBeVisible();
  await page.getByLabel('Email address').fill(who.email);
  if (who.verified === false) await page.getByLabel('Email verified').uncheck();
  if (who.piv) await page.getByLabel('Present a PIV/CAC card').check();
  if (who.misbehave) await page.getByLabel('Misbehave (tests)').selectOption(who.misbehave);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** From the workspace's sign-in page through the provider and back. */
async function providerSignIn(page: Page, who: AtProvider): Promise<void> {
  await page.goto('/login');
  await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
  await answerProvider(page, who);
}

const signedInAs = (page: Page, name: string) =>
  expect(page.getByText(new RegExp(`Signed in as ${name}`))).toBeVisible();

test('an existing account signs in through the provider, then out of both', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await providerSignIn(page, { email: 'viewer@example.gov' });
  await signedInAs(page, 'Jordan Blake');
  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider's own session ends too (its end_session_endpoint), then back to sign-in.
  await page.getByRole('button', { name: 'Yes, sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
});

test('an invited person’s first sign-in makes their account with the invited role', async ({
  page,
  browser,
}) => {
  await login(page, 'portfolio_lead');
  await page.getByRole('link', { name: 'Access', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Access to the workspace' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Work email').fill('new.analyst@hhs.gov');
  await page.getByLabel('Name', { exact: true }).fill('Nia Analyst');
  await page
    .getByLabel('Agency', { exact: true })
    .selectOption({ label: 'Department of Health and Human Services' });
  await page.getByLabel('Role').selectOption('member');
  await page.getByLabel('Portfolio').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  const row = page.getByRole('row', { name: /Nia Analyst/ });
  await expect(row).toContainText('Open until');

  const context = await browser.newContext();
  const invited = await context.newPage();
  await providerSignIn(invited, { email: 'New.Analyst@hhs.gov' });
  await signedInAs(invited, 'Nia Analyst');
  await context.close();

  await page.reload();
  await expect(page.getByRole('row', { name: /Nia Analyst/ })).toContainText('Accepted');
});

test('an uninvited person asks for access; the lead approves; they sign in', async ({
  page,
  browser,
}) => {
  const asker = await (await browser.newContext()).newPage();
  await providerSignIn(asker, { email: 'ada.asker@usda.gov' });
  await expect(asker.getByRole('heading', { name: 'Ask for access' })).toBeVisible();
  await expectAccessible(asker);
  // Refused with the message beside the field, what was typed kept.
  await asker.getByLabel('Your name').fill('Ada Asker');
  await asker.getByLabel('What you need access for').fill('WIC');
  // Leave the field first: its message appears on leaving, moving the button.
  await asker.keyboard.press('Tab');
  await asker.getByRole('button', { name: 'Send the request' }).click();
  await expect(asker.getByText('Choose your agency.').first()).toBeVisible();
  await expect(asker.getByLabel('Your name')).toHaveValue('Ada Asker');
  await asker.getByLabel('Your agency').selectOption({ label: 'Department of Agriculture' });
  await asker
    .getByLabel('The portfolio you work on')
    .selectOption({ label: 'Having a Child and Early Childhood' });
  await asker.getByLabel('The access you need').selectOption('viewer');
  await asker
    .getByLabel('What you need access for')
    .fill('I run the WIC online shopping pilot with this portfolio.');
  await asker.getByRole('button', { name: 'Send the request' }).click();
  await expect(asker.getByRole('heading', { name: 'Your request is waiting' })).toBeVisible();

  await login(page, 'portfolio_lead');
  await page.goto('/access');
  await page.getByRole('link', { name: 'Ada Asker' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: /Approve/ }).click();
  await expect(page.getByRole('row', { name: /Ada Asker/ })).toContainText('Approved');

  await providerSignIn(asker, { email: 'ada.asker@usda.gov' });
  await signedInAs(asker, 'Ada Asker');
});

test('a declined request tells the person why, and nothing is made', async ({ page, browser }) => {
  const asker = await (await browser.newContext()).newPage();
  await providerSignIn(asker, { email: 'dee.decline@usda.gov' });
  await asker.getByLabel('Your name').fill('Dee Decline');
  await asker.getByLabel('Your agency').selectOption({ label: 'Department of Agriculture' });
  await asker
    .getByLabel('The portfolio you work on')
    .selectOption({ label: 'Having a Child and Early Childhood' });
  await asker.getByLabel('The access you need').selectOption('member');
  await asker.getByLabel('What you need access for').fill('To look around the workspace.');
  await asker.getByRole('button', { name: 'Send the request' }).click();

  await login(page, 'omb_lead');
  await page.goto('/access');
  await page.getByRole('link', { name: 'Dee Decline' }).click();
  // Declining needs a note.
  await page.getByRole('button', { name: 'Decline', exact: true }).click();
  await expect(page.getByText(/Say why, for the person to read/).first()).toBeVisible();
  await page.getByLabel('Note to the person').fill('Ask your agency POC to invite you.');
  await page.getByRole('button', { name: 'Decline', exact: true }).click();
  await expect(page.getByRole('row', { name: /Dee Decline/ })).toContainText('Declined');

  await providerSignIn(asker, { email: 'dee.decline@usda.gov' });
  await expect(
    asker.getByRole('heading', { name: 'Your last request was declined' }),
  ).toBeVisible();
  await expect(asker.getByText('Ask your agency POC to invite you.')).toBeVisible();
  const db = database();
  expect(
    await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'dee.decline@usda.gov')
      .execute(),
  ).toEqual([]);
});

test.describe('a broken or forged return is refused with a plain page, nothing created', () => {
  const refused = async (page: Page, email: string) => {
    await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
    await expectAccessible(page);
    const db = database();
    expect(
      await db
        .selectFrom('identity_links')
        .select('id')
        .where('email_at_link', '=', email)
        .execute(),
    ).toEqual([]);
    // No verified identity was kept either: the access request page sends to sign-in.
    await page.goto('/access/request');
    await expect(page).toHaveURL(/\/login/);
  };

  for (const misbehave of ['wrong_nonce', 'wrong_audience', 'expired'] as const) {
    test(`an ID token with ${misbehave.replace('_', ' ')}`, async ({ page }) => {
      const email = `${misbehave}@hhs.gov`;
      await providerSignIn(page, { email, misbehave });
      await refused(page, email);
    });
  }

  /**
   * Signs in at the provider but keeps the return from reaching the workspace with its flow:
   * the browser's flow cookie is taken away first (so that return is refused, the flow kept) and
   * handed back to the test with the URL the provider sent the browser to.
   */
  async function heldReturn(page: Page, email: string) {
    let callback = '';
    page.on('request', (r) => {
      if (r.url().includes('/auth/callback?')) callback = r.url();
    });
    await page.goto('/login');
    await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
    await expect(page.getByRole('heading', { name: 'Test sign-in provider' })).toBeVisible();
    const context = page.context();
    const flow = (await context.cookies()).find((c) => c.name === 'lew_flow')!;
    await context.clearCookies({ name: 'lew_flow' });
    await answerProvider(page, { email });
    // Without its cookie, the return is refused: a flow belongs to the browser that started it.
    await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
    await context.addCookies([flow]);
    return new URL(callback);
  }

  test('a tampered state', async ({ page }) => {
    const url = await heldReturn(page, 'tampered@hhs.gov');
    const tampered = new URL(url);
    tampered.searchParams.set('state', `${url.searchParams.get('state')}x`);
    await page.goto(tampered.pathname + tampered.search);
    await refused(page, 'tampered@hhs.gov');
    // The flow was used up by the tampered return: the true one is refused now too.
    await page.goto(url.pathname + url.search);
    await refused(page, 'tampered@hhs.gov');
  });

  test('a replayed code', async ({ page }) => {
    const url = await heldReturn(page, 'team.member@example.gov');
    await page.goto(url.pathname + url.search);
    await signedInAs(page, 'Priya Raman');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign out' }).click();
    // A new sign-in of this browser, answered with the old code and the new flow's own state:
    // every check of the workspace passes, and the provider refuses the used code.
    let state = '';
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname === '/auth' && u.searchParams.has('state')) {
        state = u.searchParams.get('state')!;
      }
    });
    await page.goto('/login');
    await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
    await expect(page.getByRole('heading', { name: 'Test sign-in provider' })).toBeVisible();
    expect(state).not.toBe('');
    const replay = new URL(url);
    replay.searchParams.set('state', state);
    await page.goto(replay.pathname + replay.search);
    await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  });
});

test('an email domain off the allow-list is refused with a clear page', async ({ page }) => {
  await providerSignIn(page, { email: 'someone@gmail.com' });
  await expect(
    page.getByRole('heading', { name: 'This email address cannot sign in here' }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('an OMB lead must present a PIV card: refused without, signed in with', async ({ page }) => {
  await providerSignIn(page, { email: 'omb.lead@example.gov' });
  // The role needs more than the first sign-in asked: the provider is asked again, for PIV.
  await expect(page.getByTestId('requested-acr')).toContainText('hspd12=true');
  await expect(page.getByTestId('requested-scope')).toContainText('x509_presented');
  await answerProvider(page, { email: 'omb.lead@example.gov' });
  await expect(
    page.getByRole('heading', { name: /Your role needs a PIV or CAC card/ }),
  ).toBeVisible();
  await expectAccessible(page);

  await providerSignIn(page, { email: 'omb.lead@example.gov' });
  await answerProvider(page, { email: 'omb.lead@example.gov', piv: true });
  await signedInAs(page, 'Dana Whitfield');
});

test('the idle warning offers to stay signed in; an idle session ends', async ({ page }) => {
  await page.clock.install();
  await login(page, 'pmc_member');
  const dialog = page.getByRole('dialog', { name: 'Your session is about to end' });
  await expect(dialog).toBeHidden();
  // The countdown starts when the page hydrates: time moved before that would not count.
  await expect(page.locator('dialog.idle-warning[data-armed="true"]')).toBeAttached();
  await page.clock.fastForward('28:30');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('idle-countdown')).toContainText(/1 minute/);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(dialog).toBeHidden();

  // On the server, 31 minutes without a request: this session (its cookie's) is over.
  const token = (await page.context().cookies()).find((c) => c.name === 'lew_session')!.value;
  await database()
    .updateTable('sessions')
    .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
    .where('id_hash', '=', crypto.createHash('sha256').update(token).digest('base64url'))
    .execute();
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
});

test('a lead reviews who has access: removes a role, confirms the quarter', async ({
  page,
  browser,
}) => {
  await login(page, 'portfolio_lead');
  await page.goto('/access');
  await page.getByLabel('Work email').fill('rita.remove@hhs.gov');
  await page.getByLabel('Name', { exact: true }).fill('Rita Remove');
  await page
    .getByLabel('Agency', { exact: true })
    .selectOption({ label: 'Department of Health and Human Services' });
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByLabel('Portfolio').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  const rita = await (await browser.newContext()).newPage();
  await providerSignIn(rita, { email: 'rita.remove@hhs.gov' });
  await signedInAs(rita, 'Rita Remove');

  await page.getByRole('link', { name: /Review who has access to Having a Child/ }).click();
  await expect(page.getByRole('heading', { name: /Access review: Having a Child/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Remove the access of Rita Remove' }).click();
  await expect(page.getByRole('row', { name: /Rita Remove/ })).toHaveCount(0);
  // Her only role is gone: she is signed out, and cannot sign in again.
  await rita.reload();
  await expect(rita).toHaveURL(/\/login/);
  await providerSignIn(rita, { email: 'rita.remove@hhs.gov' });
  await expect(
    rita.getByRole('heading', { name: 'Your access has been turned off' }),
  ).toBeVisible();

  await page.getByRole('button', { name: /Confirm: everyone listed/ }).click();
  await expect(page.getByRole('heading', { name: 'Confirmed for this quarter' })).toBeVisible();
});

test('an agency POC sees who from their agency has access to what', async ({ page }) => {
  await login(page, 'agency_poc');
  await page.getByRole('link', { name: 'Access', exact: true }).click();
  await expect(
    page.getByRole('heading', { name: 'Who from Department of Agriculture has access' }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Priya Raman/ })).toContainText(
    'Team member of Having a Child and Early Childhood',
  );
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing in through the provider and asking for access work as plain pages', async ({
    page,
  }) => {
    await providerSignIn(page, { email: 'no.script@usda.gov' });
    await expect(page.getByRole('heading', { name: 'Ask for access' })).toBeVisible();
    await expectAccessibleWithoutJs(page);
    await page.getByLabel('Your name').fill('Noa Script');
    await page.getByRole('button', { name: 'Send the request' }).click();
    // The server's answer: messages beside the fields, the name kept.
    await expect(page.getByText('Choose your agency.').first()).toBeVisible();
    await expect(page.getByLabel('Your name')).toHaveValue('Noa Script');
    await page.getByLabel('Your agency').selectOption({ label: 'Department of Agriculture' });
    await page
      .getByLabel('The portfolio you work on')
      .selectOption({ label: 'Having a Child and Early Childhood' });
    await page.getByLabel('The access you need').selectOption('viewer');
    await page.getByLabel('What you need access for').fill('I read the portfolio’s plans.');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await expect(page.getByRole('heading', { name: 'Your request is waiting' })).toBeVisible();
  });
});
