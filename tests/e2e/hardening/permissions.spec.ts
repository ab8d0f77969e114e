/**
 * The permission matrix: every route of app/routes.ts, as every demo role and as an anonymous
 * visitor, loaded (GET) and posted to (an empty form, from this origin), against the table below
 * of who may do what. A route missing from the table fails the test, so a new route cannot skip
 * it. What each role may do follows app/domain/policy.ts for the Having a Child portfolio: its
 * portfolio lead and team member edit it; USDA's POC and PMC member and the viewer read it.
 *
 * For an action, "may" means the request gets past authorization: an empty form is then refused
 * by validation (400) or, for sign-in, handled (302). "May not" is 403. Routes with several
 * actions (phase gates, charters) authorize each intent after reading it, so an empty form is a
 * 400 for everyone there; their intents are covered by the user-flow tests and the policy table.
 */
import { request, test, expect } from '@playwright/test';
import { ACCOUNTS, PASSWORD, signInThroughProvider, type DemoRole } from '../fixtures';
import { allRoutes, fill, routeParams } from './targets';

const ROLES = Object.keys(ACCOUNTS) as DemoRole[];
type Role = DemoRole;
type Who = readonly Role[];

const ALL: Who = ROLES;
const EDITORS: Who = ['omb_lead', 'portfolio_lead', 'team_member'];
const LEADS: Who = ['omb_lead', 'portfolio_lead'];
const OMB: Who = ['omb_lead'];
const NONE: Who = [];
/** The PMC update these routes are checked on is a draft. */
const DRAFT_PMC = 'a draft: OMB leads read it until it is published (decision 040)';

/** get: who may load the page (others get 403); post: who gets past authorization, or no action. */
type Entry = {
  get: Who;
  post: Who | 'no action';
  path?: string;
  note?: string;
  /** Why a post from any origin is accepted (the one-click unsubscribe); undefined: refused. */
  anyOrigin?: string;
  /** The answer where it is not the table's usual one (sign-in pages); undefined: usual. */
  special?: (who: Visitor, method: 'GET' | 'POST') => string | undefined;
};

const TABLE: Record<string, Entry> = {
  home: { get: ALL, post: 'no action' },
  login: { get: NONE, post: NONE, note: 'signed-in people are sent home; anonymous may' },
  logout: { get: NONE, post: ALL, note: 'checked separately: it ends the session' },
  reviews: { get: ALL, post: 'no action' },
  search: { get: ALL, post: 'no action' },
  notifications: { get: ALL, post: ALL, note: 'everyone reads and marks their own' },
  outbox: { get: OMB, post: 'no action' },
  'notification-settings': { get: ALL, post: ALL, note: 'everyone chooses their own' },
  unsubscribe: {
    get: ALL,
    post: ALL,
    note: 'the token is the authority, signed in or not (an empty form is refused)',
    anyOrigin: 'RFC 8058: a mail program posts it from no page; its token is the authority',
    special: (_, method) => (method === 'GET' ? '200' : '400'),
  },
  'portfolios/new': { get: OMB, post: OMB },
  'portfolios/portfolio': { get: ALL, post: 'no action' },
  'portfolios/edit': { get: OMB, post: OMB },
  'portfolios/people': { get: OMB, post: OMB },
  'portfolios/charter': {
    get: ALL,
    post: ALL,
    note: 'edit (OMB) and sign (PMC member) per intent',
  },
  'projects/new': { get: EDITORS, post: EDITORS },
  'journeys/list': { get: ALL, post: 'no action' },
  'journeys/new': { get: EDITORS, post: EDITORS },
  'journeys/import': { get: EDITORS, post: EDITORS },
  'journeys/compare': {
    get: ALL,
    post: 'no action',
    path: '/portfolios/:slug/journeys/compare:journeyCompare',
  },
  'burden/list': { get: ALL, post: EDITORS },
  'burden/compare': { get: ALL, post: 'no action', path: '/burden/compare:burdenCompare' },
  'burden/assessment': { get: ALL, post: EDITORS },
  'burden/item': { get: EDITORS, post: EDITORS },
  'burden/segment': { get: EDITORS, post: EDITORS },
  'burden/icr-csv': { get: ALL, post: 'no action' },
  settings: { get: OMB, post: OMB },
  account: { get: ALL, post: ALL, note: 'everyone keeps their own time zone' },
  'research/pra': { get: ALL, post: OMB, note: 'its one form is the workspace setting' },
  'research/pra-check': { get: ALL, post: 'no action' },
  'research/clearance-new': { get: LEADS, post: LEADS, note: 'clearances are kept by leads' },
  'research/clearance-edit': { get: LEADS, post: LEADS, note: 'clearances are kept by leads' },
  'research/log': { get: ALL, post: EDITORS },
  'research/activity': { get: ALL, post: EDITORS },
  'plans/list': { get: ALL, post: EDITORS },
  'plans/view': {
    get: ALL,
    post: EDITORS,
    note: 'comments and status, by the team; due dates (intent "due") by OMB leads only',
  },
  'plans/edit': { get: EDITORS, post: EDITORS },
  'plan-export-docx': { get: ALL, post: 'no action' },
  'plan-export-html': { get: ALL, post: 'no action' },
  'plan-export-md': { get: ALL, post: 'no action' },
  'journeys/view': { get: ALL, post: 'no action' },
  'journeys/edit': { get: EDITORS, post: EDITORS },
  'journeys/copy': { get: EDITORS, post: EDITORS },
  'journeys/step': { get: EDITORS, post: EDITORS },
  'journeys/export-mmd': { get: ALL, post: 'no action' },
  'journeys/export-csv': { get: ALL, post: 'no action' },
  'projects/index': { get: ALL, post: 'no action' },
  'projects/project': { get: ALL, post: 'no action' },
  'projects/edit': { get: EDITORS, post: EDITORS },
  'projects/phase': {
    get: ALL,
    post: ALL,
    note: 'ask (team), answer (POC), decide (OMB) per intent',
  },
  'projects/milestone-new': { get: EDITORS, post: EDITORS },
  'projects/milestone-edit': { get: EDITORS, post: EDITORS },
  'measures/new': { get: EDITORS, post: EDITORS },
  'measures/view': { get: ALL, post: EDITORS },
  'measures/edit': { get: EDITORS, post: EDITORS },
  'evaluations/new': { get: EDITORS, post: EDITORS },
  'evaluations/view': {
    get: ALL,
    post: EDITORS,
    note: 'start and report by the team; approve and back to draft by leads (per intent)',
  },
  'evaluations/edit': { get: EDITORS, post: EDITORS },
  'surveys/list': { get: ALL, post: 'no action' },
  'surveys/new': { get: EDITORS, post: EDITORS },
  'surveys/view': { get: ALL, post: 'no action' },
  'surveys/edit': { get: EDITORS, post: EDITORS },
  'surveys/import': { get: EDITORS, post: EDITORS },
  'survey-figures-csv': { get: ALL, post: 'no action' },
  'survey-figures-json': { get: ALL, post: 'no action' },
  'pmc/list': { get: ALL, post: OMB },
  'pmc/compare': { get: ALL, post: 'no action', path: '/pmc/compare:pmcCompare' },
  'pmc/update': { get: OMB, post: OMB, note: DRAFT_PMC },
  'pmc/highlights': { get: OMB, post: OMB },
  'pmc/publish': { get: OMB, post: OMB },
  'pmc/withdraw': { get: OMB, post: OMB, note: 'withdrawing a published update, with a reason' },
  'pmc/correct': { get: OMB, post: OMB },
  'pmc-export-docx': { get: OMB, post: 'no action', note: DRAFT_PMC },
  'pmc-export-pptx': { get: OMB, post: 'no action', note: DRAFT_PMC },
  'pmc-export-html': { get: OMB, post: 'no action', note: DRAFT_PMC },
  'pmc-export-json': { get: OMB, post: 'no action', note: DRAFT_PMC },
  calendar: { get: ALL, post: OMB, note: 'per-year due dates are set by OMB leads' },
  'calendar-ics': { get: ALL, post: 'no action' },
  'calendar-json': { get: ALL, post: 'no action' },
  audit: { get: OMB, post: 'no action' },
  'journey-archive': { get: EDITORS, post: EDITORS, note: 'archive and restore: who may edit' },
  'burden-archive': { get: EDITORS, post: EDITORS },
  'research-archive': { get: EDITORS, post: EDITORS },
  'journey-delete': { get: OMB, post: OMB, note: 'deleting for good: OMB leads only' },
  'burden-delete': { get: OMB, post: OMB },
  'research-delete': { get: OMB, post: OMB },
  'not-found': { get: NONE, post: NONE, note: '404 for everyone' },
  'auth/start': {
    get: NONE,
    post: 'no action',
    note: 'anonymous: off to the provider; signed in: home',
    special: (who, method) =>
      method === 'POST' ? undefined : who === 'anonymous' ? 'redirect provider' : 'redirect /',
  },
  'auth/callback': {
    get: NONE,
    post: 'no action',
    note: 'a return without a flow of this browser is refused for everyone (400)',
    special: (_, method) => (method === 'GET' ? '400' : undefined),
  },
  'auth/extend': {
    get: NONE,
    post: ALL,
    note: '"Stay signed in": the signed-in go back where they were',
    special: (who, method) =>
      method === 'GET' ? 'redirect /' : who === 'anonymous' ? 'redirect /login' : 'redirect /',
  },
  'access/overview': {
    get: LEADS,
    post: LEADS,
    note: 'a POC is sent to their agency’s view',
    special: (who) => (who === 'agency_poc' ? 'redirect /access/agency' : undefined),
  },
  'access/request': {
    get: NONE,
    post: NONE,
    note: 'only for a person the provider vouched for who has no account',
    special: (who, method) =>
      method === 'POST' ? '403' : who === 'anonymous' ? 'redirect /login' : 'redirect /',
  },
  'access/decide': { get: LEADS, post: LEADS },
  'access/agency': { get: ['omb_lead', 'agency_poc'], post: 'no action' },
  'access/review': { get: LEADS, post: LEADS },
};

type Visitor = Role | 'anonymous';
/** The same people signed in through the OpenID provider (an OMB lead with a PIV card). */
const THROUGH_PROVIDER: readonly Role[] = ['portfolio_lead', 'omb_lead'];

// One worker: both tests use the same rows, made once if the user-flow tests left none.
test.describe.configure({ mode: 'serial' });

/** The status class a visitor should get. */
function expected(routeId: string, entry: Entry, who: Visitor, method: 'GET' | 'POST'): string {
  if (routeId === 'not-found') return '404';
  const special = entry.special?.(who, method);
  if (special) return special;
  if (routeId === 'login') {
    if (who === 'anonymous') return method === 'GET' ? '200' : '400';
    return 'redirect /';
  }
  if (method === 'POST' && entry.post === 'no action') return '405';
  if (who === 'anonymous') return 'redirect /login';
  const may = method === 'GET' ? entry.get : (entry.post as Who);
  if (!may.includes(who)) return '403';
  return method === 'GET' ? '200' : '400';
}

function observed(status: number, location: string | undefined): string {
  if (status >= 300 && status < 400) {
    if (location?.startsWith('/login')) return 'redirect /login';
    if (location === '/') return 'redirect /';
    if (location && /^https?:\/\/127\.0\.0\.1:\d+\/auth\?/.test(location))
      return 'redirect provider';
    return `redirect ${location}`;
  }
  return String(status);
}

test('every route × every role answers as the permission table says', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const routes = allRoutes();
  const missing = routes.filter((r) => !(r.id in TABLE)).map((r) => r.id);
  expect(missing, 'routes without an entry in the permission table').toEqual([]);
  const stale = Object.keys(TABLE).filter((id) => !routes.some((r) => r.id === id));
  expect(stale, 'table entries for routes that no longer exist').toEqual([]);

  const params = await routeParams();
  const mismatches: string[] = [];
  let checked = 0;
  const visitors = [
    ...(['anonymous', ...ROLES] as Visitor[]).map((who) => ({ who, provider: false })),
    ...THROUGH_PROVIDER.map((who) => ({ who: who as Visitor, provider: true })),
  ];
  for (const { who, provider } of visitors) {
    const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
    if (provider) {
      await signInThroughProvider(ctx, ACCOUNTS[who as Role], { piv: who === 'omb_lead' });
    } else if (who !== 'anonymous') {
      const r = await ctx.post('/login', {
        form: { email: ACCOUNTS[who], password: PASSWORD, redirectTo: '/' },
        maxRedirects: 0,
      });
      expect(r.status(), `sign-in as ${who}`).toBe(302);
    }
    for (const route of routes) {
      if (route.id === 'logout') continue;
      const entry = TABLE[route.id]!;
      const url = fill(entry.path ?? route.path, params);
      for (const method of ['GET', 'POST'] as const) {
        const r =
          method === 'GET'
            ? await ctx.get(url, { maxRedirects: 0 })
            : await ctx.post(url, { form: {}, maxRedirects: 0 });
        const got = observed(r.status(), r.headers()['location']);
        const want = expected(route.id, entry, who, method);
        checked += 1;
        const label = provider ? `${who} (provider)` : who;
        if (got !== want)
          mismatches.push(`${label} ${method} ${url}: got ${got}, expected ${want}`);
        expect(r.status(), `${who} ${method} ${url}`).toBeLessThan(500);
      }
    }
    // Signing out: anyone signed in may; afterwards the same cookie is anonymous. A session
    // begun at the provider is ended there too.
    if (who !== 'anonymous') {
      const out = await ctx.post('/logout', { form: {}, maxRedirects: 0 });
      if (provider) expect(out.headers()['location']).toMatch(/\/session\/end\?/);
      expect(observed(out.status(), out.headers()['location'])).toMatch(/^redirect /);
      const after = await ctx.get('/', { maxRedirects: 0 });
      expect(observed(after.status(), after.headers()['location'])).toBe('redirect /login');
      checked += 2;
    }
    await ctx.dispose();
  }
  expect(mismatches).toEqual([]);
  test.info().annotations.push({
    type: 'figures',
    description: `${routes.length} routes × ${visitors.length} visitors: ${checked} requests checked`,
  });
  console.log(
    `permission matrix: ${routes.length} routes × ${visitors.length} visitors, ${checked} requests`,
  );
});

test('a mutation from another origin is refused on every action', async ({ baseURL }) => {
  const ctx = await request.newContext({ baseURL });
  const params = await routeParams();
  const r = await ctx.post('/login', {
    headers: { Origin: baseURL! },
    form: { email: ACCOUNTS.omb_lead, password: PASSWORD, redirectTo: '/' },
    maxRedirects: 0,
  });
  expect(r.status()).toBe(302);
  for (const route of allRoutes()) {
    const entry = TABLE[route.id];
    if (!entry || entry.post === 'no action' || entry.anyOrigin) continue;
    const url = fill(entry.path ?? route.path, params);
    for (const origin of ['https://evil.example', 'null']) {
      const p = await ctx.post(url, { headers: { Origin: origin }, form: {}, maxRedirects: 0 });
      expect(p.status(), `${url} from ${origin}`).toBe(403);
    }
  }
  await ctx.dispose();
});

test('security headers and the session cookie', async ({ baseURL }) => {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL! } });
  const login = await ctx.post('/login', {
    form: { email: ACCOUNTS.viewer, password: PASSWORD, redirectTo: '/' },
    maxRedirects: 0,
  });
  const cookie = login.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  // The e2e server runs as production: Secure, as a browser keeps it on http://localhost too.
  expect(cookie).toMatch(/Secure/);
  const nonces = new Set<string>();
  for (const path of ['/', '/login', '/portfolios/having-a-child', '/no/such/page']) {
    const r = await ctx.get(path, { maxRedirects: 0 });
    const h = r.headers();
    const csp = h['content-security-policy'] ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc, path).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{20,}'$/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(h['strict-transport-security'], path).toMatch(/max-age=\d{7,}/);
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['x-frame-options'], path).toBe('DENY');
    nonces.add(/nonce-([^']+)/.exec(csp)![1]!);
    // Every script tag of the page carries this response's nonce.
    const html = await r.text();
    for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
      expect(tag, path).toContain(`nonce="${/nonce-([^']+)/.exec(csp)![1]}"`);
  }
  expect(nonces.size).toBe(4);
  await ctx.dispose();
});
