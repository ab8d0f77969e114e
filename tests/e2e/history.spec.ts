import type { Locator, Page } from '@playwright/test';
import { choose, expect, expectAccessible, login, test, assembleUpdate } from './fixtures';

/**
 * Histories in plain language (issue 16, point 6): an agency POC answers a phase request, and
 * every history of it says who (name and agency), did what, to which record, and when in
 * Eastern time with the zone written out; none shows a raw field or table name.
 */

const PROJECT = `History in plain words ${Date.now().toString(36)}`;
/** "November 16, 2026, 3:05 PM EST" (or EDT in summer). */
const EASTERN = /[A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/;
/** A raw field or table name: agency_id, project_phase, phase_answered… */
const RAW = /\b[a-z]+_[a-z_]+\b/;

/** The text a person sees (closed disclosures left out). */
const seen = (l: Locator) => l.innerText();

async function pickAgency(page: Page, code: string) {
  await page.locator('label', { hasText: new RegExp(`\\(${code}\\)$`) }).click();
}

test.describe.serial('histories read in plain language', () => {
  // Several sign-ins and axe runs per test: room for a busy machine.
  test.describe.configure({ timeout: 120_000 });
  let projectUrl = '';

  test('a team member makes a project and asks for Design', async ({ page }) => {
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child/projects/new');
    await page.getByLabel('Project name').fill(PROJECT);
    // HRSA and SSA: POCs whose review counts no other test checks (the tests share a database).
    await pickAgency(page, 'HRSA');
    await pickAgency(page, 'SSA');
    const owner = page.getByLabel('Owner');
    const hrsa = await owner.locator('option', { hasText: '(HRSA)' }).getAttribute('value');
    await owner.selectOption(hrsa!);
    await choose(page, 'On track');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { name: PROJECT, level: 1 })).toBeVisible();
    projectUrl = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Phase gate and history' }).click();
    await page.getByLabel('Evidence summary').fill('Interviews with twelve families.');
    await page.getByRole('button', { name: 'Ask for Design' }).click();
    await expect(page.getByRole('heading', { name: 'Open request: Design' })).toBeVisible();
    await expectAccessible(page);
  });

  test('the HRSA POC answers; the phase history shows it at once, with name, agency and Eastern time', async ({
    page,
  }) => {
    await login(page, 'hrsa.poc@example.gov');
    await page.goto(`${projectUrl}/phase`);
    await choose(page, 'Concur with comments');
    await page.getByLabel('Comment', { exact: true }).fill('Bring in WIC clinics.');
    await page.getByRole('button', { name: 'Record HRSA’s answer' }).click();
    await expect(page.getByText('Your agency’s answer was recorded.')).toBeVisible();

    // SSA has not answered: the request is still open, and the history already has the answer.
    await expect(page.getByText('No phase requests, answers or re-affirmations')).toHaveCount(0);
    const history = page.getByRole('list', { name: 'Phase history, newest first' });
    const answer = history.getByRole('listitem').first();
    await expect(answer).toContainText(
      'Kwame Mensah (HRSA) answered for HRSA: Concur with comments.',
    );
    await expect(answer).toContainText('Comment: Bring in WIC clinics.');
    await expect(answer.locator('time')).toHaveText(EASTERN);
    await expect(history.getByRole('listitem').nth(1)).toContainText(
      'Priya Raman (USDA) asked to move the project from Discovery to Design, asking HRSA and SSA to concur.',
    );
    expect(await seen(history)).not.toMatch(RAW);
    expect(await seen(history)).not.toContain('UTC');
    await expectAccessible(page);
  });

  test('the project change log reads in plain language, linked, in Eastern time', async ({
    page,
  }) => {
    await login(page, 'viewer');
    await page.goto(projectUrl);
    const log = page.getByRole('list', { name: 'Changes, newest first' });
    const first = log.getByRole('listitem').first();
    await expect(first).toContainText(
      `Kwame Mensah (HRSA) answered for HRSA on the phase request of project “${PROJECT}”: Concur with comments — “Bring in WIC clinics.”`,
    );
    await expect(first.locator('time')).toHaveText(EASTERN);
    await expect(log).toContainText(`Priya Raman (USDA) added project “${PROJECT}”.`);
    const text = await seen(log);
    expect(text).not.toMatch(RAW);
    expect(text).not.toContain('UTC');
    expect(text).not.toContain('agency id');
    expect(text).not.toContain('.”.');
    // The record is a link to where it lives.
    await first.getByRole('link', { name: `project “${PROJECT}”` }).click();
    await expect(page).toHaveURL(new RegExp(`${projectUrl}/phase$`));
    await expectAccessible(page);
  });

  test('the audit log reads in plain language, with the raw fields one click away', async ({
    page,
  }) => {
    await login(page, 'omb_lead');
    const id = projectUrl.split('/').at(-1)!;
    await page.goto(`/audit?entity=project_phase&record=${id}`);
    const table = page.getByRole('table', { name: 'Audit entries, newest first' });
    const row = table.getByRole('row').nth(1);
    await expect(row).toContainText(
      `Kwame Mensah (HRSA) answered for HRSA on the phase request of project “${PROJECT}”`,
    );
    await expect(row.locator('time')).toHaveText(EASTERN);
    expect(await seen(table)).not.toMatch(RAW);
    await expectAccessible(page);
    // The recorded fields, exactly as stored, behind the entry's details.
    await row.getByText('Details').click();
    await expect(row).toContainText('agency_id');
    await expect(row).toContainText('phase_answered');
    await expectAccessible(page);
  });

  test('the PMC update lists the changes since the last one in plain language', async ({
    page,
  }) => {
    await login(page, 'omb_lead');
    const update = await assembleUpdate(page, 2031, 2);
    // The portfolio's own view lists every change the update keeps, one click away (issue 19.4:
    // the curated sentences come first).
    await page.goto(`${update}?portfolio=having-a-child`);
    await page.locator('summary', { hasText: 'Every recorded change' }).click();
    const changes = page
      .getByRole('list')
      .filter({ hasText: `on the phase request of project “${PROJECT}”` });
    await expect(changes).toHaveCount(1);
    await expect(changes).toContainText(
      `Kwame Mensah (HRSA) answered for HRSA on the phase request of project “${PROJECT}”: Concur with comments`,
    );
    for (const item of await changes.getByRole('listitem').all()) {
      await expect(item.locator('time')).toHaveText(EASTERN);
    }
    const text = await seen(changes);
    expect(text).not.toMatch(RAW);
    expect(text).not.toContain('UTC');
    await expectAccessible(page);
    await page.screenshot({ path: 'tests/.tmp/screens/history-pmc-changes.png', fullPage: false });
  });

  test('screenshot of the phase history', async ({ page }) => {
    await login(page, 'viewer');
    await page.goto(`${projectUrl}/phase`);
    await page.getByRole('heading', { name: 'Phase history' }).scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await page.screenshot({ path: 'tests/.tmp/screens/history-phase.png', fullPage: true });
    await page.goto(projectUrl);
    await page.getByRole('heading', { name: 'Change log' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/.tmp/screens/history-change-log.png' });
  });
});
