import { expect, expectAccessible, login, test, choose, publishFromPage } from './fixtures';

/**
 * Issue 16, point 5: "New" beside a milestone of a PMC update means created (or changed) since
 * the last published update, with the date; the seeded FY23–FY25 milestones, loaded into the
 * workspace today, are not new.
 */
test('this quarter’s PMC update marks only what was created since the last published update as new, with its date', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'omb_lead');
  // The current fiscal quarter (the seed loaded every milestone in it) and the one before.
  const now = new Date();
  const fy = now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const q = ((Math.floor(now.getUTCMonth() / 3) + 1) % 4) + 1;
  const q1 = q === 1;
  const before = { fy: q1 ? fy - 1 : fy, q: q1 ? 4 : q - 1 };
  const assemble = async (y: number, quarter: number) => {
    await page.goto('/pmc');
    await page.getByLabel('Fiscal year', { exact: true }).fill(String(y));
    await page.getByLabel('Quarter').selectOption(String(quarter));
    await page.getByRole('button', { name: 'Assemble update' }).click();
    await expect(
      page.getByRole('heading', { name: `PMC update, FY ${y} Q${quarter}` }),
    ).toBeVisible();
  };

  // The quarter before is published: "new" counts from its publication.
  await assemble(before.fy, before.q);
  await publishFromPage(page);

  // A milestone created after it.
  const title = `Pilot plain-language renewal notices ${Date.now()}`;
  await page.goto('/portfolios/facing-a-financial-shock');
  await page.getByRole('link', { name: 'Automated ex parte Medicaid renewals' }).click();
  await page.getByRole('link', { name: 'Add milestone' }).click();
  await page.getByLabel('Milestone').fill(title);
  await page.getByLabel('Owner').fill('CMS');
  await choose(page, 'A date');
  await page.getByLabel('Date', { exact: true }).fill('2027-03-31');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  const today = new Date().toLocaleDateString('en-US', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });

  await assemble(fy, q);
  await page
    .getByRole('link', {
      name: 'Review, leave out or annotate every item of Facing a Financial Shock',
    })
    .click();
  const table = page.getByRole('table', {
    name: 'Milestones of Facing a Financial Shock this quarter',
  });
  // A seeded FY 2025 milestone still in progress: listed, not new, not changed.
  const seeded = table.getByRole('row', {
    name: /Automatically renew Medicaid coverage for over 5 million Americans/,
  });
  await expect(seeded).toContainText('In progress');
  await expect(seeded).not.toContainText(/\bnew\b/i);
  await expect(seeded).not.toContainText('Changed');
  // The one created in this test: new, with the day it was created.
  await expect(table.getByRole('row', { name: new RegExp(title) })).toContainText(`New ${today}`);
  await expect(
    page.getByText(`New: created since FY ${before.fy} Q${before.q} was published.`, {
      exact: false,
    }),
  ).toBeVisible();
  await expectAccessible(page);
});
