/**
 * Every query the main pages run reads its large tables through an index. The queries are the
 * app's own, captured through Kysely's log while the page functions run; each is then explained
 * by the database. A full scan of a table that grows with the program fails the test. Timing
 * is measured in scripts/bench.mjs, never here.
 *
 * SQLite: EXPLAIN QUERY PLAN, `SCAN <table>`. PostgreSQL prefers a sequential scan on tables this
 * small whatever the indexes, so it is asked with sequential scans disabled: a `Seq Scan` left in
 * the plan then means no index can serve the query.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { changeStamp } from '#db/cache';
import { migrateToLatest } from '#db/client';
import type { Database } from '#db/schema';
import { listAudit } from '#db/queries/audit';
import { burdenForMap, listAssessments, portfolioRollup } from '#db/queries/burden';
import { getJourney, otherVersions } from '#db/queries/journeys';
import { countMyPendingReviews } from '#db/queries/phases';
import { listCitations, listComments } from '#db/queries/plans';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { getPortfolioBySlug, listPortfolioSummaries } from '#db/queries/portfolios';
import { getProject } from '#db/queries/projects';
import { portfolioPraStatus } from '#db/queries/research';
import { findSessionUser } from '#db/queries/sessions';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import { seedJourneys } from '#seeds/journeys';
import { onPostgres, testDatabase } from '../helpers';

/** Tables that grow with the program; reading one whole is a bug on a page. */
const LARGE = new Set([
  'audit_log',
  'projects',
  'milestones',
  'project_agencies',
  'journey_maps',
  'journey_stages',
  'journey_steps',
  'journey_step_projects',
  'burden_assessments',
  'burden_items',
  'burden_segments',
  'burden_segment_overrides',
  'research_activities',
  'research_sessions',
  'research_participants',
  'sessions',
  'phase_requests',
  'phase_answers',
  'action_plans',
  'action_plan_versions',
  'action_plan_citations',
  'action_plan_comments',
]);

let captured: { sql: string; parameters: readonly unknown[] }[] = [];
let db: Kysely<Database>;

async function queriesOf(run: () => Promise<unknown>) {
  captured = [];
  await run();
  return captured.filter((q) => /^\s*select/i.test(q.sql));
}

type Query = { sql: string; parameters: readonly unknown[] };

/** Lines of the plan that read a large table from end to end. */
async function fullScans(q: Query): Promise<string[]> {
  return onPostgres ? postgresFullScans(q) : sqliteFullScans(q);
}

async function sqliteFullScans(q: Query) {
  const aliases = new Map<string, string>();
  for (const m of q.sql.matchAll(/"(\w+)"(?: as "(\w+)")?/g)) aliases.set(m[2] ?? m[1]!, m[1]!);
  const plan = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]),
  );
  return plan.rows
    .map((r) => r.detail)
    .filter((d) => {
      const m = /^SCAN (\w+)/.exec(d);
      return m !== null && LARGE.has(aliases.get(m[1]!) ?? m[1]!);
    });
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

async function postgresFullScans(q: Query) {
  const plan = await db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    try {
      return await conn.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
      );
    } finally {
      await sql`reset enable_seqscan`.execute(conn);
    }
  });
  const scans: string[] = [];
  const walk = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && LARGE.has(node['Relation Name'] ?? ''))
      scans.push(`SCAN ${node['Relation Name']}`);
    node.Plans?.forEach(walk);
  };
  walk(plan.rows[0]!['QUERY PLAN'][0].Plan);
  return scans;
}

beforeAll(async () => {
  db = await testDatabase('empty', {
    log: (sql, parameters) => captured.push({ sql, parameters }),
  });
  await migrateToLatest(db);
  await seedReferenceData(db);
  await seedJourneys(db);
  await syncDemoAccounts(db, true);
});

describe('the main pages read large tables through indexes', () => {
  const today = '2026-11-22';
  const pages: [string, () => Promise<unknown>][] = [
    ['sign-in session lookup', () => findSessionUser(db, 'x'.repeat(64), today)],
    ['home dashboard', () => listPortfolioSummaries(db)],
    ['portfolio page', () => getPortfolioBySlug(db, 'having-a-child')],
    ['portfolio burden rollup', () => portfolioRollup(db, 3)],
    ['project page', () => getProject(db, 1)],
    ['journey page', () => getJourney(db, 1)],
    [
      'journey versions',
      () => otherVersions(db, { id: 1, portfolio_id: 3, project_id: 1, copied_from_id: 2 }),
    ],
    ['journey burden column', () => burdenForMap(db, 1)],
    ['burden list', () => listAssessments(db, 3)],
    ['PRA status', () => portfolioPraStatus(db, 3, today)],
    ['PMC update, one portfolio', () => assembleUpdate(db, 2026, 1, '2026-01-01', [3])],
    ['change stamp', () => changeStamp(db, 3)],
    ['action plan citations', () => listCitations(db, 1)],
    ['action plan comments', () => listComments(db, 1)],
    ['audit log, a later page', () => listAudit(db, { beforeId: 1000, limit: 50 })],
  ];

  it.each(pages)('%s', async (_name, run) => {
    const queries = await queriesOf(run);
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect({ sql: q.sql, scans: await fullScans(q) }).toEqual({ sql: q.sql, scans: [] });
    }
  });

  it('the header review count reads through indexes too', async () => {
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'usda.poc@example.gov')
      .executeTakeFirst();
    if (!person) return;
    const queries = await queriesOf(() =>
      countMyPendingReviews(db, {
        personId: person.id,
        isOmbLead: false,
        pocFor: [{ portfolioId: 3, agencyId: 1 }],
      } as never),
    );
    for (const q of queries) expect(await fullScans(q)).toEqual([]);
  });

  it('catches a full scan when there is one', async () => {
    const scans = await fullScans({
      sql: `select "id" from "milestones" where "notes" = ${onPostgres ? '$1' : '?'}`,
      parameters: ['x'],
    });
    expect(scans).toEqual(['SCAN milestones']);
  });
});
