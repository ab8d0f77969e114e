/**
 * The figures the feature issues name, each computed by the app's own query over a data set
 * built for it (spawned by scripts/bench.mjs through vite-node):
 *
 *   - the burden rollup of one portfolio with 20,000 items (target: median under 50 ms);
 *   - the PRA status of one portfolio with 50,000 participants in the last 12 months (under 50 ms);
 *   - assembling a PMC update over 500 projects and 5,000 milestones (under 200 ms);
 *   - post-transaction survey data, 1,000,000 responses for one service and quarter: reading,
 *     checking and tallying the file (the import's first pass, which every figure comes from;
 *     under 20 s), storing it (printed, no target), and the trust and driver figures a page
 *     shows from what was stored (under 50 ms).
 *
 *   vite-node scripts/bench-features.ts <database file or empty postgres:// database>
 *
 * Each run goes through a new database handle, so the change-stamp caches (db/cache.ts) start
 * empty and the figure is the whole computation; the answer served from the cache is printed
 * beside it. Prints one JSON line.
 */
import fs from 'node:fs';
import type { Insertable, Kysely } from 'kysely';
import { quarterOf } from '~/domain/pmc/quarter';
import { migrateToLatest, openDatabase, type DB } from '../db/client';
import { analyze, isPostgresUrl } from '../db/dialect';
import { portfolioRollup } from '../db/queries/burden';
import { assembleUpdate } from '~/presenters/pmc-assembly.server';
import { portfolioPraStatus } from '../db/queries/research';
import type { Database } from '../db/schema';
import { seedReferenceData, syncDemoAccounts } from '../seeds/index';
import { createCollection, importDataset } from '~/commands/surveys';
import { REQUIRED_COLUMNS } from '~/domain/surveys/format';
import { quarterFigures } from '~/domain/surveys/figures';
import { collectionQuarters } from '~/domain/surveys/quarters';
import { readSurveyFile } from '~/domain/surveys/read';
import { datasetsOf, getCollection, getSurveyMinimum } from '../db/queries/surveys';
import { trustRows } from '~/presenters/measurement.server';
import { burdenItem, count, day, insertAssessmentPair, insertMany } from './bench-data';

const PHASES = ['discovery', 'design', 'development', 'measurement'] as const;
const STATUSES = ['planned', 'in_progress', 'completed', 'missed'] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Median of `runs` fresh computations (after `warm` unmeasured ones), and of cached answers.
 * The stamp caches are kept per database handle (db/cache.ts); `withoutPlugins()` gives a new
 * handle on the same connections (the same pool on PostgreSQL), so each run computes afresh.
 */
async function time<T>(db: Kysely<Database>, compute: (db: DB) => Promise<T>, runs = 10, warm = 2) {
  const fresh: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < warm + runs; i++) {
    const handle = db.withoutPlugins();
    const t0 = performance.now();
    value = await compute(handle);
    if (i >= warm) fresh.push(performance.now() - t0);
  }
  const cached: number[] = [];
  const handle = db.withoutPlugins();
  await compute(handle);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await compute(handle);
    cached.push(performance.now() - t0);
  }
  return { value: value!, medianMs: median(fresh), cachedMedianMs: median(cached) };
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: bench-features.ts <database file or postgres:// URL>');
    process.exit(2);
  }
  if (!isPostgresUrl(file))
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const now = new Date();
  const at = now.toISOString();
  const today = at.slice(0, 10);
  try {
    await migrateToLatest(db);
    await seedReferenceData(db, now);
    await syncDemoAccounts(db, true, now);
    const portfolios = await db.selectFrom('portfolios').select('id').orderBy('id').execute();
    const [burdenPortfolio, praPortfolio] = [portfolios[0]!.id, portfolios[1]!.id];

    // Burden: 100 as-is assessments and their to-be copies, 100 items each, in one portfolio.
    await db.transaction().execute(async (trx) => {
      const items: Insertable<Database['burden_items']>[] = [];
      for (let a = 0; a < 100; a++) {
        const base = {
          portfolio_id: burdenPortfolio,
          journey_map_id: null,
          service_name: `Benchmark service ${a + 1}`,
          wage_cents: null,
          wage_source: '',
          multiplier_milli: 1000,
          created_at: at,
          updated_at: at,
        };
        const [asIs, toBe] = await insertAssessmentPair(trx, base, `Benchmark assessment ${a + 1}`);
        for (const [assessment, factor] of [
          [asIs, 1],
          [toBe, 0.6],
        ] as const)
          for (let i = 0; i < 100; i++)
            items.push(burdenItem(assessment, `bench-${a}-${i}`, i, factor, null));
      }
      await insertMany(trx, 'burden_items', items);
    });

    // Research: 500 activities (50 purposes) × 10 sessions × 10 members of the public, every
    // session inside the last 12 months, in one portfolio.
    const praProject = await db
      .selectFrom('projects')
      .select('id')
      .where('portfolio_id', '=', praPortfolio)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      const activityIds = await insertMany(
        trx,
        'research_activities',
        Array.from({ length: 500 }, (_, a) => ({
          project_id: praProject.id,
          title: `Benchmark research ${a + 1}`,
          method: 'interviews' as const,
          purpose: `Benchmark purpose ${a % 50}`,
          questions: '',
          questions_fingerprint: null,
          unscripted: 0,
          phase: 'development' as const,
          screening_questions: '',
          incentive_cents: null,
          incentive_kind: '',
          counsel_approved: 0,
          decision: '{}',
          override_reason: null,
          override_by: null,
          created_at: at,
          updated_at: at,
        })),
      );
      const sessionIds = await insertMany(
        trx,
        'research_sessions',
        activityIds.flatMap((id, a) =>
          Array.from({ length: 10 }, (_, s) => ({
            activity_id: id,
            held_on: day(now, (a * 7 + s * 31) % 360),
            created_at: at,
          })),
        ),
      );
      await insertMany(
        trx,
        'research_participants',
        sessionIds.flatMap((id, k) =>
          Array.from({ length: 10 }, (_, p) => ({
            session_id: id,
            code: `B-${k}-${p}`,
            category: 'public' as const,
          })),
        ),
      );
    });

    // Projects up to 500 across the portfolios, and milestones up to 5,000 (about ten each) in
    // the current fiscal year.
    const { fy, q } = quarterOf(today);
    const existing = await count(db, 'projects');
    const milestonesNeeded = 5_000 - (await count(db, 'milestones'));
    const perProject = Math.floor(milestonesNeeded / (500 - existing));
    const spare = milestonesNeeded - perProject * (500 - existing);
    await db.transaction().execute(async (trx) => {
      const projectIds = await insertMany(
        trx,
        'projects',
        Array.from({ length: 500 - existing }, (_, i) => ({
          portfolio_id: portfolios[i % portfolios.length]!.id,
          name: `Benchmark project ${i + 1}`,
          summary: '',
          pain_points: '',
          outcomes_short_term: '',
          outcomes_long_term: '',
          theory_of_change: '',
          phase: PHASES[i % 4]!,
          health: i % 7 === 0 ? ('at_risk' as const) : ('on_track' as const),
          health_reason: i % 7 === 0 ? 'Waiting on a data-sharing agreement.' : null,
          owner_agency_id: null,
          source_note: 'Benchmark data',
          created_at: at,
          updated_at: at,
        })),
      );
      await insertMany(
        trx,
        'milestones',
        projectIds.flatMap((id, i) =>
          Array.from({ length: perProject + (i < spare ? 1 : 0) }, (_, m) => {
            const status = STATUSES[(i + m) % 4]!;
            return {
              project_id: id,
              title: `Milestone ${m + 1} of benchmark project ${i + 1}`,
              owner: 'GSA',
              timing_fy: fy,
              timing_quarter: 1 + (m % 4),
              due_date: null,
              status,
              completed_on: status === 'completed' ? today : null,
              notes: '',
              source_note: 'Benchmark data',
              position: m,
              created_at: at,
              updated_at: at,
            };
          }),
        ),
      );
    });
    await analyze(db);

    // Survey data: a million Likert responses for one service and quarter, every driver shown
    // to most respondents, in one file as Touchpoints exports it.
    const ROWS = 1_000_000;
    const lines = [REQUIRED_COLUMNS.join(',')];
    for (let i = 0; i < ROWS; i++) {
      const cells = [String(1 + (i % 5))];
      for (let d = 0; d < 7; d++) {
        const shown = (i + d) % 10 !== 0;
        cells.push(shown ? String((i >> d) & 1) : '', shown ? String((i >> (d + 1)) & 1) : '');
      }
      lines.push(cells.join(','));
    }
    const file = lines.join('\n');
    const reads: number[] = [];
    let tally;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const read = await readSurveyFile(file, { scale: 'likert', openText: false });
      const figures = quarterFigures(
        { tally: read.tally, offered: ROWS * 2 },
        { scale: 'likert', likertAffirmative: [4, 5], minimum: 30 },
      );
      reads.push(performance.now() - t0);
      tally = { respondents: read.tally.respondents, trust: figures.trust };
    }
    const agency = await db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
    const collectionId = await createCollection(db, {
      portfolioId: burdenPortfolio,
      actorId: null,
      illustrative: true,
      values: {
        serviceName: 'Benchmark service',
        agencyId: agency.id,
        surveyTitle: 'Benchmark survey',
        channel: 'online',
        serviceStage: 'end',
        scale: 'likert',
        trustQuestionText: 'Benchmark',
        ombControlNumber: '',
        likertAffirmative: [4, 5],
        journeyStepId: undefined,
        projectIds: [],
      },
    });
    const t0 = performance.now();
    await importDataset(db, {
      collectionId,
      actorId: null,
      fileName: 'benchmark.csv',
      text: file,
      values: {
        fy,
        q,
        volumeOfCustomers: ROWS * 4,
        customersOffered: ROWS * 2,
        openText: false,
        replace: false,
      },
    });
    const importMs = performance.now() - t0;
    const surveyPage = await time(db, async (c) => {
      const [collection, datasets, { minimum }] = await Promise.all([
        getCollection(c, collectionId),
        datasetsOf(c, [collectionId]),
        getSurveyMinimum(c),
      ]);
      return collectionQuarters(collection!, datasets, minimum);
    });
    const trustList = await time(db, (c) => trustRows(c, { portfolioId: burdenPortfolio }));

    const rollup = await time(db, (c) => portfolioRollup(c, burdenPortfolio));
    const pra = await time(db, (c) => portfolioPraStatus(c, praPortfolio, today));
    const pmc = await time(db, (c) => assembleUpdate(c, fy, q, null), 8);
    const participants = await db
      .selectFrom('research_participants as p')
      .innerJoin('research_sessions as s', 's.id', 'p.session_id')
      .innerJoin('research_activities as a', 'a.id', 's.activity_id')
      .innerJoin('projects as pr', 'pr.id', 'a.project_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('pr.portfolio_id', '=', praPortfolio)
      .where('s.held_on', '>', day(now, 365))
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        burdenRollup: {
          items: rollup.value.items,
          medianMs: rollup.medianMs,
          cachedMedianMs: rollup.cachedMedianMs,
          targetMs: 50,
        },
        praStatus: {
          participants: Number(participants.n),
          collections: pra.value.reports.length,
          medianMs: pra.medianMs,
          cachedMedianMs: pra.cachedMedianMs,
          targetMs: 50,
        },
        surveyFigures: {
          rows: tally!.respondents,
          trust: tally!.trust,
          readMedianMs: Math.min(...reads),
          readTargetMs: 20_000,
          importMs,
          medianMs: surveyPage.medianMs,
          cachedMedianMs: surveyPage.cachedMedianMs,
          trustListMs: trustList.medianMs,
          targetMs: 50,
        },
        pmcAssemble: {
          projects: await count(db, 'projects'),
          milestones: await count(db, 'milestones'),
          quarter: `FY ${fy} Q${q}`,
          medianMs: pmc.medianMs,
          cachedMedianMs: pmc.cachedMedianMs,
          targetMs: 200,
        },
      }),
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
