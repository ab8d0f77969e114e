/**
 * The shape docs/architecture.md draws, checked over the source tree so a change that breaks it
 * fails here with the file named (lint checks the import directions; this checks the rest).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function filesUnder(dir: string, ext = /\.tsx?$/): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...filesUnder(rel, ext));
    else if (ext.test(name)) out.push(rel);
  }
  return out;
}

const text = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const offenders = (files: string[], pattern: RegExp) => files.filter((f) => pattern.test(text(f)));

describe('the layers', () => {
  it.each([
    [
      'db/queries writes nothing (writes are commands)',
      'db/queries',
      /\.(insertInto|updateTable|deleteFrom|replaceInto)\(|\.transaction\(\)/,
    ],
    ['db/ never asks the policy', 'db', /\bcan\(/],
    ['db/ never reads form schemas', 'db', /from '~\/schemas/],
    ['routes never open the database themselves', 'app/routes', /\bgetDb\(/],
  ])('%s', (_rule, dir, pattern) => {
    expect(offenders(filesUnder(dir), pattern)).toEqual([]);
  });

  it('no server module sits loose at the app root (React Router’s own entry aside)', () => {
    const loose = readdirSync(path.join(root, 'app')).filter(
      (f) => /\.server\.tsx?$/.test(f) && f !== 'entry.server.tsx',
    );
    expect(loose).toEqual([]);
  });

  it('no route file is over 250 lines', () => {
    const long = filesUnder('app/routes')
      .map((f) => [f, text(f).split('\n').length] as const)
      .filter(([, lines]) => lines > 250);
    expect(long).toEqual([]);
  });
});
