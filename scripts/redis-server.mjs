// A throwaway Redis server for the tests, from Debian's `redis-server` package: loopback only, no
// persistence (nothing in it outlives the run), on a free port. Installed with apt-get when
// missing and running as root, as scripts/pg-cluster.mjs does for PostgreSQL.
//
//   const redis = await startRedis();   // { url, port, stop(), start() }
//   node scripts/redis-server.mjs        // starts one and prints its URL until Ctrl-C
//
// `stop()` kills it (SIGKILL: Redis gone without warning) and `start()` starts it again on the
// same port, for the tests of what happens while Redis is down.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { ensureDebianPackage, freePort } from './throwaway.mjs';

function binary() {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin'])) {
    const candidate = `${dir}/redis-server`;
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function ensureInstalled() {
  return ensureDebianPackage({
    pkg: 'redis-server',
    name: 'Redis',
    purpose: 'for the co-editing tests',
    find: binary,
  });
}

/** Resolves once the server answers PING, or rejects after ten seconds. */
async function ready(port) {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

export async function startRedis({ quiet = false } = {}) {
  const bin = ensureInstalled();
  const port = await freePort();
  let child = null;
  const start = async () => {
    if (child) return;
    child = spawn(
      bin,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const exited = child;
    exited.once('exit', () => {
      if (child === exited) child = null;
    });
    await ready(port);
  };
  const stop = async () => {
    const running = child;
    if (!running) return;
    child = null;
    await new Promise((resolve) => {
      running.once('exit', resolve);
      running.kill('SIGKILL');
    });
  };
  await start();
  process.once('exit', () => child?.kill('SIGKILL'));
  const url = `redis://127.0.0.1:${port}`;
  if (!quiet) console.log(`Redis on ${url}`);
  return { url, port, start, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const redis = await startRedis();
  console.log(`REDIS_URL=${redis.url}`);
  const quit = async () => {
    await redis.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  setInterval(() => {}, 1 << 30);
}
