import { describe, expect, it } from 'vitest';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { ROLE_ACCOUNTS } from '#seeds/demo-accounts';
import { freshDb } from '../helpers';

describe('seeds', () => {
  it('loads the five Life Experience portfolios with the projects the reference texts name', async () => {
    const db = await freshDb({ seed: true });
    const portfolios = await db.selectFrom('portfolios').select('name').orderBy('name').execute();
    expect(portfolios.map((p) => p.name)).toEqual([
      'Approaching Retirement',
      'Facing a Financial Shock',
      'Having a Child and Early Childhood',
      'Navigating the Transition to Civilian Life',
      'Recovering from a Disaster',
    ]);
    const projects = (await db.selectFrom('projects').select('name').execute()).map((p) => p.name);
    for (const name of [
      'Newborn Supply Kits',
      'Automated ex parte Medicaid renewals',
      'Consent-based verification of payroll data',
      'Trauma-Informed Disaster Response course',
      'Holistic Burden Assessment toolkit',
      'Alumni Peer Navigator Services',
      'VA.gov application for transitioning service members',
      'Increasing Access to Decision-Making Support for Older Adults',
    ]) {
      expect(projects).toContain(name);
    }
    const kits = await db
      .selectFrom('milestones')
      .select(['status', 'timing_fy', 'timing_quarter', 'source_note'])
      .where('title', 'like', 'Launch Newborn Supply Kits in Arkansas, Louisiana and New Mexico%')
      .executeTakeFirstOrThrow();
    expect(kits).toEqual({
      status: 'completed',
      timing_fy: 2023,
      timing_quarter: 3,
      source_note: 'PMA highlights, May 2023.',
    });
    const withoutSource = await db
      .selectFrom('milestones')
      .select('id')
      .where('source_note', '=', '')
      .execute();
    expect(withoutSource).toEqual([]);
  });

  it('is idempotent and leaves edits alone', async () => {
    const db = await freshDb({ seed: true });
    await db
      .updateTable('projects')
      .set({ health: 'at_risk' })
      .where('name', '=', 'Newborn Supply Kits')
      .execute();
    expect(await seedReferenceData(db)).toBe(0);
    const count = await db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(10);
    const kits = await db
      .selectFrom('projects')
      .select('health')
      .where('name', '=', 'Newborn Supply Kits')
      .executeTakeFirstOrThrow();
    expect(kits.health).toBe('at_risk');
  });

  it('creates a demo account for every role, with work to see, and removes them when turned off', async () => {
    const db = await freshDb({ seed: true });
    const created = await syncDemoAccounts(db, true);
    expect(created.created).toBeGreaterThanOrEqual(ROLE_ACCOUNTS.length);
    expect((await syncDemoAccounts(db, true)).created).toBe(0);

    const emails = (
      await db
        .selectFrom('people')
        .innerJoin('accounts', 'accounts.person_id', 'people.id')
        .select('email')
        .execute()
    ).map((r) => r.email);
    for (const email of [
      'omb.lead@example.gov',
      'portfolio.lead@example.gov',
      'team.member@example.gov',
      'agency.poc@example.gov',
      'pmc.member@example.gov',
      'viewer@example.gov',
    ]) {
      expect(emails).toContain(email);
    }
    // Every participating agency of every portfolio has exactly one current POC.
    const missingPoc = await db
      .selectFrom('portfolio_agencies as pa')
      .leftJoin('agency_pocs as poc', (j) =>
        j
          .onRef('poc.portfolio_id', '=', 'pa.portfolio_id')
          .onRef('poc.agency_id', '=', 'pa.agency_id')
          .on('poc.ended_at', 'is', null),
      )
      .select('pa.agency_id')
      .where('poc.id', 'is', null)
      .execute();
    expect(missingPoc).toEqual([]);

    const removed = await syncDemoAccounts(db, false);
    expect(removed.removed).toBe(created.created);
    const left = await db.selectFrom('accounts').select('person_id').execute();
    expect(left).toEqual([]);
  });
});
