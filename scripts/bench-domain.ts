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
    console.log(
      JSON.stringify({ burdenRollup: { items, medianMs: median(times.slice(3)), targetMs: 50 } }),
    );
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
