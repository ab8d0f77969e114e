import type { Browser, Page } from '@playwright/test';
import {
  choose,
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  PASSWORD,
  ACCOUNTS,
  test,
} from './fixtures';

// Issue 16 points 10 and 11: refused forms, focus, the skip link, and 390 px screens.

const PORTFOLIO = '/portfolios/having-a-child';
const unique = (what: string) =>
  `${what} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The error summary: the focusable box named by its heading. */
const summary = (page: Page) => page.locator('[data-error-summary]');

async function expectSummaryFocusedAndTitled(page: Page, messages: string[]) {
  const box = summary(page);
  await expect(box).toBeVisible();
  await expect(box).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  // Exactly one title element: the "Error: " prefix is not a second title.
  await expect(page.locator('title')).toHaveCount(1);
  for (const message of messages) {
    await expect(box.getByRole('link', { name: message })).toBeVisible();
  }
  // It comes before the form: the first thing after the page's heading and intro.
  const [summaryTop, formTop] = await Promise.all([
    box.evaluate((e) => e.getBoundingClientRect().top),
    page
      .locator('main form')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(summaryTop).toBeLessThan(formTop);
}

async function signInWithoutJs(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(ACCOUNTS.portfolio_lead);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { context, page };
}

test('a refused form with JavaScript: a linked error summary at the top takes focus, the title says Error, then the next page takes focus at its heading', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'portfolio_lead');
  await page.goto(`${PORTFOLIO}/projects/new`);
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
  await choose(page, 'At risk');
  await page.getByRole('button', { name: 'Create project' }).click();

  await expectSummaryFocusedAndTitled(page, ['Enter the project name.']);
  await expect(summary(page).getByRole('heading')).toHaveText('Not saved');
  await expectAccessible(page);

  // The link takes the person to the field.
  await summary(page).getByRole('link', { name: 'Enter the project name.' }).click();
  await expect(page.getByLabel('Project name')).toBeFocused();

  // Submitted again with another problem (the reason an at-risk project needs): the summary
  // lists it and takes focus again, while the person is not interrupted as they type.
  const name = unique('Focus project');
  await page.getByLabel('Project name').fill(name);
  await expect(page.getByLabel('Project name')).toBeFocused();
  await page.getByRole('button', { name: 'Create project' }).click();
  await expectSummaryFocusedAndTitled(page, ['Explain why the project is at risk or off track.']);
  await summary(page).getByRole('link', { name: 'Explain why the project is at risk' }).click();
  await expect(page.getByLabel('Reason (required when at risk or off track)')).toBeFocused();

  // Accepted: a client-side navigation to the project, whose heading takes focus, announced.
  await page.getByLabel('Reason (required when at risk or off track)').fill('Waiting on data.');
  await page.getByRole('button', { name: 'Create project' }).click();
  const heading = page.getByRole('heading', { level: 1, name });
  await expect(heading).toBeFocused();
  await expect(page).not.toHaveTitle(/^Error/);
  await expect(page.locator('[data-route-announcer]')).toHaveText(await page.title());
  await expectAccessible(page);

  // A link to another page: focus on its heading, the new title announced.
  await page
    .getByRole('navigation', { name: 'Breadcrumbs' })
    .getByRole('link', { name: 'Having a Child' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('[data-route-announcer]')).toHaveText(/Having a Child/);
});

test('a refusal from the server with JavaScript (a stale save): summary focused and titled Error', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await login(page, 'portfolio_lead');
  await page.goto(`${PORTFOLIO}/projects/new`);
  const name = unique('Stale project');
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const editUrl = `${new URL(page.url()).pathname}/edit`;

  const other = await context.newPage();
  await other.goto(editUrl);
  await page.goto(editUrl);
  await page.waitForLoadState('networkidle');
  await other.getByLabel('Summary').fill('Saved first by someone else.');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByLabel('Summary').fill('Mine, saved second.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(summary(page)).toContainText('Someone saved a newer version');
  await expect(summary(page)).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('title')).toHaveCount(1);
  await expectAccessible(page);
});

test('a refused milestone and journey map without JavaScript: the summary is in the page, focused, linked, and titled Error', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, page } = await signInWithoutJs(browser);
  try {
    await page.goto(`${PORTFOLIO}/projects/new`);
    const name = unique('No-JS project');
    await page.getByLabel('Project name').fill(name);
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('link', { name: 'Add milestone' }).click();

    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(summary(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('title')).toHaveCount(1);
    await expect(summary(page).getByRole('link', { name: 'Enter the milestone.' })).toBeVisible();
    await expectAccessibleWithoutJs(page);
    await summary(page).getByRole('link', { name: 'Enter the milestone.' }).click();
    await expect(page.getByLabel('Milestone', { exact: true })).toBeFocused();

    await page.goto(`${PORTFOLIO}/journeys/new`);
    await page.getByRole('button', { name: 'Create journey map' }).click();
    await expect(summary(page)).toBeFocused();
    await expect(page).toHaveTitle(/^Error: New journey map/);
    const link = summary(page).getByRole('link', { name: 'Enter the title.' });
    await expect(link).toBeVisible();
    await expectAccessibleWithoutJs(page);
    await link.click();
    await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  } finally {
    await context.close();
  }
});

test('after signing in, the first Tab reaches the skip link', async ({ page }) => {
  await login(page, 'team_member');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await expectAccessible(page);
});

test('at 390 px no main page scrolls sideways, and wide tables scroll in labelled, focusable regions', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await login(page, 'omb_lead');
  // Records of this test's own: a project, a burden assessment, a plan and a PMC update.
  await page.goto(`${PORTFOLIO}/projects/new`);
  const name = unique('Narrow project');
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const project = new URL(page.url()).pathname;

  await page.goto(`${PORTFOLIO}/burden`);
  await page.getByLabel('Title').fill(unique('Narrow assessment'));
  await page.getByLabel('Service name (when not on a journey map)').fill('Birth registration');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page).toHaveURL(/\/burden\/\d+$/);
  const assessment = new URL(page.url()).pathname;

  await page.goto('/pmc');
  await page.getByLabel('Fiscal year', { exact: true }).fill('2023');
  await page.getByLabel('Quarter').selectOption('2');
  await page.getByRole('button', { name: 'Assemble update' }).click();
  await expect(page.getByRole('heading', { name: 'PMC update, FY 2023 Q2' })).toBeVisible();
  const update = new URL(page.url()).pathname;

  await page.setViewportSize({ width: 390, height: 844 });
  const pages = [
    '/',
    PORTFOLIO,
    project,
    `${project}/phase`,
    // A project with involved agencies and an annual review table (seeded).
    '/projects/3/phase',
    assessment,
    `${PORTFOLIO}/pra`,
    `${PORTFOLIO}/plans`,
    update,
    '/calendar',
    '/audit',
    '/projects',
    '/pmc',
  ];
  for (const path of pages) {
    await page.goto(path);
    const { width, wide } = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // What sticks out, for the failure message.
      wide: [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > 390)
        .filter((e) => !e.closest('.usa-table-container--scrollable'))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    }));
    expect(width, `${path} is ${width} px wide at 390 px: ${wide.join(', ')}`).toBeLessThanOrEqual(
      390,
    );
    // Every table wider than the screen sits in a labelled, focusable scroll region.
    const loose = await page.locator('main table').evaluateAll((tables) =>
      tables
        .filter((t) => t.getBoundingClientRect().width > 390 - 32)
        .filter((t) => {
          const region = t.closest('.usa-table-container--scrollable');
          return !(
            region &&
            region.getAttribute('tabindex') === '0' &&
            region.getAttribute('role') === 'region' &&
            (region.getAttribute('aria-label') || region.getAttribute('aria-labelledby'))
          );
        })
        .map((t) => t.querySelector('caption')?.textContent ?? t.outerHTML.slice(0, 80)),
    );
    expect(loose, `${path}: wide tables outside a scroll region`).toEqual([]);
    await expectAccessible(page);
  }

  // The update's chart tables are wider than the screen: the region scrolls, from the keyboard too.
  await page.goto(update);
  const region = page.getByRole('region', { name: /: table$/ }).first();
  const [scrollWidth, clientWidth] = await region.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  await page.screenshot({ path: 'tests/.tmp/screens/errors-table-390.png' });

  await page.goto('/projects/3/phase');
  await page.screenshot({ path: 'tests/.tmp/screens/errors-phase-390.png', fullPage: true });
});

test('screenshot of an error summary', async ({ page }) => {
  await login(page, 'portfolio_lead');
  await page.goto(`${PORTFOLIO}/projects/new`);
  await page.waitForLoadState('networkidle');
  await choose(page, 'Off track');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(summary(page)).toBeFocused();
  await page.screenshot({ path: 'tests/.tmp/screens/errors-summary.png' });
});

/** The summary sits at the top of the page: above the page's own heading. */
async function expectSummaryAboveHeading(page: Page, message: string) {
  const box = summary(page);
  await expect(box).toBeFocused();
  await expect(box.getByRole('link', { name: message })).toBeVisible();
  const [summaryTop, headingTop] = await Promise.all([
    box.evaluate((e) => e.getBoundingClientRect().top),
    page
      .locator('main h1')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(summaryTop).toBeLessThan(headingTop);
}

test('on a page of several forms, the refused one’s summary is at the top of the page, with and without JavaScript', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await login(page, 'portfolio_lead');
  await page.goto(`${PORTFOLIO}/burden`);
  const title = unique('Summary on top');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Service name (when not on a journey map)').fill('Newborn benefits');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  const url = page.url();

  // With JavaScript the browser refuses the add-item form, far down the page; the summary is on top.
  await page.getByRole('button', { name: 'Add item' }).click();
  await expectSummaryAboveHeading(page, 'Enter the description.');
  await expectAccessible(page);

  // Without JavaScript the server refuses the segment form; the same place, with a working link.
  const { context, page: plain } = await signInWithoutJs(browser);
  try {
    await plain.goto(url);
    await plain.getByRole('button', { name: 'Add segment' }).click();
    await expectSummaryAboveHeading(plain, 'Enter the segment name.');
    await expect(plain).toHaveTitle(/^Error: /);
    await plain.getByRole('link', { name: 'Enter the segment name.' }).click();
    await expect(plain.getByLabel('Segment name')).toBeFocused();
    await expectAccessibleWithoutJs(plain);
  } finally {
    await context.close();
  }
});

test('a form that is not conform’s (starting a PMC update) links its message to the field and keeps what was typed', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await login(page, 'omb_lead');
    await page.goto('/pmc');
    await page.getByLabel('Fiscal year').fill('1999');
    await page.getByRole('button', { name: 'Assemble update' }).click();
    await expectSummaryAboveHeading(page, 'Enter a fiscal year from 2022.');
    await expect(page.getByText('Enter a fiscal year from 2022.').last()).toBeVisible();
    await expect(page.getByLabel('Fiscal year')).toHaveValue('1999');
    await page.getByRole('link', { name: 'Enter a fiscal year from 2022.' }).click();
    await expect(page.getByLabel('Fiscal year')).toBeFocused();
    await expectAccessibleWithoutJs(page);
  } finally {
    await context.close();
  }
});
