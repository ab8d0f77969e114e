import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { spawnOidcProvider } from './scripts/oidc-provider.mjs';

const PORT = 3400;
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
fs.writeFileSync('/tmp/shot-key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }));
const clientId = 'urn:gov:gsa:openidconnect.profiles:sp:sso:omb:lew-shot';
const op = await spawnOidcProvider({
  clientId,
  clientJwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] },
  redirectUris: [`http://localhost:${PORT}/auth/callback`],
  postLogoutRedirectUris: [`http://localhost:${PORT}/login`],
});
fs.rmSync('/tmp/shot.db', { force: true });
const env = {
  ...process.env, PORT: String(PORT), DATABASE_URL: '/tmp/shot.db', NODE_ENV: 'production', LOG_REQUESTS: 'off',
  DEMO_ACCOUNTS: 'on', OIDC_ISSUER: op.issuer, OIDC_CLIENT_ID: clientId, OIDC_PRIVATE_KEY_FILE: '/tmp/shot-key.pem',
  OIDC_REDIRECT_URL: `http://localhost:${PORT}/auth/callback`, OIDC_ALLOW_HTTP: 'on', PASSWORD_SIGN_IN: 'on', COOKIE_SECURE: 'false',
};
const server = spawn('node', ['server.js'], { env, stdio: 'inherit' });
for (let i = 0; i < 60; i++) { try { await fetch(`http://localhost:${PORT}/login`); break; } catch { await new Promise(r => setTimeout(r, 500)); } }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const B = `http://localhost:${PORT}`;
const shot = async (page, name) => { await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true }); };
fs.mkdirSync('/tmp/shots', { recursive: true });
const newPage = async () => (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
async function provider(page, email, piv = false) {
  await page.goto(`${B}/login`);
  await page.getByRole('link', { name: /Sign in with/ }).click();
  await page.getByLabel('Email address').fill(email);
  if (piv) await page.getByLabel('Present a PIV/CAC card').check();
  await page.getByRole('button', { name: 'Continue' }).click();
}
async function login(page, email) {
  await page.goto(`${B}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('workspace-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
let p = await newPage(); await p.goto(`${B}/login`); await shot(p, '01-login');
await provider(p, 'ada.asker@usda.gov'); await shot(p, '02-request');
await p.getByLabel('Your name').fill('Ada Asker');
await p.getByLabel('Your agency').selectOption({ label: 'Department of Agriculture' });
await p.getByLabel('The portfolio you work on').selectOption({ label: 'Having a Child and Early Childhood' });
await p.getByLabel('The access you need').selectOption('viewer');
await p.getByLabel('What you need access for').fill('I run the WIC online shopping pilot with this portfolio.');
await p.getByRole('button', { name: 'Send the request' }).click(); await shot(p, '03-request-waiting');
let lead = await newPage(); await login(lead, 'portfolio.lead@example.gov');
await lead.goto(`${B}/access`);
await lead.getByLabel('Work email').fill('new.analyst@hhs.gov'); await lead.getByLabel('Name', { exact: true }).fill('Nia Analyst');
await lead.getByLabel('Agency', { exact: true }).selectOption({ label: 'Department of Health and Human Services' });
await lead.getByLabel('Role').selectOption('member'); await lead.getByLabel('Portfolio').selectOption({ index: 1 });
await lead.getByRole('button', { name: 'Send the invitation' }).click();
await shot(lead, '04-access');
await lead.getByRole('link', { name: 'Ada Asker' }).click(); await shot(lead, '05-decide');
await lead.goto(`${B}/portfolios/having-a-child/access-review`); await shot(lead, '06-review');
let omb = await newPage(); await provider(omb, 'omb.lead@example.gov');
await omb.getByLabel('Email address').fill('omb.lead@example.gov'); await omb.getByRole('button', { name: 'Continue' }).click();
await shot(omb, '07-piv-refused');
let poc = await newPage(); await login(poc, 'agency.poc@example.gov'); await poc.goto(`${B}/access/agency`); await shot(poc, '08-agency');
let idle = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await idle.clock.install(); await login(idle, 'viewer@example.gov'); await idle.clock.fastForward('28:30'); await idle.waitForTimeout(1500); await shot(idle, '09-idle');
let bad = await newPage(); await provider(bad, 'someone@gmail.com'); await shot(bad, '10-domain');
await browser.close(); server.kill(); await op.stop();
