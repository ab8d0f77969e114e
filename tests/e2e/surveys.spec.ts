/**
 * Issue 20, point 3: a team adds a post-transaction survey collection and imports a quarter's
 * Touchpoints CSV: a bad file is refused with its errors by line and nothing saved; a good one
 * shows trust, drivers and the response rate; importing the quarter again asks first and keeps
 * the old data in the history; the figures download as CSV and JSON with the same columns.
 * Also without JavaScript: the import is a plain multipart form.
 */
import {
  choose,
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  test,
} from './fixtures';

const DRIVER_COLUMNS = [
  'effectiveness',
  'ease',
  'efficiency',
  'transparency',
  'humanity',
  'employee',
  'other',
].flatMap((d) => [`positive_${d}`, `negative_${d}`]);
const HEADER = ['question_1', ...DRIVER_COLUMNS, 'question_4'].join(',');

/** A Touchpoints file: each row's question_1, positive_ease from `ease`, others blank. */
function file(rows: { q1: string; ease?: string; text?: string }[]) {
  const lines = rows.map((r) => {
    const drivers = DRIVER_COLUMNS.map((c) => (c === 'positive_ease' ? (r.ease ?? '') : ''));
    return [r.q1, ...drivers, r.text ?? ''].join(',');
  });
  return {
    name: 'fy2026-q1.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...lines].join('\n')),
  };
}

test('a team imports a quarter of survey data: errors by line, figures, replace with history, exports', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const service = `Kit pickup ${Date.now()}`;
  await login(page, 'team_member');
  await page.goto('/portfolios/having-a-child');
  await page.getByRole('link', { name: 'Surveys' }).click();
  await expect(
    page.getByRole('heading', { name: 'Post-transaction surveys', level: 1 }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a survey collection' }).click();
  await expectAccessible(page);

  // Refused next to its fields, what was typed kept.
  await page.getByLabel('Service', { exact: true }).fill(service);
  await page.getByLabel('Survey title').fill('Kit pickup survey');
  await page.getByLabel('Channel').fill('in person');
  await page.getByLabel('Service stage').fill('end');
  await choose(page, 'Likert scale (1 to 5)');
  await page.getByLabel('Trust question').fill('This visit increased my trust in the program.');
  await page.getByLabel('OMB control number (optional)').fill('12345678');
  // Leaving the field shows its error (and moves the button) before the click.
  await page.getByLabel('OMB control number (optional)').press('Tab');
  await page.getByRole('button', { name: 'Add survey collection' }).click();
  await expect(page.getByText('Choose the agency.').first()).toBeVisible();
  await expect(page.getByText('Enter the OMB control number as 0000-0000').first()).toBeVisible();
  await expect(page.getByLabel('Service', { exact: true })).toHaveValue(service);
  await page
    .getByLabel('Agency', { exact: true })
    .selectOption({ label: 'Department of Health and Human Services (HHS)' });
  await page.getByLabel('OMB control number (optional)').fill('0990-0001');
  await choose(page, 'Newborn Supply Kits');
  await page.getByRole('button', { name: 'Add survey collection' }).click();
  await expect(page.getByRole('heading', { name: service, level: 1 })).toBeVisible();
  await expect(page.getByText('No quarter’s data imported yet.')).toBeVisible();
  await expectAccessible(page);

  // A bad file: every error with its line, nothing saved.
  await page.getByRole('link', { name: 'Import a quarter’s data' }).click();
  await expectAccessible(page);
  await page.getByLabel('Fiscal year').fill('2026');
  await page.getByLabel('Quarter', { exact: true }).selectOption('1');
  await page.getByLabel('Volume of customers this quarter').fill('1,000');
  await page.getByLabel('Customers offered the survey this quarter').fill('400');
  await page
    .getByLabel('CSV file')
    .setInputFiles(file([{ q1: '4' }, { q1: '0' }, { q1: '5', ease: 'yes' }]));
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect(page.getByText('Nothing was imported: 2 rows have errors').first()).toBeVisible();
  const errors = page.getByRole('list', { name: 'Errors in the file' });
  await expect(errors).toContainText(
    "Line 3: question_1 is “0”; on this collection's Likert scale it is 1 to 5.",
  );
  await expect(errors).toContainText('Line 4: positive_ease is “yes”; it is 1, 0 or blank.');
  await expect(page.getByLabel('Customers offered the survey this quarter')).toHaveValue('400');
  await expectAccessible(page);
  await page.goto(page.url().replace(/\/import$/, ''));
  await expect(page.getByText('Nothing imported yet.')).toBeVisible();

  // A good file: 40 responses, 30 of them 4 or 5; ease chosen by 10 of the 20 shown it.
  const good = file(
    Array.from({ length: 40 }, (_, i) => ({
      q1: i < 30 ? (i % 2 ? '5' : '4') : '2',
      ease: i < 20 ? (i % 2 ? '1' : '0') : '',
    })),
  );
  await page.getByRole('link', { name: 'Import a quarter’s data' }).click();
  await page.getByLabel('Fiscal year').fill('2026');
  await page.getByLabel('Quarter', { exact: true }).selectOption('1');
  await page.getByLabel('Volume of customers this quarter').fill('1000');
  await page.getByLabel('Customers offered the survey this quarter').fill('400');
  await page.getByLabel('CSV file').setInputFiles(good);
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 40 responses for FY 2026 Q1.');
  const figures = page.getByRole('region', { name: 'Figures by quarter' });
  await expect(figures).toContainText('75% (30 of 40)');
  await expect(figures).toContainText('10% (40 of 400)');
  await expect(page.getByText('4 and 5 on the 1–5 scale count as agreeing').first()).toBeVisible();
  // Ease: 20 respondents shown it, under the minimum of 30: the count, and why.
  await expect(
    page.getByRole('region', { name: 'Drivers chosen as positive, by quarter: table' }),
  ).toContainText('10 of 20 (fewer than 30 shown the question: no percentage)');
  await expect(page.getByRole('img', { name: 'Trust by quarter' })).toBeVisible();
  await expectAccessible(page);

  // The same quarter again: asked first; replaced when ticked, the old kept in the history.
  await page.getByRole('link', { name: 'Import a quarter’s data' }).click();
  await expect(page.getByText('Quarters with data already: FY 2026 Q1.')).toBeVisible();
  await page.getByLabel('Fiscal year').fill('2026');
  await page.getByLabel('Quarter', { exact: true }).selectOption('1');
  await page.getByLabel('Volume of customers this quarter').fill('1000');
  await page.getByLabel('Customers offered the survey this quarter').fill('400');
  const again = file(Array.from({ length: 32 }, (_, i) => ({ q1: i < 16 ? '5' : '1' })));
  await page.getByLabel('CSV file').setInputFiles(again);
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect(
    page.getByText('FY 2026 Q1 already has 40 responses, imported').first(),
  ).toBeVisible();
  await expectAccessible(page);
  await choose(
    page,
    'Replace the data already imported for this quarter (it stays in the history)',
  );
  await page.getByLabel('CSV file').setInputFiles(again);
  await page.getByRole('button', { name: 'Check and import' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Imported 32 responses for FY 2026 Q1; the earlier data for that quarter is kept in the history below.',
  );
  await expect(figures).toContainText('50% (16 of 32)');
  const imports = page.getByRole('region', { name: 'Imports' });
  await expect(imports.getByRole('row')).toHaveCount(3);
  await expect(imports).toContainText('Replaced');

  // The figures leave as CSV and JSON with the same column names.
  const id = new URL(page.url()).pathname.split('/')[2];
  const csv = await (await page.request.get(`/surveys/${id}/figures.csv`)).text();
  const json = (await (await page.request.get(`/surveys/${id}/figures.json`)).json()) as Record<
    string,
    unknown
  >[];
  const [head, row] = csv.trim().split('\r\n');
  expect(head!.split(',')).toEqual(Object.keys(json[0]!));
  expect(json[0]).toMatchObject({
    fiscal_year: 2026,
    quarter: 1,
    volume_of_respondents: 32,
    trust_percent: 50,
  });
  expect(row).toContain(',50,');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the import form works as a plain form', async ({ page }) => {
    await login(page, 'portfolio_lead');
    await page.goto('/portfolios/having-a-child/surveys');
    // The seeded (illustrative) collection.
    await page.getByRole('link', { name: 'Newborn Supply Kit pickup' }).click();
    await expect(page.getByText('Illustrative data, not an agency’s figures')).toBeVisible();
    await page.getByRole('link', { name: 'Import a quarter’s data' }).click();
    await page.getByLabel('Fiscal year').fill('1999');
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect(page.getByText('Enter a fiscal year from 2018.').first()).toBeVisible();
    await expect(page.getByText('Choose the CSV file to import.').first()).toBeVisible();
    await expectAccessibleWithoutJs(page);
  });
});
