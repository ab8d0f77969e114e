/**
 * Generates the benchmark's program-scale data set into a fresh database, with the app's own
 * migrations, seeds, schema types and write functions (spawned by scripts/bench.mjs through
 * vite-node). Bulk rows go in with Kysely multi-row inserts inside one transaction per table.
 *
 *   vite-node scripts/bench-generate.ts <database file or postgres:// URL> <scale>
 *
 * A PostgreSQL database must exist and be empty (scripts/bench.mjs creates a fresh one).
 *
 * At scale 1: 10 portfolios, 1,000 projects, 10,000 milestones, 2,000 journey maps of 40 steps,
 * 20,000 burden items, 100,000 research participants, 1,000,000 audit rows. Every count is
 * multiplied by the scale. Prints one JSON line: the pages to measure and the counts written.
 * The data is synthetic and deterministic (no randomness), so two runs build the same database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Insertable } from 'kysely';
import { quarterOf } from '~/domain/pmc/quarter';
import { migrateToLatest, openDatabase } from '../db/client';
import { analyze, isPostgresUrl } from '../db/dialect';
import { rebuildSearchIndex } from '../db/search-index';
import { createPortfolio } from '../app/commands/portfolios';
import { createPlan } from '../app/commands/plans';
import { createUpdate } from '../app/commands/pmc';
import type { Database } from '../db/schema';
import { seedReferenceData, syncDemoAccounts } from '../seeds/index';
import { seedJourneys } from '../seeds/journeys';
import { seedMeasurement } from '../seeds/measurement';
import { burdenItem, count, day, insertAssessmentPair, insertMany } from './bench-data';

const PER_SCALE = {
  portfolios: 10,
  projects: 1_000,
  milestonesPerProject: 10,
  journeyMaps: 2_000,
  stages: 5,
  stepsPerStage: 8,
  burdenItems: 20_000,
  itemsPerAssessment: 40,
  participants: 100_000,
  auditRows: 1_000_000,
} as const;

const PHASES = ['discovery', 'design', 'development', 'measurement'] as const;
const STATUSES = ['completed', 'completed', 'in_progress', 'planned', 'planned', 'missed'] as const;
// The journey editor's own channels (domain/journey/types.ts), so the data reads as a person's would.
const CHANNELS = ['web', 'phone', 'in person', 'mail', 'email'] as const;
const METHODS = ['interviews', 'usability_test', 'survey', 'focus_group', 'card_sort'] as const;
const ENTITY_TYPES = ['project', 'milestone', 'journey_map', 'burden_item', 'research_session'];

async function main() {
  const [file, scaleArg] = process.argv.slice(2);
  const scale = Number(scaleArg ?? 1);
  if (!file || !Number.isInteger(scale) || scale < 1) {
    console.error('usage: bench-generate.ts <database file or postgres:// URL> <scale ≥ 1>');
    process.exit(2);
  }
  if (!isPostgresUrl(file))
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const now = new Date();
  const at = now.toISOString();
  const t0 = performance.now();
  try {
    await migrateToLatest(db);
    await seedReferenceData(db, now);
    await seedJourneys(db);
    // As a started workspace has them, so the server's start seeds nothing (and indexes nothing).
    await seedMeasurement(db);
    await syncDemoAccounts(db, true, now);
    const omb = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'omb.lead@example.gov')
      .executeTakeFirstOrThrow();
    const actorIds = (await db.selectFrom('people').select('id').orderBy('id').execute()).map(
      (p) => p.id,
    );
    const agencies = await db.selectFrom('agencies').select(['id', 'code']).orderBy('id').execute();

    // Portfolios: the five real ones plus synthetic ones, made by the app's own function.
    const portfolioCount = PER_SCALE.portfolios * scale;
    const existing = await db.selectFrom('portfolios').select('id').execute();
    for (let i = existing.length; i < portfolioCount; i++) {
      const picks = [0, 1, 2].map((k) => agencies[(i * 3 + k) % agencies.length]!.id);
      await createPortfolio(db, {
        actorId: omb.id,
        values: {
          name: `Benchmark portfolio ${String(i + 1).padStart(3, '0')}`,
          description: 'Synthetic portfolio generated for the benchmark.',
          leadAgencyId: picks[0]!,
          agencies: picks,
          cycleStartFy: 2025,
        },
      });
    }
    const portfolios = await db
      .selectFrom('portfolios')
      .select(['id', 'slug'])
      .orderBy('id')
      .execute();
    const portfolioAgencies = new Map<number, number[]>();
    for (const r of await db.selectFrom('portfolio_agencies').selectAll().execute()) {
      portfolioAgencies.set(r.portfolio_id, [
        ...(portfolioAgencies.get(r.portfolio_id) ?? []),
        r.agency_id,
      ]);
    }

    // Projects, spread evenly; each with two agencies and ten milestones over FY 2024–2028.
    const projectTarget = PER_SCALE.projects * scale;
    const existingProjects = await count(db, 'projects');
    const projectRows: Insertable<Database['projects']>[] = [];
    for (let i = 0; i < projectTarget - existingProjects; i++) {
      const portfolio = portfolios[i % portfolios.length]!;
      const health = i % 11 === 0 ? 'off_track' : i % 5 === 0 ? 'at_risk' : 'on_track';
      projectRows.push({
        portfolio_id: portfolio.id,
        name: `Benchmark project ${i + 1}`,
        summary: 'Synthetic project generated for the benchmark.',
        pain_points: 'Forms ask again for what the government already knows.',
        outcomes_short_term: 'Fewer repeated questions.',
        outcomes_long_term: 'Less time spent on paperwork.',
        theory_of_change: 'Reusing data people already gave saves them time.',
        phase: PHASES[i % 4]!,
        health,
        health_reason: health === 'on_track' ? null : 'Waiting on a data-sharing agreement.',
        owner_agency_id: portfolioAgencies.get(portfolio.id)![0]!,
        source_note: 'Benchmark data',
        created_at: at,
        updated_at: at,
      });
    }
    await db.transaction().execute(async (trx) => {
      await insertMany(trx, 'projects', projectRows);
    });
    const projects = await db
      .selectFrom('projects')
      .select(['id', 'portfolio_id'])
      .orderBy('id')
      .execute();
    const byPortfolio = new Map<number, number[]>();
    for (const p of projects)
      byPortfolio.set(p.portfolio_id, [...(byPortfolio.get(p.portfolio_id) ?? []), p.id]);

    await db.transaction().execute(async (trx) => {
      const pa: Insertable<Database['project_agencies']>[] = [];
      const ms: Insertable<Database['milestones']>[] = [];
      const synthetic = projects.slice(existingProjects);
      const existingMilestones = await count(trx, 'milestones');
      // Ten per project, plus one more on the first few to make the round total exact.
      const extra = PER_SCALE.milestonesPerProject * projects.length - existingMilestones;
      const spare = extra - PER_SCALE.milestonesPerProject * synthetic.length;
      synthetic.forEach((p, i) => {
        const ags = portfolioAgencies.get(p.portfolio_id)!;
        for (const a of new Set([ags[0]!, ags[1 + (i % (ags.length - 1))]!]))
          pa.push({ project_id: p.id, agency_id: a });
        for (let m = 0; m < PER_SCALE.milestonesPerProject + (i < spare ? 1 : 0); m++) {
          const q = (i + m * 3) % 20; // 20 quarters: FY 2024 Q1 … FY 2028 Q4
          const fy = 2024 + Math.floor(q / 4);
          const status = STATUSES[(i + m) % STATUSES.length]!;
          ms.push({
            project_id: p.id,
            title: `Milestone ${m + 1} of benchmark project ${i + 1}`,
            owner: 'GSA, SSA',
            timing_fy: fy,
            timing_quarter: (q % 4) + 1,
            due_date: null,
            status,
            completed_on: status === 'completed' ? day(now, (i * 7 + m * 31) % 900) : null,
            notes: '',
            source_note: 'Benchmark data',
            position: m,
            created_at: at,
            updated_at: at,
          });
        }
      });
      await insertMany(trx, 'project_agencies', pa);
      await insertMany(trx, 'milestones', ms);
    });

    // Journey maps of 40 steps; every other one linked to a project.
    const mapIds: number[] = [];
    const stepIdsByMap = new Map<number, number[]>();
    await db.transaction().execute(async (trx) => {
      const maps: Insertable<Database['journey_maps']>[] = [];
      for (let i = 0; i < PER_SCALE.journeyMaps * scale; i++) {
        const portfolio = portfolios[i % portfolios.length]!;
        const own = byPortfolio.get(portfolio.id)!;
        maps.push({
          portfolio_id: portfolio.id,
          project_id: i % 2 === 0 ? own[i % own.length]! : null,
          title: `Benchmark journey ${i + 1}`,
          personas: JSON.stringify(['Applicant', 'Caseworker']),
          description: 'Synthetic journey generated for the benchmark.',
          version_label: i % 2 === 0 ? 'as_is' : 'to_be',
          version_name: '',
          illustrative: 1,
          source_note: 'Benchmark data',
          copied_from_id: null,
          created_at: at,
          updated_at: at,
        });
      }
      mapIds.push(...(await insertMany(trx, 'journey_maps', maps)));
      const stages: Insertable<Database['journey_stages']>[] = [];
      for (const id of mapIds)
        for (let s = 0; s < PER_SCALE.stages; s++)
          stages.push({ map_id: id, position: s, name: `Stage ${s + 1}` });
      const stageIds = await insertMany(trx, 'journey_stages', stages);
      const steps: Insertable<Database['journey_steps']>[] = [];
      stageIds.forEach((stageId, k) => {
        const mapId = stages[k]!.map_id;
        for (let t = 0; t < PER_SCALE.stepsPerStage; t++) {
          steps.push({
            map_id: mapId,
            stage_id: stageId,
            position: t,
            step_key: crypto.randomUUID(),
            title: `Step ${(k % PER_SCALE.stages) + 1}.${t + 1}`,
            actors: JSON.stringify(['Applicant']),
            score: ((k + t) % 5) + 1,
            channel: CHANNELS[(k + t) % CHANNELS.length]!,
            touchpoint: 'Benefits office',
            pain_points: t % 3 === 0 ? 'Asked for the same document twice.' : '',
            opportunities: t % 4 === 0 ? 'Reuse what was already given.' : '',
            notes: '',
          });
        }
      });
      const stepIds = await insertMany(trx, 'journey_steps', steps);
      stepIds.forEach((id, k) => {
        const mapId = steps[k]!.map_id;
        stepIdsByMap.set(mapId, [...(stepIdsByMap.get(mapId) ?? []), id]);
      });
    });

    // Burden: pairs of as-is and to-be assessments on journey maps, 40 items each.
    const assessmentsTotal = (PER_SCALE.burdenItems * scale) / PER_SCALE.itemsPerAssessment;
    const pairs: { baseline: number; toBe: number; portfolio: number }[] = [];
    await db.transaction().execute(async (trx) => {
      const items: Insertable<Database['burden_items']>[] = [];
      for (let a = 0; a < assessmentsTotal; a += 2) {
        const mapId = mapIds[(a / 2) % mapIds.length]!; // consecutive maps: every portfolio gets some
        const map = await trx
          .selectFrom('journey_maps')
          .select('portfolio_id')
          .where('id', '=', mapId)
          .executeTakeFirstOrThrow();
        const base = {
          portfolio_id: map.portfolio_id,
          journey_map_id: mapId,
          service_name: '',
          wage_cents: null,
          wage_source: '',
          multiplier_milli: 1000,
          created_at: at,
          updated_at: at,
        };
        const [baseline, toBe] = await insertAssessmentPair(
          trx,
          base,
          `Benchmark assessment ${a + 1}`,
        );
        pairs.push({ baseline, toBe, portfolio: map.portfolio_id });
        const steps = stepIdsByMap.get(mapId)!;
        for (const [assessmentId, factor] of [
          [baseline, 1],
          [toBe, 0.6],
        ] as const) {
          for (let i = 0; i < PER_SCALE.itemsPerAssessment; i++)
            items.push(
              burdenItem(assessmentId, `bench-${a}-${i}`, i, factor, steps[i % steps.length]!),
            );
        }
      }
      await insertMany(trx, 'burden_items', items);
    });

    // Research: per project two activities of ten sessions; participants spread over two years.
    const participantsPerProject = Math.round((PER_SCALE.participants * scale) / projects.length);
    const perSession = Math.max(1, Math.round(participantsPerProject / 20));
    await db.transaction().execute(async (trx) => {
      const clearances = await insertMany(
        trx,
        'pra_clearances',
        portfolios.map((p, i) => ({
          portfolio_id: p.id,
          title: `Generic clearance for customer research ${i + 1}`,
          kind: 'generic' as const,
          omb_control_number: `3090-${String(1000 + i).padStart(4, '0')}`,
          expires_on: day(now, -400 - i),
          created_at: at,
        })),
      );
      const activities: Insertable<Database['research_activities']>[] = [];
      projects.forEach((p, i) => {
        for (let k = 0; k < 2; k++) {
          const questions = `Question set ${(i * 2 + k) % 50}`;
          activities.push({
            project_id: p.id,
            title: `Benchmark research ${i + 1}.${k + 1}`,
            method: METHODS[(i + k) % METHODS.length]!,
            purpose: `Purpose ${(i + k) % 25}`,
            questions,
            questions_fingerprint: crypto.createHash('sha256').update(questions).digest('hex'),
            unscripted: 0,
            phase: PHASES[i % 4]!,
            screening_questions: '',
            incentive_cents: null,
            incentive_kind: '',
            counsel_approved: 0,
            decision: '{}',
            override_reason: null,
            override_by: null,
            created_at: at,
            updated_at: at,
          });
        }
      });
      const activityIds = await insertMany(trx, 'research_activities', activities);
      await insertMany(
        trx,
        'research_activity_clearances',
        activityIds
          .filter((_, k) => k % 2 === 0)
          .map((id, k) => {
            const portfolioId = projects[k]!.portfolio_id;
            const index = portfolios.findIndex((p) => p.id === portfolioId);
            return { activity_id: id, clearance_id: clearances[index]! };
          }),
      );
      const sessions: Insertable<Database['research_sessions']>[] = [];
      activityIds.forEach((id, k) => {
        for (let s = 0; s < 10; s++)
          sessions.push({
            activity_id: id,
            held_on: day(now, (k * 13 + s * 67) % 730),
            created_at: at,
          });
      });
      const sessionIds = await insertMany(trx, 'research_sessions', sessions);
      const participants: Insertable<Database['research_participants']>[] = [];
      sessionIds.forEach((id, k) => {
        for (let n = 0; n < perSession; n++)
          participants.push({
            session_id: id,
            code: `P-${k}-${n}`,
            category: n % 10 < 7 ? 'public' : n % 10 < 9 ? 'federal_employee' : 'contractor',
          });
      });
      await insertMany(trx, 'research_participants', participants);
    });

    // Action plans for FY 2026 and 2027, and the current quarter's PMC update, with the app's
    // own functions; then citations on each plan.
    const plans: number[] = [];
    for (const p of portfolios) {
      for (const fy of [2026, 2027]) {
        const plan = await createPlan(db, {
          portfolioId: p.id,
          fiscalYear: fy,
          title: `CX Action Plan FY ${fy}`,
          actorId: omb.id,
        });
        plans.push(plan);
      }
    }
    const { fy, q } = quarterOf(at.slice(0, 10));
    const pmcUpdate = await createUpdate(db, { fy, q, actorId: omb.id });

    // The audit log: a million rows per scale over three years, newest last.
    const auditTotal = PER_SCALE.auditRows * scale;
    await db.transaction().execute(async (trx) => {
      const batch = 30_000;
      for (let start = 0; start < auditTotal; start += batch) {
        const rows: Insertable<Database['audit_log']>[] = [];
        for (let i = start; i < Math.min(auditTotal, start + batch); i++) {
          const project = projects[i % projects.length]!;
          const ms = now.getTime() - (auditTotal - i) * ((3 * 365 * 86_400_000) / auditTotal);
          rows.push({
            at: new Date(ms).toISOString(),
            actor_id: actorIds[i % actorIds.length]!,
            action: 'update',
            entity_type: ENTITY_TYPES[i % ENTITY_TYPES.length]!,
            entity_id: String(project.id),
            portfolio_id: project.portfolio_id,
            project_id: project.id,
            changes: JSON.stringify({ status: { before: 'planned', after: 'in_progress' } }),
          });
        }
        await insertMany(trx, 'audit_log', rows);
      }
    });
    // The OMB lead's notifications (already emailed): the notifications page lists the newest.
    await insertMany(
      db,
      'notifications',
      Array.from({ length: 200 * scale }, (_, i) => ({
        person_id: omb.id,
        kind: 'plan_in_review',
        source: `bench:${i}`,
        title: `Synthetic plan ${i + 1} was sent for review`,
        body: 'A synthetic notification of the benchmark data set.',
        link: '/notifications',
        portfolio_id: null,
        created_at: new Date(now.getTime() - i * 60_000).toISOString(),
        read_at: i % 3 === 0 ? null : now.toISOString(),
        email_status: 'sent',
        emailed_at: now.toISOString(),
      })),
    );
    // The records above are written without audit rows, as the seeds are: build their index.
    await rebuildSearchIndex(db);
    await analyze(db);

    // The pages to measure: entities of the first synthetic portfolio, the same shape at every
    // scale, so growth shows the database's size and not a bigger page.
    const target = portfolios[5]!;
    const project = byPortfolio.get(target.id)!.at(-1)!;
    const journey = mapIds.find((_, i) => portfolios[i % portfolios.length]!.id === target.id)!;
    const pair = pairs.find((p) => p.portfolio === target.id) ?? pairs[0]!;
    const plan = plans[portfolios.indexOf(target) * 2 + 1]!;
    // The measurement pages come from the seeded program (seeds/measurement.ts): the measure with
    // the most actuals, and the survey collection with the most stored responses.
    const measure = await db
      .selectFrom('success_measures as m')
      .leftJoin('measure_actuals as a', 'a.measure_id', 'm.id')
      .select('m.id')
      .groupBy('m.id')
      .orderBy((eb) => eb.fn.count('a.id'), 'desc')
      .orderBy('m.id')
      .executeTakeFirstOrThrow();
    const collection = await db
      .selectFrom('survey_collections as c')
      .leftJoin('survey_datasets as d', 'd.collection_id', 'c.id')
      .select('c.id')
      .groupBy('c.id')
      .orderBy((eb) => eb.fn.sum('d.respondents'), 'desc')
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    // The planning check answers for the target project's first research activity.
    const researched = await db
      .selectFrom('research_activities')
      .select('id')
      .where('project_id', '=', project)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const counts: Record<string, number> = {};
    for (const t of [
      'portfolios',
      'projects',
      'milestones',
      'journey_maps',
      'journey_steps',
      'burden_items',
      'research_participants',
      'audit_log',
      'search_entries',
    ] as const)
      counts[t] = await count(db, t);
    console.log(
      JSON.stringify({
        scale,
        seconds: Math.round((performance.now() - t0) / 100) / 10,
        counts,
        // Every plan, for the co-editing figures (memory per open document).
        plans,
        pages: {
          home: '/',
          portfolio: `/portfolios/${target.slug}`,
          project: `/projects/${project}`,
          journey: `/journeys/${journey}`,
          'burden comparison': `/burden/compare?before=${pair.baseline}&after=${pair.toBe}`,
          'PRA status': `/portfolios/${target.slug}/pra`,
          'PRA planning check': `/portfolios/${target.slug}/pra/check?activity=${researched.id}&n=3`,
          'PMC update preview': `/pmc/${pmcUpdate}`,
          'action plan': `/plans/${plan}`,
          notifications: '/notifications',
          // Words a third of the journey steps share: thousands of matches counted, ranked and
          // grouped, the five best of each kind shown with snippets.
          search: '/search?q=same+document',
          measure: `/measures/${measure.id}`,
          'trust (survey)': `/surveys/${collection.id}`,
        },
        // Documents produced on request, timed one at a time.
        exports: {
          'PMC update, slides (.pptx)': `/pmc/${pmcUpdate}/export.pptx`,
          'PMC update, Word (.docx)': `/pmc/${pmcUpdate}/export.docx`,
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
