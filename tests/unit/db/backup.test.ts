/**
 * `node server.js backup` takes a consistent copy of a live SQLite workspace while writes go on;
 * `restore` puts it back, and everything in the backup is there. (PostgreSQL: pg_dump.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupWorkspace, integrityProblems, restoreWorkspace } from '#db/backup';
import { migrateToLatest, openDatabase } from '#db/client';
import { recordAudit } from '#db/audit';
import { describeSchema } from '#db/schema-check';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { seedJourneys } from '#seeds/journeys';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function counts(file: string) {
  const db = openDatabase(file);
  const out: Record<string, number> = {};
  for (const table of Object.keys(await describeSchema(db))) {
    const row = await db
      .selectFrom(table as 'projects')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  await db.destroy();
  return out;
}

const audit = (i: number) => ({
  actorId: null,
  action: 'update' as const,
  entityType: 'workspace' as const,
  entityId: i,
  portfolioId: null,
  before: null,
  after: null,
  at: new Date().toISOString(),
});

describe('backup and restore of a SQLite workspace', () => {
  it('backs up while people write, restores, and finds everything', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-backup-'));
    const live = path.join(dir, 'workspace.db');
    const db = openDatabase(live);
    await migrateToLatest(db);
    await seedReferenceData(db);
    await seedJourneys(db);
    await syncDemoAccounts(db, true);
    // Writes land right up to the backup and right after it (`vacuum into` reads one snapshot,
    // so another process's writes during it do not disturb it either).
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await db.transaction().execute((trx) => recordAudit(trx, audit(written)));
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const backup = path.join(dir, 'backups', 'workspace-backup.db');
    await new Promise((r) => setTimeout(r, 50));
    const bytes = backupWorkspace(live, backup);
    await new Promise((r) => setTimeout(r, 50));
    writing = false;
    await writer;
    expect(bytes).toBeGreaterThan(100_000);
    expect(written).toBeGreaterThan(0);
    expect(integrityProblems(backup)).toEqual([]);
    const inBackup = await counts(backup);
    expect(inBackup.portfolios).toBe(5);
    expect(inBackup.journey_maps).toBe(5);
    expect(inBackup.accounts).toBe(34);

    // Later work, then a restore: the workspace is as the backup was.
    await db.transaction().execute((trx) => recordAudit(trx, audit(-1)));
    await db.destroy();
    const kept = restoreWorkspace(live, backup);
    expect(kept).toBe(`${live}.before-restore`);
    expect(integrityProblems(live)).toEqual([]);
    expect(await counts(live)).toEqual(inBackup);
    // The workspace as it was before the restore is kept, whole.
    expect((await counts(kept!)).audit_log).toBeGreaterThan(inBackup.audit_log!);
  });

  it('refuses to overwrite a file, or a corrupt backup', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-backup-'));
    const live = path.join(dir, 'workspace.db');
    const db = openDatabase(live);
    await migrateToLatest(db);
    await db.destroy();
    const taken = path.join(dir, 'taken.db');
    fs.writeFileSync(taken, 'x');
    expect(() => backupWorkspace(live, taken)).toThrow(/exists already/);
    const corrupt = path.join(dir, 'corrupt.db');
    fs.writeFileSync(corrupt, 'this is not a database');
    expect(() => restoreWorkspace(live, corrupt)).toThrow();
    expect(integrityProblems(live)).toEqual([]);
  });
});
