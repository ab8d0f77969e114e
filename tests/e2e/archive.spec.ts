/**
 * Issue 16, point 9: journey maps, burden assessments and research activities are archived and
 * restored instead of lost; only an OMB lead deletes one for good, with a reason, and never one
 * a published PMC update cites. Each test makes its own records (unique titles).
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, login, test, assembleUpdate, publishFromPage } from './fixtures';

const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Creates a burden assessment of a named service in a portfolio; returns its path. */
async function newAssessment(page: Page, slug: string, title: string): Promise<string> {
  await page.goto(`/portfolios/${slug}/burden`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Service name (when not on a journey map)').fill('Archive test service');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

test.describe('archive, restore and delete for good', () => {
  test('a team member archives a journey map: it leaves the list, stays readable with a banner, and is restored; they cannot delete it', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const title = `Archive test map ${stamp()}`;
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child/journeys');
    await page.getByRole('link', { name: 'New journey map' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByRole('button', { name: 'Create journey map' }).click();
    await expect(page.getByRole('heading', { name: 'Edit journey map' })).toBeVisible();
    const mapPath = new URL(page.url()).pathname.replace(/\/edit$/, '');

    await page.goto(mapPath);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Archive this journey map' }).click();
    const banner = page.getByTestId('archived-banner');
    await expect(banner.getByRole('heading', { level: 2 })).toHaveText(
      /^Archived on [A-Z][a-z]+ \d{1,2}, \d{4} by Priya Raman \(USDA\)$/,
    );
    // Still readable; not editable until restored; no delete control for a team member.
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit journey map' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Delete permanently/ })).toHaveCount(0);
    await expectAccessible(page);

    // A crafted delete is refused, and the delete page too.
    const crafted = await page.request.post(`${mapPath}/delete`, {
      headers: { Origin: baseURL! },
      form: { reason: 'Trying to delete it anyway' },
      maxRedirects: 0,
    });
    expect(crafted.status()).toBe(403);
    expect((await page.request.get(`${mapPath}/delete`)).status()).toBe(403);

    // Gone from the list; "Show archived" brings it back, marked.
    await page.goto('/portfolios/having-a-child/journeys');
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await page.getByRole('link', { name: /^Show archived \(\d+\)$/ }).click();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await expect(row.getByRole('link', { name: title })).toBeVisible();
    await expect(row).toContainText('Archived');
    await expectAccessible(page);
    // Not offered for a new burden assessment either.
    await page.goto('/portfolios/having-a-child/burden');
    await expect(
      page.getByLabel('Journey map', { exact: true }).locator('option', { hasText: title }),
    ).toHaveCount(0);

    await page.goto(mapPath);
    await page.getByRole('button', { name: 'Restore this journey map' }).click();
    await expect(page.getByTestId('archived-banner')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Edit journey map' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/portfolios/having-a-child/journeys');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  test('an OMB lead deletes an archived, uncited burden assessment, giving a reason', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const title = `Archive test duplicate ${stamp()}`;
    await login(page, 'omb_lead');
    const path = await newAssessment(page, 'transition-to-civilian-life', title);
    await page.getByRole('button', { name: 'Archive this burden assessment' }).click();
    await expect(page.getByTestId('archived-banner')).toContainText('Dana Whitfield');
    await page.getByRole('link', { name: 'Delete permanently…' }).click();
    await expect(
      page.getByRole('heading', { name: `Delete the burden assessment “${title}” permanently` }),
    ).toBeVisible();
    await expectAccessible(page);

    // A reason is required: too short is refused, and nothing is deleted.
    await page.getByLabel('Why is it deleted for good?').fill('oops');
    await page.getByRole('button', { name: 'Delete permanently' }).click();
    await expect(page.getByText('in at least 10 characters').first()).toBeVisible();
    await expectAccessible(page);
    const reason = page.getByLabel('Why is it deleted for good?');
    await reason.fill('A duplicate entered by mistake');
    await expect(reason).toHaveValue('A duplicate entered by mistake');
    await page.getByRole('button', { name: 'Delete permanently' }).click();

    // Deleting for good removes the assessment with all it holds, and audits it: on a busy
    // machine that can take longer than an assertion's default five seconds.
    await expect(page).toHaveURL(/\/portfolios\/transition-to-civilian-life\/burden\?deleted=/, {
      timeout: 15_000,
    });
    await expect(page.getByRole('status')).toContainText(
      'The burden assessment was deleted permanently',
    );
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await expectAccessible(page);
    expect((await page.goto(path))!.status()).toBe(404);
  });

  test('deleting an assessment a published PMC update cites is refused, with the reason', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const title = `Archive test cited ${stamp()}`;
    await login(page, 'omb_lead');
    const path = await newAssessment(page, 'recovering-from-a-disaster', title);
    await page.getByRole('button', { name: 'Archive this burden assessment' }).click();
    await expect(page.getByTestId('archived-banner')).toBeVisible();

    // A quarter no other test assembles; its list of changes names the new assessment.
    await assembleUpdate(page, 2034, 3);
    await publishFromPage(page);

    await page.goto(`${path}/delete`);
    const refusal = page.getByRole('alert').filter({ hasText: 'This cannot be deleted' });
    await expect(refusal).toContainText(
      'The published PMC update for FY 2034 Q3 cites this burden assessment',
    );
    await expect(page.getByRole('button', { name: 'Delete permanently' })).toHaveCount(0);
    await expectAccessible(page);
    // Posting anyway is refused too, and the assessment stays, still readable.
    const crafted = await page.request.post(`${path}/delete`, {
      headers: { Origin: baseURL! },
      form: { reason: 'Deleting it regardless of the update' },
      maxRedirects: 0,
    });
    expect(crafted.status()).toBe(409);
    await page.goto(path);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await expect(page.getByTestId('archived-banner')).toBeVisible();
  });
});
