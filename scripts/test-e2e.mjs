// Runs the Playwright suite against the production build on a throwaway database: a SQLite file,
// or with TEST_DATABASE=postgres a database on a throwaway PostgreSQL server (scripts/pg-cluster.mjs).
// The app servers relay live co-editing through a throwaway Redis (scripts/redis-server.mjs), as
// a deployment of several servers does.
// Finds Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium); installs it with apt-get when
// missing and running as root; otherwise stops and says how to get one. Never downloads a browser.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { startCluster } from './pg-cluster.mjs';
import { startRedis } from './redis-server.mjs';

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
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
cluster?.stop();
await redis.stop();
process.exit(result.status ?? 1);
