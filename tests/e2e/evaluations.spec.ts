/**
 * Issue 20, point 2: a team writes a pilot's evaluation plan, its lead approves the design
 * before the data arrives, the team starts it and reports the findings.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, login, test } from './fixtures';

async function openPlan(page: Page, title: string) {
  await page.goto('/portfolios/having-a-child');
  await page.getByRole('link', { name: 'Newborn Supply Kits' }).first().click();
  await page
    .getByRole('region', { name: 'Evaluation plans' })
    .getByRole('link', { name: title })
    .click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
}

test('an evaluation plan is written, approved by the lead, started and reported', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const title = `Do kits reach families sooner? ${Date.now()}`;
  const team = await (await browser.newContext()).newPage();
  await login(team, 'team_member');
  await team.goto('/portfolios/having-a-child');
  await team.getByRole('link', { name: 'Newborn Supply Kits' }).first().click();
  await team.getByRole('link', { name: 'Write an evaluation plan' }).click();
  await expect(team.getByRole('heading', { name: 'New evaluation plan' })).toBeVisible();
  await expectAccessible(team);
  await team.getByRole('button', { name: 'Save the draft plan' }).click();
  await expect(team.getByText('Enter the title.').first()).toBeVisible();
  await team.getByLabel('Title').fill(title);
  await team
    .getByLabel('Evaluation questions')
    .fill('Did the median days from enrollment to delivery fall?');
  await team.getByLabel('Design', { exact: true }).selectOption({ label: 'Pre/post comparison' });
  await team.getByRole('button', { name: 'Save the draft plan' }).click();
  await expect(team.getByTestId('evaluation-status')).toContainText('Draft evaluation plan');
  // A team member does not approve; the plan is finished first.
  await expect(team.getByRole('button', { name: 'Approve the plan' })).toHaveCount(0);
  await team.getByRole('link', { name: 'Edit the plan' }).click();
  await team
    .getByLabel('How the design is carried out')
    .fill('Enrollments before the pilot against enrollments during it.');
  await team.getByLabel('Sample').fill('All enrollments, January to June.');
  await team
    .getByLabel('Analysis plan')
    .fill('Median days to delivery, with its interquartile range.');
  await team
    .getByLabel('Decision rule')
    .fill('Scale if the median falls below 30 days; stop if it rises.');
  await team.getByRole('button', { name: 'Save the plan' }).click();
  await expect(team.getByText('Scale if the median falls below 30 days')).toBeVisible();
  await expectAccessible(team);

  const lead = await (await browser.newContext()).newPage();
  await login(lead, 'portfolio_lead');
  await openPlan(lead, title);
  // Approving asks for every part of the design: the population is still missing.
  await lead.getByRole('button', { name: 'Approve the plan' }).click();
  await expect(lead.getByRole('heading', { name: 'Not moved' })).toBeVisible();
  await expect(lead.locator('#move-errors')).toContainText(
    'Before approving, write the population: they are set before the data arrives',
  );
  await expect(lead.getByTestId('evaluation-status')).toContainText('Draft');
  await team.getByRole('link', { name: 'Edit the plan' }).click();
  await team.getByLabel('Population').fill('Families enrolled in the pilot states.');
  await team.getByRole('button', { name: 'Save the plan' }).click();
  await expect(team.getByText('Families enrolled in the pilot states.')).toBeVisible();
  await lead.reload();
  await lead.getByRole('button', { name: 'Approve the plan' }).click();
  await expect(lead.getByTestId('evaluation-status')).toContainText('Approved evaluation plan');
  await expect(lead.getByRole('link', { name: 'Edit the plan' })).toHaveCount(0);

  await openPlan(team, title);
  await team.getByRole('button', { name: 'Start the evaluation' }).click();
  await expect(team.getByTestId('evaluation-status')).toContainText('Under way');
  await team.getByRole('button', { name: 'Report the findings' }).click();
  await expect(team.getByText('Enter the findings.').first()).toBeVisible();
  await team
    .getByLabel('What the evaluation found')
    .fill('The median fell from 41 to 22 days: scale.');
  await team.getByRole('button', { name: 'Report the findings' }).click();
  await expect(team.getByTestId('evaluation-status')).toContainText('Reported');
  await expect(team.getByTestId('evaluation-findings')).toHaveText(
    'The median fell from 41 to 22 days: scale.',
  );
  await expectAccessible(team);
});
