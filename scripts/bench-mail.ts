/**
 * Queues notifications for the benchmark's mail figure (scripts/bench.mjs): `n` notifications
 * waiting to be emailed, spread over the demo people, written in one go as the commands would
 * leave them. Prints one JSON line: how many were queued.
 *
 *   npx vite-node scripts/bench-mail.ts <database> <n>
 */
import { openDatabase } from '../db/client';
import { insertMany } from './bench-data';

async function main() {
  const [file, count] = process.argv.slice(2);
  const n = Number(count);
  if (!file || !Number.isInteger(n) || n < 1) throw new Error('usage: bench-mail.ts <db> <n>');
  const db = openDatabase(file);
  try {
    const people = (await db.selectFrom('people').select('id').orderBy('id').execute()).map(
      (p) => p.id,
    );
    const at = new Date().toISOString();
    await insertMany(
      db,
      'notifications',
      Array.from({ length: n }, (_, i) => ({
        person_id: people[i % people.length]!,
        kind: 'plan_final',
        source: `bench-mail:${at}:${i}`,
        title: `Synthetic notification ${i + 1} of ${n}`,
        body: 'A synthetic notification of the benchmark, to be emailed.',
        link: '/notifications',
        portfolio_id: null,
        created_at: at,
        email_status: 'pending',
        email_next_at: at,
        unsubscribe_token: `bench${String(i).padStart(8, '0')}${at.replace(/\D/g, '')}`.slice(
          0,
          32,
        ),
      })),
    );
    console.log(JSON.stringify({ queued: n }));
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
