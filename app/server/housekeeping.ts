import { getDb } from '#db/client';
import { authConfig } from '~/auth/config.server';
import { deactivateDormantAccounts } from '~/commands/access-review';
import { deleteExpiredSessions } from '~/commands/sessions';
import { deleteExpiredFlows } from '~/commands/sign-in-flows';

/** How often a serving process tidies up (and once at start). */
const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * What a serving process does on its own, at start and every six hours: accounts unused for the
 * dormant period are turned off (AC-2(3)); expired sessions and sign-in flows are removed. Safe on
 * several servers at once (each account is turned off, and audited, once). Returns a stop.
 */
export function startHousekeeping(log: (line: string) => void = console.log): () => void {
  const run = async () => {
    try {
      const db = getDb();
      const now = new Date();
      const off = await deactivateDormantAccounts(db, {
        now,
        days: authConfig().dormantDays,
      });
      if (off > 0) log(`Turned off ${off} accounts unused for ${authConfig().dormantDays} days.`);
      await deleteExpiredSessions(db, now.toISOString());
      await deleteExpiredFlows(db, now.toISOString());
    } catch (error) {
      console.error('housekeeping:', error);
    }
  };
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
