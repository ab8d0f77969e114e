import { addItem } from './burden-helpers';
import { expect, expectAccessible, login, test } from './fixtures';

test.describe('holistic burden', () => {
  test('as-is with three categories and a segment, a to-be with savings, the ICR CSV', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await login(page, 'team_member');
    await page.goto('/portfolios/having-a-child/burden');
    await page.getByLabel('Title', { exact: true }).fill('WIC enrollment: as-is');
    await page
      .getByLabel('Journey map', { exact: true })
      .selectOption({ label: 'Having a child: from pregnancy to the first months (As-is)' });
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect(
      page.getByRole('heading', { name: 'WIC enrollment: as-is', level: 1 }),
    ).toBeVisible();
    const assessmentUrl = page.url();

    await addItem(page, 'Learning', {
      Description: 'Find out about WIC',
      'Journey step': 'First months at home: Apply for WIC',
      'People affected per year': '1,000',
      'Occurrences per person per year': '1',
      'Minutes per occurrence': '30',
    });
    await expect(page.getByTestId('total-hours')).toHaveText('500.00');
    await addItem(page, 'Compliance', {
      Description: 'Fill in the WIC application',
      'Journey step': 'First months at home: Apply for WIC',
      'People affected per year': '1000',
      'Occurrences per person per year': '1',
      'Minutes per occurrence': '45',
      'Out-of-pocket dollars per occurrence': '12.50',
    });
    await addItem(page, 'Psychological', {
      Description: 'Stress of repeating the same information',
      'Journey step': 'First months at home: Apply for WIC',
      'People affected per year': '1000',
      'Occurrences per person per year': '1',
      Stress: '4',
      Frustration: '5',
      'Time-equivalent in minutes (an estimate)': '10',
    });
    // 1,000 × (30 + 45 + 10) minutes = 1,416.67 h; × $31.48 = $44,596.67, plus 1,000 × $12.50.
    await expect(page.getByTestId('total-hours')).toHaveText('1,416.67');
    await expect(page.getByTestId('total-cost')).toHaveText('$57,096.67');
    await expect(page.getByTestId('per-person-minutes')).toHaveText('85.0 minutes');
    await expect(page.getByRole('img', { name: 'Burden by stage and category' })).toBeVisible();

    // Bad input: a clear message by the field, nothing saved.
    const form = page.locator('form[id^="add-item"]');
    await form.getByLabel('Description', { exact: true }).fill('Impossible');
    await form.getByLabel('People affected per year', { exact: true }).fill('400000000');
    await form.getByLabel('Occurrences per person per year', { exact: true }).fill('365');
    await form.getByLabel('Minutes per occurrence', { exact: true }).fill('1500');
    await form.getByRole('button', { name: 'Add item' }).click();
    await expect(
      page.getByText('at most 340,110,988 people, the U.S. population').last(),
    ).toBeVisible();
    await form.getByLabel('People affected per year', { exact: true }).fill('1000');
    await form.getByRole('button', { name: 'Add item' }).click();
    await expect(page.getByText('more minutes per person than a year has').last()).toBeVisible();
    await expect(form.getByLabel('Description', { exact: true })).toHaveValue('Impossible');
    await expect(page.getByTestId('total-hours')).toHaveText('1,416.67');
    await expectAccessible(page);

    // A segment whose application takes twice as long.
    await page.getByLabel('Segment name').fill('Limited English proficiency');
    await page.getByLabel('Share of the people affected (percent)').fill('15');
    await page.getByRole('button', { name: 'Add segment' }).click();
    // Leaving before the segment is listed would cancel its save.
    await expect(
      page.getByText('Limited English proficiency: 15% of the people affected'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Fill in the WIC application' }).click();
    await expect(page.getByRole('heading', { name: 'Edit burden item', level: 1 })).toBeVisible();
    await page.getByLabel('Minutes per occurrence', { exact: true }).nth(1).fill('90');
    // The save must finish before we leave: navigating away would cancel it.
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/items/'),
    );
    await page
      .getByRole('button', { name: 'Save figures for Limited English proficiency' })
      .click();
    await saved;
    await page.goto(assessmentUrl);
    // 150 people spend 45 more minutes: +112.5 hours.
    await expect(page.getByTestId('total-hours')).toHaveText('1,529.17');
    const lep = page.getByRole('row', { name: /Limited English proficiency/ });
    await expect(lep).toContainText('130.0');
    await expectAccessible(page);

    // The ICR tables: item 12 (learning and compliance time), item 13 (out-of-pocket money),
    // psychological costs apart and in neither total.
    const csv = await (await page.request.get(`${new URL(assessmentUrl).pathname}/icr.csv`)).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe(
      'Item 12: Annual hour burden of responding (learning and compliance time)',
    );
    expect(rows[1]).toBe(
      'Item,Category,Respondents,Responses per respondent,Total responses,Hours per response,Total hours,Hourly wage ($),Cost of time ($)',
    );
    expect(rows[2]).toBe('Find out about WIC,Learning,1000,1,1000,0.5000,500.00,31.48,15740.00');
    // The segment takes its own minutes on the application, so that item has a row per segment,
    // each adding up: 150 × 1 × 1.5 h = 225 h and 850 × 1 × 0.75 h = 637.5 h (862.5 h in all).
    expect(rows[3]).toBe(
      'Fill in the WIC application (Limited English proficiency),Compliance,150,1,150,1.5000,225.00,31.48,7083.00',
    );
    expect(rows[4]).toBe(
      'Fill in the WIC application (Everyone else),Compliance,850,1,850,0.7500,637.50,31.48,20068.50',
    );
    // 500 + 225 + 637.5 hours: the 166.67 hours of stress are not in it.
    expect(rows[5]).toBe('Item 12 total,,,,,,1362.50,,42891.50');
    expect(rows[7]).toBe(
      'Item 13: Annual cost burden beyond the hour burden (out-of-pocket money)',
    );
    expect(rows[9]).toBe('Fill in the WIC application,Compliance,1000,1,1000,12.50,12500.00');
    expect(rows[10]).toBe('Item 13 total,,,,,,12500.00');
    expect(rows[12]).toContain('Psychological costs: not burden under the Paperwork Reduction Act');
    expect(rows[14]).toBe(
      'Stress of repeating the same information,1000,1,1000,0.1667,166.67,31.48,5246.67,0.00,4,,5,',
    );
    expect(rows).toHaveLength(15);

    // The journey shows burden where it falls.
    await page
      .getByRole('link', { name: 'Having a child: from pregnancy to the first months' })
      .click();
    await expect(
      page.getByRole('heading', {
        name: 'Having a child: from pregnancy to the first months',
        level: 1,
      }),
    ).toBeVisible();
    const wic = page.getByRole('row', { name: /Apply for WIC/ });
    await expect(wic).toContainText('1,529.17 h');
    await expect(wic.locator('.burden-heat--4')).toBeVisible();

    // A to-be that shortens the application.
    await page.goto(assessmentUrl);
    await page.getByLabel('Title of the to-be assessment').fill('WIC enrollment: to-be');
    await page.getByRole('button', { name: 'Copy to a to-be' }).click();
    await expect(
      page.getByRole('heading', { name: 'WIC enrollment: to-be', level: 1 }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Fill in the WIC application' }).click();
    await expect(page.getByRole('heading', { name: 'Edit burden item', level: 1 })).toBeVisible();
    await page.getByLabel('Minutes per occurrence', { exact: true }).first().fill('15');
    await page.getByRole('button', { name: 'Save item' }).click();
    await page.getByRole('link', { name: 'Compare with its baseline' }).click();
    // Everyone outside the segment (850 people) saves 30 minutes: 425 hours, $13,379.00.
    await expect(page.getByTestId('saved-hours')).toHaveText('425.00 (27.8%)');
    await expect(page.getByTestId('saved-cost')).toHaveText('$13,379.00 (22.1%)');
    await expect(
      page
        .getByRole('table', { name: 'Savings by category' })
        .getByRole('row', { name: /Compliance/ }),
    ).toContainText('425.00');
    await expectAccessible(page);

    await page.goto('/portfolios/having-a-child');
    await expect(page.getByTestId('portfolio-burden')).toContainText(
      'Reduced so far: 425.00 hours and $13,379.00',
    );
  });

  test('a viewer reads assessments but cannot change them', async ({ page }) => {
    await login(page, 'viewer');
    await page.goto('/portfolios/having-a-child/burden');
    await expect(page.getByRole('heading', { name: 'New assessment' })).toHaveCount(0);
    const response = await page.request.post('/portfolios/having-a-child/burden', {
      headers: { Origin: new URL(page.url()).origin },
      form: { title: 'x', serviceName: 'y' },
    });
    expect(response.status()).toBe(403);
  });

  test('an OMB lead sets the default wage with its source', async ({ page }) => {
    await login(page, 'omb_lead');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Hourly wage (dollars)')).toHaveValue('31.48');
    await expectAccessible(page);
    await page.getByLabel('Hourly wage (dollars)').fill('-3');
    await page.getByRole('button', { name: 'Save wage' }).click();
    await expect(
      page
        .getByText('Enter the hourly wage as a number with at most 2 decimals, 0 or more.')
        .last(),
    ).toBeVisible();
    // The survey minimum beside it: refused next to its field, nothing changed.
    await page.getByLabel('Minimum number of respondents').fill('0');
    await page.getByRole('button', { name: 'Save minimum' }).click();
    await expect(page.getByText('Enter a number from 1 to 10,000.').last()).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Minimum number of respondents')).toHaveValue('30');
  });
});
