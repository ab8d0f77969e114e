// The program-scale benchmark: `npm run bench`. Timing lives here, never in the test suite.
//
// For scale 1 and scale 4 it generates a fresh database with the app's own code
// (scripts/bench-generate.ts), starts the production server with quiet logging, and measures
// every main page with autocannon at 10 and 50 connections: requests per second, the server's
// CPU time per request (user + system from /proc, over the requests it answered in that
// measurement), and p50/p95/p99 latency. Every figure that is judged is a ratio of two figures
// measured in the same run, so it holds from one machine to the next (issue 24):
//   - the floor is the sign-in page (the same framework and shell, no data); each page's
//     throughput and CPU per request are compared with the floor's;
//   - the limit is a bare node:http server answering the floor's exact bytes
//     (scripts/bench-limit.mjs); limit ÷ floor is the framework's factor, printed for reading;
//   - the tail: p99 ÷ p50 at 50 connections.
// Also printed: first-load client JS per route (gzip), server RSS after the run, database size,
// cold start, and the PMC update's slide and Word exports, produced one at a time.
//
// On PostgreSQL: DATABASE_URL=postgres://…/name runs on that server, in fresh databases
// name_bench_1, name_bench_4 (dropped and created; nothing else is touched); BENCH_DATABASE=postgres
// starts a throwaway server from Debian's package instead (scripts/pg-cluster.mjs).
//
// Also, the figures the feature issues name, each with its target (a budget like the others):
//   - the server render time of a 200-step journey map page, one request at a time on the
//     scale-1 data (median under 20 ms);
//   - from scripts/bench-features.ts, on a data set of its own, computed afresh each time: the
//     burden rollup of a portfolio with 20,000 items (under 50 ms), the PRA status of a portfolio
//     with 50,000 participants in the last 12 months (under 50 ms), and assembling a PMC update
//     over 500 projects and 5,000 milestones (under 200 ms); and a quarter of post-transaction
//     survey data with 1,000,000 responses for one service: the file read, checked and tallied
//     (under 20 s), then, once stored, the trust and driver figures a page shows and the
//     portfolio page's trust by service (each under 50 ms);
//   - co-editing (scripts/bench-collab.mjs, scale 1, for reading, no budget yet): change-to-other-
//     screen latency p50/p95 with 2, 10 and 50 editors on one plan, and server memory per open
//     document;
//   - notification email (scale 1, for reading): 10,000 notifications queued at once, drained by
//     the server's own worker to a local SMTP server (scripts/smtp-sink.mjs), with the send
//     rate. The worker runs through every page measurement too, as in production.
//
// Budgets (exit code 1 when one is missed), at every scale and both concurrencies:
//   every page's CPU per request ≤ 1.6 × the floor's, and its requests per second ≥ 0.6 × the
//   floor's;
//   p99 ≤ 4 × p50 at 50 connections (the floor included);
//   p50 at scale 4 ≤ 1.2 × p50 at scale 1 (10 connections);
//   first-load JS ≤ 130 KB gzip on pages without the diagram or the editor;
//   server RSS ≤ 300 MB after each run.
// Absolute latencies are printed for reading only: on a shared 2-core machine the load generator
// takes a core, and the floor itself cannot promise a fixed number of milliseconds.
//
// Environment: BENCH_DURATION (seconds per measurement, default 5), BENCH_SCALES (default
// "1,4"), BENCH_PORT (default 3200), BENCH_DIR (where the databases go; default a temp folder).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import pg from 'pg';
import { measureCollab } from './bench-collab.mjs';
import { createDatabase, startCluster } from './pg-cluster.mjs';
import { startSmtpSink } from './smtp-sink.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const LIMIT_PORT = PORT + 1;
const FLOOR = 'sign-in (floor)';
/** Clock ticks per second of /proc's CPU times. */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const SCALES = (process.env.BENCH_SCALES ?? '1,4').split(',').map(Number);
const CONNECTIONS = [10, 50];
const BUDGET = { cpuRatio: 1.6, floorRatio: 0.6, tail: 4, growth: 1.2, jsKb: 130, rssMb: 300 };
/** Pages the JS budget leaves out: they carry the Mermaid diagram or the editor. */
const HEAVY = new Set(['journey']);
/** Each export is produced this many times, one at a time, after two unmeasured. */
const EXPORT_RUNS = 10;
/** Seconds at the start of each measurement whose requests are not counted (see load()). */
const RAMP_SECONDS = 1;
/** Notifications queued at once for the mail figure (scale 1). */
const MAIL_QUEUED = 10_000;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
  return r.stdout;
}

/** Runs one of the TypeScript data scripts with the app's code and returns its JSON line. */
function runScript(script, ...args) {
  // VITEST keeps the React Router plugin out of vite.config.ts for a plain Node run.
  const out = run('npx', ['vite-node', script, ...args], { VITEST: '1' });
  return JSON.parse(
    out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .at(-1),
  );
}

/** Builds the data set for one scale and returns the generator's manifest. */
function generate(file, scale) {
  return runScript('scripts/bench-generate.ts', file, String(scale));
}

async function startServer(dbFile, smtpPort) {
  const started = performance.now();
  // The same heap limit as `npm start`: V8 otherwise keeps what a burst of 50 connections
  // allocated, and resident memory stays high long after.
  const child = spawn('node', ['--max-old-space-size=192', 'server.js'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: dbFile,
      LOG_REQUESTS: 'off',
      NODE_ENV: 'production',
      DEMO_ACCOUNTS: 'on',
      // The notification worker runs through every measurement, as in production.
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_POLL_MS: '200',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const r = await fetch(`${BASE}/login`);
      if (r.ok) return { child, coldStartMs: performance.now() - started };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('the server exited during start-up');
    if (performance.now() - started > 120_000) throw new Error('server did not start');
    await sleep(20);
  }
}

async function stopServer(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The server's process and its workers, if it runs several. */
function processesOf(pid) {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return [pid, ...children.trim().split(/\s+/).filter(Boolean)];
  } catch {
    return [pid];
  }
}

/** Resident memory of the server, in MB. */
function rssMb(pid) {
  const read = (id) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  return processesOf(pid).reduce((kb, id) => kb + read(id), 0) / 1024;
}

/** CPU time the server has used so far (user + system, every thread), in milliseconds. */
function cpuMs(pid) {
  const read = (id) => {
    try {
      // The fields after the command's closing parenthesis; utime and stime are 14 and 15.
      const stat = fs.readFileSync(`/proc/${id}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  return (processesOf(pid).reduce((ticks, id) => ticks + read(id), 0) * 1000) / CLK_TCK;
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

/** One request: its status and milliseconds, as a browser would ask (gzip accepted). */
async function once(url, cookie) {
  const t0 = performance.now();
  const r = await fetch(`${BASE}${url}`, { headers: { Cookie: cookie }, redirect: 'manual' });
  const html = await r.text();
  return { status: r.status, ms: performance.now() - t0, html };
}

/** One request as raw bytes (gzip accepted, nothing decoded): status, headers, body and ms. */
function raw(url, cookie, base = BASE) {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    http
      .get(`${base}${url}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks = [];
        res
          .on('data', (c) => chunks.push(c))
          .on('end', () =>
            resolve({
              status: res.statusCode,
              headers: res.headers,
              body: Buffer.concat(chunks),
              ms: performance.now() - t0,
            }),
          );
      })
      .on('error', reject),
  );
}

/**
 * Starts the limit (scripts/bench-limit.mjs) with the floor's exact answer and measures it as the
 * pages are measured: the same connections, duration and CPU accounting.
 */
async function measureLimit(dir) {
  const floor = await raw('/login', '');
  const headers = { ...floor.headers };
  for (const h of ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])
    delete headers[h];
  const file = path.join(dir, 'limit.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ status: floor.status, headers, body: floor.body.toString('base64') }),
  );
  const child = spawn('node', ['scripts/bench-limit.mjs', String(LIMIT_PORT), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  try {
    const base = `http://127.0.0.1:${LIMIT_PORT}`;
    const out = { url: "(the floor's bytes)", bytes: floor.body.length };
    await load('/login', '', 10, 0.5, child.pid, base); // warm-up
    for (const connections of CONNECTIONS)
      out[connections] = await load('/login', '', connections, DURATION, child.pid, base);
    return out;
  } finally {
    await stopServer(child);
    fs.rmSync(file, { force: true });
  }
}

/** Each export produced EXPORT_RUNS times, one at a time: its size and the time to produce it. */
async function measureExports(exports, cookie) {
  const out = {};
  for (const [name, url] of Object.entries(exports)) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < EXPORT_RUNS + 2; i++) {
      const r = await raw(url, cookie);
      if (r.status !== 200) throw new Error(`${name} (${url}) answered ${r.status}`);
      bytes = r.body.length;
      if (i >= 2) times.push(r.ms);
    }
    times.sort((a, b) => a - b);
    out[name] = { url, kb: bytes / 1024, medianMs: percentile(times, 0.5), maxMs: times.at(-1) };
  }
  return out;
}

/** Mermaid journey source of `stages` × `steps` steps, for the import form. */
function journeySource(stages, steps) {
  const lines = ['journey', '  title Benchmark journey of 200 steps'];
  for (let s = 1; s <= stages; s++) {
    lines.push(`  section Stage ${s}`);
    for (let t = 1; t <= steps; t++)
      lines.push(`    Step ${s}.${t}: ${((s + t) % 5) + 1}: Applicant, Agency ${s}`);
  }
  return lines.join('\n');
}

/**
 * The server render time of a 200-step journey page: imported through the app's own form, then
 * asked for one request at a time (the body read raw, so no client-side gunzip is counted).
 */
async function journeyRender(cookie, portfolioSlug) {
  const imported = await fetch(`${BASE}/portfolios/${portfolioSlug}/journeys/import`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: BASE, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ source: journeySource(10, 20), versionLabel: 'as_is' }),
  });
  const url = imported.headers.get('location');
  if (!url?.startsWith('/journeys/')) throw new Error(`journey import failed: ${imported.status}`);
  const times = [];
  for (let i = 0; i < 230; i++) {
    const r = await raw(url, cookie);
    if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
    if (i >= 30) times.push(r.ms); // the first 30 warm up
  }
  times.sort((a, b) => a - b);
  return {
    url,
    steps: 200,
    requests: times.length,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    targetMs: 20,
  };
}

/**
 * The gzip size of the JS a page loads before any lazy import: the modules it preloads and its
 * module script imports, and everything those import statically, followed through the files.
 * Asset names elsewhere in the page do not count: the route manifest React Router inlines names
 * modules of other routes, which load only when a link to them is followed.
 */
const gzCache = new Map();
const importsCache = new Map();
function firstLoadJsKb(html) {
  const entry = [
    ...[...html.matchAll(/<link rel="modulepreload" href="(\/assets\/[\w.-]+\.js)"/g)].map(
      (m) => m[1],
    ),
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) =>
      [...m[1].matchAll(/import\s*(?:[^"'()]*?from\s*)?\(?\s*"(\/assets\/[\w.-]+\.js)"/g)].map(
        (i) => i[1],
      ),
    ),
  ];
  const files = new Set();
  const visit = (f) => {
    if (files.has(f)) return;
    files.add(f);
    if (!importsCache.has(f)) {
      const local = path.join('build/client', f);
      const code = fs.existsSync(local) ? fs.readFileSync(local) : Buffer.alloc(0);
      gzCache.set(f, code.length ? zlib.gzipSync(code).length : 0);
      // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
      const statics = [...code.toString('utf8').matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)];
      importsCache.set(
        f,
        statics.map((m) => `/assets/${m[1]}`),
      );
    }
    for (const next of importsCache.get(f)) visit(next);
  };
  for (const f of entry) visit(f);
  let bytes = 0;
  for (const f of files) bytes += gzCache.get(f);
  return bytes / 1024;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/**
 * autocannon against one page for RAMP_SECONDS + `duration` seconds. Only requests sent after the
 * first RAMP_SECONDS count: while the connections open under full load, a plain node:http server
 * too serves some connections' first request only after the others have had many turns (seconds
 * late; measured in docs/decisions/041-performance-as-ratios.md), and that is the opening of the
 * measurement, not the page. Throughput counts the answers after the ramp. Latencies are collected per response for exact percentiles; the CPU
 * time the process `pid` used over the whole run is divided by all the requests it answered.
 */
async function load(url, cookie, connections, duration, pid, base = BASE) {
  const latencies = [];
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const ramp = started + RAMP_SECONDS * 1000;
  const instance = autocannon({
    url: `${base}${url}`,
    connections,
    duration: RAMP_SECONDS + duration,
    headers: { cookie, 'accept-encoding': 'gzip' },
  });
  let answered = 0; // answers arriving after the ramp: the throughput
  let last = ramp;
  instance.on('response', (_client, _status, _bytes, ms) => {
    const now = performance.now();
    if (now - ms >= ramp) latencies.push(ms);
    if (now >= ramp) {
      answered++;
      last = now;
    }
  });
  const result = await instance;
  const cpu = cpuMs(pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    rps: (answered * 1000) / (last - ramp),
    cpuMsPerRequest: cpu / result.requests.total,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Where each scale's data set goes: a SQLite file, or a fresh PostgreSQL database. */
async function databaseFor(scale, dir, postgres) {
  if (!postgres) return path.join(dir, `bench-scale-${scale}.db`);
  const name = `${new URL(postgres).pathname.slice(1) || 'postgres'}_bench_${scale}`;
  return createDatabase(postgres, name);
}

async function dbSizeMb(file) {
  if (/^postgres(ql)?:/.test(file)) {
    const client = new pg.Client({ connectionString: file });
    await client.connect();
    try {
      const { rows } = await client.query('select pg_database_size(current_database()) as b');
      return Number(rows[0].b) / 1024 / 1024;
    } finally {
      await client.end();
    }
  }
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    if (fs.existsSync(file + suffix)) bytes += fs.statSync(file + suffix).size;
  }
  return bytes / 1024 / 1024;
}

async function measureScale(scale, dir, postgres) {
  const file = await databaseFor(scale, dir, postgres);
  console.log(`\nScale ${scale}: generating the data set…`);
  const manifest = generate(file, scale);
  console.log(`  ${JSON.stringify(manifest.counts)} in ${manifest.seconds} s`);
  const mailDir = path.join(dir, `mail-${scale}`);
  const sink = await startSmtpSink({ dir: mailDir });
  const { child, coldStartMs } = await startServer(file, sink.port);
  try {
    const cookie = await signIn('omb.lead@example.gov');
    const pages = { [FLOOR]: '/login', ...manifest.pages };
    const out = {};
    for (const [name, url] of Object.entries(pages)) {
      const first = await once(url, name === FLOOR ? '' : cookie);
      if (first.status !== 200) throw new Error(`${name} (${url}) answered ${first.status}`);
      out[name] = { url, firstMs: first.ms, jsKb: firstLoadJsKb(first.html) };
    }
    const limit = await measureLimit(dir);
    for (const [name, url] of Object.entries(pages)) {
      const as = name === FLOOR ? '' : cookie;
      await load(url, as, 10, 0.5, child.pid); // warm-up
      for (const connections of CONNECTIONS) {
        const r = await load(url, as, connections, DURATION, child.pid);
        if (r.non2xx > 0 || r.errors > 0)
          throw new Error(`${name}: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
        out[name][connections] = r;
        process.stdout.write('.');
      }
    }
    process.stdout.write('\n');
    const exports = await measureExports(manifest.exports, cookie);
    const journey200 = scale === 1 ? await journeyRender(cookie, 'having-a-child') : undefined;
    const collab =
      scale === 1
        ? await measureCollab({
            base: BASE,
            cookie,
            plans: manifest.plans,
            rss: () => rssMb(child.pid),
          })
        : undefined;
    process.stdout.write('\n');
    const mail = scale === 1 ? await drainFigure(file, mailDir) : undefined;
    return {
      scale,
      limit,
      exports,
      journey200,
      collab,
      mail,
      counts: manifest.counts,
      generateSeconds: manifest.seconds,
      coldStartMs,
      rssMb: rssMb(child.pid),
      dbMb: await dbSizeMb(file),
      pages: out,
    };
  } finally {
    await stopServer(child);
    await sink.stop();
    fs.rmSync(mailDir, { recursive: true, force: true });
    if (!postgres)
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

/**
 * Queues MAIL_QUEUED notifications at once and times the running server's worker sending them
 * all to the local SMTP server: messages per second, counted at the mail server.
 */
async function drainFigure(file, mailDir) {
  const count = () => fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).length;
  const before = count();
  runScript('scripts/bench-mail.ts', file, String(MAIL_QUEUED));
  const started = performance.now();
  while (count() - before < MAIL_QUEUED) {
    if (performance.now() - started > 600_000) throw new Error('the outbox did not drain');
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  return { queued: MAIL_QUEUED, seconds, perSecond: MAIL_QUEUED / seconds };
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');

function report(runs) {
  const failures = [];
  const base = runs.find((r) => r.scale === 1) ?? runs[0];
  const big = runs.find((r) => r.scale !== base.scale);
  const row = (cells, widths) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]) : c.padStart(widths[i]))).join('');
  const widths = [24, 5, 8, 7, 8, 7, 8, 8, 8, 7, 9, 9];
  for (const run of runs) {
    const floor = run.pages[FLOOR];
    console.log(
      `\nScale ${run.scale} · ${os.cpus().length} cores · ${run.counts.projects.toLocaleString('en-US')} projects, ` +
        `${run.counts.audit_log.toLocaleString('en-US')} audit rows · database ${fmt(run.dbMb)} MB · ` +
        `cold start ${fmt(run.coldStartMs, 0)} ms · RSS after run ${fmt(run.rssMb)} MB`,
    );
    console.log(
      row(
        [
          'page',
          'conns',
          'req/s',
          '×floor',
          'CPU ms',
          '×floor',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'p99/50',
          'first ms',
          'JS KB gz',
        ],
        widths,
      ),
    );
    const line = (name, page, c) => {
      const r = page[c];
      r.floorRatio = r.rps / floor[c].rps;
      r.cpuRatio = r.cpuMsPerRequest / floor[c].cpuMsPerRequest;
      r.tail = r.p99 / r.p50;
      console.log(
        row(
          [
            c === 10 ? name : '',
            String(c),
            fmt(r.rps, 0),
            fmt(r.floorRatio, 2),
            fmt(r.cpuMsPerRequest, 2),
            fmt(r.cpuRatio, 2),
            fmt(r.p50),
            fmt(r.p95),
            fmt(r.p99),
            fmt(r.tail, 1),
            c === 10 && page.firstMs ? fmt(page.firstMs) : '',
            c === 10 && page.jsKb ? fmt(page.jsKb) : '',
          ],
          widths,
        ),
      );
      return r;
    };
    for (const c of CONNECTIONS) line('limit (bare node:http)', run.limit, c);
    for (const [name, page] of Object.entries(run.pages)) {
      for (const c of CONNECTIONS) {
        const r = line(name, page, c);
        const where = `${name} (scale ${run.scale}, ${c} connections)`;
        if (name !== FLOOR) {
          if (r.cpuRatio > BUDGET.cpuRatio)
            failures.push(
              `${where}: ${fmt(r.cpuMsPerRequest, 2)} ms CPU a request, ${fmt(r.cpuRatio, 2)} × the floor's > ${BUDGET.cpuRatio}`,
            );
          if (r.floorRatio < BUDGET.floorRatio)
            failures.push(
              `${where}: ${fmt(r.rps, 0)} req/s, ${fmt(r.floorRatio, 2)} × the floor's < ${BUDGET.floorRatio}`,
            );
        }
        if (c === 50 && r.tail > BUDGET.tail)
          failures.push(
            `${where}: p99 ${fmt(r.p99, 0)} ms is ${fmt(r.tail, 1)} × p50 ${fmt(r.p50, 0)} ms > ${BUDGET.tail}`,
          );
      }
      if (!HEAVY.has(name) && page.jsKb > BUDGET.jsKb)
        failures.push(
          `${name} (scale ${run.scale}): first-load JS ${fmt(page.jsKb)} KB gzip > ${BUDGET.jsKb} KB`,
        );
    }
    console.log(
      `Framework factor (limit req/s ÷ floor req/s): ${CONNECTIONS.map((c) => `${fmt(run.limit[c].rps / floor[c].rps, 1)} at ${c} connections`).join(', ')}; ` +
        `CPU a request, floor ÷ limit: ${CONNECTIONS.map((c) => fmt(floor[c].cpuMsPerRequest / run.limit[c].cpuMsPerRequest, 0)).join(' and ')}`,
    );
    for (const [name, e] of Object.entries(run.exports))
      console.log(
        `${name} (${fmt(e.kb, 0)} KB): produced one at a time in ${fmt(e.medianMs, 0)} ms (median of ${EXPORT_RUNS}; slowest ${fmt(e.maxMs, 0)} ms)`,
      );
    if (run.rssMb > BUDGET.rssMb)
      failures.push(`scale ${run.scale}: RSS ${fmt(run.rssMb)} MB > ${BUDGET.rssMb} MB`);
  }
  if (big) {
    console.log(
      `\nGrowth: p50 at scale ${big.scale} / p50 at scale ${base.scale} (10 connections)`,
    );
    for (const name of Object.keys(base.pages)) {
      const ratio = big.pages[name][10].p50 / base.pages[name][10].p50;
      big.pages[name].growth = ratio;
      const flag = ratio > BUDGET.growth ? '  over budget' : '';
      console.log(`  ${name.padEnd(22)}${fmt(ratio, 2).padStart(6)}${flag}`);
      if (ratio > BUDGET.growth)
        failures.push(
          `${name}: p50 grew ${fmt(ratio, 2)}× from scale ${base.scale} to ${big.scale}`,
        );
    }
  }
  return failures;
}

/** Prints the feature figures, each against its target; returns the ones missed. */
function reportFeatures(runs, features) {
  const rows = [];
  const journey = runs.find((r) => r.journey200)?.journey200;
  if (journey)
    rows.push([
      `journey page, ${journey.steps} steps (server render, one at a time; p95 ${fmt(journey.p95Ms)} ms)`,
      journey.medianMs,
      journey.targetMs,
    ]);
  const { burdenRollup: b, praStatus: p, pmcAssemble: u, surveyFigures: v } = features;
  rows.push(
    [
      `burden rollup, ${b.items.toLocaleString('en-US')} items in one portfolio`,
      b.medianMs,
      b.targetMs,
    ],
    [
      `PRA status, ${p.participants.toLocaleString('en-US')} participants in 12 months, ${p.collections} collections`,
      p.medianMs,
      p.targetMs,
    ],
    [
      `PMC update, ${u.projects} projects and ${u.milestones.toLocaleString('en-US')} milestones (${u.quarter})`,
      u.medianMs,
      u.targetMs,
    ],
    [
      `survey file, ${v.rows.toLocaleString('en-US')} responses: read, checked, tallied (best of 2)`,
      v.readMedianMs,
      v.readTargetMs,
    ],
    [
      `survey figures (trust, drivers) of those ${v.rows.toLocaleString('en-US')} responses, as stored`,
      v.medianMs,
      v.targetMs,
    ],
    [`trust by service on a portfolio page, with them stored`, v.trustListMs, v.targetMs],
  );
  const mail = runs.find((r) => r.mail)?.mail;
  if (mail)
    console.log(
      `\nNotification email (scale 1, the server's own worker, a local SMTP server): ${mail.queued.toLocaleString('en-US')} queued at once, sent in ${fmt(mail.seconds, 1)} s: ${fmt(mail.perSecond, 0)} messages a second`,
    );
  const collab = runs.find((r) => r.collab)?.collab;
  if (collab) {
    console.log(
      '\nCo-editing one plan (scale 1): change to every other editor, ms    p50      p95',
    );
    for (const [editors, l] of Object.entries(collab.latency))
      console.log(
        `  ${`${editors} editors (${l.pairs} change–receiver pairs)`.padEnd(64)}${fmt(l.p50, 1).padStart(7)}${fmt(l.p95, 1).padStart(9)}`,
      );
    console.log(
      `  server memory per open document (${collab.documents} plans open): ${fmt(collab.mbPerDocument, 2)} MB`,
    );
  }
  console.log('\nFeature figures (median; computed afresh, no cache)      median ms   target');
  const failures = [];
  for (const [name, ms, target] of rows) {
    console.log(`  ${name.padEnd(72)}${fmt(ms, 2).padStart(8)}   < ${target}`);
    if (!(ms < target)) failures.push(`${name}: median ${fmt(ms, 2)} ms, target < ${target} ms`);
  }
  console.log(
    `  (served from the change-stamp cache: rollup ${fmt(b.cachedMedianMs, 2)} ms, PRA ${fmt(p.cachedMedianMs, 2)} ms, PMC ${fmt(u.cachedMedianMs, 2)} ms)`,
  );
  console.log(
    `  (storing the ${v.rows.toLocaleString('en-US')} responses, checked again first: ${fmt(v.importMs / 1000, 1)} s; trust ${v.trust.shown ? `${fmt(v.trust.percent, 1)}%` : 'not shown'} of ${v.trust.of.toLocaleString('en-US')})`,
  );
  return failures;
}

async function main() {
  run('node', ['scripts/ensure-build.mjs']);
  let postgres = /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? '')
    ? process.env.DATABASE_URL
    : undefined;
  let cluster;
  if (!postgres && process.env.BENCH_DATABASE === 'postgres') {
    cluster = await startCluster();
    postgres = cluster.url('postgres');
  }
  console.log(`Database: ${postgres ? `PostgreSQL (${new URL(postgres).host})` : 'SQLite'}`);
  const dir = process.env.BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lew-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const runs = [];
  let features;
  try {
    for (const scale of SCALES) runs.push(await measureScale(scale, dir, postgres));
    console.log('\nFeature figures: generating their data set…');
    const file = await databaseFor('features', dir, postgres);
    features = runScript('scripts/bench-features.ts', file);
    if (!postgres)
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  } finally {
    if (!process.env.BENCH_DIR) fs.rmSync(dir, { recursive: true, force: true });
    cluster?.stop();
  }
  const failures = [...report(runs), ...reportFeatures(runs, features)];
  fs.mkdirSync('bench-results', { recursive: true });
  const result = {
    at: new Date().toISOString(),
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    durationSeconds: DURATION,
    budgets: BUDGET,
    runs,
    features,
    failures,
  };
  const out = postgres ? 'bench-results/latest-postgres.json' : 'bench-results/latest.json';
  fs.writeFileSync(
    out,
    JSON.stringify({ database: postgres ? 'postgres' : 'sqlite', ...result }, null, 2),
  );
  console.log(`\nFigures written to ${out}`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} budget(s) missed:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Every budget met.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
