/**
 * Crashes: a second server on the e2e database takes a stream of writes (new milestones, four in
 * flight at a time) and is killed with SIGKILL in the middle of it. After a restart every write
 * it acknowledged (answered with a redirect) is there, and on SQLite `pragma integrity_check` is
 * ok. Three cycles. Then two people typing in one plan, live, when the server is killed: they
 * type on while it is down, it restarts, their editors reconnect, and every word of both is in
 * the stored plan. Last, a Word file or deck that runs out of the memory set aside for documents
 * fails alone: the person is told, and the server serves on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { expect, request, test, type Page } from '@playwright/test';
import { isPostgresUrl } from '#db/dialect';
import { E2E_DATABASE, E2E_PORT } from '../../../playwright.config';
import { ACCOUNTS, assembleUpdate, login, PASSWORD, startPlan } from '../fixtures';
import { database, routeParams } from './targets';

const PORT = E2E_PORT + 2;
const BASE = `http://localhost:${PORT}`;
const CYCLES = 3;

// Both tests use the one crash-test port.
test.describe.configure({ mode: 'serial' });

async function startServer(env: Record<string, string> = {}): Promise<ChildProcess> {
  // A server left over from an earlier run would answer for this one.
  const stale = await fetch(`${BASE}/login`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`something already listens on port ${PORT}`);
  const child = spawn('node', ['server.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: E2E_DATABASE,
      NODE_ENV: 'production',
      LOG_REQUESTS: 'off',
      // Real accounts exist by now (the lockout tests): without this, start-up removes the
      // demo accounts this test signs in with (decision 015).
      DEMO_ACCOUNTS: 'on',
      ...env,
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${BASE}/login`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the crash-test server did not start');
}

test('SIGKILL in the middle of writes loses nothing that was acknowledged', async () => {
  test.setTimeout(180_000);
  const { projectId } = await routeParams();
  const acknowledged: string[] = [];
  let attempted = 0;
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const server = await startServer();
    try {
      const ctx = await request.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
      const login = await ctx.post('/login', {
        form: { email: ACCOUNTS.omb_lead, password: PASSWORD, redirectTo: '/' },
        maxRedirects: 0,
      });
      expect(login.status()).toBe(302);
      let n = 0;
      let killed = false;
      const writer = async () => {
        while (!killed) {
          const title = `Crash cycle ${cycle} write ${n++}`;
          attempted += 1;
          const r = await ctx
            .post(`/projects/${projectId}/milestones/new`, {
              form: {
                title,
                owner: 'OMB',
                timingKind: 'quarter',
                fy: '2027',
                quarter: '2',
                status: 'planned',
                notes: '',
              },
              maxRedirects: 0,
            })
            .catch(() => null); // the connection dies with the server
          if (r && r.status() >= 300 && r.status() < 400) acknowledged.push(title);
          else if (r && !killed) throw new Error(`write refused: ${r.status()}`);
        }
      };
      const writers = [writer(), writer(), writer(), writer()];
      // Kill once some writes have landed, while others are in flight.
      const target = acknowledged.length + 20;
      while (acknowledged.length < target) await new Promise((r) => setTimeout(r, 5));
      server.kill('SIGKILL');
      killed = true;
      await Promise.all(writers);
      await ctx.dispose();
    } finally {
      if (server.exitCode === null && !server.killed) server.kill('SIGKILL'); // a failed cycle
    }
  }

  // Restart once more: the database opens, and every acknowledged write is in it.
  const server = await startServer();
  try {
    const rows = await database()
      .selectFrom('milestones')
      .select('title')
      .where('title', 'like', 'Crash cycle %')
      .execute();
    const stored = new Set(rows.map((r) => r.title));
    expect(acknowledged.filter((t) => !stored.has(t))).toEqual([]);
    if (!isPostgresUrl(E2E_DATABASE)) {
      const db = new SQLite(E2E_DATABASE, { readonly: true });
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      db.close();
    }
    console.log(
      `crash test: ${CYCLES} SIGKILL cycles, ${attempted} writes attempted, ${acknowledged.length} acknowledged, all present`,
    );
  } finally {
    server.kill('SIGTERM');
  }
});

/** Types `words` one at a time, as a person would, until all are typed. */
async function typeWords(page: Page, words: string[]) {
  for (const word of words) await page.keyboard.type(`${word} `);
}

test('SIGKILL while two people type in one plan: after the restart every word of both is stored', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  let server = await startServer();
  const a = await (await browser.newContext({ baseURL: BASE })).newPage();
  const b = await (await browser.newContext({ baseURL: BASE })).newPage();
  try {
    await login(a, 'team_member');
    await login(b, 'portfolio_lead');
    // A plan of its own, in a portfolio both belong to.
    const planId = Number(/\/plans\/(\d+)$/.exec(await startPlan(a, 'having-a-child', 2046))![1]);
    for (const page of [a, b]) {
      await page.goto(`/plans/${planId}/edit`);
      await expect(page.getByTestId('save-status')).toContainText('All changes saved', {
        timeout: 15_000,
      });
    }
    // One at the end of the plan, one at the end of its first heading.
    await a.getByRole('textbox', { name: 'Plan text' }).click();
    await a.keyboard.press('ControlOrMeta+End');
    await a.keyboard.press('Enter');
    await b
      .getByRole('textbox', { name: 'Plan text' })
      .getByText('Improvements to designated services')
      .click();
    await b.keyboard.press('End');
    await b.keyboard.press('Enter');
    const wordsOf = (who: string) => Array.from({ length: 24 }, (_, i) => `${who}${i + 1}`);
    const [aWords, bWords] = [wordsOf('Alpha'), wordsOf('Bravo')];
    // The first half typed with the server up; killed; the second half typed while it is down.
    await Promise.all([typeWords(a, aWords.slice(0, 12)), typeWords(b, bWords.slice(0, 12))]);
    server.kill('SIGKILL');
    await new Promise((resolve) => server.once('exit', resolve));
    await Promise.all([typeWords(a, aWords.slice(12)), typeWords(b, bWords.slice(12))]);
    for (const page of [a, b])
      await expect(page.getByTestId('save-status')).not.toContainText('All changes saved');
    server = await startServer();
    // Both editors reconnect on their own and send what they kept.
    for (const page of [a, b])
      await expect(page.getByTestId('save-status')).toContainText('All changes saved', {
        timeout: 30_000,
      });
    for (const page of [a, b]) {
      const editor = page.getByRole('textbox', { name: 'Plan text' });
      await expect(editor).toContainText(aWords.join(' '));
      await expect(editor).toContainText(bWords.join(' '));
    }
    // The plan's stored text follows a moment after the typing stops.
    await expect
      .poll(
        async () => {
          const plan = await database()
            .selectFrom('action_plans')
            .select('doc')
            .where('id', '=', planId)
            .executeTakeFirstOrThrow();
          return [...aWords, ...bWords].filter(
            (w) => !plan.doc.includes(`${w} `) && !plan.doc.includes(`${w}"`),
          );
        },
        { timeout: 20_000 },
      )
      .toEqual([]);
    if (!isPostgresUrl(E2E_DATABASE)) {
      const db = new SQLite(E2E_DATABASE, { readonly: true });
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      db.close();
    }
  } finally {
    await a.context().close();
    await b.context().close();
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }
});

test('a PMC document that runs out of its memory fails alone, with a page that says so', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // Too little for any document: the process that makes it runs out of memory at once.
  const server = await startServer({ DOCUMENT_HEAP_MB: '8' });
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  try {
    await login(page, 'omb_lead');
    // Any update will do; run on its own, this test makes one.
    const existing = await database()
      .selectFrom('pmc_updates')
      .select('id')
      .orderBy('id')
      .executeTakeFirst();
    const update = existing ?? {
      id: Number((await assembleUpdate(page, 2041, 2)).split('/').pop()),
    };
    for (const [format, kind] of [
      ['docx', 'a Word file'],
      ['pptx', 'slides'],
    ]) {
      const answer = await page.goto(`/pmc/${update.id}/export.${format}`);
      expect(answer?.status()).toBe(503);
      await expect(
        page.getByRole('heading', { name: `Too large to export as ${kind}` }),
      ).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'Open the print-friendly page' }),
      ).toHaveAttribute('href', `/pmc/${update.id}/export.html`);
    }
    // The server that answered is still serving.
    expect(server.exitCode).toBeNull();
    await page.goto(`/pmc/${update.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  } finally {
    await page.context().close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
});
