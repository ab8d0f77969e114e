import type { Browser, Locator, Page } from '@playwright/test';
import {
  ACCOUNTS,
  expect,
  expectAccessible,
  expectAccessibleWithoutJs,
  login,
  PASSWORD,
  test,
} from './fixtures';

/**
 * Issue 16, point 8: every removal asks first. With JavaScript a dialog (Cancel and Escape keep
 * the record, "Yes" removes it); without, the server answers with a confirmation page; a post
 * without confirm=yes removes nothing; the audit log keeps the removal. Each test makes its own
 * records (unique names) in Having a Child, as the OMB lead (who may also read the audit log).
 */

const PORTFOLIO = 'having-a-child';
const SHOTS = 'tests/.tmp/screens';

/** Posts a form as the signed-in page would, and returns where it redirected. */
async function post(page: Page, url: string, form: Record<string, string>): Promise<string> {
  const origin = new URL(page.url()).origin;
  const r = await page.request.post(url, { form, headers: { Origin: origin }, maxRedirects: 0 });
  expect(r.status(), `${url} ${await r.text().catch(() => '')}`.slice(0, 400)).toBe(302);
  return r.headers()['location'] ?? '';
}

/** The version hidden in the page's forms, for a post that edits the record. */
async function versionOf(page: Page, url: string): Promise<string> {
  const html = await (await page.request.get(url)).text();
  return /name="version" value="(\d+)"/.exec(html)![1]!;
}

async function aProject(page: Page): Promise<string> {
  await page.goto(`/portfolios/${PORTFOLIO}`);
  const href = await page.locator('a[href^="/projects/"]').first().getAttribute('href');
  return /\/projects\/(\d+)/.exec(href!)![1]!;
}

interface Records {
  /** Where the Remove button of record A (removed with JavaScript) and B (without) is. */
  pageA: string;
  pageB: string;
  /** Where both records are listed, to see whether they are still there. */
  list: string;
  /** The audit log, filtered to the records' entity. */
  audit: string;
}

interface Kind {
  name: string;
  a: string;
  b: string;
  setup(page: Page, a: string, b: string): Promise<Records>;
  button(page: Page, label: string): Locator;
  present(page: Page, label: string): Locator;
  /** The heading of the dialog and of the confirmation page. */
  heading(label: string): string | RegExp;
  yes: string;
  /** What the dialog says the removal takes with it. */
  takes?: RegExp;
}

const uid = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function newJourney(page: Page, title: string) {
  await page.goto('/');
  const edit = await post(page, `/portfolios/${PORTFOLIO}/journeys/new`, {
    title,
    versionLabel: 'as_is',
  });
  const id = /\/journeys\/(\d+)/.exec(edit)![1]!;
  const url = `/journeys/${id}/edit`;
  const stage = async (name: string, steps: string[]) => {
    await post(page, url, { intent: 'add_stage', name, version: await versionOf(page, url) });
    await page.goto(url);
    const stageId = (await page
      .locator('li[id^="stage-"]', { has: page.locator(`input[value="${name}"]`) })
      .getAttribute('id'))!.replace('stage-', '');
    for (const step of steps)
      await post(page, url, {
        intent: 'add_step',
        stageId,
        title: step,
        score: '3',
        actors: '',
        version: await versionOf(page, url),
      });
  };
  return { id, url, stage };
}

const KINDS: Kind[] = [
  {
    name: 'a journey stage, with its steps',
    a: 'Stage to remove with JavaScript',
    b: 'Stage to remove without JavaScript',
    async setup(page, a, b) {
      const j = await newJourney(page, `Removal stages ${uid()}`);
      await j.stage(a, ['Find the form', 'Fill in the form']);
      await j.stage(b, ['Wait for an answer']);
      await j.stage('Stage that stays', ['Get the answer']);
      return {
        pageA: j.url,
        pageB: j.url,
        list: j.url,
        audit: `/audit?entity=journey_map&record=${j.id}`,
      };
    },
    button: (page, label) =>
      page.getByRole('button', { name: `Remove stage ${label} and its steps` }),
    present: (page, label) => page.locator(`input[value="${label}"]`),
    heading: (label) => `Remove the stage “${label}”?`,
    yes: 'Yes, remove the stage and its steps',
    takes: /its 2 steps: Find the form, Fill in the form/,
  },
  {
    name: 'a journey step',
    a: 'Step to remove with JavaScript',
    b: 'Step to remove without JavaScript',
    async setup(page, a, b) {
      const j = await newJourney(page, `Removal steps ${uid()}`);
      await j.stage('Applying', [a, b, 'Step that stays']);
      return {
        pageA: j.url,
        pageB: j.url,
        list: j.url,
        audit: `/audit?entity=journey_map&record=${j.id}`,
      };
    },
    button: (page, label) => page.getByRole('button', { name: `Remove step ${label}` }),
    present: (page, label) => page.getByRole('link', { name: `Edit step ${label}` }),
    heading: (label) => `Remove the step “${label}”?`,
    yes: 'Yes, remove the step',
    takes: /burden items attached to it/,
  },
  {
    name: 'a milestone',
    a: `Milestone removed with JavaScript`,
    b: `Milestone removed without JavaScript`,
    async setup(page, a, b) {
      const projectId = await aProject(page);
      const urls: string[] = [];
      for (const title of [a, b]) {
        await post(page, `/projects/${projectId}/milestones/new`, {
          title,
          owner: 'Removal test',
          timingKind: 'quarter',
          fy: '2027',
          quarter: '3',
          status: 'planned',
          notes: '',
        });
        await page.goto(`/projects/${projectId}`);
        urls.push(
          (await page
            .getByRole('link', { name: `Edit milestone: ${title}`, exact: true })
            .getAttribute('href'))!,
        );
      }
      return {
        pageA: urls[0]!,
        pageB: urls[1]!,
        list: `/projects/${projectId}`,
        audit: '/audit?entity=milestone',
      };
    },
    button: (page) => page.getByRole('button', { name: 'Remove milestone' }),
    present: (page, label) =>
      page.getByRole('link', { name: `Edit milestone: ${label}`, exact: true }),
    heading: (label) => `Remove the milestone “${label}”?`,
    yes: 'Yes, remove the milestone',
  },
  {
    name: 'a burden item',
    a: 'Item removed with JavaScript',
    b: 'Item removed without JavaScript',
    async setup(page, a, b) {
      await page.goto('/');
      const loc = await post(page, `/portfolios/${PORTFOLIO}/burden`, {
        title: `Removal items ${uid()}`,
        serviceName: 'Removal test service',
      });
      const id = /\/burden\/(\d+)/.exec(loc)![1]!;
      const url = `/burden/${id}`;
      for (const description of [a, b])
        await post(page, url, {
          intent: 'add_item',
          category: 'compliance',
          description,
          peoplePerYear: '100',
          occurrencesPerPerson: '1',
          minutesPerOccurrence: '10',
          version: await versionOf(page, url),
        });
      await page.goto(url);
      const items = page.getByRole('region', { name: 'Burden items' });
      const hrefA = (await items.getByRole('link', { name: a, exact: true }).getAttribute('href'))!;
      const hrefB = (await items.getByRole('link', { name: b, exact: true }).getAttribute('href'))!;
      return {
        pageA: hrefA,
        pageB: hrefB,
        list: url,
        audit: `/audit?entity=burden_assessment&record=${id}`,
      };
    },
    button: (page) => page.getByRole('button', { name: 'Remove item' }),
    present: (page, label) =>
      page
        .getByRole('region', { name: 'Burden items' })
        .getByRole('link', { name: label, exact: true }),
    heading: (label) => `Remove the burden item “${label}”?`,
    yes: 'Yes, remove the item',
  },
  {
    name: 'a burden segment',
    a: 'Segment removed with JavaScript',
    b: 'Segment removed without JavaScript',
    async setup(page, a, b) {
      await page.goto('/');
      const loc = await post(page, `/portfolios/${PORTFOLIO}/burden`, {
        title: `Removal segments ${uid()}`,
        serviceName: 'Removal test service',
      });
      const id = /\/burden\/(\d+)/.exec(loc)![1]!;
      const url = `/burden/${id}`;
      for (const name of [a, b])
        await post(page, url, {
          intent: 'add_segment',
          name,
          sharePercent: '10',
          wageDollars: '',
          version: await versionOf(page, url),
        });
      return {
        pageA: url,
        pageB: url,
        list: url,
        audit: `/audit?entity=burden_assessment&record=${id}`,
      };
    },
    button: (page, label) => page.getByRole('button', { name: `Remove segment ${label}` }),
    present: (page, label) =>
      page
        .getByRole('region', { name: 'Segments' })
        .getByRole('listitem')
        .filter({ hasText: label }),
    heading: (label) => `Remove the segment “${label}”?`,
    yes: 'Yes, remove the segment',
    takes: /its share of the people affected \(10(\.00)?%\)/,
  },
  {
    name: 'a research session, with its participants',
    a: '2026-03-02',
    b: '2026-03-03',
    async setup(page, a, b) {
      const projectId = await aProject(page);
      const loc = await post(page, `/projects/${projectId}/research`, {
        title: `Removal sessions ${uid()}`,
        method: 'interviews',
        purpose: `Removal test ${uid()}`,
        questions: '',
        phase: 'discovery',
      });
      const id = /\/research\/(\d+)/.exec(loc)![1]!;
      const url = `/research/${id}`;
      // Federal employees only: they are not members of the public, so no PRA count changes.
      for (const [heldOn, codes] of [
        [a, 'F-101, F-102'],
        [b, 'F-103'],
      ] as const)
        await post(page, url, {
          intent: 'add_session',
          heldOn,
          publicCodes: '',
          federalCodes: codes,
          contractorCodes: '',
          version: await versionOf(page, url),
        });
      return {
        pageA: url,
        pageB: url,
        list: url,
        audit: `/audit?entity=research_activity&record=${id}`,
      };
    },
    button: (page, label) =>
      page.getByRole('button', {
        name: new RegExp(`^Remove session of (${label}|${longDate(label)})$`),
      }),
    present: (page, label) =>
      page.getByRole('rowheader', { name: new RegExp(`^(${label}|${longDate(label)})$`) }),
    heading: (label) => new RegExp(`^Remove the session of (${label}|${longDate(label)})\\?$`),
    yes: 'Yes, remove the session',
    takes: /its 2 participants \(F-101, F-102\), who no longer count/,
  },
];

/** "2026-03-02" as "March 2, 2026", in case dates are shown that way. */
function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The hidden fields of the form around a Remove button, as a direct post would send them. */
async function formFields(button: Locator): Promise<Record<string, string>> {
  return button.locator('xpath=ancestor::form').evaluate((form) => {
    const out: Record<string, string> = {};
    for (const input of Array.from(form.querySelectorAll('input[type="hidden"]')))
      out[(input as HTMLInputElement).name] = (input as HTMLInputElement).value;
    return out;
  });
}

async function signInWithoutJs(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Email address').fill(ACCOUNTS.omb_lead);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { context, page };
}

for (const kind of KINDS) {
  test(`removing ${kind.name} asks first, with and without JavaScript, and is audited`, async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const shot = kind.name === 'a journey stage, with its steps';
    await login(page, 'omb_lead');
    const r = await kind.setup(page, kind.a, kind.b);

    // A post without confirm=yes removes nothing: the answer is the confirmation page.
    await page.goto(r.pageA);
    const fields = await formFields(kind.button(page, kind.a));
    expect(fields.confirm).toBeUndefined();
    const direct = await page.request.post(r.pageA, {
      form: fields,
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
    expect(direct.status()).toBe(200);
    expect(await direct.text()).toContain('This cannot be undone here.');
    await page.goto(r.list);
    await expect(kind.present(page, kind.a)).toHaveCount(1);

    // With JavaScript: a dialog; Cancel and Escape keep the record, "Yes" removes it.
    await page.goto(r.pageA);
    const button = kind.button(page, kind.a);
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog'); // hydrated
    await button.click();
    const dialog = page.getByRole('dialog', { name: kind.heading(kind.a) });
    await expect(dialog).toBeVisible();
    if (kind.takes) await expect(dialog).toContainText(kind.takes);
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAccessible(page);
    if (shot) await page.screenshot({ path: `${SHOTS}/removal-dialog.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await button.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await page.goto(r.list);
    await expect(kind.present(page, kind.a)).toHaveCount(1);
    await page.goto(r.pageA);
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    await button.click();
    await dialog.getByRole('button', { name: kind.yes }).click();
    await expect(page).toHaveURL((url) => url.pathname === new URL(r.list, url).pathname);
    await expect(kind.present(page, kind.a)).toHaveCount(0);
    await expectAccessible(page);

    // Without JavaScript: the confirmation page; Cancel keeps the record, "Yes" removes it.
    const nojs = await signInWithoutJs(browser, baseURL!);
    try {
      const p = nojs.page;
      await p.goto(r.pageB);
      await kind.button(p, kind.b).click();
      const heading = p.getByRole('heading', { level: 1, name: kind.heading(kind.b) });
      await expect(heading).toBeVisible();
      if (kind.takes) await expect(p.locator('main')).toContainText('It takes with it');
      await expectAccessibleWithoutJs(p);
      if (shot)
        await p.screenshot({ path: `${SHOTS}/removal-confirmation-page.png`, fullPage: true });
      await p.getByRole('link', { name: 'Cancel' }).click();
      await expect(heading).toBeHidden();
      await p.goto(r.list);
      await expect(kind.present(p, kind.b)).toHaveCount(1);
      await p.goto(r.pageB);
      await kind.button(p, kind.b).click();
      await p.getByRole('button', { name: kind.yes }).click();
      await expect(p).toHaveURL((url) => url.pathname === new URL(r.list, url).pathname);
      await expect(kind.present(p, kind.b)).toHaveCount(0);
      await expectAccessibleWithoutJs(p);
    } finally {
      await nojs.context.close();
    }

    // The audit log keeps both removals, with what was removed.
    await page.goto(r.audit);
    const log = page.getByRole('table');
    await expect(log).toContainText(kind.name.includes('session') ? 'F-101' : kind.a);
    await expect(log).toContainText(kind.name.includes('session') ? 'F-103' : kind.b);
    await expectAccessible(page);
  });
}
