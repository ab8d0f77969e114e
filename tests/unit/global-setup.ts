/**
 * With TEST_DATABASE=postgres, the unit tests run on a throwaway PostgreSQL server
 * (scripts/pg-cluster.mjs). Migrating and seeding once into template databases lets every test
 * get its own database as a quick copy (tests/unit/helpers.ts), as SQLite tests get `:memory:`.
 */
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openDatabase } from '#db/client';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { startCluster } from '../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…@host:port/`: the server the tests make their databases on, or ''. */
    pgBase: string;
  }
}

export const TEMPLATES = {
  empty: 'tmpl_empty',
  fresh: 'tmpl_fresh',
  seeded: 'tmpl_seeded',
  demo: 'tmpl_demo',
};

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE !== 'postgres') {
    project.provide('pgBase', '');
    return;
  }
  const cluster = await startCluster();
  await cluster.createDatabase(TEMPLATES.empty);
  const steps = [
    [TEMPLATES.fresh, migrateToLatest],
    [TEMPLATES.seeded, seedReferenceData],
    [TEMPLATES.demo, (db) => syncDemoAccounts(db, true)],
  ] as const satisfies readonly (readonly [
    string,
    (db: ReturnType<typeof openDatabase>) => Promise<unknown>,
  ])[];
  let previous: string = TEMPLATES.empty;
  for (const [name, step] of steps) {
    const db = openDatabase(await cluster.createDatabase(name, previous));
    await step(db);
    await db.destroy();
    previous = name;
  }
  project.provide('pgBase', cluster.url(''));
  return () => cluster.stop();
}
