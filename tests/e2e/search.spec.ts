/**
 * Issue 23: one search box for the whole workspace, tried as several roles. A word written into a
 * plan's section finds the plan and opens at that section (JavaScript off); a phrase and an
 * exclusion work, filters narrow and "no results" offers to remove one; a draft PMC update is
 * found only by those the pages show it to; a script stored in a step title comes back as text.
 */
import type { Page } from '@playwright/test';
import {
  assembleUpdate,
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  startPlan,
  test,
} from './fixtures';

test.describe.configure({ timeout: 180_000 });

/** A made-up word no seed or other test writes, so a search for it finds only this test's record. */
const word = (stem: string) =>
  `${stem}${Date.now()
    .toString(36)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;

/** Searches from the box in the header, as on every page. */
async function searchFromHeader(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search the workspace' }).fill(text);
  await page
    .getByRole('search')
    .filter({ has: page.getByLabel('Search the workspace') })
    .getByRole('button', { name: 'Search' })
    .click();
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
}

test('a word from a plan section finds the plan and opens at that section, JavaScript off', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(page, 'team_member');
  const plan = await startPlan(page, 'having-a-child', 2047);
  const secret = word('wombat');
  await page.goto(`${plan}/edit`);
  const box = page.getByRole('textbox', { name: 'Plan text', exact: true });
  await box.fill(
    (await box.inputValue()).replace(
      '## Actions on equity in service delivery\n',
      `## Actions on equity in service delivery\n\nTranslate the ${secret} forms into Spanish and Vietnamese.\n`,
    ),
  );
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page).toHaveURL(new RegExp(`${plan}$`));

  await searchFromHeader(page, secret);
  await expect(page.getByRole('status')).toHaveText(`1 result for ${secret}.`);
  const group = page.getByRole('region', { name: 'CX Action Plan sections (1)' });
  await expect(group.locator('mark')).toHaveText(secret);
  await expect(group).toContainText(`Translate the ${secret} forms`);
  await expectAccessibleWithoutJs(page);
  await group.getByRole('link', { name: /^Actions on equity in service delivery/ }).click();
  await expect(page).toHaveURL(new RegExp(`${plan}#section-4$`));
  await expect(page.locator('#section-4')).toHaveText('Actions on equity in service delivery');
});

test('a phrase and an exclusion work; filters narrow, and no results offers to remove one', async ({
  page,
}) => {
  await login(page, 'agency_poc');
  await searchFromHeader(page, '"ex parte" renewals');
  const projects = page.getByRole('region', { name: /^Projects/ });
  await expect(
    projects.getByRole('link', { name: 'Automated ex parte Medicaid renewals' }),
  ).toBeVisible();
  await expectAccessible(page);

  // The words apart are not the phrase; an excluded word leaves out what has it.
  await page.getByLabel('Words to find').fill('medicaid -"ex parte"');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page.getByRole('status')).toContainText('for medicaid −“ex parte”');
  await expect(
    page.getByRole('link', { name: 'Automated ex parte Medicaid renewals' }),
  ).toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: /^Projects/ })
      .getByRole('link', { name: 'Consent-based verification of payroll data' }),
  ).toBeVisible();

  // Narrow to one kind from the counts, then to a phase no such project is in.
  await page
    .getByRole('navigation', { name: 'Results by kind' })
    .getByRole('link', { name: /^Milestones \(\d+\)$/ })
    .click();
  await expect(page.getByRole('region', { name: /^Projects/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Milestones/ })).toBeVisible();
  await page.getByLabel('Project phase').selectOption('Discovery');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page.getByRole('status')).toContainText('No results');
  await page.getByRole('link', { name: 'Remove the phase filter' }).click();
  await expect(page.getByRole('region', { name: /^Milestones/ })).toBeVisible();
  await expect(page.getByLabel('Project phase')).toHaveValue('');

  // A hostile or overlong query is answered with a message, never an error page.
  await page.goto(`/search?q=${encodeURIComponent('NEAR( "x* OR -- \' ;')}`);
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
  await page.goto(`/search?q=${'a'.repeat(201)}&type=nothing`);
  await expect(page.getByText('Keep the search to 200 characters or fewer.')).toBeVisible();
  await expect(page.getByText('Choose a kind of result from the list.')).toBeVisible();
  await expect(page.getByLabel('Words to find')).toHaveValue('a'.repeat(201));
  await expectAccessible(page);
});

test('a draft PMC update is found only by those the pages show it to', async ({ browser }) => {
  const omb = await (await browser.newContext()).newPage();
  await login(omb, 'omb_lead');
  const path = await assembleUpdate(omb, 2045, 2);
  await searchFromHeader(omb, '"FY 2045 Q2"');
  await expect(
    omb
      .getByRole('region', { name: 'PMC updates (1)' })
      .getByRole('link', { name: 'PMC update FY 2045 Q2' }),
  ).toHaveAttribute('href', path);

  const member = await (await browser.newContext()).newPage();
  await login(member, 'pmc_member');
  await searchFromHeader(member, '"FY 2045 Q2"');
  await expect(member.getByRole('status')).toHaveText('No results for “fy 2045 q2”.');
  expect((await member.request.get(path)).status()).toBe(403);
  await expectAccessible(member);
});

test('a script stored in a step title comes back inert in the snippet and the title', async ({
  page,
}) => {
  const pwned: string[] = [];
  page.on('dialog', (d) => {
    pwned.push(d.message());
    void d.dismiss();
  });
  await login(page, 'team_member');
  const secret = word('quokka');
  await page.goto('/portfolios/having-a-child/journeys');
  await page.getByRole('link', { name: 'New journey map' }).click();
  await page.getByLabel('Title').fill(`Search test map ${secret}`);
  await page.getByRole('button', { name: 'Create journey map' }).click();
  await page.getByLabel('Stage name').last().fill('Arriving');
  await page.getByRole('button', { name: 'Add stage' }).click();
  const details = page.locator('details', { hasText: 'Add a step to “Arriving”' });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  const payload = `<script>window.__pwned=1</script><img src=x onerror="alert(1)"> ${secret} step`;
  await details.getByLabel('Step', { exact: true }).fill(payload);
  await details.getByLabel('Experience score').selectOption('2');
  await details.getByRole('button', { name: 'Add step' }).click();
  await expect(page.locator('li > strong', { hasText: payload })).toBeVisible();

  await searchFromHeader(page, `${secret} -map`);
  const steps = page.getByRole('region', { name: 'Journey steps (1)' });
  await expect(steps.getByRole('link', { name: payload })).toBeVisible();
  await expect(steps.locator('mark')).toHaveText(secret);
  await expect(page.locator('main img[src="x"], main script:not([src])')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(pwned).toEqual([]);
  await steps.getByRole('link', { name: payload }).click();
  await expect(page.locator(`tr[id^="step-"]`, { hasText: secret })).toBeVisible();
  await expectAccessible(page);
});
