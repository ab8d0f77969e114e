/**
 * Issue 20, point 1: a team defines a pilot's success measure, records actual values, and reads
 * its status with the reason, on the measure's page, its project and its portfolio.
 */
import { choose, expect, expectAccessible, login, test } from './fixtures';

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a team member defines a success measure, records values, and reads its status and why', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const name = `Kits delivered within 30 days ${Date.now()}`;
  await login(page, 'team_member');
  await page.goto('/portfolios/having-a-child');
  await page.getByRole('link', { name: 'Newborn Supply Kits' }).first().click();
  await expect(page.getByRole('heading', { name: 'Success measures' })).toBeVisible();
  await page.getByRole('link', { name: 'Add a success measure' }).click();
  await expect(page.getByRole('heading', { name: 'New success measure' })).toBeVisible();
  await expectAccessible(page);

  // Refused next to its fields, what was typed kept.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page
    .getByLabel('Definition')
    .fill('Share of enrolled families who receive a kit within 30 days.');
  await page.getByLabel('Unit', { exact: true }).fill('%');
  await page.getByLabel('Baseline value').fill('forty');
  await page.getByLabel('Baseline date').fill(day(-180));
  await page.getByLabel('Target value').fill('80');
  await page.getByLabel('Target date').fill(day(-200));
  await page.getByLabel('Data source').fill('HHS program delivery records');
  await page.getByRole('button', { name: 'Add success measure' }).click();
  await expect(
    page.getByText('Enter the baseline value as a number, like 72.5.').first(),
  ).toBeVisible();
  await expect(
    page.getByText('The target date must come after the baseline date.').first(),
  ).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);

  await page.getByLabel('Baseline value').fill('40');
  await page.getByLabel('Target date').fill(day(180));
  await page.getByRole('button', { name: 'Add success measure' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByTestId('measure-status')).toContainText(
    'No recent data. No actual value recorded yet.',
  );
  await expectAccessible(page);

  // Today the line expects about 60 %; 70 % beats it.
  await page.getByLabel('Value', { exact: true }).fill('seventy');
  await page.getByLabel('Date', { exact: true }).fill(day(0));
  await page.getByRole('button', { name: 'Record value' }).click();
  await expect(page.getByText('Enter the value as a number, like 72.5.').first()).toBeVisible();
  await page.getByLabel('Value', { exact: true }).fill('70');
  await page.getByRole('button', { name: 'Record value' }).click();
  await expect(page.getByTestId('measure-status')).toContainText(
    'On track. Meets or beats the line: 70%',
  );
  const table = page.getByRole('region', { name: `Actual values of ${name}` });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('img', { name: new RegExp(name) })).toBeVisible();

  // A later value of 50 % falls short by about 10 points, beyond the 4 allowed.
  await page.getByLabel('Value', { exact: true }).fill('50');
  await page.getByLabel('Date', { exact: true }).fill(day(0));
  await page.getByLabel('Note (optional)').fill('Supplier delay in two states');
  await page.getByRole('button', { name: 'Record value' }).click();
  await expect(page.getByTestId('measure-status')).toContainText('Off track. Short by');
  await expect(page.getByTestId('measure-status')).toContainText(
    'beyond the tolerance of 4 points',
  );
  await expectAccessible(page);

  // Removing it puts the measure back on track.
  await table
    .getByRole('button', { name: /Remove/ })
    .nth(1)
    .click();
  await expect(page.getByTestId('measure-status')).toContainText('On track.');

  // Its project and portfolio show it.
  await page.getByRole('link', { name: 'Newborn Supply Kits' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Success measures' })
      .getByRole('row', { name: new RegExp(name) }),
  ).toContainText('On track');
  await page.goto('/portfolios/having-a-child');
  await expect(page.getByTestId('portfolio-measures')).toContainText(/\d+ on track/);

  // Editing asks the same questions with the saved answers.
  await page.goBack();
  await page.getByRole('region', { name: 'Success measures' }).getByRole('link', { name }).click();
  await page.getByRole('link', { name: 'Edit this success measure' }).click();
  await expect(page.getByLabel('Baseline value')).toHaveValue('40');
  await choose(page, 'Lower is better');
  await page.getByRole('button', { name: 'Save success measure' }).click();
  await expect(page.getByText('lower is better')).toBeVisible();
  await expectAccessible(page);
});

test('a viewer reads a success measure but cannot change it', async ({ page }) => {
  await login(page, 'viewer');
  await page.goto('/portfolios/having-a-child');
  await page.getByRole('link', { name: 'Newborn Supply Kits' }).first().click();
  await expect(page.getByRole('heading', { name: 'Success measures' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Add a success measure' })).toHaveCount(0);
});
