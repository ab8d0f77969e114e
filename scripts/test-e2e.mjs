// Runs the Playwright suite against the production build on a throwaway database: a SQLite file,
// or with TEST_DATABASE=postgres a database on a throwaway PostgreSQL server (scripts/pg-cluster.mjs).
// The app servers relay live co-editing through a throwaway Redis (scripts/redis-server.mjs), as
// a deployment of several servers does.
// Notification email goes to a throwaway SMTP server (scripts/smtp-sink.mjs) the tests read.
// Finds Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium); installs it with apt-get when
// missing and running as root; otherwise stops and says how to get one. Never downloads a browser.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startCluster } from './pg-cluster.mjs';
import { startRedis } from './redis-server.mjs';
import { spawnOidcProvider } from './oidc-provider.mjs';
import { spawnSmtpSink } from './smtp-sink.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    console.error(
      `No Chromium at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH to a Chromium binary, then run the tests again.',
    );
    process.exit(1);
  }
  console.log('Installing Debian chromium for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error('Installing chromium with apt-get failed.');
      process.exit(r.status ?? 1);
    }
  }
}

fs.rmSync('tests/.tmp', { recursive: true, force: true });
fs.mkdirSync('tests/.tmp', { recursive: true });
const env = { ...process.env, CHROMIUM_PATH: chromium };
let cluster;
if (process.env.TEST_DATABASE === 'postgres') {
  cluster = await startCluster();
  env.E2E_DATABASE = await cluster.createDatabase('e2e');
}
const redis = await startRedis();
env.REDIS_URL = redis.url;
// A throwaway OpenID provider configured as Login.gov is (scripts/oidc-provider.mjs), and the
// workspace registered with it: a client key of its own, PKCE, private_key_jwt. Passwords stay
// on too, so the demo accounts sign in as before (PASSWORD_SIGN_IN=on keeps both).
const port = Number(process.env.E2E_PORT ?? 3100);
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyFile = 'tests/.tmp/oidc-client.pem';
fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
const clientId = 'urn:gov:gsa:openidconnect.profiles:sp:sso:omb:lew-e2e';
const provider = await spawnOidcProvider({
  clientId,
  clientJwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] },
  redirectUris: [`http://localhost:${port}/auth/callback`],
  postLogoutRedirectUris: [`http://localhost:${port}/login`],
});
Object.assign(env, {
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: clientId,
  OIDC_PRIVATE_KEY_FILE: keyFile,
  OIDC_REDIRECT_URL: `http://localhost:${port}/auth/callback`,
  OIDC_PROVIDER_NAME: 'Login.gov (test provider)',
  OIDC_ALLOW_HTTP: 'on',
  PASSWORD_SIGN_IN: 'on',
});
// A real SMTP server the workspace sends notification email to; each message lands in a folder
// the tests read (tests/e2e/fixtures.ts, `inbox`). Polled often, so a message arrives at once.
const mailDir = path.resolve('tests/.tmp/mail');
fs.rmSync(mailDir, { recursive: true, force: true });
const smtp = await spawnSmtpSink({ dir: mailDir });
Object.assign(env, {
  SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  MAIL_FROM: 'Life Experience Workspace <no-reply@workspace.test>',
  MAIL_POLL_MS: '250',
  E2E_MAIL_DIR: mailDir,
});
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
cluster?.stop();
await redis.stop();
await provider.stop();
await smtp.stop();
process.exit(result.status ?? 1);
