/**
 * Stored content is inert: script payloads saved in free text (a milestone's title and notes, a
 * project's summary, journey steps imported from Mermaid) come back as text on every page that
 * shows them and in the exports; no script runs (the page would set window.__pwned or open a
 * dialog), and CSV cells that start with = + - @ are escaped against formula injection.
 */
import { expect, login, test } from '../fixtures';
import { routeParams } from './targets';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';

test('payloads saved in free text stay text on every page and export', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const { projectId } = await routeParams();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await login(page, 'omb_lead');
  const post = (url: string, form: Record<string, string>) =>
    page.request.post(url, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });

  const milestone = await post(`/projects/${projectId}/milestones/new`, {
    title: `Inert ${IMG}${SCRIPT}`,
    owner: '@owner',
    timingKind: 'quarter',
    fy: '2027',
    quarter: '3',
    status: 'planned',
    notes: `=HYPERLINK("http://evil.example","click") ${SCRIPT}`,
  });
  expect(milestone.status()).toBe(302);

  const source = [
    'journey',
    `  title Inert map ${IMG}`,
    `  section Apply ${IMG}`,
    `    ${IMG}: 2: Parent`,
    '    =1+2 formula step: 3: Parent',
    '    +SUM(A1) step: 4: Parent',
  ].join('\n');
  const imported = await post('/portfolios/having-a-child/journeys/import', {
    source,
    versionLabel: 'as_is',
    personas: `${SCRIPT}`,
  });
  expect(imported.status()).toBe(302);
  const journeyPath = imported.headers()['location']!;

  const pages = [
    `/projects/${projectId}`,
    '/portfolios/having-a-child',
    '/projects?portfolio=having-a-child',
    journeyPath,
    `${journeyPath}/edit`,
    '/portfolios/having-a-child/journeys',
    '/audit',
    '/',
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(
      await page.evaluate(() => (window as { __pwned?: number }).__pwned),
      path,
    ).toBeUndefined();
    expect(await page.locator('main img[src="x"]').count(), path).toBe(0);
  }
  // The payload is shown as the text it is.
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByText(`Inert ${IMG}${SCRIPT}`).first()).toBeVisible();
  await page.goto(journeyPath);
  await expect(page.locator('svg').first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Exports: the CSV escapes formulas; the Mermaid export is the source text, not markup.
  const csv = await (await page.request.get(`${journeyPath}/table.csv`)).text();
  for (const line of csv.split('\r\n').slice(1)) {
    for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  }
  expect(csv).toContain("'=1+2 formula step");
  expect(csv).toContain("'+SUM(A1) step");
  const mmd = await page.request.get(`${journeyPath}/mermaid.mmd`);
  expect(mmd.headers()['content-type']).toMatch(/^text\/plain/);
});
