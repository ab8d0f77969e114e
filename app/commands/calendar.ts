/** OMB leads' changes to the fiscal year's PMC calendar (app/domain/calendar/a11.ts). */
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';
import { calendarKey, getCalendarOverrides } from '#db/queries/calendar';

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
      .values({ key: calendarKey(input.fy), value, updated_at: at })
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
