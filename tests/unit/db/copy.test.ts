/**
 * `node server.js copy <sqlite file> <postgres url>`: the seeded workspace moves with its ids,
 * every table's row count matches, and the copy goes on working (new ids after the copied ones).
 * On `TEST_DATABASE=postgres` the target is PostgreSQL; on `npm test` another SQLite database.
 */
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '#db/client';
import { copyWorkspace } from '#db/copy';
import { recordAudit } from '#db/audit';
import { checkSchema } from '#db/schema-check';
import { searchPage } from '#db/queries/search';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { seedJourneys } from '#seeds/journeys';
import { testDatabase } from '../helpers';

async function seededSqlite() {
  const db = openDatabase(':memory:');
  await migrateToLatest(db);
  await seedReferenceData(db);
  await seedJourneys(db);
  await syncDemoAccounts(db, true);
  return db;
}

describe('copying a SQLite workspace', () => {
  it('moves every row of the seeded workspace; the counts match table by table', async () => {
    const source = await seededSqlite();
    const target = await testDatabase('empty');
    const report = await copyWorkspace(source, target);
    expect(report.length).toBeGreaterThan(30);
    for (const r of report) expect(r.target, r.table).toBe(r.source);
    const byTable = Object.fromEntries(report.map((r) => [r.table, r.source]));
    expect(byTable.portfolios).toBe(5);
    expect(byTable.journey_steps).toBeGreaterThan(0);
    expect(byTable.accounts).toBeGreaterThan(5);
    expect(await checkSchema(target)).toEqual([]);
    // The search index is not copied but rebuilt on the target, with the target's own search.
    expect(byTable.search_entries).toBeUndefined();
    const found = await searchPage(
      target,
      { fts5: '("ex parte")', websearch: '"ex parte"' },
      { audiences: ['signed_in'], kind: 'project' },
      { limit: 5, offset: 0 },
    );
    expect(found.map((h) => h.title)).toEqual(['Automated ex parte Medicaid renewals']);

    // Same ids, and the next id comes after the copied ones.
    const [a, b] = await Promise.all(
      [source, target].map((db) =>
        db.selectFrom('projects').select(['id', 'name']).orderBy('id').execute(),
      ),
    );
    expect(b).toEqual(a);
    await target.transaction().execute((trx) =>
      recordAudit(trx, {
        actorId: null,
        action: 'update',
        entityType: 'workspace',
        entityId: 0,
        portfolioId: null,
        before: null,
        after: null,
        at: new Date().toISOString(),
      }),
    );
    const newest = await target
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const copiedMax = await source
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    expect(Number(newest.id)).toBe(Number(copiedMax.id) + 1);
  });

  it('refuses a target that already has rows, and changes nothing there', async () => {
    const source = await seededSqlite();
    const target = await testDatabase('empty');
    await migrateToLatest(target);
    await seedReferenceData(target);
    await expect(copyWorkspace(source, target)).rejects.toThrow(/already has rows/);
    const n = await target
      .selectFrom('portfolios')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5);
  });
});
