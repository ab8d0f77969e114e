// A throwaway PostgreSQL server for the tests and the benchmark, from Debian's `postgresql`
// package: a new cluster in a temporary folder, listening on loopback only, trusted local access,
// no fsync (nothing in it outlives the run). Installed with apt-get when missing and running as
// root; PostgreSQL refuses to run as root, so then its commands run as the `postgres` user.
//
//   const cluster = await startCluster();   // { url(db), createDatabase(name), stop() }
//   node scripts/pg-cluster.mjs              // starts one and prints its URL until Ctrl-C
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureDebianPackage, freePort, isRoot } from './throwaway.mjs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

function binDir() {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

function ensureInstalled() {
  return ensureDebianPackage({
    pkg: 'postgresql',
    name: 'PostgreSQL',
    purpose: 'for TEST_DATABASE=postgres',
    find: binDir,
  });
}

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function run(bin, args) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: 'pipe', encoding: 'utf8' });
}

/**
 * Creates database `name` on the server `url` points at (dropping an older one), optionally as a
 * copy of `template`; returns the new database's URL.
 */
export async function createDatabase(url, name, template) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export async function startCluster({ quiet = false } = {}) {
  const bin = ensureInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-pg-'));
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  // C collation: text sorts by code point, as SQLite's default does, so both databases list
  // things in the same order.
  run(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'workspace',
    '--auth=trust',
    '--no-locale',
    '-E',
    'UTF8',
  ]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=400',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ]);
  const base = `postgres://workspace@127.0.0.1:${port}`;
  if (!quiet) console.log(`PostgreSQL ${path.basename(path.dirname(bin))} on ${base} (${dir})`);

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already gone
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);

  return {
    url: (database = 'postgres') => `${base}/${database}`,
    /** Creates `name` (dropping an older one), optionally as a copy of `template`. */
    createDatabase: (name, template) => createDatabase(`${base}/postgres`, name, template),
    stop,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startCluster();
  const url = await cluster.createDatabase('workspace');
  console.log(`DATABASE_URL=${url}`);
  const quit = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  setInterval(() => {}, 1 << 30);
}
