import { expect, expectAccessible, login, test, type DemoRole } from './fixtures';

test.describe('read views by role', () => {
  const roles: DemoRole[] = [
    'omb_lead',
    'portfolio_lead',
    'team_member',
    'agency_poc',
    'pmc_member',
    'viewer',
  ];
  for (const role of roles) {
    test(`${role} reads a portfolio and a project with its milestones`, async ({ page }) => {
      await login(page, role);
      await page.getByRole('link', { name: 'Having a Child and Early Childhood' }).click();
      await expect(
        page.getByRole('heading', { name: 'Having a Child and Early Childhood', level: 1 }),
      ).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Projects by phase' })).toBeVisible();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Newborn Supply Kits' }).click();
      await expect(
        page.getByRole('heading', { name: 'Newborn Supply Kits', level: 1 }),
      ).toBeVisible();
      const table = page.getByRole('table', { name: 'Milestones of Newborn Supply Kits' });
      await expect(table.getByRole('columnheader')).toHaveText([
        'Milestone',
        'Status',
        'Timing',
        'Owner',
      ]);
      const launch = table.getByRole('row', {
        name: /Launch Newborn Supply Kits in Arkansas, Louisiana and New Mexico/,
      });
      await expect(launch.getByRole('cell')).toHaveText(['Completed', 'FY23 Q3', 'HHS']);
      await expectAccessible(page);
    });
  }

  test('the dashboard shows each role where it works', async ({ page }) => {
    await login(page, 'agency_poc');
    const row = page.getByRole('row', { name: /Facing a Financial Shock/ });
    await expect(row).toContainText('Agency POC');
  });

  test('an OMB lead browses the audit log, filtered by kind and person', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Kind of record').selectOption('session');
    await page.getByLabel('Person').selectOption({ label: 'Dana Whitfield' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/entity=session/);
    const rows = page.getByRole('table', { name: 'Audit entries, newest first' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('Dana Whitfield');
    await expect(rows.nth(1)).toContainText('sign in');
  });

  test('a bad audit filter gets a message next to the field', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.goto('/audit?person=abc&entity=DROP%20TABLE');
    await expect(page.getByText('Choose a person from the list.')).toBeVisible();
    await expect(page.getByText('Choose a kind of record from the list.')).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('errors in plain language', () => {
  test('a viewer gets the 403 page for the audit log', async ({ page }) => {
    await login(page, 'viewer');
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    const response = await page.goto('/audit');
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole('heading', { name: 'You do not have access to this' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  for (const path of [
    '/projects/999999',
    '/projects/not-a-number',
    '/projects/-1',
    '/portfolios/no-such-portfolio',
    '/portfolios/Bad%20Slug',
    '/nowhere/at/all',
  ]) {
    test(`${path} is a 404 page, not a 500`, async ({ page }) => {
      await login(page, 'team_member');
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(page.getByText('Error code: 404')).toBeVisible();
      await expectAccessible(page);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in works and the pages read the same', async ({ page, browser }) => {
    await login(page, 'portfolio_lead');
    const withJs = await browser.newContext({ javaScriptEnabled: true });
    const jsPage = await withJs.newPage();
    await login(jsPage, 'portfolio_lead');
    for (const path of ['/', '/portfolios/having-a-child', '/projects/1']) {
      await page.goto(path);
      await jsPage.goto(path);
      await jsPage.waitForLoadState('networkidle');
      const noJsText = (await page.locator('main').innerText()).trim();
      expect(noJsText.length).toBeGreaterThan(100);
      expect(noJsText).toBe((await jsPage.locator('main').innerText()).trim());
      // axe needs JavaScript in the page, so it checks the same markup in the scripted context.
      await expectAccessible(jsPage);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await withJs.close();
  });
});
