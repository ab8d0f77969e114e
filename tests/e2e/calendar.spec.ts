import { expect, expectAccessible, login, test } from './fixtures';

test.describe('A-11 Section 280 calendar', () => {
  test('FY 2025 dates, portfolio cycles, .ics and JSON', async ({ page }) => {
    await login(page, 'viewer');
    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByLabel('Fiscal year', { exact: true }).fill('2025');
    await page.getByRole('button', { name: 'Show' }).click();
    const dates = page.getByRole('table', { name: 'Dates of FY 2025' });
    await expect(
      dates.getByRole('row', { name: /feedback data due \(FY 2025 Q1\)/ }),
    ).toContainText('January 31, 2025');
    await expect(
      dates.getByRole('row', { name: /feedback data due \(FY 2025 Q2\)/ }),
    ).toContainText('April 30, 2025');
    await expect(dates.getByRole('row', { name: /Final CX Action Plan due/ })).toContainText(
      'September 9, 2025',
    );
    // The PMC update's own dates: A-11 sets none, so the workspace's default says so.
    const pmc = dates.getByRole('row', { name: /PMC quarterly update due \(FY 2025 Q1\)/ });
    await expect(pmc).toContainText('February 28, 2025');
    await expect(pmc).toContainText('Workspace default');
    await expect(pmc).toContainText('as A-11 sets no date');
    const retirement = page.getByRole('row', { name: /Approaching Retirement/ });
    await expect(retirement).toContainText('FY 2025');
    // Its cycle (FY 2022 to FY 2025) ended September 30, 2025: the days are counted since.
    await expect(retirement).toContainText(/Ended \d+ days? ago/);
    await expectAccessible(page);
    const ics = await (await page.request.get('/calendar.ics?fy=2025')).text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20250131');
    expect(ics).toContain(
      'DTSTART;VALUE=DATE:20250228\r\nDTEND;VALUE=DATE:20250301\r\nSUMMARY:PMC quarterly update due (FY 2025 Q1)',
    );
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

  test('FY 2027 inherits FY 2025’s dates on business days, in the page, the .ics and the JSON', async ({
    page,
  }) => {
    await login(page, 'viewer');
    await page.goto('/calendar?fy=2027');
    const dates = page.getByRole('table', { name: 'Dates of FY 2027' });
    // February 21, 2027 is a Sunday: the capacity assessment moves to Friday, February 19.
    const capacity = dates.getByRole('row', { name: /CX Capacity Assessment due/ });
    await expect(capacity).toContainText('Friday, February 19, 2027');
    await expect(capacity).toContainText('Inherited');
    await expect(capacity).toContainText('February 21, 2027 is a Sunday');
    // May 30 is a Sunday and May 31 Memorial Day: both fall back to Friday, May 28.
    const draft = dates.getByRole('row', { name: /Draft CX Action Plan due/ });
    await expect(draft).toContainText('Friday, May 28, 2027');
    const priority = dates.getByRole('row', { name: /Priority services designated/ });
    await expect(priority).toContainText('Friday, May 28, 2027');
    await expect(priority).toContainText('Memorial Day, a federal holiday');
    // September 9, 2027 is a Thursday: inherited on the same day.
    const final = dates.getByRole('row', { name: /Final CX Action Plan due/ });
    await expect(final).toContainText('Thursday, September 9, 2027');
    await expect(final).toContainText('on the same day');
    // The quarterly dates come from the text's rule.
    await expect(
      dates.getByRole('row', { name: /feedback data due \(FY 2027 Q1\)/ }),
    ).toContainText('Set by the text');
    await expect(dates.getByText('Sunday,')).toHaveCount(0);
    await expect(dates.getByText('Saturday,')).toHaveCount(0);
    await expectAccessible(page);

    const ics = await (await page.request.get('/calendar.ics?fy=2027')).text();
    expect(ics).toContain(
      'DTSTART;VALUE=DATE:20270219\r\nDTEND;VALUE=DATE:20270220\r\nSUMMARY:CX Capacity Assessment due',
    );
    expect(ics).not.toContain('DTSTART;VALUE=DATE:20270221');
    expect(ics).toContain(
      'DTSTART;VALUE=DATE:20270528\r\nDTEND;VALUE=DATE:20270529\r\nSUMMARY:Priority services designated',
    );
    const json = await (await page.request.get('/calendar.json?fy=2027')).json();
    const event = (key: string) => json.events.find((e: { key: string }) => e.key === key);
    expect(event('capacity_assessment')).toMatchObject({
      date: '2027-02-19',
      source: 'inherited',
      shiftedFrom: '2027-02-21',
    });
    expect(event('feedback_q1')).toMatchObject({ date: '2027-01-29', source: 'text' });
  });

  test('an OMB lead sets this year’s Deep Dive date; the page tells text, inherited and OMB dates apart', async ({
    page,
  }) => {
    await login(page, 'omb_lead');
    await page.goto('/calendar?fy=2027');
    await page.getByLabel('Date', { exact: true }).selectOption({ label: 'Deep Dive' });
    await page.getByLabel('New date').fill('2027-04-28');
    await page.getByRole('button', { name: 'Set date' }).click();
    const dates = page.getByRole('table', { name: 'Dates of FY 2027' });
    const deepDive = dates.getByRole('row', { name: /Deep Dive/ });
    await expect(deepDive).toContainText('Wednesday, April 28, 2027');
    await expect(deepDive).toContainText('Set by an OMB lead');
    await expect(deepDive).toContainText('in place of the inherited Friday, April 23, 2027');
    await expect(dates.getByRole('row', { name: /CX Capacity Assessment due/ })).toContainText(
      'Inherited',
    );
    await expect(
      dates.getByRole('row', { name: /feedback data due \(FY 2027 Q2\)/ }),
    ).toContainText('Set by the text');
    // The PMC update's date for a quarter is set the same way.
    await page
      .getByLabel('Date', { exact: true })
      .selectOption({ label: 'PMC quarterly update due (Q3)' });
    await page.getByLabel('New date').fill('2027-08-20');
    await page.getByRole('button', { name: 'Set date' }).click();
    const pmc = dates.getByRole('row', { name: /PMC quarterly update due \(FY 2027 Q3\)/ });
    await expect(pmc).toContainText('Friday, August 20, 2027');
    await expect(pmc).toContainText('Set by an OMB lead');
    await expect(pmc).toContainText('in place of the workspace’s default Tuesday, August 31, 2027');
    await expectAccessible(page);
    await page.screenshot({ path: 'tests/.tmp/screens/calendar.png', fullPage: true });
  });
});
