import type { DB } from '../client';

export const calendarKey = (fy: number) => `calendar:${fy}`;

/** This fiscal year's dates set by OMB leads (key → YYYY-MM-DD). */
export async function getCalendarOverrides(db: DB, fy: number): Promise<Map<string, string>> {
  const row = await db
    .selectFrom('workspace_settings')
    .select('value')
    .where('key', '=', calendarKey(fy))
    .executeTakeFirst();
  return new Map(Object.entries(row ? (JSON.parse(row.value) as Record<string, string>) : {}));
}
