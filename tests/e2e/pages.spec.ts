import {
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  test,
  type DemoRole,
} from './fixtures';

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

  test('the app’s links are followed in the page, by mouse and keyboard, without a reload', async ({
    page,
  }) => {
    await login(page, 'viewer');
    // A mark on this page's window: a full reload would lose it.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    const stillHere = () =>
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);
    await page.getByRole('link', { name: 'Having a Child and Early Childhood' }).click();
    await expect(
      page.getByRole('heading', { name: 'Having a Child and Early Childhood', level: 1 }),
    ).toBeVisible();
    expect(await stillHere()).toBe(true);
    await page.getByRole('link', { name: 'Newborn Supply Kits' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('heading', { name: 'Newborn Supply Kits', level: 1 }),
    ).toBeVisible();
    expect(await stillHere()).toBe(true);
    await page.goBack();
    await expect(
      page.getByRole('heading', { name: 'Having a Child and Early Childhood', level: 1 }),
    ).toBeVisible();
    expect(await stillHere()).toBe(true);
    // A link opened in a new tab is the browser's, not the router's.
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Newborn Supply Kits' }).click({ modifiers: ['Control'] }),
    ]);
    await expect(tab).toHaveURL(/\/projects\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Having a Child and Early Childhood',
    );
    await tab.close();
  });

  test('an OMB lead browses the audit log, filtered by kind, person and record', async ({
    page,
  }) => {
    await login(page, 'omb_lead');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Kind of record').selectOption('session');
    await page.getByLabel('Person').selectOption({ label: 'Dana Whitfield' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/entity=session/);
    const rows = page.getByRole('table', { name: 'Audit entries, newest first' }).getByRole('row');
    // The URL changes before the filtered rows are drawn: wait until every row but the header
    // is Dana's, so that the row clicked below is not replaced under the click.
    await expect(rows.filter({ hasNotText: 'Dana Whitfield' })).toHaveCount(1);
    await expect(rows.nth(1)).toContainText('Dana Whitfield (OMB) signed in.');

    // One record's history: the Record link in an entry's details filters the log to it.
    const entry = /of entry (\d+)/.exec((await rows.nth(1).locator('summary').textContent())!)![1];
    const row = rows.filter({ has: page.getByText(new RegExp(`of entry ${entry}$`)) });
    await row.getByText('Details').click();
    const record = row.getByRole('link', { name: /^session \d+/ });
    await expect(record).toBeVisible();
    const id = (await record.locator('code').innerText()).trim().split(' ')[1]!;
    await record.click();
    await expect(page).toHaveURL(new RegExp(`entity=session&record=${id}$`));
    await expect(page.getByLabel('Kind of record')).toHaveValue('session');
    await expect(page.getByLabel('Record id')).toHaveValue(id);
    const table = page.getByRole('table', { name: 'Audit entries, newest first' });
    await expect(table.getByRole('row').nth(1)).toContainText('Dana Whitfield (OMB) signed');
    const records = await table
      .locator('td[data-label="Recorded fields"] a code')
      .allTextContents();
    expect(new Set(records.map((r) => r.replace(/\s+/g, ' ').trim()))).toEqual(
      new Set([`session ${id}`]),
    );
    await expectAccessible(page);
  });

  test('a bad audit filter gets a message next to the field', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.goto('/audit?person=abc&entity=DROP%20TABLE');
    await expect(page.getByText('Choose a person from the list.')).toBeVisible();
    await expect(page.getByText('Choose a kind of record from the list.')).toBeVisible();
    // The refused lists are marked as the text fields are, not only by their message.
    await expect(page.getByLabel('Person')).toHaveClass(/usa-input--error/);
    await expect(page.getByLabel('Kind of record')).toHaveClass(/usa-input--error/);
    await expectAccessible(page);
    const response = await page.goto('/audit?entity=project&record=%27%20OR%201%3D1');
    expect(response?.status()).toBe(200);
    await expect(
      page.getByText('Enter the record’s id as an entry’s details show it, for example 12.'),
    ).toBeVisible();
    await expect(page.getByLabel('Record id')).toHaveValue("' OR 1=1");
    // Well-formed but not in the lists: refused the same way, never a silent empty filter.
    await page.goto('/audit?entity=widget&person=999999');
    await expect(page.getByText('Choose a kind of record from the list.')).toBeVisible();
    await expect(page.getByText('Choose a person from the list.')).toBeVisible();
    await page.goto('/audit?record=12');
    await expect(
      page.getByText('Choose a kind of record to look up a record by its id.'),
    ).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('the page shell', () => {
  const OFFICIAL = 'Official website of the United States government';

  test('a signed-out page has the banner, skip link and footer, and no navigation', async ({
    page,
  }) => {
    await page.goto('/login');
    await expect(page.getByRole('region', { name: OFFICIAL })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main-content',
    );
    await expect(page.getByRole('main')).toHaveAttribute('id', 'main-content');
    await expect(page.getByRole('banner')).toContainText('Life Experience Workspace');
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toBeVisible();
  });

  test('USWDS banner, skip link, header with the main navigation, and footer', async ({ page }) => {
    await login(page, 'omb_lead');
    // A fresh load, so the keyboard starts at the top of the page.
    await page.goto('/');

    const official = page.getByRole('region', { name: OFFICIAL });
    await expect(official).toBeVisible();
    await expect(official).toContainText('An official website of the United States government');

    // The skip link is the first stop for the keyboard and lands in the main content.
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toHaveAttribute('href', '#main-content');
    await expect(page.locator('#main-content')).toHaveCount(1);
    await expect(page.getByRole('main')).toHaveAttribute('id', 'main-content');
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main-content$/);
    await page.keyboard.press('Tab');
    await expect(page.locator('main :focus')).toHaveCount(1);

    // One banner landmark (the site header), holding the title and the main navigation.
    const header = page.getByRole('banner');
    await expect(header).toHaveCount(1);
    await expect(header.getByRole('link', { name: 'Life Experience Workspace' })).toBeVisible();
    const nav = header.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeVisible();
    for (const name of [
      'Portfolios',
      'Projects',
      'Calendar',
      'PMC updates',
      'Audit log',
      'Settings',
    ])
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Portfolios', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(nav.getByText('Signed in as Dana Whitfield (OMB)')).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await nav.getByRole('link', { name: 'Calendar', exact: true }).click();
    await expect(page).toHaveURL(/\/calendar(\?.*)?$/);
    await expect(nav.getByRole('link', { name: 'Calendar', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(nav.getByRole('link', { name: 'Portfolios', exact: true })).not.toHaveAttribute(
      'aria-current',
    );

    const footer = page.getByRole('contentinfo');
    await expect(footer).toBeVisible();
    await expect(footer).toContainText('Life Experience Workspace');
    await expectAccessible(page);
  });
});

test.describe('the page shell on a phone without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });

  test('the navigation and Sign out stay in the page (no menu button needed)', async ({ page }) => {
    await login(page, 'agency_poc');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Portfolios', 'Projects', 'Calendar', 'PMC updates'])
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: /My reviews/ })).toBeVisible();
    await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('button', { name: /menu/i })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Projects', exact: true }).click();
    await expect(page).toHaveURL(/\/projects(\?.*)?$/);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', {
        name: 'Projects',
        exact: true,
      }),
    ).toHaveAttribute('aria-current', 'page');
    await expectAccessibleWithoutJs(page);
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
      // Other tests add portfolios and projects meanwhile: if one landed between the two loads,
      // load both again.
      await expect(async () => {
        await page.goto(path);
        await jsPage.goto(path);
        await jsPage.waitForLoadState('networkidle');
        const noJsText = (await page.locator('main').innerText()).trim();
        expect(noJsText.length).toBeGreaterThan(100);
        expect(noJsText).toBe((await jsPage.locator('main').innerText()).trim());
      }).toPass({ timeout: 30_000 });
      // axe needs JavaScript in the page, so it checks the same markup in the scripted context.
      await expectAccessible(jsPage);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await withJs.close();
  });
});
