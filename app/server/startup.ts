import { closeDb, getDb, migrateToLatest, type DB } from '#db/client';
import { duringStartup } from '#db/dialect';
import { authConfig } from '~/auth/config.server';
import { deleteExpiredSessions } from '~/commands/sessions';
import { checkSchema } from '#db/schema-check';
import { rebuildSearchIndex, searchIndexMissing, type IndexedRecord } from '#db/search-index';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { seedJourneys } from '#seeds/journeys';
import { seedMeasurement } from '#seeds/measurement';

/**
 * DEMO_ACCOUNTS: `on` keeps the demo accounts, `off` starts without them (and disables any that
 * exist). Unset means `auto`: demo accounts exist only until the workspace has a real account,
 * so a deployment that ran `create-admin` never keeps accounts with a published password.
 */
export function demoAccountsSetting(): 'on' | 'off' | 'auto' {
  const v = (process.env.DEMO_ACCOUNTS ?? '').trim().toLowerCase();
  if (['off', 'false', '0', 'no'].includes(v)) return 'off';
  if (['on', 'true', '1', 'yes'].includes(v)) return 'on';
  return 'auto';
}

/** Whether the demo accounts should exist in this workspace now. */
export async function demoAccountsWanted(db: DB): Promise<boolean> {
  const setting = demoAccountsSetting();
  if (setting !== 'auto') return setting === 'on';
  const real = await db
    .selectFrom('accounts')
    .select('person_id')
    .where('is_demo', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return real === undefined;
}

/**
 * Everything the server needs before its first request: schema, seeds, housekeeping.
 * `demoAccounts: false` leaves no demo account behind whatever the setting (create-admin).
 */
export async function prepareDatabase(
  log: (line: string) => void = console.log,
  options: { demoAccounts?: false } = {},
): Promise<void> {
  // A bad sign-in setting stops the server here, naming the setting.
  authConfig();
  const db = getDb();
  await duringStartup(db, () => migrateAndSeed(log, options.demoAccounts));
  await deleteExpiredSessions(db, new Date().toISOString());
}

async function migrateAndSeed(log: (line: string) => void, demoAccounts?: false): Promise<void> {
  const db = getDb();
  const applied = await migrateToLatest(db);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  const added = await seedReferenceData(db);
  if (added > 0) log(`Seeded ${added} Life Experience portfolios.`);
  const journeys = await seedJourneys(db);
  if (journeys > 0) log(`Seeded ${journeys} illustrative journey maps.`);
  const measurement = await seedMeasurement(db);
  if (measurement > 0)
    log(
      `Seeded ${measurement} success measures and survey collections (sources named; surveys illustrative).`,
    );
  // The seeds write records without audit rows, so what they added is indexed after them; a
  // workspace whose index was never built (one from before migration 25) is indexed whole.
  const toIndex: IndexedRecord[] | undefined =
    added > 0 || (await searchIndexMissing(db))
      ? undefined
      : [
          ...(journeys > 0 ? (['journey_map'] as const) : []),
          ...(measurement > 0 ? (['success_measure'] as const) : []),
        ];
  if (toIndex === undefined || toIndex.length > 0) {
    const entries = await rebuildSearchIndex(db, toIndex);
    log(`Built the search index (${entries.toLocaleString('en-US')} entries).`);
  }
  const demo = await syncDemoAccounts(db, demoAccounts ?? (await demoAccountsWanted(db)));
  if (demo.created > 0) log(`Created ${demo.created} demo accounts (password: workspace-demo).`);
  if (demo.removed > 0) log(`Disabled ${demo.removed} demo accounts.`);
}

/** Differences between the database's tables and the schema this build expects (none: ok). */
export async function checkDatabaseSchema(): Promise<string[]> {
  return checkSchema(getDb());
}

export { closeDb };

/** `npm run db:reindex`: writes the search index again from the records; returns its entries. */
export async function reindexSearch(): Promise<number> {
  return rebuildSearchIndex(getDb());
}
