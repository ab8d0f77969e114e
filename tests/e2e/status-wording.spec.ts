import { allForYear } from '@18f/us-federal-holidays';
import { reviewDueOn } from '~/domain/phases/review';
import { formatDate } from '~/domain/portfolio/labels';
import { windowEnd } from '~/domain/pra/rules';
import type { Page } from '@playwright/test';
import { choose, expect, expectAccessible, login, test } from './fixtures';
import { allRoutes, fill, routeParams } from './hardening/targets';

/** YYYY-MM-DD `days` from today in UTC, as the server counts. */
const fromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

test.describe('status wording (issue 16, point 7)', () => {
  test('at nine of nine the PRA box is a warning saying from when the next person is allowed; people who may not record a clearance see who can', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const stamp = Date.now().toString(36);
    const title = `Nine-of-nine interviews ${stamp}`;
    const [first, second] = [fromToday(-20), fromToday(-13)];
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child');
    await page.getByRole('link', { name: 'Newborn Supply Kits' }).click();
    await page.getByRole('link', { name: 'Research log' }).click();
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Method').selectOption('interviews');
    // A purpose of its own: no other test's activity joins this collection.
    await page.getByLabel('Purpose').fill(`Hear how parents reorder supplies (${stamp})`);
    await page.getByRole('button', { name: 'Create activity' }).click();
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    const activityUrl = page.url();

    const logSession = async (date: string, codes: string) => {
      await page.getByLabel('Date of the session').fill(date);
      await page.getByLabel('Members of the public (codes)').fill(codes);
      const answered = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().includes('/research/'),
      );
      await page.getByRole('button', { name: 'Log session' }).click();
      await answered;
    };
    await logSession(first, 'P-01, P-02, P-03, P-04, P-05');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Clear');
    // A clear status is the plain summary box, not a warning.
    await expect(page.getByTestId('pra-box')).toHaveClass(/usa-summary-box/);
    await logSession(second, 'P-06, P-07, P-08, P-09');

    // Nine of nine: a warning, not the blue box, that says the next person needs a clearance
    // and from when the next one may take part without one (12 months after the first session).
    const box = page.getByTestId('pra-box');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: At the limit');
    await expect(box).toHaveClass(/usa-alert--warning/);
    await expect(box).not.toHaveClass(/usa-summary-box/);
    await expect(box).toContainText(
      `9 members of the public counted between ${formatDate(first)} and`,
    );
    await expect(box).toContainText('The next member of the public needs a clearance');
    await expect(box).toContainText(
      `the next person may take part from ${formatDate(windowEnd(first))}`,
    );
    await expect(box).not.toContainText('0 more allowed');
    expect(await box.innerText()).not.toMatch(ISO_DATE);
    // Session dates read the same way.
    await expect(page.getByRole('row', { name: formatDate(first) })).toContainText('P-01');
    await box.screenshot({ path: 'tests/.tmp/screens/wording-pra-limit.png' });

    // A team member may not record a clearance: told who can, not sent to a page with no form.
    await expect(page.getByRole('link', { name: /Record a new clearance/ })).toHaveCount(0);
    const keepers = page.getByTestId('clearance-keepers');
    await expect(keepers).toContainText('Only a portfolio lead of this portfolio or an OMB lead');
    await expect(keepers).toContainText('Marcus Oyelaran (HHS, portfolio lead)');
    await expect(keepers).toContainText('Dana Whitfield (OMB, OMB lead)');
    await expect(keepers.getByRole('link', { name: 'Marcus Oyelaran' })).toHaveAttribute(
      'href',
      'mailto:portfolio.lead@example.gov',
    );
    await expectAccessible(page);

    // The PRA page lists the collection as at the limit, with the same sentence.
    await page.goto('/portfolios/having-a-child/pra');
    const row = page.getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('At the limit');
    await expect(row).toContainText(formatDate(windowEnd(first)));
    await expect(page.getByRole('heading', { name: 'Record a clearance' })).toHaveCount(0);
    await expect(page.getByTestId('clearance-keepers')).toContainText('Marcus Oyelaran');
    await expectAccessible(page);

    // A viewer sees the same: who may record a clearance, no link.
    const viewer = await browser.newContext();
    const viewerPage = await viewer.newPage();
    await login(viewerPage, 'viewer');
    await viewerPage.goto(activityUrl);
    await expect(viewerPage.getByTestId('pra-status')).toHaveText('PRA status: At the limit');
    await expect(viewerPage.getByRole('link', { name: /Record a new clearance/ })).toHaveCount(0);
    await expect(viewerPage.getByTestId('clearance-keepers')).toContainText(
      'Marcus Oyelaran (HHS, portfolio lead)',
    );
    await expectAccessible(viewerPage);
    await viewer.close();

    // A portfolio lead, who may, gets the link to the form.
    const lead = await browser.newContext();
    const leadPage = await lead.newPage();
    await login(leadPage, 'portfolio_lead');
    await leadPage.goto(activityUrl);
    await expect(leadPage.getByTestId('clearance-keepers')).toHaveCount(0);
    await leadPage.getByRole('link', { name: 'Record a new clearance' }).click();
    await expect(leadPage.getByRole('heading', { name: 'Record a clearance' })).toBeVisible();
    await expectAccessible(leadPage);
    await lead.close();
  });

  test('the review badge is not red at 0; My reviews shows days waiting and the due date', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    // The DOD POC has nothing waiting: the badge shows 0 in a neutral colour.
    await login(page, 'dod.poc@example.gov');
    const badge = page.getByRole('link', { name: /My reviews/ }).locator('.usa-tag');
    await expect(badge).toHaveText('0');
    await expect(badge).not.toHaveClass(/bg-secondary/);
    const colour = await badge.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = colour.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r - Math.max(g, b), `badge colour ${colour}`).toBeLessThan(40);
    await page.getByRole('link', { name: /My reviews/ }).click();
    await expect(page.getByRole('heading', { name: 'My reviews', level: 1 })).toBeVisible();
    await expectAccessible(page);

    // A team member makes a project that involves HRSA and asks for Design.
    const name = `Reorder reminders ${Date.now().toString(36)}`;
    const team = await browser.newContext();
    const teamPage = await team.newPage();
    await login(teamPage, 'team_member');
    await teamPage.goto('/portfolios/having-a-child/projects/new');
    await teamPage.getByLabel('Project name').fill(name);
    await choose(teamPage, 'Health Resources and Services Administration (HRSA)');
    await choose(teamPage, 'On track');
    await teamPage.getByRole('button', { name: 'Create project' }).click();
    await expect(teamPage.getByRole('heading', { name, level: 1 })).toBeVisible();
    await teamPage.getByRole('link', { name: 'Phase gate and history' }).click();
    await teamPage
      .getByLabel('Evidence summary')
      .fill('Interviews with twelve parents showed reminders would help.');
    await teamPage.getByRole('button', { name: 'Ask for Design' }).click();
    await expect(teamPage.getByText('Your request was sent')).toBeVisible();
    await team.close();

    // The HRSA POC sees it waiting: a red badge with the count, days waiting and the due date.
    const poc = await browser.newContext();
    const pocPage = await poc.newPage();
    await login(pocPage, 'hrsa.poc@example.gov');
    const pocBadge = pocPage.getByRole('link', { name: /My reviews/ }).locator('.usa-tag');
    await expect(pocBadge).toHaveClass(/bg-secondary-dark/);
    await expect(pocBadge).not.toHaveText('0');
    await pocPage.getByRole('link', { name: /My reviews/ }).click();
    const table = pocPage.getByRole('table', { name: 'Phase requests waiting for your answer' });
    await expect(table.getByRole('columnheader', { name: 'Waiting' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Answer due' })).toBeVisible();
    const row = table.getByRole('row', { name: new RegExp(name) });
    const today = fromToday(0);
    const holidays = new Set(
      [0, 1].flatMap((i) => allForYear(Number(today.slice(0, 4)) + i).map((h) => h.dateString)),
    );
    await expect(row).toContainText('Asked today');
    await expect(row).toContainText(formatDate(reviewDueOn(today, (d) => holidays.has(d))));
    // The request's day as the page shows moments: in Eastern time (formatDate of a timestamp).
    await expect(row).toContainText(formatDate(new Date().toISOString()));
    expect(await row.innerText()).not.toMatch(ISO_DATE);
    await expect(pocPage.getByText('An answer is due 10 business days after')).toBeVisible();
    await expectAccessible(pocPage);
    await pocPage.screenshot({ path: 'tests/.tmp/screens/wording-my-reviews.png', fullPage: true });
    await poc.close();
  });
});

/**
 * What is cut off at the page's width: the page scrolling sideways, a table sticking out of its
 * container or hidden in a scrolling one, a cell whose content overflows it.
 */
async function clippedColumns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
    for (const table of Array.from(document.querySelectorAll('main table'))) {
      const name =
        table.querySelector('caption')?.textContent?.trim() ||
        table.querySelector('th')?.textContent?.trim() ||
        'a table';
      const container = table.parentElement!;
      const overflowX = getComputedStyle(container).overflowX;
      if (overflowX === 'auto' || overflowX === 'scroll') {
        if (container.scrollWidth > container.clientWidth + 1)
          problems.push(
            `“${name}” needs scrolling: ${container.scrollWidth - container.clientWidth}px hidden`,
          );
      } else if (
        table.getBoundingClientRect().right >
        container.getBoundingClientRect().right + 1
      ) {
        problems.push(`“${name}” sticks out of its container`);
      }
      for (const cell of Array.from(table.querySelectorAll<HTMLElement>('th, td')))
        if (cell.scrollWidth > cell.clientWidth + 1)
          problems.push(`in “${name}”, “${cell.innerText.slice(0, 40)}” overflows its cell`);
    }
    return problems;
  });
}

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });
  /** The pages whose tables people read most. */
  const TABLE_PAGES = [
    'home',
    'projects/index',
    'portfolios/portfolio',
    'projects/project',
    'projects/phase',
    'research/pra',
    'research/log',
    'research/activity',
    'journeys/list',
    'journeys/view',
    'burden/list',
    'burden/assessment',
    'burden/compare',
    'plans/list',
    'plans/view',
    'pmc/list',
    'pmc/update',
    'pmc/compare',
    'calendar',
    'audit',
    'settings',
    'reviews',
  ];
  test('no table column is cut off on the main table pages', async ({ page }) => {
    test.setTimeout(600_000);
    const routes = new Map(allRoutes().map((r) => [r.id, r.path]));
    const params = await routeParams();
    await login(page, 'omb_lead');
    const found: string[] = [];
    let tables = 0;
    for (const id of TABLE_PAGES) {
      const path = routes.get(id);
      expect(path, id).toBeDefined();
      let url = fill(path!, params);
      if (id === 'burden/compare') url += params.burdenCompare;
      if (id === 'pmc/compare') url += params.pmcCompare;
      const response = await page.goto(url);
      expect(response!.status(), url).toBeLessThan(400);
      tables += await page.locator('main table').count();
      found.push(...(await clippedColumns(page)).map((p) => `${url}: ${p}`));
      await expectAccessible(page);
    }
    expect(tables, 'tables checked').toBeGreaterThan(TABLE_PAGES.length);
    expect(found).toEqual([]);
  });
});
