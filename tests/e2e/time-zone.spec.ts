import { choose, expect, expectAccessible, login, test } from './fixtures';

/**
 * Moments read in the viewer's own time zone (issue 16, point 6: "in the viewer's time zone,
 * Eastern by default, with the zone shown"). The Recovering from a Disaster lead is the one
 * account no other test reads times as, so changing it cannot disturb them (one shared database).
 */
const LEAD = 'recovering.lead@example.gov';
const PROJECT = `Time zones ${Date.now().toString(36)}`;
/** "December 5, 2026, 3:05 PM PST" (PDT in summer). */
const PACIFIC = /[A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M P[SD]T/;
const CENTRAL = /[A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M C[SD]T/;

test('a person chooses their time zone; the change log reads in it, with the zone written out', async ({
  page,
}) => {
  // Two sign-ins, a new project and three axe runs: room for a busy machine.
  test.setTimeout(180_000);
  await login(page, LEAD);
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
  const zone = page.getByLabel('Show dates and times in');
  await expect(zone).toHaveValue('America/New_York');
  await expectAccessible(page);

  // No choice is refused next to the field, with the summary on top; nothing is saved.
  await zone.selectOption({ label: '- Choose a time zone -' });
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByRole('link', { name: 'Choose a time zone from the list.' })).toBeVisible();
  await expect(page.getByText('Choose a time zone from the list.').last()).toBeVisible();
  await expectAccessible(page);

  await zone.selectOption({ label: 'Central (Chicago)' });
  await page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(
    page.getByText('Saved. Dates and times now read in Central (Chicago) time.'),
  ).toBeVisible();
  await expect(page.getByText(CENTRAL)).toBeVisible();

  // A change of their own, then its change log: the moment in Central time.
  await page.goto('/portfolios/recovering-from-a-disaster/projects/new');
  await page.getByLabel('Project name').fill(PROJECT);
  await page.locator('label', { hasText: /\(FEMA\)$/ }).click();
  const owner = page.getByLabel('Owner');
  await owner.selectOption(
    (await owner.locator('option', { hasText: '(FEMA)' }).getAttribute('value'))!,
  );
  await choose(page, 'On track');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
  const projectUrl = page.url();
  const log = page.getByRole('list', { name: 'Changes, newest first' });
  await expect(log.getByText(CENTRAL).first()).toBeVisible();

  // Without JavaScript the form works the same: Pacific.
  const context = await page
    .context()
    .browser()!
    .newContext({
      baseURL: new URL(projectUrl).origin,
      javaScriptEnabled: false,
    });
  const plain = await context.newPage();
  await login(plain, LEAD);
  await plain.goto('/account');
  await plain
    .getByLabel('Show dates and times in')
    .selectOption({ label: 'Pacific (Los Angeles)' });
  await plain.getByRole('button', { name: 'Save time zone' }).click();
  await expect(
    plain.getByText('Saved. Dates and times now read in Pacific (Los Angeles) time.'),
  ).toBeVisible();
  await plain.goto(projectUrl);
  await expect(
    plain.getByRole('list', { name: 'Changes, newest first' }).getByText(PACIFIC).first(),
  ).toBeVisible();
  await context.close();
});
