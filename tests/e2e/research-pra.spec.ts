import { formatDate } from '~/domain/portfolio/labels';
import { expect, expectAccessible, login, test } from './fixtures';

/**
 * The date `days` from today (before it when negative), YYYY-MM-DD in UTC as the server counts:
 * the flows below are dated relative to the day they run, so they pass in any year.
 */
const fromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.describe('research under the Paperwork Reduction Act', () => {
  test('log sessions until the guard refuses the tenth person; attach a clearance; continue', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    // Three weekly sessions in the last three weeks; a clearance valid for a year from today.
    const [first, second, third] = [fromToday(-20), fromToday(-13), fromToday(-6)];
    const expires = fromToday(365);
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
    await logSession(first, 'Jane Doe', '', false);
    await expect(page.getByText('is not a pseudonymous code').first()).toBeVisible();

    await logSession(first, 'P-01, P-02, P-03, P-04, P-05', 'F-01, F-02');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Clear');
    // P-04 again counts once; nine members of the public in all.
    await logSession(second, 'P-04\nP-06\nP-07\nP-08\nP-09');
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: At the limit');
    await expect(page.getByTestId('pra-box')).toContainText(
      'The next member of the public needs a clearance',
    );
    await expectAccessible(page);

    // The tenth is refused, with the reason next to the field, and the codes kept.
    await logSession(third, 'P-10');
    await expect(
      page.getByText('Not saved: this would make 10 members of the public').first(),
    ).toBeVisible();
    await expect(page.getByLabel('Members of the public (codes)')).toHaveValue('P-10');
    await expect(page.getByRole('row', { name: formatDate(third) })).toHaveCount(0);
    await expectAccessible(page);
    const activityUrl = page.url();

    // The planning check, a page of its own linked from the PRA status, says the same before
    // anyone is contacted.
    await page.goto('/portfolios/having-a-child/pra');
    await page
      .getByRole('link', { name: 'check whether more people fit within the limit' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Can we talk to more people?');
    await page
      .getByLabel('About this activity')
      .selectOption({ label: 'Parent interviews about the supply kit' });
    await page.getByLabel('How many more people').fill('1');
    await page.getByLabel('On', { exact: true }).fill(third);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(
      page.getByRole('heading', { name: 'No, a clearance is needed first' }),
    ).toBeVisible();
    await expectAccessible(page);
    // The form keeps what was asked, after the answer and when its address is opened again.
    const chosen = page.getByLabel('About this activity').locator('option:checked');
    await expect(chosen).toHaveText('Parent interviews about the supply kit');
    // An answer's address still works from the PRA status page, where the check used to be.
    const answer = new URL(page.url()).search;
    await page.goto(`/portfolios/having-a-child/pra${answer}`);
    await expect(page).toHaveURL(/\/pra\/check\?/);
    await expect(
      page.getByRole('heading', { name: 'No, a clearance is needed first' }),
    ).toBeVisible();
    await expect(chosen).toHaveText('Parent interviews about the supply kit');
    // An activity that is not the portfolio's is refused next to the list, not answered.
    await page.goto('/portfolios/having-a-child/pra/check?activity=999999&n=1');
    await expect(page.locator('#plan-activity-error')).toHaveText(
      /Choose an activity from the list/,
    );
    await expect(page.getByRole('heading', { name: /clearance is needed/ })).toHaveCount(0);

    // A portfolio lead records the umbrella clearance (number and date together).
    const lead = await page.context().browser()!.newContext();
    const leadPage = await lead.newPage();
    await login(leadPage, 'portfolio_lead');
    await leadPage.goto('/portfolios/having-a-child/pra');
    await leadPage.getByRole('link', { name: 'Record a clearance' }).click();
    await expect(leadPage.getByRole('heading', { level: 1 })).toHaveText('Record a clearance');
    await leadPage.getByLabel('Title', { exact: true }).fill('A-11 Section 280 umbrella clearance');
    await leadPage.getByLabel('Kind').selectOption('generic');
    await leadPage.getByLabel('OMB control number').fill('1090-0011');
    await leadPage.getByRole('button', { name: 'Record clearance' }).click();
    await expect(
      leadPage.getByText('A control number comes with its expiration date.').last(),
    ).toBeVisible();
    await expectAccessible(leadPage);
    await leadPage.getByLabel('Expiration date').fill(expires);
    await leadPage.getByRole('button', { name: 'Record clearance' }).click();
    await expect(
      leadPage.getByRole('row', { name: /A-11 Section 280 umbrella clearance/ }),
    ).toContainText('1090-0011');
    await lead.close();

    // Attach it and continue.
    await page.goto(activityUrl);
    await page.getByLabel('Attach a clearance').selectOption({
      label: `A-11 Section 280 umbrella clearance (1090-0011, expires ${formatDate(expires)})`,
    });
    await page.getByRole('button', { name: 'Attach clearance' }).click();
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Covered by a clearance');
    await logSession(third, 'P-10, P-11, P-12');
    await expect(page.getByRole('row', { name: formatDate(third) })).toContainText(
      'P-10, P-11, P-12',
    );
    await expect(page.getByTestId('pra-status')).toHaveText('PRA status: Covered by a clearance');
    await expectAccessible(page);
  });

  test('a pending clearance gets its number and date later, and shows as expiring', async ({
    page,
  }) => {
    const title = 'Fast-track clearance for kit feedback';
    const expires = fromToday(45);
    await login(page, 'portfolio_lead');
    await page.goto('/portfolios/having-a-child/pra/clearances/new');
    // Recorded while approval is pending: no number, no date.
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Kind').selectOption('fast_track');
    await page.getByRole('button', { name: 'Record clearance' }).click();
    const clearances = page.getByRole('table', { name: 'PRA clearances' });
    const row = clearances.getByRole('row', { name: new RegExp(title) });
    await expect(row).toContainText('Pending');

    await row.getByRole('link', { name: `Edit clearance ${title}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit clearance: ${title}`);
    await expectAccessible(page);
    // The number alone is refused next to the date; the date completes it.
    await page.getByLabel('OMB control number').fill('1090-0042');
    await page.getByRole('button', { name: 'Save clearance' }).click();
    await expect(
      page.getByText('A control number comes with its expiration date.').last(),
    ).toBeVisible();
    await page.getByLabel('Expiration date').fill(expires);
    await page.getByRole('button', { name: 'Save clearance' }).click();
    await expect(page).toHaveURL(/\/pra#clearances$/);
    await expect(row).toContainText('1090-0042');
    await expect(row).toContainText(formatDate(expires));

    // It expires within 90 days: listed with the days left.
    await expect(
      page
        .getByRole('table', { name: /Clearances expired or expiring within 90 days/ })
        .getByRole('row', { name: new RegExp(title) }),
    ).toContainText('45 days left');
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
      page.getByText('Incentives need your agency legal counsel’s approval').last(),
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
    await expect(page.getByRole('link', { name: 'Record a clearance' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Edit clearance/ })).toHaveCount(0);
    // The clearance forms are only for those who keep clearances, at their old address too.
    for (const url of [
      '/portfolios/having-a-child/pra/clearances/new',
      '/portfolios/having-a-child/pra/clearances/1',
      '/portfolios/having-a-child/pra?clearance=1',
    ]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(403);
      await expect(
        page.getByRole('heading', { name: /^Edit clearance|^Record a clearance/ }),
      ).toHaveCount(0);
    }
    await expectAccessible(page);
  });
});
