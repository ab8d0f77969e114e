/**
 * Online backup of a SQLite workspace, and restoring one: `node server.js backup <file>` while
 * the server runs, `node server.js restore <file>` with it stopped (docs/backups.md). PostgreSQL
 * deployments use pg_dump and pg_restore instead (docs/postgresql.md).
 *
 * The backup is `vacuum into`: one read transaction, so it is a consistent copy of the moment it
 * began even while people keep saving (SQLite's page-by-page backup API starts over whenever
 * another connection writes, and under steady saving never finishes). The copy is compacted and
 * checked with `pragma integrity_check`.
 */
import SQLite from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { sqlitePathFromUrl } from './client';
import { isPostgresUrl } from './dialect';

function sqliteFile(url: string | undefined): string {
  if (isPostgresUrl(url))
    throw new Error(
      'This workspace runs on PostgreSQL: back it up with pg_dump (docs/postgresql.md).',
    );
  return sqlitePathFromUrl(url);
}

/** Problems `pragma integrity_check` finds in a SQLite file (none: it is sound). */
export function integrityProblems(file: string): string[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } finally {
    db.close();
  }
}

/** Copies the live workspace at `url` into `destination`; returns its size in bytes. */
export function backupWorkspace(url: string | undefined, destination: string): number {
  const source = sqliteFile(url);
  if (!fs.existsSync(source)) throw new Error(`No SQLite workspace at ${source}.`);
  if (fs.existsSync(destination))
    throw new Error(`${destination} exists already; choose a new file.`);
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('vacuum into ?').run(destination);
  } finally {
    db.close();
  }
  const problems = integrityProblems(destination);
  if (problems.length > 0)
    throw new Error(`The backup failed its integrity check: ${problems.join('; ')}`);
  return fs.statSync(destination).size;
}

/**
 * Puts a backup in place of the workspace at `url` (the server must be stopped). The backup is
 * checked first; the current file is kept beside it as `<file>.before-restore`.
 */
export function restoreWorkspace(url: string | undefined, backup: string): string | null {
  const target = sqliteFile(url);
  if (!fs.existsSync(backup)) throw new Error(`No backup at ${backup}.`);
  const problems = integrityProblems(backup);
  if (problems.length > 0)
    throw new Error(`The backup failed its integrity check: ${problems.join('; ')}`);
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the write-ahead log into the file first, so the kept copy is whole.
    const current = new SQLite(target);
    current.pragma('wal_checkpoint(TRUNCATE)');
    current.close();
    kept = `${target}.before-restore`;
    fs.copyFileSync(target, kept);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(backup, target);
  return kept;
}
