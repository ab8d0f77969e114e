import type { Page } from '@playwright/test';
import {
  choose,
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  test,
} from './fixtures';

/**
 * Issue 16, point 8 (a sibling): unchecking a participating agency on the portfolio's edit form
 * ends its point of contact's role and its PMC seat, so saving asks first: a confirmation page
 * without JavaScript, the removal dialog with it. "No" changes nothing; "Yes" removes the agency.
 * Each test makes its own portfolio (a unique name) as the OMB lead; no seed portfolio changes.
 */

const USDA = 'Department of Agriculture (USDA)';

// Each test creates a portfolio and walks several pages; the shared machine can be slow.
test.describe.configure({ timeout: 180_000 });

/** A new portfolio (OMB, USDA, GSA), with a USDA point of contact and PMC member; its address. */
async function aPortfolio(page: Page, name: string): Promise<{ path: string; poc: string }> {
  await page.goto('/portfolios/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description').fill('A portfolio made by the agency-removal test.');
  await page
    .getByLabel('Lead agency')
    .selectOption({ label: 'Office of Management and Budget (OMB)' });
  for (const a of [
    'Office of Management and Budget (OMB)',
    USDA,
    'General Services Administration (GSA)',
  ])
    await choose(page, a);
  await page.getByRole('button', { name: 'Create portfolio' }).click();
  // A new portfolio opens on its points of contact and PMC members.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Points of contact and PMC members' }),
  ).toBeVisible();
  const path = new URL(page.url()).pathname.replace(/\/people$/, '');
  const pocSelect = page.getByLabel('New point of contact for USDA');
  const poc = (await pocSelect.locator('option').nth(1).textContent())!.split(',')[0]!.trim();
  await pocSelect.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Change USDA point of contact' }).click();
  await expect(page.getByText(`Point of contact: ${poc}.`)).toBeVisible();
  await page.getByLabel('PMC member for USDA').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Set USDA PMC member' }).click();
  await expect(page.getByText(/PMC member: (?!Not assigned)/).first()).toBeVisible();
  return { path, poc };
}

async function agencyRows(page: Page, path: string) {
  await page.goto(path);
  return page.getByRole('table', { name: 'Participating agencies' }).getByRole('rowheader');
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('unchecking an agency asks first on a page; Cancel keeps it, Yes removes it', async ({
    page,
  }) => {
    await login(page, 'omb_lead');
    const name = `Agency removal no-JS ${Date.now()}`;
    const { path, poc } = await aPortfolio(page, name);

    await page.goto(`${path}/edit`);
    await page.getByLabel('Description').fill('Typed before the question.');
    await choose(page, USDA);
    await page.getByRole('button', { name: 'Save portfolio' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Remove ${USDA} from this portfolio?` }),
    ).toBeVisible();
    await expect(page.getByText(`${poc} stops being its point of contact`)).toBeVisible();
    await expect(page.getByText(/leaves the PMC/)).toBeVisible();
    await expectAccessibleWithoutJs(page);

    // Cancel brings the form back with what was typed (the agency still unchecked), saving nothing.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${name}` })).toBeVisible();
    await expect(page.getByLabel('Description')).toHaveValue('Typed before the question.');
    await expect(page.getByLabel(USDA)).not.toBeChecked();
    await expectAccessibleWithoutJs(page);
    const other = await page.context().newPage();
    await expect(await agencyRows(other, path)).toContainText([USDA]);
    await other.close();

    await page.getByLabel('Description').fill('Saved after the question.');
    await page.getByRole('button', { name: 'Save portfolio' }).click();
    await page.getByRole('button', { name: 'Yes, remove USDA' }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(page.getByText('Saved after the question.')).toBeVisible();
    const rows = await agencyRows(page, path);
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'USDA' })).toHaveCount(0);
    await expectAccessibleWithoutJs(page);
  });
});

test.describe('with JavaScript', () => {
  test('unchecking an agency opens the removal dialog; adding one does not ask', async ({
    page,
  }) => {
    await login(page, 'omb_lead');
    const name = `Agency removal JS ${Date.now()}`;
    const { path, poc } = await aPortfolio(page, name);

    // Adding an agency saves at once.
    await page.goto(`${path}/edit`);
    await choose(page, 'Social Security Administration (SSA)');
    await page.getByRole('button', { name: 'Save portfolio' }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    await expect(await agencyRows(page, path)).toHaveCount(4);

    await page.goto(`${path}/edit`);
    await choose(page, USDA);
    await page.getByRole('button', { name: 'Save portfolio' }).click();
    const dialog = page.getByRole('dialog', { name: `Remove ${USDA} from this portfolio?` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${poc} stops being its point of contact`);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    // What was typed is kept (USDA still unchecked), and nothing was saved.
    await expect(page.getByRole('checkbox', { name: USDA })).not.toBeChecked();
    const saved = await (await page.request.get(path)).text();
    expect(saved.includes(poc), 'USDA and its POC are still on the portfolio page').toBe(true);

    await page.getByRole('button', { name: 'Save portfolio' }).click();
    await dialog.getByRole('button', { name: 'Yes, remove USDA' }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Participating agencies' }).getByRole('rowheader');
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: 'USDA' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
