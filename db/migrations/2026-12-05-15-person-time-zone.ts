import type { Kysely } from 'kysely';

/**
 * The time zone a person reads moments in (issue 16, point 6: "in the viewer's time zone,
 * Eastern by default"). Empty means the default, so changing the default later reaches everyone
 * who never chose; the allowed zones are in app/domain/history/time.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('time_zone', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('time_zone').execute();
}
