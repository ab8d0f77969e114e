// What the throwaway servers of the tests share (scripts/pg-cluster.mjs, scripts/redis-server.mjs):
// a Debian package installed with apt-get when it is missing and we run as root, and a free port.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * What `find()` finds (a program's path), installing Debian's package `pkg` first when it finds
 * nothing. Without root, says what to install instead.
 */
export function ensureDebianPackage({ pkg, name, purpose, find }) {
  const found = find();
  if (found) return found;
  if (!isRoot) {
    throw new Error(
      `${name} is not installed. Install Debian's package (sudo apt-get install -y ${pkg}) ` +
        'and run again.',
    );
  }
  console.log(`Installing Debian ${pkg} ${purpose}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', pkg],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
  const installed = find();
  if (!installed) throw new Error(`${pkg} installed, but its programs were not found`);
  return installed;
}

/** A TCP port free on loopback now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
