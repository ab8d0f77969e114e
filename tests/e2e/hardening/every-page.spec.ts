/**
 * axe (WCAG 2.1 A and AA) on every page of app/routes.ts, as two people who see different
 * things: an OMB lead (every page, every editing form and admin page) and an agency POC
 * (reviews, read-only views, and the 403 page where they may not go). The
 * print-friendly HTML exports count as pages; downloads (CSV, Word, slides, Markdown, JSON, .ics, .mmd)
 * do not. A route added to routes.ts is visited without anyone listing it here.
 */
import { request, type BrowserContext } from '@playwright/test';
import { ACCOUNTS, PASSWORD, expect, expectAccessible, test, type DemoRole } from '../fixtures';
import { allRoutes, fill, routeParams } from './targets';

const VISITORS: DemoRole[] = ['omb_lead', 'agency_poc'];
const DOWNLOAD = /\.(csv|docx|pptx|md|mmd|json|ics)$/;
/** Not a page: it ends the session (POST), and GET only redirects. */
const SKIP = new Set(['logout']);

const pages = allRoutes().filter((r) => !SKIP.has(r.id) && !DOWNLOAD.test(r.path));

for (const role of VISITORS) {
  test.describe(`every page passes axe as the ${role.replace('_', ' ')}`, () => {
    let cookies: Awaited<ReturnType<BrowserContext['cookies']>> = [];
    test.beforeAll(async ({ baseURL }) => {
      const api = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
      const signIn = await api.post('/login', {
        form: { email: ACCOUNTS[role], password: PASSWORD, redirectTo: '/' },
        maxRedirects: 0,
      });
      expect(signIn.status(), `sign-in as ${role}`).toBe(302);
      cookies = (await api.storageState()).cookies;
      await api.dispose();
    });

    for (const route of pages) {
      test(`${route.id} (${route.path})`, async ({ page }) => {
        await page.context().addCookies(cookies);
        const params = await routeParams();
        let url = fill(route.path, params);
        if (route.id === 'burden/compare') url += params.burdenCompare;
        if (route.id === 'pmc/compare') url += params.pmcCompare;
        if (route.id === 'journeys/compare') url += params.journeyCompare;
        const response = await page.goto(url);
        expect(response, url).not.toBeNull();
        expect(response!.status(), `${url} as ${role}`).toBeLessThan(500);
        // Still signed in (a page that ended the session would hide the rest behind /login).
        if (route.id !== 'login') expect(new URL(page.url()).pathname).not.toBe('/login');
        await expectAccessible(page);
      });
    }
  });
}
