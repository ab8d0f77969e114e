/**
 * Domain-level figures for the benchmark, run with the app's own code through vite-node
 * (spawned by scripts/bench.mjs). Builds its data in a throwaway database and prints one JSON
 * line of results.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest, openDatabase } from '../db/client';
import { createAssessment, portfolioRollup } from '../db/queries/burden';
import { assembleUpdate } from '../db/queries/pmc';
import { portfolioPraStatus } from '../db/queries/research';
import { seedReferenceData, syncDemoAccounts } from '../seeds/index';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lew-bench-domain-'));
  const db = openDatabase(path.join(dir, 'domain.db'));
  try {
    await migrateToLatest(db);
    await seedReferenceData(db);
    await syncDemoAccounts(db, true);
    const portfolio = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const actor = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'omb.lead@example.gov')
      .executeTakeFirstOrThrow();

    // 20,000 burden items: 200 assessments (100 baselines, 100 to-be) of 100 items each.
    const ITEMS = 20_000;
    const PER = 100;
    const categories = ['learning', 'compliance', 'psychological'] as const;
    const baselines: number[] = [];
    for (let a = 0; a < ITEMS / PER; a++) {
      const id = await createAssessment(db, {
        portfolioId: portfolio.id,
        actorId: actor.id,
        title: `Bench assessment ${a}`,
        journeyMapId: null,
        serviceName: 'Bench service',
        wageCents: null,
        wageSource: '',
        multiplierMilli: 1000,
      });
      if (a % 2 === 0) baselines.push(id);
      else
        await db
          .updateTable('burden_assessments')
          .set({ baseline_id: baselines.at(-1)! })
          .where('id', '=', id)
          .execute();
      const rows = Array.from({ length: PER }, (_, i) => {
        const category = categories[i % 3]!;
        return {
          assessment_id: id,
          item_key: crypto.randomUUID(),
          step_id: null,
          category,
          description: `Item ${i}`,
          people_per_year: 1000 + i * 37,
          occurrences_hundredths: 100 + (i % 4) * 50,
          seconds_per_occurrence: category === 'psychological' ? 0 : 60 * (5 + (i % 50)),
          out_of_pocket_cents: (i % 7) * 250,
          stress: category === 'psychological' ? 3 : null,
          stigma: null,
          frustration: category === 'psychological' ? 4 : null,
          autonomy: null,
          time_equivalent_seconds: category === 'psychological' ? 600 : null,
          position: i,
        };
      });
      await db.insertInto('burden_items').values(rows).execute();
    }
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      const r = await portfolioRollup(db, portfolio.id);
      times.push(performance.now() - t0);
      items = r.items;
    }
    const burdenRollup = { items, medianMs: median(times.slice(3)), targetMs: 50 };
    // 50,000 participants in 12 months: 500 activities (50 purposes) × 10 sessions × 10 people.
    const disaster = await db
      .selectFrom('projects')
      .select(['id', 'portfolio_id'])
      .where('name', '=', 'Holistic Burden Assessment toolkit')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    let participants = 0;
    for (let a = 0; a < 500; a++) {
      const activity = await db
        .insertInto('research_activities')
        .values({
          project_id: disaster.id,
          title: `Bench activity ${a}`,
          method: 'interviews',
          purpose: `Bench purpose ${a % 50}`,
          questions: '',
          questions_fingerprint: null,
          unscripted: 0,
          phase: 'design',
          screening_questions: '',
          incentive_cents: null,
          incentive_kind: '',
          counsel_approved: 0,
          decision: '{}',
          override_reason: null,
          override_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let s = 0; s < 10; s++) {
        const day = String(1 + ((a + s) % 28)).padStart(2, '0');
        const month = String(1 + ((a * 7 + s) % 12)).padStart(2, '0');
        const session = await db
          .insertInto('research_sessions')
          .values({ activity_id: activity.id, held_on: `2026-${month}-${day}`, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('research_participants')
          .values(
            Array.from({ length: 10 }, (_, p) => ({
              session_id: session.id,
              code: `B${a}-${s}-${p}`,
              category: 'public' as const,
            })),
          )
          .execute();
        participants += 10;
      }
    }
    const praTimes: number[] = [];
    let collections = 0;
    const t0cold = performance.now();
    await portfolioPraStatus(db, disaster.portfolio_id, '2026-12-31');
    const coldMs = performance.now() - t0cold;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const status = await portfolioPraStatus(db, disaster.portfolio_id, '2026-12-31');
      praTimes.push(performance.now() - t0);
      collections = status.reports.length;
    }
    const praStatus = {
      participants,
      collections,
      coldMs,
      medianMs: median(praTimes.slice(2)),
      targetMs: 50,
    };

    // 500 projects and 5,000 milestones across the five portfolios, then assemble FY 2025 Q1.
    const portfolios = await db.selectFrom('portfolios').select('id').execute();
    for (let i = 0; i < 490; i++) {
      const project = await db
        .insertInto('projects')
        .values({
          portfolio_id: portfolios[i % portfolios.length]!.id,
          name: `Bench project ${i}`,
          summary: '',
          pain_points: '',
          outcomes_short_term: '',
          outcomes_long_term: '',
          theory_of_change: '',
          phase: (['discovery', 'design', 'development', 'measurement'] as const)[i % 4]!,
          health: i % 7 === 0 ? 'at_risk' : 'on_track',
          health_reason: i % 7 === 0 ? 'Bench' : null,
          owner_agency_id: null,
          source_note: '',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('milestones')
        .values(
          Array.from({ length: 10 }, (_, m) => ({
            project_id: project.id,
            title: `Bench milestone ${i}.${m}`,
            owner: 'GSA',
            timing_fy: 2025,
            timing_quarter: 1 + (m % 4),
            due_date: null,
            status: (['planned', 'in_progress', 'completed', 'missed'] as const)[m % 4]!,
            completed_on: null,
            notes: '',
            source_note: '',
            position: m,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    const pmcTimes: number[] = [];
    let milestones = 0;
    for (let i = 0; i < 8; i++) {
      const t0 = performance.now();
      const update = await assembleUpdate(db, 2025, 1, null);
      pmcTimes.push(performance.now() - t0);
      milestones = update.portfolios.reduce((n, p) => n + p.milestones.length, 0);
    }
    const projects = await db
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const pmcAssemble = {
      projects: Number(projects.n),
      milestonesInQuarter: milestones,
      medianMs: median(pmcTimes.slice(2)),
      targetMs: 200,
    };
    console.log(JSON.stringify({ burdenRollup, praStatus, pmcAssemble }));
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
