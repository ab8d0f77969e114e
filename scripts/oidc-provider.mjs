// A throwaway OpenID Connect provider for the end-to-end tests, configured as Login.gov is: the
// authorization code flow only, PKCE (S256) always, private_key_jwt client authentication, the
// scopes `openid email x509_presented` (their claims from the userinfo endpoint), Login.gov's
// acr_values, `prompt=select_account`, and RP-initiated logout without an id_token_hint. It runs
// in the calling process (oidc-provider on node:http, in-memory storage, keys made at start) on
// loopback, with its own sign-in page for Playwright to fill in; `spawnOidcProvider` runs it as
// a process of its own, for a caller whose event loop blocks (scripts/test-e2e.mjs waits on
// Playwright with spawnSync).
//
//   const op = await startOidcProvider({ clientId, clientJwks, redirectUris, postLogoutRedirectUris });
//   op.issuer                                  // http://127.0.0.1:<port>
//   node scripts/oidc-provider.mjs config.json  // same options as JSON; prints OIDC_ISSUER=…
//
// The sign-in page (/interaction/:uid) takes an email address, an optional subject, whether the
// email is verified, whether a PIV/CAC card was presented, and a way to misbehave: the token
// response for that sign-in then carries an ID token with a wrong nonce, a wrong audience or an
// expiry in the past (re-signed with the provider's key), for the tests of what the client refuses.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';

const SCOPES = ['openid', 'email', 'x509_presented'];
/** Login.gov's identity assurance levels: the ID token's `acr` is the one requested. */
const IAL_VALUES = [
  'urn:acr.login.gov:auth-only',
  'urn:acr.login.gov:verified',
  'http://idmanagement.gov/ns/assurance/ial/1',
];
const ACR_VALUES = [
  ...IAL_VALUES,
  'http://idmanagement.gov/ns/assurance/aal/2',
  'http://idmanagement.gov/ns/assurance/aal/2?phishing_resistant=true',
  'http://idmanagement.gov/ns/assurance/aal/2?hspd12=true',
];
const MISBEHAVIOURS = ['none', 'wrong_nonce', 'wrong_audience', 'expired'];

/** oidc-provider, without its warning that Node.js 20 is not a supported runtime (it runs fine). */
async function importOidcProvider() {
  const warn = console.warn;
  console.warn = (...args) => {
    if (!String(args[0]).includes('Unsupported runtime')) warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

/**
 * oidc-provider's storage, in memory, one per provider: entries go when their TTL is over (plus
 * a minute: the provider checks expiry itself), and tokens are indexed by grant for revocation.
 */
function memoryAdapter() {
  const store = new Map();
  const byGrant = new Map();
  const grantable = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode']);
  const get = (key) => {
    const entry = store.get(key);
    if (entry && entry.expires < Date.now()) store.delete(key);
    else return entry?.value;
  };
  const set = (key, value, expiresIn) =>
    store.set(key, { value, expires: expiresIn ? Date.now() + (expiresIn + 60) * 1000 : Infinity });
  return class MemoryAdapter {
    constructor(model) {
      this.model = model;
    }
    key(id) {
      return `${this.model}:${id}`;
    }
    async upsert(id, payload, expiresIn) {
      set(this.key(id), payload, expiresIn);
      if (this.model === 'Session') set(`sessionUid:${payload.uid}`, id, expiresIn);
      if (payload.userCode) set(`userCode:${payload.userCode}`, id, expiresIn);
      if (grantable.has(this.model) && payload.grantId) {
        if (!byGrant.has(payload.grantId)) byGrant.set(payload.grantId, new Set());
        byGrant.get(payload.grantId).add(this.key(id));
      }
    }
    async find(id) {
      return get(this.key(id));
    }
    async findByUid(uid) {
      const id = get(`sessionUid:${uid}`);
      return id === undefined ? undefined : this.find(id);
    }
    async findByUserCode(userCode) {
      const id = get(`userCode:${userCode}`);
      return id === undefined ? undefined : this.find(id);
    }
    async consume(id) {
      const payload = get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId) {
      for (const key of byGrant.get(grantId) ?? []) store.delete(key);
      byGrant.delete(grantId);
    }
  };
}

const escapeHtml = (value) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin-top:1rem}button{margin-top:1rem}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function signInPage(interaction, error) {
  const { uid, params } = interaction;
  const action = `/interaction/${encodeURIComponent(uid)}`;
  const options = MISBEHAVIOURS.map((m) => `<option value="${m}">${m}</option>`).join('');
  return page(
    'Sign in – test sign-in provider',
    `<h1>Test sign-in provider</h1>
<p>Signing in to <code>${escapeHtml(params.client_id)}</code>.</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<dl>
<dt>Requested ACR values</dt>
<dd data-testid="requested-acr">${escapeHtml(params.acr_values)}</dd>
<dt>Requested scopes</dt>
<dd data-testid="requested-scope">${escapeHtml(params.scope)}</dd>
</dl>
<form method="post" action="${action}/login">
<label for="email">Email address</label>
<input id="email" name="email" type="text" autocomplete="off">
<label for="sub">Subject (optional)</label>
<input id="sub" name="sub" type="text" autocomplete="off">
<label><input name="email_verified" type="checkbox" checked> Email verified</label>
<label><input name="piv" type="checkbox"> Present a PIV/CAC card</label>
<label for="misbehave">Misbehave (tests)</label>
<select id="misbehave" name="misbehave">${options}</select>
<div><button type="submit">Continue</button></div>
</form>
<form method="post" action="${action}/abort">
<button type="submit">Cancel</button>
</form>`,
  );
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function sendHtml(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

/**
 * Starts the provider on `port` (a free one when 0 or missing) of 127.0.0.1, with one client:
 * `clientId`, authenticating with the private key of `clientJwks` (RS256).
 */
export async function startOidcProvider({
  port = 0,
  clientId,
  clientJwks,
  redirectUris,
  postLogoutRedirectUris,
}) {
  const { default: Provider, interactionPolicy } = await importOidcProvider();

  // The provider needs its issuer (so its port) before it exists: listen first.
  let handle = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;

  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = crypto.randomBytes(8).toString('hex');
  const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };

  // What each sign-in chose, for the userinfo claims (by grant id, else by subject) and for the
  // token response (by subject, used once).
  const byGrant = new Map();
  const byAccount = new Map();
  const misbehaviour = new Map();

  // Login.gov requires prompt=select_account, which oidc-provider rejects unless a prompt of that
  // name is in the policy. Here it always shows the sign-in page, once: not again when resuming.
  const policy = interactionPolicy.base();
  const selectAccount = new interactionPolicy.Prompt({
    name: 'select_account',
    requestable: true,
  });
  selectAccount.checks.clear(); // its own check wants a `select_account` key in the result
  selectAccount.checks.add(
    new interactionPolicy.Check(
      'select_account_prompt',
      'account selection was requested',
      'account_selection_required',
      (ctx) => ctx.oidc.prompts.has('select_account') && !ctx.oidc.result,
    ),
  );
  policy.add(selectAccount, 0);

  const configuration = {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'RS256',
        jwks: clientJwks,
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods: ['private_key_jwt'],
    enabledJWA: {
      clientAuthSigningAlgValues: ['RS256'],
      idTokenSigningAlgValues: ['RS256'],
    },
    scopes: SCOPES,
    claims: {
      // acr and amr (['piv'] or ['pwd']) in every ID token, even without acr_values.
      openid: ['sub', 'acr', 'amr'],
      email: ['email', 'email_verified'],
      x509_presented: ['x509_presented'],
    },
    acrValues: ACR_VALUES,
    // Explicit, to keep oidc-provider quiet about its defaults (the same values).
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 14 * 24 * 60 * 60,
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      // What Login.gov does not offer.
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          // `form` is an empty form with the XSRF token; the button submits it with logout=yes.
          ctx.body = page(
            'Sign out – test sign-in provider',
            `<h1>Sign out of the test sign-in provider?</h1>
${form.replace('</form>', '<button type="submit" name="logout" value="yes">Yes, sign out</button></form>')}`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page(
            'Signed out – test sign-in provider',
            '<h1>Signed out</h1>\n<p>You have signed out of the test sign-in provider.</p>',
          );
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page(
        'Error – test sign-in provider',
        `<h1>Error</h1>\n${Object.entries(out)
          .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</p>`)
          .join('\n')}`,
      );
    },
    async findAccount(_ctx, sub, token) {
      return {
        accountId: sub,
        async claims() {
          const chosen = byGrant.get(token?.grantId) ?? byAccount.get(sub) ?? {};
          return {
            sub,
            ...(chosen.email ? { email: chosen.email } : {}),
            email_verified: chosen.emailVerified ?? false,
            x509_presented: chosen.piv ?? false,
          };
        },
      };
    },
  };
  let provider;
  try {
    provider = new Provider(issuer, configuration);
    await provider.Client.find(clientId); // the client's metadata is checked on first use: now
  } catch (error) {
    server.close();
    throw error;
  }
  provider.proxy = false;

  // The misbehaving sign-ins: their ID token, re-signed with what the client must refuse.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200 || !ctx.body?.id_token) return;
    const payload = decodeJwt(ctx.body.id_token);
    const mode = misbehaviour.get(payload.sub);
    if (!mode) return;
    misbehaviour.delete(payload.sub);
    const now = Math.floor(Date.now() / 1000);
    if (mode === 'wrong_nonce') payload.nonce = crypto.randomBytes(16).toString('base64url');
    if (mode === 'wrong_audience') payload.aud = 'another-client';
    if (mode === 'expired') Object.assign(payload, { iat: now - 2 * 60 * 60, exp: now - 60 * 60 });
    const header = decodeProtectedHeader(ctx.body.id_token);
    const idToken = await new SignJWT(payload)
      .setProtectedHeader({ ...header, alg: 'RS256', kid })
      .sign(privateKey);
    ctx.body = { ...ctx.body, id_token: idToken };
  });

  async function interactionRoute(req, res, uid, action) {
    const interaction = await provider.interactionDetails(req, res);
    if (interaction.uid !== uid) throw new Error('interaction and cookie do not match');
    if (req.method === 'GET' && !action) return sendHtml(res, 200, signInPage(interaction));
    if (req.method !== 'POST')
      return sendHtml(res, 405, page('Not allowed', '<h1>Not allowed</h1>'));
    if (action === 'abort') {
      const result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
      return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    }
    if (action !== 'login') return sendHtml(res, 404, page('Not found', '<h1>Not found</h1>'));

    const form = await readForm(req);
    const email = form.get('email')?.trim() ?? '';
    const hash = crypto.createHash('sha256').update(email.toLowerCase()).digest('hex');
    const sub = form.get('sub')?.trim() || (email && `sub-${hash.slice(0, 24)}`);
    if (!sub) return sendHtml(res, 400, signInPage(interaction, 'Enter an email address.'));
    const piv = form.has('piv');
    const mode = form.get('misbehave') ?? 'none';

    const { params } = interaction;
    const requested = String(params.acr_values ?? '').split(' ');
    const acr = requested.find((value) => IAL_VALUES.includes(value)) ?? IAL_VALUES[0];
    const grant = new provider.Grant({ accountId: sub, clientId: params.client_id });
    const scopes = String(params.scope ?? '').split(' ');
    grant.addOIDCScope(SCOPES.filter((scope) => scopes.includes(scope)).join(' '));
    const grantId = await grant.save();

    const chosen = { email, emailVerified: form.has('email_verified'), piv };
    byGrant.set(grantId, chosen);
    byAccount.set(sub, chosen);
    if (MISBEHAVIOURS.includes(mode) && mode !== 'none') misbehaviour.set(sub, mode);
    else misbehaviour.delete(sub);

    const result = {
      login: { accountId: sub, acr, amr: piv ? ['piv'] : ['pwd'] },
      consent: { grantId },
    };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  // Only /interaction/… is ours (and only there is the body read): the rest is the provider's.
  const callback = provider.callback();
  handle = (req, res) => {
    const { pathname } = new URL(req.url ?? '/', issuer);
    const match = /^\/interaction\/([^/]+)(?:\/([^/]+))?\/?$/.exec(pathname);
    if (!match) return callback(req, res);
    interactionRoute(req, res, decodeURIComponent(match[1]), match[2]).catch((error) => {
      if (res.headersSent) return res.end();
      sendHtml(res, 400, page('Error', `<h1>Error</h1>\n<p>${escapeHtml(error.message)}</p>`));
    });
  };

  const stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { issuer, stop };
}

/** The same provider in a child process; resolves once it listens. */
export async function spawnOidcProvider(options) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-oidc-'));
  const configFile = path.join(dir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify(options));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), configFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const issuer = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /OIDC_ISSUER=(\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the OpenID provider exited (${code})`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    }).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { issuer, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) {
    console.error('Usage: node scripts/oidc-provider.mjs config.json');
    process.exit(2);
  }
  const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const op = await startOidcProvider(config);
  console.log(`OIDC_ISSUER=${op.issuer}`);
  const quit = async () => {
    await op.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
