/**
 * The one write of a workspace setting (a row of `workspace_settings`, set by an OMB lead): the
 * form's version checked against the stored one (a stale form is refused with the values as they
 * are now), the JSON value inserted the first time and updated after, and the change audited in
 * the same transaction. The default wage (burden) and the survey minimum go through it.
 */
import type { DB } from '#db/client';
import { recordAudit } from '#db/audit';
import { assertFresh, type Trx } from '#db/versioning';

export async function saveSetting<T extends Record<string, unknown>>(
  db: DB,
  input: {
    key: string;
    /** The setting as stored: its fields and version (0 when never set). */
    read: (trx: Trx) => Promise<T & { version: number }>;
    value: T;
    version: number;
    actorId: number;
  },
): Promise<void> {
  const at = new Date().toISOString();
  const fields = Object.keys(input.value) as (keyof T & string)[];
  await db.transaction().execute(async (trx) => {
    const current = await input.read(trx);
    assertFresh({ ...current, version: current.version || 1 }, input.version || 1, fields);
    const value = JSON.stringify(input.value);
    if (current.version === 0)
      await trx
        .insertInto('workspace_settings')
        .values({ key: input.key, value, updated_at: at })
        .execute();
    else
      await trx
        .updateTable('workspace_settings')
        .set({ value, version: current.version + 1, updated_at: at })
        .where('key', '=', input.key)
        .where('version', '=', current.version)
        .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: 'update',
      entityType: 'setting',
      entityId: input.key,
      portfolioId: null,
      before: Object.fromEntries(fields.map((f) => [f, current[f]])),
      after: input.value,
      at,
    });
  });
}
