import { addItem } from './burden-helpers';
import { expect, expectAccessible, login, test } from './fixtures';

test('the time tax is weighted across segments; the ICR CSV keeps psychological costs out of items 12 and 13', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const title = `Emergency assistance ${Date.now().toString(36)}`;
  await login(page, 'team_member');
  await page.goto('/portfolios/facing-a-financial-shock/burden');
  await page.getByLabel('Title', { exact: true }).fill(`${title}: as-is`);
  await page.getByLabel('Service name (when not on a journey map)').fill('Emergency assistance');
  await page.getByLabel('Hourly wage (dollars), if not the workspace default').fill('30');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { name: `${title}: as-is`, level: 1 })).toBeVisible();
  const assessmentUrl = page.url();

  // The base: 30 + 90 + 10 minutes = 130 minutes per person.
  const common = { 'People affected per year': '1000', 'Occurrences per person per year': '1' };
  await addItem(page, 'Learning', {
    Description: 'Find out who can help',
    ...common,
    'Minutes per occurrence': '30',
  });
  await addItem(page, 'Compliance', {
    Description: 'Apply for emergency assistance',
    ...common,
    'Minutes per occurrence': '90',
    'Out-of-pocket dollars per occurrence': '12.50',
  });
  await addItem(page, 'Psychological', {
    Description: 'Worry about being turned down',
    ...common,
    Stress: '4',
    'Time-equivalent in minutes (an estimate)': '10',
  });
  await expect(page.getByTestId('per-person-minutes')).toHaveText('130.0 minutes');

  // 18% with limited English proficiency take 165 minutes to apply: 30 + 165 + 10 = 205.
  await page.getByLabel('Segment name').fill('Limited English proficiency');
  await page.getByLabel('Share of the people affected (percent)').fill('18');
  await page.getByRole('button', { name: 'Add segment' }).click();
  await expect(
    page.getByText('Limited English proficiency: 18% of the people affected'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Apply for emergency assistance' }).click();
  await expect(page.getByRole('heading', { name: 'Edit burden item', level: 1 })).toBeVisible();
  await expect(page.getByText('Empty: 100% of the item’s minutes, now 90 minutes.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Minutes per occurrence', { exact: true }).nth(1).fill('165');
  const saved = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().includes('/items/'),
  );
  await page.getByRole('button', { name: 'Save figures for Limited English proficiency' }).click();
  await saved;
  await page.goto(assessmentUrl);

  // The headline is the population-weighted figure, by hand:
  //   0.82 × 130 + 0.18 × 205 = 106.6 + 36.9 = 143.5 minutes (not the base 130, nor 205).
  await expect(page.getByTestId('per-person-minutes')).toHaveText('143.5 minutes');
  await expect(page.getByText('Time tax per person (weighted across segments)')).toBeVisible();
  // Beside it, each segment's own figure and the base.
  const table = page.getByRole('table', { name: 'Time tax by segment' });
  await expect(table.getByRole('row', { name: /^Limited English proficiency/ })).toContainText(
    '205.0',
  );
  await expect(table.getByRole('row', { name: /Everyone else \(base figures\)/ })).toContainText(
    '130.0',
  );
  await expect(table.getByTestId('weighted-minutes')).toHaveText('143.5');
  // 180 × 205 + 820 × 130 minutes = 615 + 1,776.67 = 2,391.67 hours.
  await expect(page.getByTestId('total-hours')).toHaveText('2,391.67');
  await expect(page.getByText('are not burden under the Paperwork Reduction Act')).toBeVisible();
  await expectAccessible(page);
  if (process.env.SHOTS_DIR)
    await page.screenshot({ path: `${process.env.SHOTS_DIR}/burden-summary.png`, fullPage: true });

  // The ICR CSV: item 12 without the worry, item 13 with the fee, the worry apart and in no total.
  const csv = await (await page.request.get(`${new URL(assessmentUrl).pathname}/icr.csv`)).text();
  const rows = csv.trim().split('\r\n');
  expect(rows.slice(0, 6)).toEqual([
    'Item 12: Annual hour burden of responding (learning and compliance time)',
    'Item,Category,Respondents,Responses per respondent,Total responses,Hours per response,Total hours,Hourly wage ($),Cost of time ($)',
    'Find out who can help,Learning,1000,1,1000,0.5000,500.00,30.00,15000.00',
    // 180 × 2.75 h = 495 h; 820 × 1.5 h = 1,230 h.
    'Apply for emergency assistance (Limited English proficiency),Compliance,180,1,180,2.7500,495.00,30.00,14850.00',
    'Apply for emergency assistance (Everyone else),Compliance,820,1,820,1.5000,1230.00,30.00,36900.00',
    // 500 + 495 + 1,230 = 2,225 hours × $30 = $66,750.00: the worry's 166.67 hours are not in it.
    'Item 12 total,,,,,,2225.00,,66750.00',
  ]);
  expect(rows.slice(7, 11)).toEqual([
    'Item 13: Annual cost burden beyond the hour burden (out-of-pocket money)',
    'Item,Category,Respondents,Responses per respondent,Total responses,Cost per response ($),Total cost ($)',
    'Apply for emergency assistance,Compliance,1000,1,1000,12.50,12500.00',
    'Item 13 total,,,,,,12500.00',
  ]);
  expect(rows[12]).toBe(
    'Psychological costs: not burden under the Paperwork Reduction Act; included in neither total above',
  );
  expect(rows[14]).toBe(
    'Worry about being turned down,1000,1,1000,0.1667,166.67,30.00,5000.00,0.00,4,,,',
  );
  expect(rows).toHaveLength(15);
  expect(rows.filter((r) => /total$/i.test(r.split(',')[0]!))).toEqual([
    'Item 12 total,,,,,,2225.00,,66750.00',
    'Item 13 total,,,,,,12500.00',
  ]);

  // A to-be that shortens the application to 60 minutes for everyone without their own figure.
  await page.getByLabel('Title of the to-be assessment').fill(`${title}: to-be`);
  await page.getByRole('button', { name: 'Copy to a to-be' }).click();
  await expect(page.getByRole('heading', { name: `${title}: to-be`, level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Apply for emergency assistance' }).click();
  // The add-item form on the assessment page has the same label: wait for the item's own page.
  await expect(page.getByRole('heading', { name: 'Edit burden item', level: 1 })).toBeVisible();
  await page.getByLabel('Minutes per occurrence', { exact: true }).first().fill('60');
  await page.getByRole('button', { name: 'Save item' }).click();
  await expect(page.getByRole('heading', { name: `${title}: to-be`, level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Compare with its baseline' }).click();
  await expect(page.getByRole('heading', { name: 'Before and after', level: 1 })).toBeVisible();
  // Everyone else saves 30 minutes; the segment keeps its own 165: 0.82 × 30 = 24.6 minutes
  // weighted, 24.6 of 143.5 = 17.1%; 820 people × 30 minutes = 410 hours.
  await expect(page.getByTestId('saved-minutes')).toHaveText('24.6 (17.1%)');
  await expect(page.getByTestId('saved-hours')).toContainText('410.00');
  const savings = page.getByRole('table', { name: 'Savings by segment' });
  const lep = savings.getByRole('row', { name: /Limited English proficiency/ });
  await expect(lep).toContainText('205.0');
  await expect(lep).toContainText('0.0 (0.0%)');
  const rest = savings.getByRole('row', { name: /Everyone else/ });
  await expect(rest).toContainText('130.0');
  await expect(rest).toContainText('100.0');
  await expect(rest).toContainText('30.0 (23.1%)');
  await expect(rest).toContainText('410.00');
  await expectAccessible(page);
});
