import type { DB } from '../client';
import { recordAudit } from './audit';

const keyFor = (fy: number) => `calendar:${fy}`;

/** This fiscal year's dates set by OMB leads (key → YYYY-MM-DD). */
export async function getCalendarOverrides(db: DB, fy: number): Promise<Map<string, string>> {
  const row = await db
    .selectFrom('workspace_settings')
    .select('value')
    .where('key', '=', keyFor(fy))
    .executeTakeFirst();
  return new Map(Object.entries(row ? (JSON.parse(row.value) as Record<string, string>) : {}));
}

/** Sets one date of a fiscal year's calendar (audited). */
export async function setCalendarDate(
  db: DB,
  input: { fy: number; key: string; date: string; actorId: number },
): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const current = await getCalendarOverrides(trx, input.fy);
    const before = current.get(input.key) ?? null;
    current.set(input.key, input.date);
    const value = JSON.stringify(Object.fromEntries(current));
    await trx
      .insertInto('workspace_settings')
      .values({ key: keyFor(input.fy), value, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'update',
      entityType: 'calendar',
      entityId: `${input.fy}:${input.key}`,
      portfolioId: null,
      before: { date: before },
      after: { date: input.date },
      at,
    });
  });
}
