/**
 * Issue 19, point 3: a published PMC update is withdrawn by an OMB lead with a reason and
 * replaced by a correction that says what it corrects; both stay listed, the withdrawn one
 * marked so; compare works with both; what was published never changes.
 */
import type { Page } from '@playwright/test';
import { assembleUpdate, expect, expectAccessible, login, publishFromPage, test } from './fixtures';

const MEDICAID = 'Automatically renew Medicaid coverage for over 5 million Americans';
const REASON = 'It listed the Medicaid renewals milestone under the wrong quarter';
const NOTE = 'Leaves out the Medicaid renewals milestone, listed in error';

/** What a published update froze, as its JSON export carries it. */
async function frozen(page: Page, url: string) {
  const json = await (await page.request.get(`${url}/update.json`)).json();
  return JSON.stringify({ portfolios: json.portfolios, highlights: json.highlights });
}

test('an OMB lead withdraws a published PMC update with a reason and publishes its correction; the list and compare show all three', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await login(page, 'omb_lead');
  await assembleUpdate(page, 2032, 2);
  const earlier = await publishFromPage(page);
  await assembleUpdate(page, 2032, 3);
  const original = await publishFromPage(page);
  const before = await frozen(page, original);
  expect(before).toContain(MEDICAID);

  // Withdrawing asks why; too short a reason is refused next to the field, what was typed kept.
  await page.getByRole('link', { name: 'Withdraw this update' }).click();
  await expect(
    page.getByRole('heading', { name: 'Withdraw the PMC update, FY 2032 Q3' }),
  ).toBeVisible();
  await expectAccessible(page);
  const reason = page.getByLabel('Why is it withdrawn?');
  await reason.fill('Wrong');
  await page.getByRole('button', { name: 'Withdraw this update' }).click();
  await expect(
    page.getByText('Say why the update is withdrawn, in at least 10 characters.').first(),
  ).toBeVisible();
  await expect(reason).toHaveValue('Wrong');
  await expect(page.getByTestId('update-status')).toHaveCount(0);
  await reason.fill(REASON);
  await page.getByRole('button', { name: 'Withdraw this update' }).click();
  await expect(
    page.getByRole('heading', { name: 'PMC update, FY 2032 Q3 (withdrawn)' }),
  ).toBeVisible();
  const standing = page.getByTestId('update-standing');
  await expect(standing).toContainText(`by Dana Whitfield: ${REASON}.`);
  await expect(standing).toContainText('What was published is kept below, unchanged.');
  await expect(page.getByTestId('update-status')).toContainText('then withdrawn');
  // Still readable as published, at the same address.
  await expect(page.getByText(MEDICAID).first()).toBeVisible();
  await expectAccessible(page);
  expect(await frozen(page, original)).toBe(before);

  // The correction starts from the withdrawn update, saying what it corrects.
  await page.getByRole('link', { name: 'Start a correction' }).click();
  await expect(
    page.getByRole('heading', { name: 'Correct the PMC update, FY 2032 Q3 (withdrawn)' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What does the correction correct?').fill(NOTE);
  await page.getByRole('button', { name: 'Start the correction' }).click();
  await expect(
    page.getByRole('heading', { name: 'PMC update, FY 2032 Q3 (correction)' }),
  ).toBeVisible();
  const correction = new URL(page.url()).pathname;
  expect(correction).not.toBe(original);
  await expect(page.getByTestId('update-status')).toContainText('Draft');
  await expect(page.getByTestId('update-standing')).toContainText(`withdrawn`);
  await expect(page.getByTestId('update-standing')).toContainText(NOTE);

  // Correct it: leave the milestone out, then publish (the preview says what it corrects).
  await page
    .getByRole('link', {
      name: 'Review, leave out or annotate every item of Facing a Financial Shock',
    })
    .click();
  await expect(page.getByRole('link', { name: 'Back to the whole update' })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(`Leave out\\s?: ${MEDICAID}`) }).click();
  await expect(page.getByRole('region', { name: 'Left out of this update' })).toContainText(
    MEDICAID,
  );
  await page.getByRole('link', { name: 'Back to the whole update' }).click();
  await expect(page.getByRole('link', { name: 'Review and publish this update' })).toBeVisible();
  await page.getByRole('link', { name: 'Review and publish this update' }).click();
  await expect(
    page.getByRole('heading', { name: 'Publish the PMC update, FY 2032 Q3 (correction)?' }),
  ).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
  await page.getByRole('button', { name: 'Publish this update' }).first().click();
  await expect(page.getByTestId('update-status')).toContainText('Published');
  await expect(page.getByRole('link', { name: 'Read the withdrawn update' })).toBeVisible();

  // The withdrawn update points to its correction; what it published has not changed.
  await page.goto(original);
  await expect(page.getByTestId('update-standing')).toContainText(
    'Replaced by a correction published',
  );
  await page.getByRole('link', { name: 'Read the correction' }).click();
  await expect(
    page.getByRole('heading', { name: 'PMC update, FY 2032 Q3 (correction)' }),
  ).toBeVisible();
  expect(await frozen(page, original)).toBe(before);
  // The Word export of the withdrawn update says so on its cover, under a name of its own.
  const docx = await page.request.get(`${original}/export.docx`);
  expect(docx.headers()['content-disposition']).toContain('pmc-update-fy2032-q3-withdrawn.docx');

  // The list shows all three, each for what it is.
  await page.goto('/pmc');
  const list = page.getByRole('region', { name: 'PMC updates' });
  await expect(list.getByRole('row', { name: /FY 2032 Q3 \(correction\)/ })).toContainText(
    /Published .*, a correction/,
  );
  await expect(list.getByRole('row', { name: /FY 2032 Q3 \(withdrawn\)/ })).toContainText(
    /Withdrawn .* \(was published /,
  );
  await expect(list.getByRole('row', { name: /^FY 2032 Q2\b/ })).toContainText('Published');
  await expectAccessible(page);

  // Compare the withdrawn update with its correction: the milestone left out is what moved.
  await page.getByLabel('Earlier').selectOption({ label: 'FY 2032 Q3 (withdrawn)' });
  await page.getByLabel('Later').selectOption({ label: 'FY 2032 Q3 (correction)' });
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare PMC updates' })).toBeVisible();
  const ids = new URL(page.url()).searchParams;
  expect([`/pmc/${ids.get('a')}`, `/pmc/${ids.get('b')}`]).toEqual([original, correction]);
  const removed = page
    .getByRole('region', { name: 'Facing a Financial Shock' })
    .getByRole('list', { name: /No longer listed in FY 2032 Q3 \(correction\)/ });
  await expect(removed).toContainText(MEDICAID);
  await expectAccessible(page);

  // And the earlier quarter with the correction: the correction is the quarter's update now.
  await page.goto(`/pmc/compare?a=${earlier.split('/').pop()}&b=${correction.split('/').pop()}`);
  await expect(
    page.getByRole('region', { name: 'Compared updates' }).getByRole('columnheader', {
      name: 'FY 2032 Q3 (correction)',
    }),
  ).toBeVisible();
});
