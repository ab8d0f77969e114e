import {
  assembleUpdate,
  choose,
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  publishFromPage,
  test,
} from './fixtures';

/**
 * Issue 19, point 4: "what changed since the last update" is curated — plain sentences by kind,
 * the raw audit entries one click away, and the lead leaves items out or annotates them as in
 * the other lists. FY 2035 Q4 (published here first, so the window starts at its publication)
 * and FY 2036 Q1 are used by no other test.
 */
test('the changes since the last update read as sentences by kind; the lead leaves one out and annotates another, with and without JavaScript', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const SLIP = `Publish the renewal notice study ${stamp}`;
  const DONE = `Train renewal call center staff ${stamp}`;
  const PORTFOLIO = 'Facing a Financial Shock';
  const PROJECT = 'Automated ex parte Medicaid renewals';
  const openProject = async () => {
    await page.goto('/portfolios/facing-a-financial-shock');
    await page.getByRole('link', { name: PROJECT }).click();
    await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
  };
  const addMilestone = async (title: string, date: string, completedOn?: string) => {
    await openProject();
    await page.getByRole('link', { name: 'Add milestone' }).click();
    await page.getByLabel('Milestone').fill(title);
    await page.getByLabel('Owner').fill('CMS');
    await choose(page, 'A date');
    await page.getByLabel('Date', { exact: true }).fill(date);
    if (completedOn) {
      await page.getByLabel('Status', { exact: true }).selectOption('completed');
      await page.getByLabel('Completed on', { exact: true }).fill(completedOn);
    }
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
  };

  /** A control named "<what>: <item>" (the item is screen-reader text after the words). */
  const named = (what: string, item: string) =>
    new RegExp(`^${what}\\s*:? ${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

  await login(page, 'omb_lead');
  // Before the last update: a milestone due in February 2036.
  await addMilestone(SLIP, '2036-02-15');
  await assembleUpdate(page, 2035, 4);
  await publishFromPage(page);

  // Since then: it slips to August, and another milestone is completed.
  await openProject();
  await page.getByRole('link', { name: new RegExp(`Edit milestone: ${SLIP}`) }).click();
  await page.getByLabel('Date', { exact: true }).fill('2036-08-15');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await expect(page.getByRole('row', { name: new RegExp(SLIP) })).toContainText('August 15, 2036');
  await addMilestone(DONE, '2035-12-31', '2035-10-20');

  const url = await assembleUpdate(page, 2036, 1);
  await page
    .getByRole('link', { name: `Review, leave out or annotate every item of ${PORTFOLIO}` })
    .click();
  await expect(page.getByRole('heading', { name: PORTFOLIO, level: 2 })).toBeVisible();
  const section = page.getByRole('region', { name: PORTFOLIO, exact: true });
  await expect(
    section.getByRole('heading', { name: /^What changed since FY 2035 Q4 was published/ }),
  ).toBeVisible();
  const slipped = `Milestone ‘${SLIP}’ slipped from February 15, 2036 to August 15, 2036`;
  const done = `Milestone ‘${DONE}’ completed on October 20, 2035`;
  // Each sentence under its kind's heading (the list follows its heading).
  await expect(
    section.getByRole('heading', { name: /^Milestones slipped \(\d+\)$/ }).locator('+ ul'),
  ).toContainText(slipped);
  await expect(
    section.getByRole('heading', { name: /^Milestones completed \(\d+\)$/ }).locator('+ ul'),
  ).toContainText(done);

  // The raw audit entries, one click away.
  const raw = section.locator('details');
  await expect(raw.getByRole('list')).toBeHidden();
  await section.getByText(/^Every recorded change since FY 2035 Q4 was published/).click();
  await expect(raw.getByRole('list')).toContainText(`milestone “${DONE}”`);
  await expectAccessible(page);

  // Leave the slip out: it moves to "Left out of this update", from where it can come back.
  await page.getByRole('button', { name: named('Leave out', slipped) }).click();
  const leftOut = page.getByRole('region', { name: 'Left out of this update' });
  await expect(leftOut).toContainText(slipped);
  await expect(section).not.toContainText(slipped);
  await expect(leftOut.getByRole('button', { name: named('Put back', slipped) })).toBeVisible();

  // Annotate the completion without JavaScript: the same small form as the other lists.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(plain, 'omb_lead');
  await plain.goto(page.url());
  const note = plain.getByLabel(`Note on ${done}`);
  await note.fill('Trained ahead of the renewal season.');
  await plain.getByRole('button', { name: named('Save note on', done) }).click();
  await expect(plain.getByLabel(`Note on ${done}`)).toHaveValue(
    'Trained ahead of the renewal season.',
  );
  const plainSection = plain.getByRole('region', { name: PORTFOLIO, exact: true });
  const completed = plainSection
    .getByRole('heading', { name: /^Milestones completed \(\d+\)$/ })
    .locator('+ ul')
    .getByRole('listitem')
    .filter({ hasText: done });
  await expect(completed).toContainText('Note: Trained ahead of the renewal season.');
  await expect(plainSection).not.toContainText(slipped);
  // The disclosure opens without JavaScript too.
  await plainSection.getByText(/^Every recorded change since FY 2035 Q4 was published/).click();
  await expect(plainSection.locator('details').getByRole('list')).toContainText(
    `milestone “${SLIP}”`,
  );
  await expectAccessibleWithoutJs(plain);
  await plain.context().close();

  // The export carries the curated section with the note, and not what was left out.
  const html = await (await page.request.get(`${url}/export.html`)).text();
  expect(html).toContain('What changed since the last update');
  expect(html).toContain(done);
  expect(html).toContain('Note: Trained ahead of the renewal season.');
  expect(html).not.toContain('slipped from February 15, 2036');
});
