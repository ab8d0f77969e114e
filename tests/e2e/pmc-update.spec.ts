import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import {
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  test,
  assembleUpdate,
  publishFromPage,
} from './fixtures';

test('an OMB lead assembles, writes, publishes and exports the quarterly PMC update; later edits do not change it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, 'omb_lead');
  await page.getByRole('link', { name: 'PMC updates' }).click();
  await page.getByLabel('Fiscal year', { exact: true }).fill('2025');
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
  // The portfolios' order is the lead's: one moved down from the keyboard, then back up. The
  // sections are markup made on the server: the router still sends their forms (the page is not
  // loaded again), and focus follows the portfolio that moved.
  const headings = page.locator('section[aria-labelledby^="pf-"] h3');
  const first = (await headings.first().textContent())!;
  await page.evaluate(() => Object.assign(window, { samePage: true }));
  await page.getByRole('button', { name: `Move down ${first}` }).focus();
  await page.keyboard.press('Enter');
  await expect(headings.nth(1)).toHaveText(first);
  await expect(page.getByRole('button', { name: `Move down ${first}` })).toBeFocused();
  expect(await page.evaluate(() => 'samePage' in window)).toBe(true);
  await page.getByRole('button', { name: `Move up ${first}` }).click();
  await expect(headings.first()).toHaveText(first);

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
  await expect(editor).toBeVisible();
  await expectAccessible(page);
  // Typing is taken once the editor has the update from the server ("Connecting…" until then).
  await expect(editor).toBeEditable({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.type(
    'Life Experience teams finalized the Holistic Burden Assessment toolkit.',
  );
  // Saved as it is typed; the update's text follows a moment after the typing stops.
  await expect(page.getByTestId('save-status')).toContainText('All changes saved');
  await page.getByRole('link', { name: 'Back to the update' }).click();
  await expect(page.getByRole('link', { name: 'Review and publish this update' })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByText('Life Experience teams finalized the Holistic Burden Assessment toolkit.'),
    ).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // Publishing is a decision: a preview of everything that will be frozen, with what to look at
  // first (FY 2025 Q1 ended long ago; portfolios without highlights are named), then a confirm.
  await page.getByRole('link', { name: 'Review and publish this update' }).click();
  await expect(
    page.getByRole('heading', { name: 'Publish the PMC update, FY 2025 Q1?' }),
  ).toBeVisible();
  const warnings = page.getByRole('alert').filter({ hasText: 'Before you publish' });
  await expect(warnings).toContainText('parts of the update have no highlights');
  await expect(warnings).toContainText('Recovering from a Disaster');
  await expect(warnings).not.toContainText('has not ended');
  await expect(page.getByRole('heading', { name: 'What will be published' })).toBeVisible();
  await expect(
    page.getByText('Life Experience teams finalized the Holistic Burden Assessment toolkit.'),
  ).toBeVisible();
  await expect(page.getByText('Train over 300 FEMA')).toHaveCount(0);
  await expectAccessible(page);
  // Not yet: back to the draft, still a draft.
  await page.getByRole('link', { name: 'Not yet: back to the draft' }).first().click();
  await expect(page.getByTestId('update-status')).toContainText('Draft');
  const url = await publishFromPage(page);
  await expectAccessible(page);

  const docx = await page.request.get(`${url}/export.docx`);
  const xml = await (
    await JSZip.loadAsync(await docx.body())
  )
    .file('word/document.xml')!
    .async('string');
  expect(xml).toContain('Highlights');
  // The cover says it is the published update, and when it was published.
  expect(xml).toMatch(/Published [A-Z][a-z]+ \d{1,2}, \d{4}/);
  expect(xml).toContain('The program at a glance');
  expect(xml).toContain('Life Experience teams finalized the Holistic Burden Assessment toolkit.');
  expect(xml).toContain('Finalize the Holistic Burden Assessment toolkit');
  expect(xml).not.toContain('Train over 300 FEMA');
  // The slides, from the link on the page.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Slides (.pptx)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('pmc-update-fy2025-q1.pptx');
  const deck = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const cover = await deck.file('ppt/slides/slide1.xml')!.async('string');
  expect(cover).toContain('FY 2025 Q1');
  expect(cover).toMatch(/Published [A-Z][a-z]+ \d{1,2}, \d{4}/);
  const json = await (await page.request.get(`${url}/update.json`)).json();
  expect(json).toMatchObject({ fiscalYear: 2025, quarter: 1, status: 'published' });
  // What changed since the last published update travels with it: a count and the newest rows.
  for (const p of json.portfolios) {
    expect(typeof p.changesSinceLast).toBe('number');
    expect(Array.isArray(p.changes)).toBe(true);
  }

  // Rename the milestone in its project: the published update keeps what it said.
  await page.goto('/portfolios/recovering-from-a-disaster');
  await page.getByRole('link', { name: 'Holistic Burden Assessment toolkit' }).click();
  await page.getByRole('link', { name: /Edit milestone: Finalize the Holistic Burden/ }).click();
  await page.getByLabel('Milestone', { exact: true }).fill('Renamed after publishing');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await expect(page.getByText('Renamed after publishing').first()).toBeVisible();
  await page.goto(url);
  await expect(
    page.getByRole('row', { name: /Finalize the Holistic Burden Assessment toolkit/ }),
  ).toBeVisible();
  await expect(page.getByText('Renamed after publishing')).toHaveCount(0);
});

test('OMB leads annotate milestones together live (and without JavaScript), order them, export the notes, and compare two published updates item by item', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await login(page, 'omb_lead');
  // Quarters no other test assembles (the test above uses FY 2025 Q1).
  const publish = () => publishFromPage(page);
  const HOST = 'Host the third and final Federal Forum';
  const WEBPAGE = 'Publish a dedicated webpage for the Federal Decision Support Guide';
  const DATA_SHARING = 'Improve cross-agency data sharing to serve seniors';
  const NOTE = 'Held in September 2024 with 380+ community organization staff.';

  // FY 2024 Q4: the two forums' quarter. On the portfolio's own view, a note on a milestone and
  // the forum moved above the webpage.
  await assembleUpdate(page, 2024, 4);
  await page
    .getByRole('link', {
      name: 'Review, leave out or annotate every item of Approaching Retirement',
    })
    .click();
  // The overview lists the same table (its first rows): wait for the portfolio's own view.
  await page.waitForURL(/portfolio=approaching-retirement/);
  await expect(page.getByRole('link', { name: 'Back to the whole update' })).toBeVisible();
  const table = page.getByRole('table', {
    name: 'Milestones of Approaching Retirement this quarter',
  });
  await expect(table.getByRole('row').nth(1)).toContainText(WEBPAGE);
  await expect(table.getByRole('row').nth(2)).toContainText(HOST);
  // A second lead on the same view: notes are written live, with no save button.
  const focusedUrl = page.url();
  const second = await (await browser.newContext()).newPage();
  await login(second, 'omb_lead');
  await second.goto(focusedUrl);
  for (const p of [page, second])
    await expect(p.getByTestId('notes-status')).toContainText('All changes saved', {
      timeout: 15_000,
    });
  const noteOn = (p: Page, item: string) =>
    p
      .getByRole('table', { name: 'Milestones of Approaching Retirement this quarter' })
      .getByLabel(new RegExp(`^Note on ${item}`));
  await expect(table.getByRole('button', { name: /^Save note/ })).toHaveCount(0);
  await noteOn(page, HOST).click();
  await expect(second.getByText('Dana Whitfield is writing this note.')).toBeVisible();
  await noteOn(page, HOST).fill(NOTE);
  await expect(noteOn(second, HOST)).toHaveValue(NOTE);
  await noteOn(second, WEBPAGE).click();
  await second.keyboard.type('Live from the second lead.');
  await expect(noteOn(page, WEBPAGE)).toHaveValue('Live from the second lead.');
  await expectAccessible(second);

  // Without JavaScript a note is a small form; a page opened before someone else's change does
  // not overwrite it: the message says what the note now reads, and what was typed stays.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(plain, 'omb_lead');
  // The page shows the notes as stored, a moment (the store's debounce) after the typing.
  await expect(async () => {
    await plain.goto(focusedUrl);
    await expect(noteOn(plain, WEBPAGE)).toHaveValue('Live from the second lead.', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await noteOn(second, WEBPAGE).press('End');
  await second.keyboard.type(' Later.');
  await expect(noteOn(page, WEBPAGE)).toHaveValue('Live from the second lead. Later.');
  await noteOn(plain, WEBPAGE).fill('Written without JavaScript.');
  await plain.getByRole('button', { name: new RegExp(`^Save note on ${WEBPAGE}`) }).click();
  // The message is at the top of the page and next to the field.
  const noteError = plain
    .getByRole('table', { name: 'Milestones of Approaching Retirement this quarter' })
    .getByRole('alert');
  await expect(noteError).toContainText('Someone changed this note since you opened the page.');
  await expect(noteError).toContainText('It now reads: “Live from the second lead. Later.”');
  await expect(noteOn(plain, WEBPAGE)).toHaveValue('Written without JavaScript.');
  await expectAccessibleWithoutJs(plain);
  await plain.context().close();
  await second.context().close();

  // The note reaches the update (and its history) once stored: the second lead's leaving stores it.
  await expect(async () => {
    await page.reload();
    await expect(table.getByRole('row', { name: new RegExp(HOST) })).toContainText(
      `Note: ${NOTE}`,
      { timeout: 1000 },
    );
  }).toPass({ timeout: 20_000 });
  await table.getByRole('button', { name: new RegExp(`^Move up\\s?: ${HOST}`) }).click();
  await expect(table.getByRole('row').nth(1)).toContainText(HOST);
  await expect(table.getByRole('row').nth(2)).toContainText(WEBPAGE);
  await expect(
    table.getByRole('button', { name: new RegExp(`^Move up\\s?: ${HOST}`) }),
  ).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to the whole update' }).click();
  const earlier = await publish();
  await expect(page.getByText(`Note: ${NOTE}`)).toBeVisible();

  // The note and the order are in the exports.
  const html = await (await page.request.get(`${earlier}/export.html`)).text();
  expect(html).toContain(`<em>Note: ${NOTE}</em>`);
  expect(html.indexOf(HOST)).toBeGreaterThan(-1);
  expect(html.indexOf(HOST)).toBeLessThan(html.indexOf(WEBPAGE));
  const docx = await page.request.get(`${earlier}/export.docx`);
  const xml = await (
    await JSZip.loadAsync(await docx.body())
  )
    .file('word/document.xml')!
    .async('string');
  expect(xml).toContain(`Note: ${NOTE}`);
  const json = await (await page.request.get(`${earlier}/update.json`)).json();
  const retirementJson = json.portfolios.find(
    (p: { slug: string }) => p.slug === 'approaching-retirement',
  );
  expect(Object.values(retirementJson.annotations)).toContain(NOTE);
  expect(retirementJson.milestones[0].title).toContain(HOST);

  // The data-sharing milestone is completed in FY 2025 Q2; that quarter's update is published.
  await page.goto('/portfolios/approaching-retirement');
  await page
    .getByRole('link', { name: 'Increasing Access to Decision-Making Support for Older Adults' })
    .click();
  await page.getByRole('link', { name: new RegExp(`Edit milestone: ${DATA_SHARING}`) }).click();
  await page.getByLabel('Quarter', { exact: true }).selectOption('2');
  await page.getByLabel('Status', { exact: true }).selectOption('completed');
  await page.getByLabel('Completed on', { exact: true }).fill('2025-02-14');
  await page.getByRole('button', { name: 'Save milestone' }).click();
  await expect(
    page
      .getByRole('table', {
        name: 'Milestones of Increasing Access to Decision-Making Support for Older Adults',
      })
      .getByRole('row', { name: new RegExp(DATA_SHARING) }),
  ).toContainText('Completed (February 14, 2025)');
  await assembleUpdate(page, 2025, 2);
  const later = await publish();

  // Compare the two: item by item, per portfolio.
  await page.goto('/pmc');
  await page.getByLabel('Earlier').selectOption({ label: 'FY 2024 Q4' });
  await page.getByLabel('Later').selectOption({ label: 'FY 2025 Q2' });
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('heading', { name: 'Compare PMC updates' })).toBeVisible();
  const ids = new URL(page.url()).searchParams;
  expect([`/pmc/${ids.get('a')}`, `/pmc/${ids.get('b')}`]).toEqual([earlier, later]);
  const retirement = page.getByRole('region', { name: 'Approaching Retirement' });
  const changed = retirement
    .getByRole('table', { name: /Status changes in Approaching Retirement/ })
    .getByRole('row', { name: new RegExp(DATA_SHARING) });
  await expect(changed.getByRole('cell').nth(0)).toHaveText('In progress');
  await expect(changed.getByRole('cell').nth(1)).toHaveText('Completed');
  const removed = retirement.getByRole('list', { name: /No longer listed in FY 2025 Q2/ });
  await expect(removed).toContainText(HOST);
  await expect(removed).toContainText(WEBPAGE);
  await expect(removed).not.toContainText(DATA_SHARING);
  await expectAccessible(page);
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

test('two OMB leads write the program highlights live; without JavaScript the form keeps newer text', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await login(a, 'omb_lead');
  await login(b, 'omb_lead');
  // A quarter no other test assembles.
  await assembleUpdate(a, 2030, 3);
  await a.getByRole('link', { name: 'Write the program highlights' }).click();
  await expect(
    a.getByRole('heading', { name: 'Highlights for the program, FY 2030 Q3', level: 1 }),
  ).toBeVisible();
  const highlights = new URL(a.url()).pathname;
  await b.goto(highlights);
  const box = (page: Page) => page.getByRole('textbox', { name: 'Highlights for the program' });
  for (const page of [a, b])
    await expect(page.getByTestId('save-status')).toContainText('All changes saved', {
      timeout: 15_000,
    });
  await expect(b.getByTestId('presence')).toContainText('Here now: Dana Whitfield');
  await box(a).click();
  await a.keyboard.type('Written by the first lead.');
  await expect(box(b)).toContainText('Written by the first lead.');
  await box(b).click();
  await b.keyboard.press('ControlOrMeta+End');
  await b.keyboard.press('Enter');
  await b.keyboard.type('Written by the second.');
  await expect(box(a)).toContainText('Written by the second.');
  await expectAccessible(b);
  await a.context().close();
  await b.context().close();

  // Without JavaScript: the highlights as Markdown. A page opened before someone else's change
  // does not overwrite it; both texts are shown, and the next save goes in.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(plain, 'omb_lead');
  await plain.goto(highlights);
  const text = plain.getByRole('textbox', { name: 'Highlights for the program' });
  await expect(text).toHaveValue(/Written by the first lead\.\s+Written by the second\./);
  await expectAccessibleWithoutJs(plain);
  const older = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await login(older, 'omb_lead');
  await older.goto(highlights);
  await text.fill('Rewritten without JavaScript.');
  await plain.getByRole('button', { name: 'Save highlights' }).click();
  await expect(plain).toHaveURL(/\/pmc\/\d+$/);
  await expect(plain.getByText('Rewritten without JavaScript.')).toBeVisible();
  await older
    .getByRole('textbox', { name: 'Highlights for the program' })
    .fill('From a page opened earlier.');
  await older.getByRole('button', { name: 'Save highlights' }).click();
  await expect(older.getByRole('heading', { name: 'Your text was not saved' })).toBeVisible();
  await expect(older.getByLabel('The highlights as they are now')).toHaveValue(
    /Rewritten without JavaScript\./,
  );
  await expect(older.getByRole('textbox', { name: 'Highlights for the program' })).toHaveValue(
    'From a page opened earlier.',
  );
  await older.getByRole('button', { name: 'Save highlights' }).click();
  await expect(older).toHaveURL(/\/pmc\/\d+$/);
  await expect(older.getByText('From a page opened earlier.')).toBeVisible();
  await plain.context().close();
  await older.context().close();
});

test("if React renders the preview afresh in the browser, the overview's markup made on the server comes back", async ({
  page,
  consoleErrors,
}) => {
  await login(page, 'omb_lead');
  const url = await assembleUpdate(page, 2037, 2);
  // The document with its heading changed: hydration finds the page differs from what React
  // renders, and React renders it afresh, where the overview's parts arrive by name only.
  await page.route(`**${url}`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const body = (await response.text()).replace('>PMC update, <!-- -->', '>Altered, <!-- -->');
    await route.fulfill({ response, body });
  });
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PMC update, FY 2037 Q2');
  await expect(page.locator('section[aria-labelledby^="pf-"] h3').first()).toBeVisible();
  await expect(page.getByRole('img', { name: /Milestones by status/ })).toBeVisible();
  // The mismatch this test made is the only error the page logged (React's #418).
  expect(consoleErrors.length).toBeGreaterThan(0);
  expect(consoleErrors.filter((e) => !e.includes('React error #418'))).toEqual([]);
  consoleErrors.length = 0;
});
