import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { E2E_DATABASE, E2E_PORT } from '../../playwright.config';
import { choose, createAdmin, expect, login, test, PASSWORD, startPlan } from './fixtures';

// Two app servers on one database, as behind a load balancer: sessions, sign-in lockout, caches
// and concurrent-edit checks live in the database, so it does not matter which server answers.
// `npm test` runs this on two servers sharing the SQLite file; `TEST_DATABASE=postgres` on two
// servers sharing one PostgreSQL database. Both relay live co-editing through the throwaway Redis
// scripts/test-e2e.mjs starts (REDIS_URL).
const A = `http://localhost:${E2E_PORT}`;
const B_PORT = E2E_PORT + 1;
const B = `http://localhost:${B_PORT}`;
let second: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  second = spawn('node', ['server.js'], {
    env: {
      ...process.env,
      PORT: String(B_PORT),
      DATABASE_URL: E2E_DATABASE,
      NODE_ENV: 'production',
      LOG_REQUESTS: 'off',
      DEMO_ACCOUNTS: 'on',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${B}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the second server did not start on ${B}`);
});

test.afterAll(() => {
  second?.kill('SIGTERM');
});

/** The dashboard's "At risk" count for the Transition to Civilian Life portfolio. */
async function atRiskCount(page: Page): Promise<string> {
  const row = page.getByRole('row', { name: /Navigating the Transition to Civilian Life/ });
  return (await row.getByRole('cell').nth(6).textContent())?.trim() ?? '';
}

test('sign in on one server, work on the other: each sees the other’s changes at once', async ({
  page,
}) => {
  await page.goto(`${A}/`);
  await login(page, 'omb_lead');
  // The session cookie works on the second server: the session is in the database.
  await page.goto(`${B}/`);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // The first server has computed (and kept) its dashboard figures.
  await page.goto(`${A}/`);
  const before = Number(await atRiskCount(page));

  // A change made through the second server…
  await page.goto(`${B}/portfolios/transition-to-civilian-life`);
  await page
    .getByRole('link', { name: 'VA.gov application for transitioning service members' })
    .click();
  await expect(
    page.getByRole('heading', {
      name: 'VA.gov application for transitioning service members',
      level: 1,
    }),
  ).toBeVisible();
  expect(page.url().startsWith(B)).toBe(true);
  await page.getByRole('link', { name: 'Edit project' }).click();
  await choose(page, 'At risk');
  await page
    .getByLabel('Reason (required when at risk or off track)')
    .fill('Two-server test: waiting on a data-sharing agreement.');
  await page.getByRole('button', { name: 'Save project' }).click();
  await expect(
    page.getByText('Two-server test: waiting on a data-sharing agreement.'),
  ).toBeVisible();

  // …shows on the first server's cached dashboard on the next request.
  await page.goto(`${A}/`);
  expect(Number(await atRiskCount(page))).toBe(before + 1);
  // The audit log, read on the first server, has the change made on the second.
  await page.goto(`${A}/audit`);
  // The recorded values sit in each entry's details, one click away.
  await expect(
    page.getByText('Two-server test: waiting on a data-sharing agreement.').first(),
  ).toBeAttached();

  // Signing out on one server ends the session on both.
  await page.goto(`${A}/`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${B}/`);
  await expect(page).toHaveURL(/\/login/);
});

test('a stale save is refused whichever server took the newer one', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await a.goto(`${A}/`);
  await login(a, 'omb_lead');
  await b.goto(`${B}/`);
  await login(b, 'omb_lead');
  await a.goto(`${A}/portfolios/transition-to-civilian-life`);
  await a
    .getByRole('link', { name: 'VA.gov application for transitioning service members' })
    .click();
  await a.waitForURL(/\/projects\/\d+$/);
  const editPath = `${new URL(a.url()).pathname}/edit`;
  await a.goto(`${A}${editPath}`);
  await b.goto(`${B}${editPath}`);
  await b.getByLabel('Theory of change').fill('Saved first, through the second server.');
  await b.getByRole('button', { name: 'Save project' }).click();
  await expect(b.getByText('Saved first, through the second server.')).toBeVisible();
  await a.getByLabel('Theory of change').fill('Typed on the first server, must not be lost.');
  await a.getByRole('button', { name: 'Save project' }).click();
  await expect(a.getByText('Someone saved a newer version while you were editing')).toBeVisible();
  await expect(a.getByLabel('Theory of change')).toHaveValue(
    'Typed on the first server, must not be lost.',
  );
});

test('wrong passwords are counted across servers: five on each lock the account', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const email = 'two.servers.lockout@example.gov';
  createAdmin(email, 'Lockout Two', 'another-long-password-456');
  for (let i = 0; i < 10; i++) {
    await page.goto(`${i % 2 === 0 ? A : B}/login`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(`wrong-${i}-${PASSWORD}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'You are not signed in' })).toBeVisible();
  }
  await expect(
    page.getByText('This account is locked after too many wrong passwords.'),
  ).toBeVisible();
  // The right password is refused on the other server too while the lock lasts.
  await page.goto(`${A}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('another-long-password-456');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByText('This account is locked after too many wrong passwords.'),
  ).toBeVisible();
});

test('two people on two servers write one plan live, through Redis', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await a.goto(`${A}/`);
  await login(a, 'team_member');
  await b.goto(`${B}/`);
  await login(b, 'omb_lead');
  // A plan no other test uses.
  const edit = `${await startPlan(a, 'having-a-child', 2044, A)}/edit`;
  await a.goto(`${A}${edit}`);
  await b.goto(`${B}${edit}`);
  for (const page of [a, b])
    await expect(page.getByTestId('save-status')).toContainText('All changes saved', {
      timeout: 15_000,
    });
  // Who is in the plan is relayed too.
  await expect(b.getByTestId('presence')).toContainText('Here now:');
  await expect(a.getByTestId('presence')).toContainText('Here now:');
  const typeAtEnd = async (page: Page, text: string) => {
    await page.getByRole('textbox', { name: 'Plan text' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  };
  // One types while the other only reads: the change can reach the reader's server only through
  // Redis, since that server stores nothing of its own to pick it up with.
  await typeAtEnd(a, 'Typed on the first server.');
  await expect(b.getByRole('textbox', { name: 'Plan text' })).toContainText(
    'Typed on the first server.',
  );
  await typeAtEnd(b, 'Typed on the second server.');
  await expect(a.getByRole('textbox', { name: 'Plan text' })).toContainText(
    'Typed on the second server.',
  );
  await a.context().close();
  await b.context().close();
});
