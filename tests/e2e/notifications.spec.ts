/**
 * The notification email outbox, as an OMB lead sees it (the phase-gate story in
 * phase-gate.spec.ts is where notifications are made, read and emailed).
 */
import { expect, expectAccessible, login, test } from './fixtures';

test('an OMB lead sees whether the program’s notification email is sent', async ({ page }) => {
  await login(page, 'omb_lead');
  await page.getByRole('link', { name: /^Notifications/ }).click();
  await page
    .getByRole('link', { name: 'whether the program’s notification email is sent' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notification email' })).toBeVisible();
  // The suite's mail server is configured (scripts/test-e2e.mjs): no "not configured" notice.
  await expect(page.getByText('No mail server is configured')).toHaveCount(0);
  await expect(page.getByText(/emails? not sent after the last try/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Waiting to be sent' })).toBeVisible();
  await expectAccessible(page);
});

test('others do not see the outbox, nor the link to it', async ({ page }) => {
  await login(page, 'portfolio_lead');
  await page.goto('/notifications');
  await expect(page.getByRole('link', { name: /notification email is sent/ })).toHaveCount(0);
  const response = await page.goto('/notifications/outbox');
  expect(response!.status()).toBe(403);
});
