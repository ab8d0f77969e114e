import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectAccessibleWithoutJs, login, test } from './fixtures';

async function typeInEditor(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Plan text' });
  // As a person does: the editor takes typing once it has the plan from the server ("Connecting…"
  // until then); keys pressed before go nowhere, and a busy server can take a second or more.
  await expect(editor).toBeEditable({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** The editor's own selection (not just the browser's) is a caret at the end of its block. */
async function expectCaretAtBlock(page: Page, where: 'start' | 'end') {
  await expect
    .poll(() =>
      page.evaluate((where) => {
        const dom = document.querySelector('.ProseMirror') as
          | (Element & {
              editor?: {
                state: {
                  selection: {
                    empty: boolean;
                    $head: { parentOffset: number; parent: { content: { size: number } } };
                  };
                };
              };
            })
          | null;
        const selection = dom?.editor?.state.selection;
        return (
          !!selection &&
          selection.empty &&
          selection.$head.parentOffset ===
            (where === 'start' ? 0 : selection.$head.parent.content.size)
        );
      }, where),
    )
    .toBe(true);
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toContainText('All changes saved', {
    timeout: 15_000,
  });
}

/**
 * The read view shows `text`: the plan's text is derived from the live document a moment after
 * the typing stops (decision 029), so the page is read again until it does.
 */
async function expectPlanText(page: Page, planUrl: string, text: string) {
  await expect(async () => {
    await page.goto(planUrl);
    await expect(page.getByRole('article', { name: 'Plan text' })).toContainText(text, {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
}

test.describe.serial('CX Action Plans', () => {
  // Each test signs in more than once, renders documents and runs axe: room for a busy machine.
  test.describe.configure({ timeout: 120_000 });
  let planUrl = '';

  test('draft a plan from the A-11 280.15 template, edit it, autosave', async ({ page }) => {
    page.on('dialog', (d) => void d.dismiss());
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock');
    await page.getByRole('link', { name: 'CX Action Plans' }).click();
    await page.getByLabel('Fiscal year', { exact: true }).fill('2027');
    await page.getByRole('button', { name: 'Start plan' }).click();
    await expect(
      page.getByRole('heading', { name: 'Improvements to designated services' }),
    ).toBeVisible();
    await expect(page.getByTestId('plan-status')).toHaveText('Draft');
    // Named after the year entered, not the year the form suggested.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Facing a Financial Shock CX Action Plan, FY 2027',
    );
    // FY 2025's May 30 falls on a Sunday in 2027: the plan is due the Friday before.
    await expect(page.getByText('Draft due May 28, 2027')).toBeVisible();
    // Days left while the plan is open; only an OMB lead sets the dates.
    await expect(
      page.getByText(
        /Final due September 9, 2027 \((\d+ days? left|Due today|\d+ days? overdue)\)/,
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save due dates' })).toHaveCount(0);
    planUrl = new URL(page.url()).pathname;
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Edit the plan' }).click();
    await expect(page.getByRole('textbox', { name: 'Plan text' })).toBeVisible();
    await expectAccessible(page);
    await typeInEditor(page, 'Pilot consent-based income verification with three states.');
    await waitSaved(page);
    await expectPlanText(
      page,
      planUrl,
      'Pilot consent-based income verification with three states.',
    );
  });

  test('two people write at once, live: both texts on both screens, each sees the other here and their caret', async ({
    browser,
  }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await login(a, 'team_member');
    await login(b, 'omb_lead');
    await a.goto(`${planUrl}/edit`);
    await b.goto(`${planUrl}/edit`);
    await Promise.all([waitSaved(a), waitSaved(b)]);
    const nameOf = async (page: Page) =>
      (await page
        .getByText(/^Signed in as /)
        .first()
        .textContent())!
        .replace(/^Signed in as /, '')
        .replace(/ \([^)]*\)$/, '')
        .trim();
    const [aName, bName] = await Promise.all([nameOf(a), nameOf(b)]);
    await expect(a.getByTestId('presence')).toContainText(bName);
    await expect(b.getByTestId('presence')).toContainText(aName);
    // One at the end of the plan, one at the end of its first heading. The carets are placed first:
    // End moves the browser's caret, and the editor reads it a moment later, so a remote edit
    // landing in between would put the caret back where the click left it.
    await a.getByRole('textbox', { name: 'Plan text' }).click();
    await a.keyboard.press('ControlOrMeta+End');
    await b
      .getByRole('textbox', { name: 'Plan text' })
      .getByText('Improvements to designated services')
      .click();
    await b.keyboard.press('End');
    await Promise.all([expectCaretAtBlock(a, 'end'), expectCaretAtBlock(b, 'end')]);
    // Then both type at the same moment.
    const newLine = async (page: Page, text: string) => {
      await page.keyboard.press('Enter');
      await page.keyboard.type(text);
    };
    await Promise.all([
      newLine(a, 'Text from the team member.'),
      newLine(b, 'Text from the OMB lead.'),
    ]);
    for (const page of [a, b]) {
      const editor = page.getByRole('textbox', { name: 'Plan text' });
      await expect(editor).toContainText('Text from the team member.');
      await expect(editor).toContainText('Text from the OMB lead.');
      await expect(
        editor.getByRole('heading', { name: 'Improvements to designated services', exact: true }),
      ).toBeVisible();
    }
    // Then both at the same moment in one paragraph, one at its start and one at its end: each
    // person's words stay whole. (Two carets at the very same spot would interleave the words, in
    // any editor that merges.)
    await a
      .getByRole('textbox', { name: 'Plan text' })
      .locator('p', { hasText: 'Text from the OMB lead.' })
      // At its start: the OMB lead's caret and name sit at its end.
      .click({ position: { x: 2, y: 2 } });
    await a.keyboard.press('Home');
    await Promise.all([expectCaretAtBlock(a, 'start'), expectCaretAtBlock(b, 'end')]);
    await Promise.all([
      a.keyboard.type('Same paragraph, the team member. '),
      b.keyboard.type(' Same paragraph, the OMB lead.'),
    ]);
    for (const page of [a, b]) {
      const paragraph = page
        .getByRole('textbox', { name: 'Plan text' })
        .locator('p', { hasText: 'Text from the OMB lead.' });
      // (The other person's caret and name sit in the paragraph too.)
      await expect(paragraph).toContainText('Same paragraph, the team member.');
      await expect(paragraph).toContainText('Same paragraph, the OMB lead.');
    }
    // Each sees the other's caret, labelled with their name.
    await expect(a.locator('.collaboration-carets__label', { hasText: bName })).toBeVisible();
    await expect(b.locator('.collaboration-carets__label', { hasText: aName })).toBeVisible();
    await expectAccessible(b);
    await Promise.all([waitSaved(a), waitSaved(b)]);
    await expectPlanText(b, planUrl, 'Text from the team member.');
    await expect(b.getByRole('article', { name: 'Plan text' })).toContainText(
      'Text from the OMB lead.',
    );
    await a.context().close();
    await b.context().close();
  });

  test('a restore is an edit everyone in the plan sees at once', async ({ browser }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await login(a, 'team_member');
    await login(b, 'omb_lead');
    await a.goto(`${planUrl}/edit`);
    await waitSaved(a);
    await typeInEditor(a, 'A line a restore takes back.');
    await waitSaved(a);
    await expectPlanText(b, planUrl, 'A line a restore takes back.');
    // The newest version holds the line; the one before it does not.
    const rows = b.getByRole('table', { name: 'Saved versions, newest first' }).getByRole('row');
    const newest = Number(await rows.nth(1).getByRole('rowheader').textContent());
    await b.getByRole('button', { name: `Restore version ${newest - 1}`, exact: true }).click();
    await expect(rows.nth(1)).toContainText(`Restored version ${newest - 1}`);
    const editor = a.getByRole('textbox', { name: 'Plan text' });
    await expect(editor).not.toContainText('A line a restore takes back.');
    await expect(editor).toContainText('Text from the OMB lead.');
    await a.context().close();
    await b.context().close();
  });

  test('pasted script and javascript: links are neutralized everywhere', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await login(page, 'team_member');
    await page.goto(`${planUrl}/edit`);
    const editor = page.getByRole('textbox', { name: 'Plan text' });
    // A paste before the editor has the plan goes nowhere, as typing does (typeInEditor).
    await expect(editor).toBeEditable({ timeout: 15_000 });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await editor.evaluate((el) => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<p>Pasted <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">bad link</a> <a href="https://performance.gov/cx">good link</a></p>',
      );
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    await waitSaved(page);
    await expectPlanText(page, planUrl, 'good link');
    const article = page.getByRole('article', { name: 'Plan text' });
    await expect(article.getByRole('link', { name: 'good link' })).toHaveAttribute(
      'href',
      'https://performance.gov/cx',
    );
    await expect(article.getByRole('link', { name: 'bad link' })).toHaveCount(0);
    await expect(article.locator('img')).toHaveCount(0);
    for (const ext of ['html', 'md']) {
      const body = await (await page.request.get(`${planUrl}/export.${ext}`)).text();
      expect(body).not.toMatch(/onerror|javascript:/i);
      expect(body).toContain('https://performance.gov/cx');
    }
    expect(dialogs).toBe(0);
  });

  test('until the editor has the plan from the server it says it takes no typing', async ({
    page,
  }) => {
    // Between the page and the server: what the server sends waits while `held`, so the editor
    // stays "Connecting…" for as long as the test looks.
    let held = true;
    const waiting: (string | Buffer)[] = [];
    let toPage: (message: string | Buffer) => void = () => {};
    await page.routeWebSocket(/\/collab$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => (held ? waiting.push(m) : ws.send(m)));
      toPage = (m) => ws.send(m);
    });
    await login(page, 'team_member');
    await page.goto(`${planUrl}/edit`);
    const editor = page.getByRole('textbox', { name: 'Plan text' });
    await expect(page.getByTestId('save-status')).toHaveText('Connecting…');
    // Keys pressed now would go nowhere: the text box is read-only, not one that seems to type.
    await expect(editor).not.toBeEditable();
    held = false;
    for (const m of waiting.splice(0)) toPage(m);
    await expect(editor).toBeEditable({ timeout: 15_000 });
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved.');
  });

  test('text typed just before following a link is saved', async ({ page }) => {
    await login(page, 'team_member');
    await page.goto(`${planUrl}/edit`);
    await typeInEditor(page, 'Typed just before leaving.');
    // At once: each keystroke goes to the server as it is typed.
    await page.getByRole('link', { name: 'Back to the plan' }).click();
    await expect(async () => {
      await page.goto(planUrl);
      await expect(page.getByRole('article', { name: 'Plan text' })).toContainText(
        'Typed just before leaving.',
        { timeout: 1000 },
      );
    }).toPass({ timeout: 15_000 });
  });

  test('without JavaScript the plan is edited as Markdown, merged by section with others’ changes', async ({
    browser,
  }) => {
    const open = async () => {
      const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      await login(page, 'team_member');
      await page.goto(`${planUrl}/edit`);
      return page;
    };
    const append = async (page: Page, text: string) => {
      const box = page.getByRole('textbox', { name: 'Plan text', exact: true });
      await box.fill(`${await box.inputValue()}\n\n${text}\n`);
      await page.getByRole('button', { name: 'Save the plan' }).click();
    };
    const a = await open();
    const box = a.getByRole('textbox', { name: 'Plan text', exact: true });
    await expect(box).toHaveValue(/## Improvements to designated services/);
    await expect(box).toHaveValue(/Pilot consent-based income verification with three states\./);
    await expectAccessibleWithoutJs(a);
    await append(
      a,
      '- Reach __1,000__ families in FY 2027\n- Publish the [guide](https://www.performance.gov/cx/)',
    );
    await expect(a).toHaveURL(new RegExp(`${planUrl}$`));
    const article = a.getByRole('article', { name: 'Plan text' });
    await expect(
      article.getByRole('listitem').filter({ hasText: 'Reach 1,000 families' }),
    ).toBeVisible();
    await expect(article.locator('strong', { hasText: '1,000' })).toBeVisible();
    await expect(article.getByRole('link', { name: 'guide' })).toHaveAttribute(
      'href',
      'https://www.performance.gov/cx/',
    );

    // Two people open the form. The first adds to the last section; the second changes that
    // section too, and the first: theirs is merged where only they changed it, and the section
    // both changed keeps the first person's text, with both shown to the second.
    const first = await open();
    const second = await open();
    await append(first, 'Saved first, without JavaScript.');
    await expect(first).toHaveURL(new RegExp(`${planUrl}$`));
    const heading = '## Improvements to designated services';
    const secondBox = second.getByRole('textbox', { name: 'Plan text', exact: true });
    await secondBox.fill(
      (await secondBox.inputValue()).replace(heading, `${heading}\n\nSecond, in section one.`),
    );
    await append(second, 'Saved second, without JavaScript.');
    await expect(
      second.getByRole('heading', { name: 'Some of your changes were not saved' }),
    ).toBeVisible();
    await expect(second.getByRole('textbox', { name: 'Your text (not saved)' })).toHaveValue(
      /Saved second, without JavaScript\./,
    );
    await expect(second.getByRole('textbox', { name: 'The text now in the plan' })).toHaveValue(
      /Saved first, without JavaScript\./,
    );
    // The box holds the plan as it now is: both people's merged text.
    await expect(secondBox).toHaveValue(/Second, in section one\./);
    await expect(secondBox).toHaveValue(/Saved first, without JavaScript\./);
    await expectAccessibleWithoutJs(second);
    await second.goto(planUrl);
    const merged = second.getByRole('article', { name: 'Plan text' });
    await expect(merged).toContainText('Second, in section one.');
    await expect(merged).toContainText('Saved first, without JavaScript.');
    await expect(merged).not.toContainText('Saved second, without JavaScript.');
  });

  test('send for review, mark final (read-only), download the .docx and read it back', async ({
    page,
    browser,
  }) => {
    // The portfolio lead of Having a Child is not a member here: reading is fine, editing is not.
    const other = await (await browser.newContext()).newPage();
    await login(other, 'portfolio_lead');
    await other.goto(planUrl);
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(other.getByRole('link', { name: 'Edit the plan' })).toHaveCount(0);

    await login(page, 'team_member');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Send for review' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('In review');
    await page.getByRole('button', { name: 'Mark final' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('Final');
    await expect(page.getByRole('link', { name: 'Edit the plan' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reopen as draft' })).toHaveCount(0);
    const edit = await page.goto(`${planUrl}/edit`);
    expect(edit?.status()).toBe(403);
    await page.goto(planUrl);
    await expectAccessible(page);

    const response = await page.request.get(`${planUrl}/export.docx`);
    expect(response.headers()['content-type']).toContain('officedocument.wordprocessingml');
    const zip = await JSZip.loadAsync(await response.body());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Improvements to designated services');
    expect(xml).toContain('What success will look like for an individual customer');
    // What two people typed at once, in different sections and in one paragraph.
    for (const text of [
      'Text from the OMB lead.',
      'Text from the team member.',
      'Same paragraph, the team member.',
      'Same paragraph, the OMB lead.',
    ])
      expect(xml).toContain(text);
    expect(xml).toMatch(/w:pStyle w:val="Heading2"/);
    // The Markdown-form list above is a Word list (bullets), not text with dashes.
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="1"\/><\/w:numPr>/);
    expect(xml).not.toContain('- Reach');
    expect(xml).not.toMatch(/onerror|javascript:/i);
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toContain('https://performance.gov/cx');
    expect(rels).not.toMatch(/javascript:/i);

    // Only an OMB lead reopens a final plan.
    const omb = await (await browser.newContext()).newPage();
    await login(omb, 'omb_lead');
    await omb.goto(planUrl);
    await omb.getByRole('button', { name: 'Reopen as draft' }).click();
    await expect(omb.getByTestId('plan-status')).toHaveText('Draft');
  });

  test('an action cites journey pain points with current figures; reviewers comment; comments are resolved', async ({
    page,
    browser,
  }) => {
    await login(page, 'team_member');
    await page.goto(planUrl);
    // The citing form opens on demand: the read view does not carry every citable item.
    await page.getByRole('link', { name: 'Cite evidence' }).click();
    await page
      .getByLabel('Section', { exact: true })
      .first()
      .selectOption({ label: 'Improvements to designated services' });
    await page.getByLabel('Evidence').selectOption({
      label:
        'Facing a financial shock: losing income and getting help: Gather pay stubs to prove income',
    });
    await page.getByLabel('Note (optional)').fill('The pilot removes this step.');
    await page.getByRole('button', { name: 'Cite evidence' }).click();
    const cited = page.getByRole('region', {
      name: 'Evidence for Improvements to designated services',
    });
    await expect(cited).toContainText(
      'Experience score 1, very poor. Pain points: Pay stubs are hard to get',
    );
    await expect(cited).toContainText('Note: The pilot removes this step.');
    await expectAccessible(page);

    const reviewer = await (await browser.newContext()).newPage();
    await login(reviewer, 'agency_poc');
    await reviewer.goto(planUrl);
    await reviewer.locator('#comment-section').selectOption({ label: 'Next year’s priorities' });
    await reviewer.getByLabel('Comment', { exact: true }).fill('Name the states in the pilot.');
    await reviewer.getByRole('button', { name: 'Add comment' }).click();
    await expect(reviewer.getByText('Name the states in the pilot.')).toBeVisible();
    await expect(reviewer.getByRole('button', { name: /Resolve/ })).toHaveCount(0);

    await page.reload();
    const comment = page.getByRole('listitem').filter({ hasText: 'Name the states in the pilot.' });
    await expect(comment).toContainText('Next year’s priorities · Luis Ortega');
    await expect(comment).toContainText('Open');
    await comment.getByRole('button', { name: /Resolve/ }).click();
    // Who resolved it (name and agency), and when (Eastern time, the zone shown).
    await expect(
      page.getByRole('listitem').filter({ hasText: 'Name the states in the pilot.' }),
    ).toContainText(
      /Resolved by Priya Raman \(USDA\) on [A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/,
    );
    await expectAccessible(page);
  });
});

test('a new plan takes the year’s A-11 calendar dates; only an OMB lead changes them, and not once final', async ({
  page,
  browser,
}) => {
  // An OMB lead sets FY 2028's draft date on the calendar.
  const omb = await (await browser.newContext()).newPage();
  await login(omb, 'omb_lead');
  await omb.goto('/calendar?fy=2028');
  await omb.getByLabel('Date', { exact: true }).selectOption({ label: 'Draft CX Action Plan due' });
  await omb.getByLabel('New date').fill('2028-05-26');
  await omb.getByRole('button', { name: 'Set date' }).click();
  await expect(
    omb.getByRole('row', { name: /Draft CX Action Plan due.*Set by an OMB lead/ }),
  ).toContainText('May 26, 2028');

  // A team member's new FY 2028 plan takes that date, and the default final date.
  await login(page, 'team_member');
  await page.goto('/portfolios/facing-a-financial-shock/plans');
  await page.getByLabel('Fiscal year', { exact: true }).fill('2028');
  await page.getByLabel('Title').fill('Facing a Financial Shock CX Action Plan, FY 2028');
  await page.getByRole('button', { name: 'Start plan' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Draft');
  await expect(page.getByText('Draft due May 26, 2028')).toBeVisible();
  // September 9, 2028 is a Saturday: the inherited final date is Friday the 8th.
  await expect(page.getByText(/Final due September 8, 2028/)).toBeVisible();
  const url = new URL(page.url()).pathname;
  // The team member has no due-date form, and a hand-made request is refused.
  await expect(page.getByRole('button', { name: 'Save due dates' })).toHaveCount(0);
  await expect(page.getByText('OMB leads set them')).toBeVisible();
  const origin = new URL(page.url()).origin;
  const refused = await page.request.post(url, {
    headers: { Origin: origin },
    form: { intent: 'due', draftDue: '2028-06-01', finalDue: '2028-09-30', version: '1' },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);

  // The OMB lead changes them; a final date before the draft is refused next to the field.
  await omb.goto(url);
  await expect(omb.getByText('For FY 2028 the calendar says draft May 26, 2028')).toBeVisible();
  await omb.getByLabel('Draft due', { exact: true }).fill('2028-06-01');
  await omb.getByLabel('Final due', { exact: true }).fill('2028-05-01');
  await omb.getByRole('button', { name: 'Save due dates' }).click();
  await expect(
    omb.locator('#finalDue-error', { hasText: 'The final plan is due after the draft.' }),
  ).toBeVisible();
  await expect(omb.getByLabel('Final due', { exact: true })).toHaveValue('2028-05-01');
  await expect(omb.getByText('Draft due May 26, 2028')).toBeVisible();
  await expectAccessible(omb);
  await omb.getByLabel('Final due', { exact: true }).fill('2028-09-11');
  await omb.getByRole('button', { name: 'Save due dates' }).click();
  await expect(omb.getByText('Draft due June 1, 2028')).toBeVisible();
  await expect(omb.getByText(/Final due September 11, 2028/)).toBeVisible();

  // Once final, the dates stay: no form, and a hand-made request is refused.
  await omb.getByRole('button', { name: 'Send for review' }).click();
  await expect(omb.getByTestId('plan-status')).toHaveText('In review');
  await omb.getByRole('button', { name: 'Mark final' }).click();
  await expect(omb.getByTestId('plan-status')).toHaveText('Final');
  await expect(omb.getByRole('button', { name: 'Save due dates' })).toHaveCount(0);
  const version = await omb.locator('input[name="version"]').first().inputValue();
  const final = await omb.request.post(url, {
    headers: { Origin: origin },
    form: { intent: 'due', draftDue: '2028-06-02', finalDue: '2028-09-12', version },
    maxRedirects: 0,
  });
  expect(final.status()).toBe(409);
  expect(await final.text()).toContain('its due dates cannot change');
  await omb.reload();
  await expect(omb.getByText('Draft due June 1, 2028')).toBeVisible();
  await expect(omb.getByText(/Final due September 11, 2028/)).toBeVisible();
});

test('the plan read view works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, 'viewer');
  await page.goto('/portfolios/facing-a-financial-shock/plans');
  await expect(
    page.getByRole('heading', { name: 'CX Action Plans: Facing a Financial Shock' }),
  ).toBeVisible();
  await context.close();
});
