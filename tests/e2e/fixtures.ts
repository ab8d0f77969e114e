import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import {
  test as base,
  expect,
  type APIRequestContext,
  type Locator,
  type Page,
} from '@playwright/test';
import { E2E_DATABASE } from '../../playwright.config';

export const PASSWORD = 'workspace-demo';

export const ACCOUNTS = {
  omb_lead: 'omb.lead@example.gov',
  portfolio_lead: 'portfolio.lead@example.gov',
  team_member: 'team.member@example.gov',
  agency_poc: 'agency.poc@example.gov',
  pmc_member: 'pmc.member@example.gov',
  viewer: 'viewer@example.gov',
} as const;
export type DemoRole = keyof typeof ACCOUNTS;

/**
 * A real (non-demo) OMB lead account in the e2e database, made with `npm run create-admin`'s
 * command. DEMO_ACCOUNTS=on: create-admin otherwise removes the demo accounts (decision 015),
 * and the other tests sign in with them.
 */
export function createAdmin(email: string, name: string, password: string): void {
  execFileSync('node', ['server.js', 'create-admin', '--email', email, '--name', name], {
    env: {
      ...process.env,
      DATABASE_URL: E2E_DATABASE,
      ADMIN_PASSWORD: password,
      DEMO_ACCOUNTS: 'on',
    },
    stdio: 'pipe',
  });
}

/** Signs in through the form, as a person would. */
export async function login(
  page: Page,
  who: DemoRole | string,
  password: string = PASSWORD,
): Promise<void> {
  const email = who in ACCOUNTS ? ACCOUNTS[who as DemoRole] : who;
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/**
 * Signs an API context in through the test OpenID provider (scripts/oidc-provider.mjs), as a
 * browser would: the workspace sends it to the provider, its sign-in page is answered (again,
 * when the role needs a PIV card: pass `piv`), and the provider sends it back signed in.
 */
export async function signInThroughProvider(
  ctx: APIRequestContext,
  email: string,
  options: { piv?: boolean } = {},
): Promise<void> {
  let r = await ctx.get('/auth/start?redirectTo=%2F');
  for (let round = 0; round < 2; round += 1) {
    const url = new URL(r.url());
    const uid = /^\/interaction\/([^/]+)$/.exec(url.pathname)?.[1];
    if (!uid) break;
    r = await ctx.post(`${url.origin}/interaction/${uid}/login`, {
      form: {
        email,
        sub: '',
        email_verified: 'on',
        misbehave: 'none',
        ...(options.piv ? { piv: 'on' } : {}),
      },
    });
  }
  expect(new URL(r.url()).pathname, `signed in through the provider as ${email}`).toBe('/');
  expect(r.status()).toBe(200);
}

/**
 * Starts a portfolio's CX Action Plan for a fiscal year no other test uses, from the plans page
 * as a person would; returns the plan's path. `origin` is for a test of two servers.
 */
export async function startPlan(
  page: Page,
  slug: string,
  fy: number,
  origin = '',
): Promise<string> {
  await page.goto(`${origin}/portfolios/${slug}/plans`);
  await page.getByLabel('Fiscal year', { exact: true }).fill(String(fy));
  await page.getByRole('button', { name: 'Start plan', exact: true }).click();
  await page.waitForURL(/\/plans\/\d+$/);
  return new URL(page.url()).pathname;
}

/**
 * Assembles the PMC update of a quarter no other test uses, as an OMB lead would; returns its
 * path.
 */
export async function assembleUpdate(page: Page, fy: number, q: number): Promise<string> {
  await page.goto('/pmc');
  await page.getByLabel('Fiscal year', { exact: true }).fill(String(fy));
  await page.getByLabel('Quarter').selectOption(String(q));
  await page.getByRole('button', { name: 'Assemble update' }).click();
  await expect(page.getByRole('heading', { name: `PMC update, FY ${fy} Q${q}` })).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * Publishes the draft update the page shows, as an OMB lead would: its preview, then the
 * confirmation; returns the published update's path.
 */
export async function publishFromPage(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Review and publish this update' }).click();
  await expect(page.getByRole('heading', { name: /^Publish the PMC update, FY/ })).toBeVisible();
  await page.getByRole('button', { name: 'Publish this update' }).first().click();
  await expect(page.getByTestId('update-status')).toContainText('Published');
  return new URL(page.url()).pathname;
}

/**
 * Picks a USWDS radio button or checkbox by its label. USWDS draws its own control and moves
 * the native input off-screen, so a person (and this helper) clicks the label. `page` may be a
 * part of the page (one question's group) when several share the label.
 */
export async function choose(page: Page | Locator, label: string): Promise<void> {
  await page
    .locator('label', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .click();
}

/** axe with the WCAG 2.1 A and AA rules; any violation fails the test with its details. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * axe on a page loaded with JavaScript turned off. axe itself runs as script, so the page's
 * markup (what the browser built without scripts, <noscript> content included) is checked in a
 * scripted page of the same origin, with the same stylesheets.
 */
export async function expectAccessibleWithoutJs(page: Page): Promise<void> {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<\/?noscript>/gi, '');
  // Explicitly scripted: a test's `use({ javaScriptEnabled: false })` reaches new contexts too.
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  try {
    const checker = await context.newPage();
    await checker.goto(new URL('/login', page.url()).href);
    await checker.setContent(html);
    await expectAccessible(checker);
  } finally {
    await context.close();
  }
}

/** Every test fails on a console error or an uncaught page error. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        // Expected HTTP errors (the 403/404 pages under test) are logged by the browser as
        // failed resource loads; they are answers, not bugs.
        if (
          /Failed to load resource: the server responded with a status of (40[0-9]|429)/.test(text)
        )
          return;
        // The Content Security Policy stopping a pasted inline event handler (onerror=…) is the
        // defence working. Any other blocked script (our own, say) is still an error.
        if (
          /^Executing inline event handler violates the following Content Security Policy/.test(
            text,
          )
        )
          return;
        errors.push(text);
      });
      page.on('pageerror', (err) => errors.push(String(err)));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The messages the throwaway SMTP server (scripts/smtp-sink.mjs) received for `address`, oldest
 * first, parsed. Poll it: the workspace sends within a moment of the change.
 */
export async function inbox(address: string): Promise<ParsedMail[]> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the suite with npm run test:e2e');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.eml'))
        .sort()
    : [];
  const mails = await Promise.all(
    files.map(async (f) => simpleParser(fs.readFileSync(path.join(dir, f)))),
  );
  return mails.filter((m) =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((to) =>
      to.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()),
    ),
  );
}
