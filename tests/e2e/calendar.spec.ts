import { expect, expectAccessible, login, test } from './fixtures';

test.describe('A-11 Section 280 calendar', () => {
  test('FY 2025 dates, portfolio cycles, .ics and JSON', async ({ page }) => {
    await login(page, 'viewer');
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByLabel('Fiscal year').fill('2025');
    await page.getByRole('button', { name: 'Show' }).click();
    const dates = page.getByRole('table', { name: 'Dates of FY 2025' });
    await expect(dates.getByRole('row', { name: /FY 2025 Q1/ })).toContainText('January 31, 2025');
    await expect(dates.getByRole('row', { name: /FY 2025 Q2/ })).toContainText('April 30, 2025');
    await expect(dates.getByRole('row', { name: /Final CX Action Plan due/ })).toContainText(
      'September 9, 2025',
    );
    const retirement = page.getByRole('row', { name: /Approaching Retirement/ });
    await expect(retirement).toContainText('FY 2025');
    // Its cycle (FY 2022 to FY 2025) ended September 30, 2025: the days are counted since.
    await expect(retirement).toContainText(/Ended \d+ days? ago/);
    await expectAccessible(page);
    const ics = await (await page.request.get('/calendar.ics?fy=2025')).text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20250131');
    // Each portfolio's phases are in the .ics too, as spans of whole days.
    expect(ics).toContain(
      'DTSTART;VALUE=DATE:20211001\r\nDTEND;VALUE=DATE:20221001\r\nSUMMARY:Approaching Retirement: Discovery phase (FY 2022)',
    );
    const json = await (await page.request.get('/calendar.json?fy=2025')).json();
    expect(json.events[0]).toMatchObject({ key: 'feedback_q1', date: '2025-01-31' });
    expect(typeof json.events[0].daysLeft).toBe('number');
    const cycle = json.portfolios.find(
      (p: { slug: string }) => p.slug === 'approaching-retirement',
    );
    expect(cycle).toMatchObject({ currentPhase: null, daysLeftInPhase: null });
    expect(cycle.daysLeftInCycle).toBeLessThan(0);
    expect(cycle.phases[3]).toMatchObject({ phase: 'Measurement', fy: 2025, current: false });
    expect(cycle.phases[3].daysLeft).toBe(cycle.daysLeftInCycle);
    expect((await page.request.get('/calendar.json?fy=abc')).status()).toBe(400);
  });

  test('an OMB lead sets this year’s Deep Dive date', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.goto('/calendar?fy=2027');
    await page.getByLabel('Date', { exact: true }).selectOption({ label: 'Deep Dive' });
    await page.getByLabel('New date').fill('2027-04-28');
    await page.getByRole('button', { name: 'Set date' }).click();
    await expect(page.getByRole('row', { name: /Deep Dive \(set for this year\)/ })).toContainText(
      'April 28, 2027',
    );
  });
});
