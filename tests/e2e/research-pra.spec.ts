import { expect, expectAccessible, login, test } from './fixtures';

test.describe('research under the Paperwork Reduction Act', () => {
  test('log sessions until the guard refuses the tenth person; attach a clearance; continue', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child');
    await page.getByRole('link', { name: 'Newborn Supply Kits' }).click();
    await page.getByRole('link', { name: 'Research log' }).click();
    await expect(
      page.getByRole('heading', { name: 'Research log: Newborn Supply Kits' }),
    ).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Title', { exact: true }).fill('Parent interviews about the supply kit');
    await page.getByLabel('Method').selectOption('interviews');
    await page.getByLabel('Purpose').fill('Learn how parents use the newborn supply kit');
    await page
      .getByLabel('Questions', { exact: true })
      .fill('1. What was in the kit you used first?\n2. What was missing?');
    await page.getByRole('button', { name: 'Create activity' }).click();
    await expect(
      page.getByRole('heading', { name: 'Parent interviews about the supply kit', level: 1 }),
    ).toBeVisible();

    /** Logs a session; unless it is to be refused in the browser, waits for the server's answer. */
    const logSession = async (date: string, publicCodes: string, federal = '', sent = true) => {
      await page.getByLabel('Date of the session').fill(date);
      await page.getByLabel('Members of the public (codes)').fill(publicCodes);
      await page.getByLabel('Federal employees in their official capacity (codes)').fill(federal);
      // The next session must not be typed while this one is still on its way (the status
      // shown before the answer can already read as expected).
      const answered = sent
        ? page.waitForResponse(
            (r) => r.request().method() === 'POST' && r.url().includes('/research/'),
          )
        : null;
      await page.getByRole('button', { name: 'Log session' }).click();
      await answered;
    };

    // A name is not a code.
    await logSession('2026-11-02', 'Jane Doe', '', false);
    await expect(page.getByText('is not a pseudonymous code').first()).toBeVisible();

    await logSession('2026-11-02', 'P-01, P-02, P-03, P-04, P-05', 'F-01, F-02');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Clear');
    // P-04 again counts once; nine members of the public in all.
    await logSession('2026-11-09', 'P-04\nP-06\nP-07\nP-08\nP-09');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Approaching the limit');
    await expect(page.getByText('0 more allowed')).toBeVisible();
    await expectAccessible(page);

    // The tenth is refused, with the reason next to the field, and the codes kept.
    await logSession('2026-11-16', 'P-10');
    await expect(
      page.getByText('Not saved: this would make 10 members of the public').first(),
    ).toBeVisible();
    await expect(page.getByLabel('Members of the public (codes)')).toHaveValue('P-10');
    await expect(page.getByRole('row', { name: /2026-11-16/ })).toHaveCount(0);
    await expectAccessible(page);
    const activityUrl = page.url();

    // The planning check says the same before anyone is contacted.
    await page.goto('/portfolios/having-a-child/pra');
    await page
      .getByLabel('About this activity')
      .selectOption({ label: 'Parent interviews about the supply kit (Newborn Supply Kits)' });
    await page.getByLabel('How many more people').fill('1');
    await page.getByLabel('On', { exact: true }).fill('2026-11-16');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(
      page.getByRole('heading', { name: 'No, a clearance is needed first' }),
    ).toBeVisible();
    await expectAccessible(page);

    // A portfolio lead records the umbrella clearance (number and date together).
    const lead = await page.context().browser()!.newContext();
    const leadPage = await lead.newPage();
    await login(leadPage, 'portfolio_lead');
    await leadPage.goto('/portfolios/having-a-child/pra');
    await leadPage.getByLabel('Title', { exact: true }).fill('A-11 Section 280 umbrella clearance');
    await leadPage.getByLabel('Kind').selectOption('generic');
    await leadPage.getByLabel('OMB control number').fill('1090-0011');
    await leadPage.getByRole('button', { name: 'Record clearance' }).click();
    await expect(
      leadPage.getByText('A control number comes with its expiration date.'),
    ).toBeVisible();
    await leadPage.getByLabel('Expiration date').fill('2027-06-30');
    await leadPage.getByRole('button', { name: 'Record clearance' }).click();
    await expect(
      leadPage.getByRole('row', { name: /A-11 Section 280 umbrella clearance/ }),
    ).toContainText('1090-0011');
    await lead.close();

    // Attach it and continue.
    await page.goto(activityUrl);
    await page.getByLabel('Attach a clearance').selectOption({
      label: 'A-11 Section 280 umbrella clearance (1090-0011, expires 2027-06-30)',
    });
    await page.getByRole('button', { name: 'Attach clearance' }).click();
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Covered by a clearance');
    await logSession('2026-11-16', 'P-10, P-11, P-12');
    await expect(page.getByRole('row', { name: /2026-11-16/ })).toContainText('P-10, P-11, P-12');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Covered by a clearance');
    await expectAccessible(page);
  });

  test('an incentive needs counsel’s approval recorded', async ({ page }) => {
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock');
    await page.getByRole('link', { name: 'Consent-based verification of payroll data' }).click();
    await page.getByRole('link', { name: 'Research log' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Usability test of the consent screen');
    await page.getByLabel('Method').selectOption('usability_test');
    await page.getByLabel('Purpose').fill('Test the consent screen');
    await page.getByLabel('Incentive per participant (dollars), if any').fill('50');
    await page.getByRole('button', { name: 'Create activity' }).click();
    await expect(
      page.getByText('Incentives need your agency legal counsel’s approval'),
    ).toBeVisible();
    await page.locator('label', { hasText: 'Legal counsel approved the incentive' }).click();
    await page.getByRole('button', { name: 'Create activity' }).click();
    await expect(
      page.getByRole('heading', { name: 'Usability test of the consent screen', level: 1 }),
    ).toBeVisible();
  });

  test('a viewer reads the PRA status but cannot log sessions', async ({ page }) => {
    await login(page, 'viewer');
    await page.goto('/portfolios/having-a-child/pra');
    await expect(
      page.getByRole('heading', { name: 'Paperwork Reduction Act status' }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Record a clearance' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
