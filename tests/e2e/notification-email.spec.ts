/**
 * A person's email choices (issue 22): a daily summary gathers the day's notifications into one
 * message, one click in it stops them, and what a person chose is what the mail server receives.
 * The person is a real OMB lead made for this test (create-admin), so no other test's mail is
 * theirs; the notifications come from a real plan sent for review and marked final.
 */
import { execFileSync } from 'node:child_process';
import { E2E_DATABASE } from '../../playwright.config';
import {
  choose,
  createAdmin,
  expect,
  expectAccessible,
  inbox,
  login,
  startPlan,
  test,
} from './fixtures';
import { database } from './hardening/targets';

const DANA = 'dana.ruiz@example.gov';
const DANA_PASSWORD = 'a-long-enough-password-for-dana';
const REVIEW = 'A CX Action Plan was sent for review';
const FINAL = 'A CX Action Plan was marked final';

const statuses = async () =>
  (
    await database()
      .selectFrom('notifications')
      .innerJoin('people', 'people.id', 'notifications.person_id')
      .select(['notifications.kind', 'notifications.email_status'])
      .where('people.email', '=', DANA)
      .where('notifications.kind', '!=', 'daily_digest')
      .orderBy('notifications.id')
      .execute()
  ).map((r) => `${r.kind}:${r.email_status}`);

test('a daily summary gathers the day’s notifications; one click stops it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  createAdmin(DANA, 'Dana Ruiz (illustrative)', DANA_PASSWORD);
  await login(page, DANA, DANA_PASSWORD);

  // Her choices: plans in a daily summary.
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await page.getByRole('link', { name: 'Choose how each kind reaches you by email' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email choices' })).toBeVisible();
  await expectAccessible(page);
  await choose(page.getByRole('group', { name: REVIEW }), 'In a daily summary email');
  await choose(page.getByRole('group', { name: FINAL }), 'In a daily summary email');
  await page.getByRole('button', { name: 'Save email choices' }).click();
  await expect(
    page.getByText('Saved. Notifications reach you by email as chosen below.'),
  ).toBeVisible();
  await expect(
    page.getByRole('group', { name: REVIEW }).getByLabel('In a daily summary email'),
  ).toBeChecked();

  // A team member sends a plan for review and marks it final: two notifications for her.
  const team = await (await browser.newContext()).newPage();
  await login(team, 'team_member');
  const planUrl = await startPlan(team, 'having-a-child', 2049);
  await team.getByRole('button', { name: 'Send for review' }).click();
  await expect(team.getByTestId('plan-status')).toHaveText('In review');
  await team.getByRole('button', { name: 'Mark final' }).click();
  await expect(team.getByTestId('plan-status')).toHaveText('Final');

  // In the workspace at once; by email, nothing yet: both wait for the summary.
  await page.goto('/notifications');
  await expect(page.getByRole('link', { name: /was sent for review/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /is final$/ })).toBeVisible();
  expect(await statuses()).toEqual(['plan_in_review:digest', 'plan_final:digest']);

  // The summary, gathered now rather than at the digest hour (the command an operator runs).
  execFileSync('node', ['server.js', 'mail-digest'], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE, DEMO_ACCOUNTS: 'on' },
    stdio: 'pipe',
  });
  await expect.poll(async () => (await inbox(DANA)).length, { timeout: 15_000 }).toBe(1);
  const [digest] = await inbox(DANA);
  expect(digest!.subject).toBe('Your Life Experience Workspace summary: 2 notifications');
  expect(digest!.html).toContain(`${REVIEW} (1)`);
  expect(digest!.html).toContain(`${FINAL} (1)`);
  expect(await statuses()).toEqual(['plan_in_review:digested', 'plan_final:digested']);
  const planLink = new RegExp(`href="([^"]+${planUrl})"`).exec(String(digest!.html))?.[1];
  expect(planLink).toBeTruthy();
  await page.goto(planLink!);
  await expect(page.getByTestId('plan-status')).toHaveText('Final');

  // One click in the message stops it, signed in or not.
  const stop = /href="([^"]+)"[^>]*>Stop the daily summary email/.exec(String(digest!.html))?.[1];
  expect(stop).toMatch(/\/unsubscribe\/[\w-]{32}$/);
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(stop!);
  await expect(
    anonymous.getByRole('heading', { level: 1, name: 'Stop the daily summary email' }),
  ).toBeVisible();
  await expectAccessible(anonymous);
  await anonymous.getByRole('button', { name: 'Stop these emails' }).click();
  await expect(
    anonymous.getByText('Stopped. You no longer get the daily summary email.'),
  ).toBeVisible();
  await page.goto('/notifications/settings');
  await expect(page.getByRole('group', { name: REVIEW }).getByLabel('No email')).toBeChecked();
  await expect(page.getByRole('group', { name: FINAL }).getByLabel('No email')).toBeChecked();
  // The history says it in words.
  await team.close();
  await anonymous.close();
});

test('a mail program’s one-click unsubscribe (RFC 8058) needs no page and no origin', async ({
  playwright,
  baseURL,
}) => {
  const db = database();
  const poc = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'pmc.member@example.gov')
    .executeTakeFirstOrThrow();
  const token = 'oneClickUnsubscribeTestToken-001';
  await db
    .insertInto('notifications')
    .values({
      person_id: poc.id,
      kind: 'plan_returned',
      source: 'one-click-test',
      title: 'Illustrative notification for the one-click test',
      body: 'Illustrative.',
      link: '/notifications',
      portfolio_id: null,
      created_at: new Date().toISOString(),
      email_status: 'off',
      unsubscribe_token: token,
    })
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'source']).doNothing())
    .execute();
  // A mail program: no cookies, no Origin, no Referer.
  const mailer = await playwright.request.newContext({ baseURL });
  const response = await mailer.post(`/unsubscribe/${token}`, {
    form: { 'List-Unsubscribe': 'One-Click' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const chosen = await db
    .selectFrom('notification_preferences')
    .select('delivery')
    .where('person_id', '=', poc.id)
    .where('kind', '=', 'plan_returned')
    .executeTakeFirst();
  expect(chosen?.delivery).toBe('off');
  // Anywhere else, a post without an origin is still refused.
  const refused = await mailer.post('/notifications/settings', {
    form: { intent: 'save' },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  await mailer.dispose();
});
