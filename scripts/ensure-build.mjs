// Builds the app when build/ is missing or older than any source file, so `npm start` on a
// fresh clone builds once and later starts are immediate.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const output = 'build/server/index.js';
const sources = [
  'app',
  'db',
  'seeds',
  'public',
  'package-lock.json',
  'vite.config.ts',
  'react-router.config.ts',
];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const changed = Math.max(...sources.map(newest));
if (built === 0 || changed > built) {
  console.log(built === 0 ? 'Building the workspace…' : 'Sources changed; rebuilding…');
  const result = spawnSync('npx', ['react-router', 'build'], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
