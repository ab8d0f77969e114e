// Benchmarks the production build on a throwaway database and prints its figures.
// Timing lives here, never in the test suite. Currently measured:
//   - the server render time of a 200-step journey map page (target: median under 20 ms);
//   - the portfolio burden rollup over 20,000 items (target: under 50 ms), with the app's own
//     code through vite-node (scripts/bench-domain.ts);
//   - the PRA status of a portfolio with 50,000 participants in 12 months (target: under 50 ms;
//     the first computation after a change is printed too);
//   - assembling a PMC update over 500 projects and 5,000 milestones (target: under 200 ms).
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://localhost:${PORT}`;

function ensureBuild() {
  const r = spawnSync('node', ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function startServer(dbFile) {
  const child = spawn('node', ['server.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: dbFile,
      LOG_REQUESTS: 'off',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = Date.now();
  for (;;) {
    try {
      const r = await fetch(`${BASE}/login`);
      if (r.ok) return { child, coldStartMs: Date.now() - started };
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error('server did not start');
    await sleep(50);
  }
}

async function signIn(email) {
  const r = await fetch(`${BASE}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: BASE, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: 'workspace-demo', redirectTo: '/' }),
  });
  const cookie = r.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${r.status}`);
  return cookie;
}

function journeySource(stages, stepsPerStage) {
  const lines = ['journey', '  title Benchmark journey'];
  for (let s = 1; s <= stages; s++) {
    lines.push(`  section Stage ${s}`);
    for (let t = 1; t <= stepsPerStage; t++)
      lines.push(`    Step ${s}.${t}: ${((s + t) % 5) + 1}: Person, Agency ${s}`);
  }
  return lines.join('\n');
}

/** One GET with the headers a browser sends; the body is read raw (no client-side gunzip). */
function get(url, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

async function timeRequests(url, cookie, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const status = await get(url, cookie);
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { n, median: q(0.5), p95: q(0.95), min: times[0] };
}

/** Runs scripts/bench-domain.ts with the app's TypeScript and returns its JSON line. */
function domainFigures() {
  const r = spawnSync('npx', ['vite-node', 'scripts/bench-domain.ts'], {
    encoding: 'utf8',
    // VITEST keeps the React Router plugin out of vite.config.ts for a plain Node run.
    env: { ...process.env, VITEST: '1' },
  });
  if (r.status !== 0) throw new Error(`bench-domain failed:\n${r.stderr}`);
  const line = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1);
  return JSON.parse(line);
}

async function main() {
  ensureBuild();
  const domain = domainFigures();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-bench-'));
  const { child, coldStartMs } = await startServer(path.join(dir, 'bench.db'));
  const results = { cores: os.cpus().length, coldStartMs, pages: {} };
  let failed = false;
  try {
    const cookie = await signIn('omb.lead@example.gov');
    const imported = await fetch(`${BASE}/portfolios/having-a-child/journeys/import`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Origin: BASE,
        Cookie: cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ source: journeySource(10, 20), versionLabel: 'as_is' }),
    });
    const location = imported.headers.get('location');
    if (!location?.startsWith('/journeys/')) throw new Error(`import failed: ${imported.status}`);
    await timeRequests(`${BASE}${location}`, cookie, 30); // warm-up
    const journey = await timeRequests(`${BASE}${location}`, cookie, 200);
    results.pages['journey map, 200 steps'] = { ...journey, targetMedianMs: 20 };
    if (journey.median > 20) failed = true;
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  results.domain = domain;
  if (domain.burdenRollup.medianMs > domain.burdenRollup.targetMs) failed = true;
  if (domain.praStatus.medianMs > domain.praStatus.targetMs) failed = true;
  if (domain.pmcAssemble.medianMs > domain.pmcAssemble.targetMs) failed = true;
  console.log(`\nBenchmark (${results.cores} cores, cold start ${results.coldStartMs} ms)`);
  console.log('page                          requests  median ms  p95 ms  min ms  target');
  for (const [name, r] of Object.entries(results.pages)) {
    console.log(
      `${name.padEnd(30)}${String(r.n).padStart(8)}${r.median.toFixed(2).padStart(11)}${r.p95.toFixed(2).padStart(8)}${r.min.toFixed(2).padStart(8)}  median < ${r.targetMedianMs} ms`,
    );
  }
  const r = domain.burdenRollup;
  console.log(
    `\nburden rollup, ${r.items.toLocaleString('en-US')} items: median ${r.medianMs.toFixed(2)} ms (target < ${r.targetMs} ms)`,
  );
  const p = domain.praStatus;
  console.log(
    `PRA status, ${p.participants.toLocaleString('en-US')} participants in ${p.collections} collections: median ${p.medianMs.toFixed(2)} ms (target < ${p.targetMs} ms); first computation after a change ${p.coldMs.toFixed(0)} ms`,
  );
  const u = domain.pmcAssemble;
  console.log(
    `PMC update, ${u.projects} projects (${u.milestonesInQuarter} milestones in the quarter): median ${u.medianMs.toFixed(1)} ms to assemble (target < ${u.targetMs} ms)`,
  );
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/latest.json', JSON.stringify(results, null, 2));
  if (failed) {
    console.error('A budget was missed.');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
