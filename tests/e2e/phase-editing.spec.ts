import { choose, expect, expectAccessible, login, test } from './fixtures';

// Editing what moves through the phases: projects, milestones, concurrent edits, bad input.
test.describe('phase work: editing projects and milestones', () => {
  test('two people edit the same project: the stale save is refused and nothing typed is lost', async ({
    browser,
  }) => {
    const a = await (await browser.newContext()).newPage();
    const b = await (await browser.newContext()).newPage();
    await login(a, 'team_member');
    await login(b, 'portfolio_lead');
    await a.goto('/portfolios/having-a-child');
    await a.getByRole('link', { name: 'Alumni Peer Navigator Services' }).click();
    await a.waitForURL(/\/projects\/\d+$/);
    const editUrl = `${new URL(a.url()).pathname}/edit`;
    await a.goto(editUrl);
    await b.goto(editUrl);
    await a.getByLabel('Theory of change').fill('Peers who were in the program earn trust faster.');
    await a.getByRole('button', { name: 'Save project' }).click();
    await expect(
      a.getByRole('heading', { name: 'Alumni Peer Navigator Services', level: 1 }),
    ).toBeVisible();

    await b.getByLabel('Theory of change').fill('My competing text that must not be lost.');
    await b.getByRole('button', { name: 'Save project' }).click();
    await expect(b.getByText('Someone saved a newer version while you were editing')).toBeVisible();
    await expect(b.getByLabel('Theory of change')).toHaveValue(
      'My competing text that must not be lost.',
    );
    await expect(b.getByRole('heading', { name: 'The saved values now' })).toBeVisible();
    await expect(b.getByText('Peers who were in the program earn trust faster.')).toBeVisible();
    await expectAccessible(b);
    // The first save stands.
    await a.reload();
    await expect(a.getByText('Peers who were in the program earn trust faster.')).toBeVisible();
    // Having seen the newer values, the second person can save deliberately.
    await b.getByRole('button', { name: 'Save project' }).click();
    await expect(b.getByText('My competing text that must not be lost.')).toBeVisible();
  });

  test('bad input gets a message next to the field, keeps what was typed, and changes nothing', async ({
    page,
  }) => {
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock');
    await page.getByRole('link', { name: 'Consent-based verification of payroll data' }).click();
    await page.waitForURL(/\/projects\/\d+$/);
    const projectUrl = page.url();
    await page.getByRole('link', { name: 'Edit project' }).click();
    await page.getByLabel('Project name').fill('   ');
    await choose(page, 'At risk');
    await page.getByLabel('Summary').fill('x'.repeat(10_000));
    await page.getByRole('button', { name: 'Save project' }).click();
    await expect(page.getByText('Enter the project name.').last()).toBeVisible();
    await expect(
      page.getByText('The summary must be at most 2,000 characters.').last(),
    ).toBeVisible();
    await expect(
      page.getByText('Explain why the project is at risk or off track.').last(),
    ).toBeVisible();
    await expectAccessible(page);
    await page.goto(projectUrl);
    await expect(
      page.getByRole('heading', { name: 'Consent-based verification of payroll data', level: 1 }),
    ).toBeVisible();
  });

  test('a team member adds a milestone; an impossible date is refused first', async ({ page }) => {
    await login(page, 'team_member');
    await page.goto('/portfolios/facing-a-financial-shock');
    await page
      .getByRole('link', {
        name: 'De-Risking Government Technology Guide for state administrators',
      })
      .click();
    await page.getByRole('link', { name: 'Add milestone' }).click();
    await expectAccessible(page);
    await page.getByLabel('Milestone').fill('Publish state procurement case studies');
    await page.getByLabel('Owner').fill('GSA');
    await choose(page, 'A date');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByText('Enter the date.').last()).toBeVisible();
    await expect(page.getByLabel('Milestone')).toHaveValue(
      'Publish state procurement case studies',
    );
    // A browser's date picker cannot produce February 30; a hand-made request can, and is refused.
    const refused = await page.request.post(page.url(), {
      headers: { Origin: new URL(page.url()).origin },
      form: { title: 'Impossible', timingKind: 'date', dueDate: '2026-02-30', status: 'planned' },
    });
    expect(refused.status()).toBe(400);
    expect(await refused.text()).toContain('Enter a real date as YYYY-MM-DD');
    // A fiscal year and quarter need both.
    const noQuarter = await page.request.post(page.url(), {
      headers: { Origin: new URL(page.url()).origin },
      form: { title: 'No quarter', timingKind: 'quarter', fy: '2026', status: 'planned' },
    });
    expect(noQuarter.status()).toBe(400);
    expect(await noQuarter.text()).toContain('Choose the quarter.');
    await page.getByLabel('Date', { exact: true }).fill('2026-03-31');
    await page.getByRole('button', { name: 'Add milestone' }).click();
    const row = page.getByRole('row', { name: /Publish state procurement case studies/ });
    await expect(row.getByRole('cell')).toHaveText(['Planned', 'March 31, 2026', 'GSA']);
    await expect(
      page.getByText(/added .*Publish state procurement case studies/).first(),
    ).toBeVisible();
  });

  test('projects can be found by portfolio, phase, agency and health', async ({ page }) => {
    await login(page, 'viewer');
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page
      .getByRole('combobox', { name: 'Portfolio' })
      .selectOption({ label: 'Facing a Financial Shock' });
    await page.getByRole('combobox', { name: 'Phase' }).selectOption('design');
    await page.getByRole('button', { name: 'Show projects' }).click();
    await expect(page.getByText('1 project matches.')).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Consent-based verification of payroll data' }),
    ).toBeVisible();
    await expectAccessible(page);
    await page.goto('/projects?phase=sideways&agency=abc');
    await expect(page.getByText('Choose a phase from the list.').last()).toBeVisible();
    await expect(page.getByText('Choose an agency from the list.').last()).toBeVisible();
  });
});

test.describe('phase work: portfolio administration', () => {
  test('an OMB lead changes a POC (kept in history) and a PMC member signs the charter', async ({
    page,
    browser,
  }) => {
    await login(page, 'omb_lead');
    await page.goto('/portfolios/transition-to-civilian-life');
    await page.getByRole('link', { name: 'Points of contact and PMC members' }).click();
    await expectAccessible(page);
    await page
      .getByLabel('New point of contact for DOL')
      .selectOption({ label: 'Fatima Haddad, DOL Life Experience Point of Contact' })
      .catch(() => undefined);
    await page.getByRole('button', { name: 'Change DOL point of contact' }).click();
    await expect(
      // Beside the field; the error summary at the top links to it with the same words.
      page.getByText('That person is already the agency’s point of contact.').last(),
    ).toBeVisible();
    await page
      .getByLabel('New point of contact for DOL')
      .selectOption({ label: 'Michael Adeyemi, Deputy Secretary (PMC member)' });
    await page.getByRole('button', { name: 'Change DOL point of contact' }).click();
    const dol = page.getByRole('region', { name: 'Department of Labor (DOL)' });
    await expect(dol).toContainText('Point of contact: Michael Adeyemi');
    await expect(dol.getByRole('listitem').filter({ hasText: 'Fatima Haddad' })).toContainText(
      ' to ',
    );

    await page.goto('/portfolios/transition-to-civilian-life/charter');
    await page
      .getByLabel('Charter text')
      .fill('VA, DoD and DOL agree to work together on the transition to civilian life.');
    await page.getByRole('button', { name: 'Save charter' }).click();
    await expect(page.getByText('Not signed').first()).toBeVisible();

    const pmc = await (await browser.newContext()).newPage();
    await login(pmc, 'va.pmc@example.gov');
    await pmc.goto('/portfolios/transition-to-civilian-life/charter');
    await pmc.getByRole('button', { name: 'Sign for VA' }).click();
    await expect(pmc.getByRole('row', { name: /VA/ })).toContainText('Signed by Robert Kim');
    await expectAccessible(pmc);

    await page
      .getByLabel('Charter text')
      .fill('VA, DoD and DOL agree to work together on the transition to civilian life, revised.');
    await page.getByRole('button', { name: 'Save charter' }).click();
    await expect(page.getByRole('heading', { name: 'Signatures need renewal' })).toBeVisible();
    await expect(page.getByRole('row', { name: /VA/ })).toContainText('(needs renewal)');
  });
});
