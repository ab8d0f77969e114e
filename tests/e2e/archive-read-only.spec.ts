/**
 * Issue 16, point 9 (the gap): an archived journey map, burden assessment or research activity
 * is read-only everywhere a person could start changing it. Its edit pages stay at their
 * addresses but show "This … is archived. Restore it to change it." with Restore and a way back,
 * and no form; its own page shows no editing form either. Restoring makes them editable again.
 * Each test makes its own records (unique titles) as the OMB lead in Having a Child.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, login, test } from './fixtures';

const PORTFOLIO = 'having-a-child';
const uid = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe.configure({ timeout: 180_000 });

/** Posts a form as the signed-in page would; returns where it redirected. */
async function post(page: Page, url: string, form: Record<string, string>): Promise<string> {
  const origin = new URL(page.url()).origin;
  const r = await page.request.post(url, { form, headers: { Origin: origin }, maxRedirects: 0 });
  expect(r.status(), `${url} ${await r.text().catch(() => '')}`.slice(0, 400)).toBe(302);
  return r.headers()['location'] ?? '';
}

async function versionOf(page: Page, url: string): Promise<string> {
  const html = await (await page.request.get(url)).text();
  return /name="version" value="(\d+)"/.exec(html)![1]!;
}

/** Archives the record from its own page, with its Archive button. */
async function archive(page: Page, recordPath: string, noun: string) {
  await page.goto(recordPath);
  await page.getByRole('button', { name: `Archive this ${noun}` }).click();
  await expect(page.getByTestId('archived-banner')).toBeVisible();
  await expect(page.getByTestId('archived-banner')).toContainText(
    `This ${noun} is archived. Restore it to change it.`,
  );
  await expectAccessible(page);
}

/** An edit page of an archived record: the message, Restore, a way back, and no form to save. */
async function expectReadOnly(page: Page, url: string, noun: string) {
  const response = await page.goto(url);
  expect(response!.status()).toBe(200);
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: `This ${noun} is archived. Restore it to change it.`,
    }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: `Restore this ${noun}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Back to the ${noun}` })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectAccessible(page);
}

test('an archived journey map: its edit and step pages say so and offer Restore; restored, they edit again', async ({
  page,
}) => {
  await login(page, 'omb_lead');
  const title = `Read-only map ${uid()}`;
  const edit = await post(page, `/portfolios/${PORTFOLIO}/journeys/new`, {
    title,
    versionLabel: 'as_is',
  });
  const id = /\/journeys\/(\d+)/.exec(edit)![1]!;
  const editUrl = `/journeys/${id}/edit`;
  await post(page, editUrl, {
    intent: 'add_stage',
    name: 'Applying',
    version: await versionOf(page, editUrl),
  });
  await page.goto(editUrl);
  const stageId = (await page.locator('li[id^="stage-"]').first().getAttribute('id'))!.replace(
    'stage-',
    '',
  );
  await post(page, editUrl, {
    intent: 'add_step',
    stageId,
    title: 'Fill in the form',
    score: '3',
    actors: '',
    version: await versionOf(page, editUrl),
  });
  await page.goto(editUrl);
  const stepUrl = (await page
    .getByRole('link', { name: 'Edit step Fill in the form' })
    .getAttribute('href'))!;

  await archive(page, `/journeys/${id}`, 'journey map');
  await expect(page.getByRole('link', { name: 'Edit journey map' })).toHaveCount(0);
  await expectReadOnly(page, editUrl, 'journey map');
  await expectReadOnly(page, stepUrl, 'journey map');

  // A crafted save is still refused.
  const crafted = await page.request.post(stepUrl, {
    headers: { Origin: new URL(page.url()).origin },
    form: { title: 'Changed anyway', stageId, score: '2', version: await versionOf(page, editUrl) },
    maxRedirects: 0,
  });
  expect(crafted.status()).not.toBe(302);

  await page.getByRole('button', { name: 'Restore this journey map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto(stepUrl);
  await expect(page.getByRole('button', { name: 'Save step' })).toBeVisible();
  await expect(page.getByLabel('Step', { exact: true })).toHaveValue('Fill in the form');
  await page.goto(editUrl);
  await expect(page.getByRole('button', { name: 'Save details' })).toBeVisible();
  await expectAccessible(page);
});

test('an archived burden assessment: its item page says so, its page has no forms; restored, both edit again', async ({
  page,
}) => {
  await login(page, 'omb_lead');
  const title = `Read-only assessment ${uid()}`;
  const loc = await post(page, `/portfolios/${PORTFOLIO}/burden`, {
    title,
    serviceName: 'Read-only test service',
  });
  const id = /\/burden\/(\d+)/.exec(loc)![1]!;
  const url = `/burden/${id}`;
  await post(page, url, {
    intent: 'add_item',
    category: 'compliance',
    description: 'Fill in the application',
    peoplePerYear: '100',
    occurrencesPerPerson: '1',
    minutesPerOccurrence: '10',
    version: await versionOf(page, url),
  });
  await page.goto(url);
  const itemUrl = (await page
    .getByRole('region', { name: 'Burden items' })
    .getByRole('link', { name: 'Fill in the application', exact: true })
    .getAttribute('href'))!;

  await archive(page, url, 'burden assessment');
  // The assessment's own page: still readable, no form to change it.
  await expect(page.getByText('Fill in the application')).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Save|Add)/ })).toHaveCount(0);
  await expectReadOnly(page, itemUrl, 'burden assessment');

  await page.getByRole('button', { name: 'Restore this burden assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add item' })).toBeVisible();
  await page.goto(itemUrl);
  await expect(page.getByRole('button', { name: 'Save item' })).toBeVisible();
  await expectAccessible(page);
});

test('an archived research activity: its page says so and has no forms; restored, it edits again', async ({
  page,
}) => {
  await login(page, 'omb_lead');
  await page.goto(`/portfolios/${PORTFOLIO}`);
  const href = await page.locator('a[href^="/projects/"]').first().getAttribute('href');
  const projectId = /\/projects\/(\d+)/.exec(href!)![1]!;
  const title = `Read-only activity ${uid()}`;
  const loc = await post(page, `/projects/${projectId}/research`, {
    title,
    method: 'interviews',
    purpose: `Read-only test ${uid()}`,
    questions: '',
    phase: 'discovery',
  });
  const url = new URL(loc, 'http://x').pathname;

  await archive(page, url, 'research activity');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Save|Add|Log|Record)/ })).toHaveCount(0);
  await expect(page.getByRole('textbox')).toHaveCount(0);

  await page.getByRole('button', { name: 'Restore this research activity' }).click();
  await expect(page.getByRole('button', { name: 'Save activity' })).toBeVisible();
  await expectAccessible(page);
});
