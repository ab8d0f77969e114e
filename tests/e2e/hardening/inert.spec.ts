/**
 * Stored content is inert. Every form on every page (as an OMB lead, who may use them all) is
 * submitted with its own values, except that every free-text field holds a script payload; a
 * journey is imported from Mermaid with payloads in its steps. Then every page and every export
 * is loaded: no script runs (it would set window.__pwned or open a dialog), no payload becomes an
 * element, CSV cells starting with = + - @ are escaped, and the other exports are not served as
 * HTML.
 */
import type { Page } from '@playwright/test';
import { expect, login, test } from '../fixtures';
import { allRoutes, fill, routeParams } from './targets';

const PAYLOAD = '<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>';
const FORMULA = '=HYPERLINK("http://evil.example","x")';

type Field = { name: string; value: string; kind: 'text' | 'other' };
type FormShape = {
  action: string;
  fields: Field[];
  submitter: { name: string; value: string } | null;
};

/** The POST forms of the page as the browser would submit them, with which fields are free text. */
async function formsOn(page: Page): Promise<FormShape[]> {
  return page.$$eval('form[method="post"]', (forms) =>
    forms.map((form) => {
      const f = form as HTMLFormElement;
      const fields: Field[] = [];
      for (const el of Array.from(f.elements)) {
        const e = el as HTMLInputElement;
        if (!e.name || e.disabled) continue;
        const tag = e.tagName.toLowerCase();
        const type = (e.getAttribute('type') ?? 'text').toLowerCase();
        if (tag === 'button' || type === 'submit') continue;
        if ((type === 'checkbox' || type === 'radio') && !e.checked) continue;
        if (tag === 'select') {
          for (const o of Array.from((el as unknown as HTMLSelectElement).selectedOptions))
            fields.push({ name: e.name, value: o.value, kind: 'other' });
          continue;
        }
        const numeric = ['numeric', 'decimal'].includes(e.getAttribute('inputmode') ?? '');
        const text = (tag === 'textarea' || type === 'text') && !numeric && e.name !== 'source';
        fields.push({ name: e.name, value: e.value, kind: text ? 'text' : 'other' });
      }
      const button = f.querySelector(
        'button[type="submit"], button:not([type])',
      ) as HTMLButtonElement | null;
      return {
        action: f.getAttribute('action') ?? location.pathname + location.search,
        fields,
        submitter: button?.name ? { name: button.name, value: button.value } : null,
      };
    }),
  );
}

/** The cells of an RFC 4180 CSV text. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '\n')) {
      cells.push(cell);
      cell = '';
    } else if (quoted || c !== '\r') {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}

const DESTRUCTIVE = /delete|remove|withdraw|restore|reopen|publish|sign_out|logout/i;

test('payloads saved in every free-text field stay text on every page and export', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const params = await routeParams();
  page.on('dialog', (d) => {
    // Leaving a live editor whose changes are still being sent asks first; that is the page's
    // own question, not a payload's. Any other dialog is a payload run as script.
    if (d.type() === 'beforeunload') return void d.accept();
    throw new Error(`a dialog opened: ${d.type()} ${d.message()}`);
  });
  await login(page, 'omb_lead');
  const post = (url: string, form: URLSearchParams) =>
    page.request.post(url, {
      headers: { Origin: baseURL!, 'Content-Type': 'application/x-www-form-urlencoded' },
      data: form.toString(),
      maxRedirects: 0,
    });

  // 1. Save payloads through every form.
  const routes = allRoutes().filter((r) => !['login', 'logout', 'not-found'].includes(r.id));
  let forms = 0;
  let accepted = 0;
  const refusedFields: string[] = [];
  const key = (f: FormShape) =>
    `${f.action} ${f.submitter?.value ?? ''} ${f.fields.map((x) => x.name).join(',')}`;
  /** Submits the form like `like` on the page at `url`, freshly loaded, with payloads in `which`. */
  const submit = async (url: string, like: FormShape, which: (f: Field, k: number) => boolean) => {
    await page.goto(url);
    // Saving can change the page's forms (a new row, say); the same form is found by its shape.
    const form = (await formsOn(page)).find((f) => key(f) === key(like));
    if (!form) return false;
    const body = new URLSearchParams();
    let k = 0;
    for (const f of form.fields) {
      const hostile = f.kind === 'text' && which(f, k++);
      body.append(f.name, hostile ? `${f.value.slice(0, 20)} ${PAYLOAD}`.trim() : f.value);
    }
    if (form.submitter) body.append(form.submitter.name, form.submitter.value);
    const r = await post(form.action, body);
    expect(r.status(), form.action).toBeLessThan(500);
    forms += 1;
    return r.status() < 400;
  };
  for (const route of routes) {
    const url = fill(route.path, params);
    const probe = await page.request.get(url);
    if (probe.status() !== 200) continue;
    if (!(probe.headers()['content-type'] ?? '').includes('text/html')) continue; // an export
    await page.goto(url);
    const shapes = await formsOn(page);
    for (const form of shapes) {
      if (form.action.startsWith('/logout')) continue;
      if (form.submitter && DESTRUCTIVE.test(form.submitter.value)) continue;
      const texts = form.fields.filter((f) => f.kind === 'text').length;
      if (texts === 0) continue;
      // Payloads in every free-text field at once; if the form refuses that (a number or a
      // required choice among them), one field at a time, so each field that takes text gets one.
      if (await submit(url, form, () => true)) {
        accepted += texts;
        continue;
      }
      for (let j = 0; j < texts; j++) {
        if (await submit(url, form, (_f, k) => k === j)) accepted += 1;
        else refusedFields.push(`${form.action} field ${j + 1}`);
      }
    }
  }
  // A formula in a milestone and Mermaid-imported steps, for the exports.
  await post(
    `/projects/${params.projectId}/milestones/new`,
    new URLSearchParams({
      title: FORMULA,
      owner: '@owner',
      timingKind: 'quarter',
      fy: '2027',
      quarter: '3',
      status: 'planned',
      notes: PAYLOAD,
    }),
  );
  const imported = await post(
    '/portfolios/having-a-child/journeys/import',
    new URLSearchParams({
      source: [
        'journey',
        '  title Inert map <img src=x onerror=window.__pwned=1>',
        '  section Apply <img src=x onerror=window.__pwned=1>',
        '    <img src=x onerror=window.__pwned=1>: 2: Parent',
        '    =1+2 formula step: 3: Parent',
        '    +SUM(A1) step: 4: Parent',
      ].join('\n'),
      versionLabel: 'as_is',
      personas: PAYLOAD,
    }),
  );
  expect(imported.status()).toBe(302);
  const journeyPath = imported.headers()['location']!;
  expect(accepted).toBeGreaterThan(40);

  // 2. Every page and export.
  const urls = [
    ...routes.map((r) => fill(r.path, params)),
    journeyPath,
    `${journeyPath}/edit`,
    `${journeyPath}/table.csv`,
    `${journeyPath}/mermaid.mmd`,
    '/projects?portfolio=having-a-child',
  ];
  let pages = 0;
  let exports = 0;
  for (const url of urls) {
    const r = await page.request.get(url);
    if (r.status() !== 200) continue;
    const type = r.headers()['content-type'] ?? '';
    if (type.includes('text/html')) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const pwned = await page.evaluate(() => (window as { __pwned?: number }).__pwned);
      expect(pwned, url).toBeUndefined();
      expect(await page.locator('img[src="x"]').count(), url).toBe(0);
      pages += 1;
      continue;
    }
    exports += 1;
    if (type.includes('text/csv')) {
      // A number may be negative; any other cell must not start a formula.
      for (const cell of csvCells(await r.text()))
        if (!/^-?\d[\d.,]*$/.test(cell)) expect(cell, url).not.toMatch(/^[=+\-@]/);
    }
  }
  const csv = await (await page.request.get(`${journeyPath}/table.csv`)).text();
  expect(csv).toContain("'=1+2 formula step");
  expect(csv).toContain("'+SUM(A1) step");
  console.log(
    `stored content: ${forms} submissions, payloads saved in ${accepted} free-text fields (${refusedFields.length} single-field tries refused by validation); ${pages} pages and ${exports} exports checked`,
  );
});
