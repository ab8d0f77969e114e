import JSZip from 'jszip';
import { expect, expectAccessible, login, test } from './fixtures';

test('an OMB lead assembles, writes, publishes and exports the quarterly PMC update; later edits do not change it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'omb_lead');
  await page.getByRole('link', { name: 'PMC updates' }).click();
  await page.getByLabel('Fiscal year').fill('2025');
  await page.getByLabel('Quarter').selectOption('1');
  await page.getByRole('button', { name: 'Assemble update' }).click();
  await expect(page.getByRole('heading', { name: 'PMC update, FY 2025 Q1' })).toBeVisible();
  await expect(page.getByTestId('update-status')).toContainText('Draft');
  const disaster = page.getByRole('table', {
    name: 'Milestones of Recovering from a Disaster this quarter',
  });
  await expect(
    disaster.getByRole('row', { name: /Finalize the Holistic Burden Assessment toolkit/ }),
  ).toContainText('Completed');
  await expect(page.getByRole('img', { name: /Milestones by status/ })).toBeVisible();
  await expectAccessible(page);

  // Leave an item out on the portfolio's own view (every item, with the controls), then write
  // the program highlights.
  await page
    .getByRole('link', {
      name: 'Review, leave out or annotate every item of Recovering from a Disaster',
    })
    .click();
  await expect(page.getByRole('link', { name: 'Back to the whole update' })).toBeVisible();
  await expectAccessible(page);
  await disaster
    .getByRole('button', {
      name: /Leave out\s?: Train over 300 FEMA/,
    })
    .click();
  await expect(disaster.getByRole('row', { name: /Train over 300 FEMA/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Left out of this update' })).toContainText(
    'Train over 300 FEMA',
  );

  await page.getByRole('link', { name: 'Back to the whole update' }).click();
  await page.getByRole('link', { name: 'Write the program highlights' }).click();
  const editor = page.getByRole('textbox', { name: 'Highlights for the program' });
  await editor.click();
  await page.keyboard.type(
    'Life Experience teams finalized the Holistic Burden Assessment toolkit.',
  );
  await page.getByRole('button', { name: 'Save highlights' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the update' }).click();
  await expect(
    page.getByText('Life Experience teams finalized the Holistic Burden Assessment toolkit.'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Publish this update' }).click();
  await expect(page.getByTestId('update-status')).toContainText('Published');
  const url = new URL(page.url()).pathname;
  await expectAccessible(page);

  const docx = await page.request.get(`${url}/export.docx`);
  const xml = await (
    await JSZip.loadAsync(await docx.body())
  )
    .file('word/document.xml')!
    .async('string');
  expect(xml).toContain('Highlights');
  expect(xml).toContain('Life Experience teams finalized the Holistic Burden Assessment toolkit.');
  expect(xml).toContain('Finalize the Holistic Burden Assessment toolkit');
  expect(xml).not.toContain('Train over 300 FEMA');
  const json = await (await page.request.get(`${url}/update.json`)).json();
  expect(json).toMatchObject({ fiscalYear: 2025, quarter: 1, status: 'published' });

  // Rename the milestone in its project: the published update keeps what it said.
  await page.goto('/portfolios/recovering-from-a-disaster');
  await page.getByRole('link', { name: 'Holistic Burden Assessment toolkit' }).click();
  await page.getByRole('link', { name: /Edit milestone: Finalize the Holistic Burden/ }).click();
  await page.getByLabel('Milestone', { exact: true }).fill('Renamed after publishing');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await expect(page.getByText('Renamed after publishing')).toBeVisible();
  await page.goto(url);
  await expect(
    page.getByRole('row', { name: /Finalize the Holistic Burden Assessment toolkit/ }),
  ).toBeVisible();
  await expect(page.getByText('Renamed after publishing')).toHaveCount(0);
});

test('a viewer reads PMC updates but cannot start one', async ({ page }) => {
  await login(page, 'viewer');
  await page.goto('/pmc');
  await expect(page.getByRole('heading', { name: 'Start an update' })).toHaveCount(0);
  const response = await page.request.post('/pmc', {
    headers: { Origin: new URL(page.url()).origin },
    form: { fy: '2025', q: '2' },
  });
  expect(response.status()).toBe(403);
  await expectAccessible(page);
});
