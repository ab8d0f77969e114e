import { choose, expect, expectAccessible, login, test } from './fixtures';
import type { Page } from '@playwright/test';

/** Opens the "Add a step" disclosure of a stage (whatever its state) and returns it. */
async function openAddStep(page: Page, stage: string) {
  const details = page.locator('details', { hasText: `Add a step to “${stage}”` });
  await expect(details).toHaveCount(1);
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await expect(details).toHaveAttribute('open', '');
  return details;
}

async function diagramDrawn(page: Page, index = 0) {
  await expect(page.getByTestId('journey-diagram').nth(index)).toHaveAttribute(
    'data-state',
    'drawn',
    {
      timeout: 20_000,
    },
  );
}

test.describe('journey maps', () => {
  test('build a map step by step; the diagram renders, special characters included', async ({
    page,
  }) => {
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child/journeys');
    await page.getByRole('link', { name: 'New journey map' }).click();
    await page.getByLabel('Title').fill('Registering a birth');
    await page.getByLabel('Description').fill('From the hospital to a birth certificate.');
    await page.getByRole('button', { name: 'Create journey map' }).click();
    await expect(page.getByRole('heading', { name: 'Edit journey map' })).toBeVisible();

    await page.getByLabel('Stage name').last().fill('At the hospital');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await openAddStep(page, 'At the hospital');
    const tricky = 'Apply: "now" #1; 100% <b>bold</b> 👶 طلب';
    const open = page.locator('details[open]');
    await open.getByLabel('Step', { exact: true }).fill(tricky);
    await open.getByLabel('Experience score').selectOption('2');
    await open.getByLabel('Actors').fill('Parent, Hospital clerk');
    // The live preview draws the step being typed.
    await diagramDrawn(page);
    await expect(page.getByTestId('journey-diagram')).toContainText('Hospital clerk');
    await open.getByRole('button', { name: 'Add step' }).click();
    await expect(page.locator('li > strong', { hasText: tricky })).toBeVisible();

    await openAddStep(page, 'At the hospital');
    await page
      .locator('details[open]')
      .getByLabel('Step', { exact: true })
      .fill('Receive the birth certificate');
    await page.locator('details[open]').getByLabel('Experience score').selectOption('4');
    await page.locator('details[open]').getByRole('button', { name: 'Add step' }).click();
    // Keyboard-operable reordering: move the second step up.
    await page.getByRole('button', { name: 'Up move Receive the birth certificate up' }).click();
    await expect(page.locator('ol.usa-list li strong').first()).toHaveText(
      'Receive the birth certificate',
    );
    // With JavaScript, Alt+Down Arrow on the step's Down button moves it in the background: no
    // page load or history entry, focus stays with the step, and the new place is announced.
    await expect(
      page.getByText('On an Up or Down button, Alt+Up Arrow and Alt+Down Arrow move'),
    ).toBeVisible(); // shown once the page runs its script
    const historyLength = await page.evaluate(() => window.history.length);
    await page
      .getByRole('button', { name: 'Down move Receive the birth certificate down' })
      .press('Alt+ArrowDown');
    const moveStatus = page
      .getByRole('status')
      .filter({ hasText: /Receive the birth certificate/ });
    await expect(moveStatus).toHaveText(
      'Step ‘Receive the birth certificate’ moved to position 2 of 2 in ‘At the hospital’.',
    );
    await expect(page.locator('ol.usa-list li strong')).toHaveText([
      tricky,
      'Receive the birth certificate',
    ]);
    // Now last, it has only an Up button, and focus is there.
    await expect(
      page.getByRole('button', { name: 'Up move Receive the birth certificate up' }),
    ).toBeFocused();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(moveStatus).toHaveText(
      'Step ‘Receive the birth certificate’ is already last in ‘At the hospital’.',
    );
    expect(await page.evaluate(() => window.history.length)).toBe(historyLength);

    await page.getByRole('link', { name: 'View the map, its table and exports' }).click();
    await diagramDrawn(page);
    await expect(page.getByTestId('journey-diagram')).toContainText(
      'Receive the birth certificate',
    );
    await expect(page.getByTestId('journey-diagram')).toContainText('Apply: "now" #1; 100%');
    await expect(page.getByRole('link', { name: 'Download SVG' })).toHaveAttribute(
      'href',
      /^data:image\/svg\+xml/,
    );
    const table = page.getByRole('table', { name: /Registering a birth/ });
    await expect(table.getByRole('rowheader', { name: tricky })).toBeVisible();
    // Nothing typed into a step ever runs or renders as markup.
    await expect(page.locator('main b', { hasText: 'bold' })).toHaveCount(0);
    await expectAccessible(page);

    const mmd = await page.request.get(`${new URL(page.url()).pathname}/mermaid.mmd`);
    expect(await mmd.text()).toContain(
      'Apply#58; "now" #35;1#59; 100#37; #60;b#62;bold#60;/b#62; 👶 طلب: 2: Parent, Hospital clerk',
    );
    const csv = await (await page.request.get(`${new URL(page.url()).pathname}/table.csv`)).text();
    expect(csv.split('\r\n')[0]).toBe(
      'Stage,Step,Score,Actors,Channel,Agency touchpoint,Pain points,Opportunities,Notes,Projects',
    );
    expect(csv).toContain('At the hospital,Receive the birth certificate,4,');
  });

  test('import: an error names the line, the text is kept, the fix saves', async ({ page }) => {
    await login(page, 'team_member');
    // The portfolio's as-is maps, counted on its journey list in a second tab. An import is
    // as-is; the compare test, which may run at the same time, adds only a to-be copy here.
    const list = await page.context().newPage();
    const asIsMaps = async () => {
      await list.goto('/portfolios/facing-a-financial-shock/journeys');
      return list
        .getByRole('table', { name: /Journey maps of/ })
        .getByRole('row')
        .filter({ has: list.getByRole('cell', { name: 'As-is', exact: true }) });
    };
    const mapsBefore = await (await asIsMaps()).count();
    expect(mapsBefore).toBeGreaterThan(0);
    await page.goto('/portfolios/facing-a-financial-shock/journeys/import');
    await expectAccessible(page);
    const bad = [
      'journey',
      '  title Renewing SNAP',
      '  section Renewal',
      '    Get the renewal letter: 7: Worker',
      '    Send pay stubs: 1: Worker',
    ].join('\n');
    await page.getByLabel('Mermaid source').fill(bad);
    await page.getByRole('button', { name: 'Import journey map' }).click();
    await expect(
      page.getByText('Line 4: the score must be a whole number from 1 to 5, not "7".').first(),
    ).toBeVisible();
    await expect(page.getByLabel('Mermaid source')).toHaveValue(bad);
    // Nothing was saved: the portfolio has as many maps as before, none of them this one.
    await expect(await asIsMaps()).toHaveCount(mapsBefore);
    await expect(list.getByRole('link', { name: 'Renewing SNAP' })).toHaveCount(0);
    await page.getByLabel('Mermaid source').fill(bad.replace(': 7:', ': 2:'));
    await page.getByRole('button', { name: 'Import journey map' }).click();
    await expect(page.getByRole('heading', { name: 'Renewing SNAP', level: 1 })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'Send pay stubs' })).toBeVisible();
    await diagramDrawn(page);
    await expect(await asIsMaps()).toHaveCount(mapsBefore + 1);
    await list.close();
  });

  test('without JavaScript the import error is shown too', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock/journeys/import');
    await page.getByLabel('Mermaid source').fill('journey\n  title T\n  Step before section: 3');
    await page.getByRole('button', { name: 'Import journey map' }).click();
    await expect(page.getByText('Line 3: put this step inside a section').first()).toBeVisible();
    await context.close();
  });

  test('compare as-is with to-be: score changes, added and removed steps', async ({ page }) => {
    test.setTimeout(180_000);
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock/journeys');
    await page
      .getByRole('link', { name: 'Facing a financial shock: losing income and getting help' })
      .click();
    await page.getByRole('link', { name: 'Start a new version' }).click();
    await expect(
      page.getByRole('heading', { name: 'Start a new version', level: 1 }),
    ).toBeVisible();
    await choose(page, 'To-be');
    await page.getByLabel('Version name (optional)').fill('Consent-based verification');
    await page.getByRole('button', { name: 'Copy as a new version' }).click();
    await expect(page.getByRole('heading', { name: 'Edit journey map' })).toBeVisible();
    // Better: verifying income no longer needs pay stubs.
    await page.getByRole('link', { name: 'Edit step Gather pay stubs to prove income' }).click();
    await expect(page.getByRole('heading', { name: 'Edit step', level: 1 })).toBeVisible();
    await page.getByLabel('Step', { exact: true }).fill('Share payroll data with consent');
    await page.getByLabel('Experience score').selectOption('4');
    await diagramDrawn(page);
    await expect(page.getByTestId('journey-diagram')).toContainText(
      'Share payroll data with consent',
    );
    await page.getByRole('button', { name: 'Save step' }).click();
    await expect(page.getByRole('heading', { name: 'Edit journey map', level: 1 })).toBeVisible();
    await page
      .getByRole('button', { name: 'Remove step Wait for an eligibility decision' })
      .click();
    await page
      .getByRole('dialog', { name: 'Remove the step “Wait for an eligibility decision”?' })
      .getByRole('button', { name: 'Yes, remove the step' })
      .click();
    await expect(
      page.getByRole('link', { name: 'Edit step Wait for an eligibility decision' }),
    ).toHaveCount(0);
    await page.reload();
    await openAddStep(page, 'Applying');
    await page
      .locator('details[open]')
      .getByLabel('Step', { exact: true })
      .fill('Get a decision the same day');
    await page.locator('details[open]').getByLabel('Experience score').selectOption('5');
    await page.locator('details[open]').getByRole('button', { name: 'Add step' }).click();
    await expect(
      page.locator('li > strong', { hasText: 'Get a decision the same day' }),
    ).toBeVisible();

    await page.getByRole('link', { name: 'View the map, its table and exports' }).click();
    const asIs = await page
      .getByLabel('Compare this map with')
      .locator('option', {
        hasText: 'Facing a financial shock: losing income and getting help (As-is, created',
      })
      .getAttribute('value');
    await page.getByLabel('Compare this map with').selectOption(asIs!);
    await page.getByRole('button', { name: 'Compare' }).click();
    // The to-be map asked to compare with the as-is: the as-is is Before all the same.
    await page.waitForURL(new RegExp(`/compare\\?before=${asIs}&after=`));
    const table = page.getByRole('table', { name: /Step by step/ });
    await expect(
      table.getByRole('row', { name: /Share payroll data with consent/ }).getByRole('cell'),
    ).toHaveText(['Applying', '1', '4', '+3', 'Better']);
    await expect(
      table.getByRole('row', { name: /Wait for an eligibility decision/ }),
    ).toContainText('Removed');
    await expect(table.getByRole('row', { name: /Get a decision the same day/ })).toContainText(
      'Added',
    );
    await diagramDrawn(page, 0);
    await diagramDrawn(page, 1);
    await expectAccessible(page);
  });

  test('a step links to the projects that address its pain points', async ({ page }) => {
    await login(page, 'portfolio_lead');
    await page.goto('/portfolios/having-a-child/journeys');
    await page
      .getByRole('link', { name: 'Having a child: from pregnancy to the first months' })
      .click();
    await page.getByRole('link', { name: 'Edit journey map' }).click();
    await page.getByRole('link', { name: 'Edit step Receive a newborn supply kit' }).click();
    await expect(page.getByRole('heading', { name: 'Edit step', level: 1 })).toBeVisible();
    await choose(page, 'Newborn Supply Kits');
    await page.getByRole('button', { name: 'Save step' }).click();
    await expect(page.getByRole('heading', { name: 'Edit journey map', level: 1 })).toBeVisible();
    await page.goto('/portfolios/having-a-child');
    await page.getByRole('link', { name: 'Newborn Supply Kits' }).click();
    const section = page.getByRole('list').filter({ hasText: 'Receive a newborn supply kit' });
    await expect(section).toContainText('Birth');
  });

  test('a viewer reads a journey but cannot edit it', async ({ page }) => {
    await login(page, 'viewer');
    await page.goto('/portfolios/approaching-retirement/journeys');
    await page.getByRole('link', { name: /Approaching retirement/ }).click();
    await expect(page.getByRole('link', { name: 'Edit journey map' })).toHaveCount(0);
    await diagramDrawn(page);
    const response = await page.goto(`${new URL(page.url()).pathname}/edit`);
    expect(response?.status()).toBe(403);
  });
});

test.describe('journey maps without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('add a step with ordinary forms', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.goto('/portfolios/transition-to-civilian-life/journeys');
    await page.getByRole('link', { name: /Transition to civilian life/ }).click();
    await expect(
      page.getByRole('rowheader', { name: 'Attend transition assistance' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Edit journey map' }).click();
    await openAddStep(page, 'After separation');
    await page
      .locator('details[open]')
      .getByLabel('Step', { exact: true })
      .fill('Enroll in a VA education program');
    await page.locator('details[open]').getByLabel('Experience score').selectOption('3');
    await page.locator('details[open]').getByRole('button', { name: 'Add step' }).click();
    await expect(
      page.locator('li > strong', { hasText: 'Enroll in a VA education program' }),
    ).toBeVisible();
    // Reordering is an ordinary form too: the page reloads with the step one place up.
    await page.getByRole('button', { name: 'Up move Enroll in a VA education program up' }).click();
    await expect(
      page
        .locator('li', { has: page.getByRole('heading', { name: /After separation/ }) })
        .locator('li > strong'),
    ).toHaveText([
      'Apply for VA health care and benefits',
      'Enroll in a VA education program',
      'Look for a civilian job',
    ]);
    // Empty title: the message is next to the field.
    await openAddStep(page, 'After separation');
    await page.locator('details[open]').getByLabel('Experience score').selectOption('3');
    await page.locator('details[open]').getByRole('button', { name: 'Add step' }).click();
    await expect(page.getByText('Enter the step.').last()).toBeVisible();
  });
});
