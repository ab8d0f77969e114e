/**
 * Demo accounts share one published password, so they must never outlive a deployment's first
 * real account: start-up (and migrate/seed) keep them only while no real account exists, unless
 * DEMO_ACCOUNTS=on; create-admin removes them; DEMO_ACCOUNTS=off removes them at any start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '#db/client';
import { createAdminAccount } from '~/server/admin';
import { demoAccountsSetting, prepareDatabase } from '~/server/startup';
import { newPostgresDatabase, onPostgres } from '../helpers';

const saved = { url: process.env.DATABASE_URL, demo: process.env.DEMO_ACCOUNTS };

async function accounts() {
  const rows = await getDb().selectFrom('accounts').select('is_demo').execute();
  return {
    demo: rows.filter((r) => r.is_demo === 1).length,
    real: rows.filter((r) => r.is_demo === 0).length,
  };
}

const start = (demo?: string) => {
  if (demo === undefined) delete process.env.DEMO_ACCOUNTS;
  else process.env.DEMO_ACCOUNTS = demo;
  return prepareDatabase(() => {});
};

const admin = {
  email: 'first.lead@omb.eop.gov',
  name: 'Avery Example',
  agency: 'OMB',
  password: 'a long enough passphrase',
};

describe('demo accounts and the first real account', () => {
  beforeEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = onPostgres
      ? await newPostgresDatabase('empty')
      : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lew-demo-')), 'workspace.db');
  });
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = saved.url;
    if (saved.demo === undefined) delete process.env.DEMO_ACCOUNTS;
    else process.env.DEMO_ACCOUNTS = saved.demo;
  });

  it.each([
    { value: undefined, setting: 'auto' },
    { value: '', setting: 'auto' },
    { value: 'on', setting: 'on' },
    { value: 'TRUE', setting: 'on' },
    { value: 'off', setting: 'off' },
    { value: 'no', setting: 'off' },
    { value: 'maybe', setting: 'auto' },
  ])('DEMO_ACCOUNTS=$value reads as $setting', ({ value, setting }) => {
    if (value === undefined) delete process.env.DEMO_ACCOUNTS;
    else process.env.DEMO_ACCOUNTS = value;
    expect(demoAccountsSetting()).toBe(setting);
  });

  it('a new workspace has them; create-admin removes them and later starts do not bring them back', async () => {
    await start();
    expect((await accounts()).demo).toBeGreaterThanOrEqual(6);
    // What `node server.js create-admin` does.
    await prepareDatabase(() => {}, { demoAccounts: false });
    await createAdminAccount(admin);
    expect(await accounts()).toEqual({ demo: 0, real: 1 });
    const lead = await getDb()
      .selectFrom('people')
      .select(['is_omb_lead', 'name'])
      .where('email', '=', admin.email)
      .executeTakeFirstOrThrow();
    expect(lead).toEqual({ is_omb_lead: 1, name: 'Avery Example' });
    await start(); // a restart, and `npm run db:migrate`, with the setting left unset
    expect(await accounts()).toEqual({ demo: 0, real: 1 });
    await start('on'); // asked for explicitly, they come back …
    expect((await accounts()).demo).toBeGreaterThanOrEqual(6);
    await start('off'); // … and go again
    expect(await accounts()).toEqual({ demo: 0, real: 1 });
  });

  it('create-admin refuses a short password and an email that already has an account', async () => {
    await start('off');
    await expect(createAdminAccount({ ...admin, password: 'too short' })).rejects.toThrow(
      /at least 15 characters/,
    );
    await createAdminAccount(admin);
    await expect(createAdminAccount(admin)).rejects.toThrow(/already has an account/);
    expect(await accounts()).toEqual({ demo: 0, real: 1 });
  });
});
