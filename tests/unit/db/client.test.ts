/**
 * The SQLite connection the workspace opens: a file in WAL mode with foreign keys on and a busy
 * timeout (issue 2, "Database"), and where DATABASE_URL puts that file.
 */
import { sql, type Kysely } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUSY_TIMEOUT_MS, migrateToLatest, openDatabase, sqlitePathFromUrl } from '#db/client';
import type { Database } from '#db/schema';

async function pragma(db: Kysely<Database>, name: string): Promise<unknown> {
  const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
  return Object.values(rows[0] ?? {})[0];
}

describe('sqlitePathFromUrl', () => {
  it.each([
    [undefined, 'data/workspace.db'],
    ['', 'data/workspace.db'],
    ['data/other.db', 'data/other.db'],
    ['/var/lib/workspace/workspace.db', '/var/lib/workspace/workspace.db'],
    ['file:data/workspace.db', 'data/workspace.db'],
    ['file:///var/lib/workspace.db', '/var/lib/workspace.db'],
    [':memory:', ':memory:'],
  ])('%s → %s', (url, file) => {
    expect(sqlitePathFromUrl(url)).toBe(file);
  });
});

describe('a SQLite file opened by openDatabase', () => {
  let db: Kysely<Database> | undefined;
  let dir: string;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function open() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-client-'));
    // A directory that does not exist yet: openDatabase makes it.
    const file = path.join(dir, 'nested', 'workspace.db');
    db = openDatabase(file);
    return { db, file };
  }

  it('is in WAL mode with foreign keys on and the configured busy timeout', async () => {
    const { db, file } = open();
    expect(await pragma(db, 'journal_mode')).toBe('wal');
    expect(await pragma(db, 'foreign_keys')).toBe(1);
    expect(await pragma(db, 'busy_timeout')).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeGreaterThan(0);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('keeps the busy timeout after a write transaction (which waits on its own)', async () => {
    const { db } = open();
    await migrateToLatest(db);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('agencies')
        .values({ code: 'TST', name: 'Test Agency', parent_id: null })
        .execute();
    });
    expect(await pragma(db, 'busy_timeout')).toBe(BUSY_TIMEOUT_MS);
  });

  it('refuses a row that points at nothing (foreign keys are enforced)', async () => {
    const { db } = open();
    await migrateToLatest(db);
    await expect(
      db
        .insertInto('sessions')
        .values({
          id_hash: 'x',
          person_id: 999_999,
          created_at: new Date().toISOString(),
          expires_at: new Date().toISOString(),
          last_seen_at: new Date().toISOString(),
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/i);
  });
});
