import { closeDb, getDb, migrateToLatest } from '#db/client';
import { duringStartup } from '#db/dialect';
import { deleteExpiredSessions } from '#db/queries/sessions';
import { checkSchema } from '#db/schema-check';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { seedJourneys } from '#seeds/journeys';

/** DEMO_ACCOUNTS=off starts a workspace without the demo accounts (and disables existing ones). */
export function demoAccountsEnabled(): boolean {
  const v = (process.env.DEMO_ACCOUNTS ?? 'on').toLowerCase();
  return !['off', 'false', '0', 'no'].includes(v);
}

/** Everything the server needs before its first request: schema, seeds, housekeeping. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const db = getDb();
  await duringStartup(db, () => migrateAndSeed(log));
  await deleteExpiredSessions(db, new Date().toISOString());
}

async function migrateAndSeed(log: (line: string) => void): Promise<void> {
  const db = getDb();
  const applied = await migrateToLatest(db);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  const added = await seedReferenceData(db);
  if (added > 0) log(`Seeded ${added} Life Experience portfolios.`);
  const journeys = await seedJourneys(db);
  if (journeys > 0) log(`Seeded ${journeys} illustrative journey maps.`);
  const demo = await syncDemoAccounts(db, demoAccountsEnabled());
  if (demo.created > 0) log(`Created ${demo.created} demo accounts (password: workspace-demo).`);
  if (demo.removed > 0) log(`Disabled ${demo.removed} demo accounts (DEMO_ACCOUNTS=off).`);
}

/** Differences between the database's tables and the schema this build expects (none: ok). */
export async function checkDatabaseSchema(): Promise<string[]> {
  return checkSchema(getDb());
}

export { closeDb };
