import { describe, expect, it } from 'vitest';
import { recordAudit } from '#db/queries/audit';
import { freshDb } from '../helpers';

describe('audit log in the same transaction as the change', () => {
  it('records who changed what, with before and after', async () => {
    const db = await freshDb({ seed: true });
    const project = await db
      .selectFrom('projects')
      .selectAll()
      .where('name', '=', 'Newborn Supply Kits')
      .executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('projects')
        .set({ health: 'at_risk', health_reason: 'Supplier delay' })
        .where('id', '=', project.id)
        .execute();
      await recordAudit(trx, {
        actorId: null,
        action: 'update',
        entityType: 'project',
        entityId: project.id,
        portfolioId: project.portfolio_id,
        before: {
          health: project.health,
          health_reason: project.health_reason,
          name: project.name,
        },
        after: { health: 'at_risk', health_reason: 'Supplier delay', name: project.name },
      });
    });
    const row = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'project')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.changes)).toEqual({
      health: { before: 'on_track', after: 'at_risk' },
      health_reason: { before: null, after: 'Supplier delay' },
    });
  });

  it('a mutation that fails halfway leaves neither the change nor its audit row', async () => {
    const db = await freshDb({ seed: true });
    const project = await db
      .selectFrom('projects')
      .selectAll()
      .where('name', '=', 'Newborn Supply Kits')
      .executeTakeFirstOrThrow();
    const auditBefore = await db.selectFrom('audit_log').select('id').execute();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('projects')
          .set({ name: 'Renamed' })
          .where('id', '=', project.id)
          .execute();
        await recordAudit(trx, {
          actorId: null,
          action: 'update',
          entityType: 'project',
          entityId: project.id,
          portfolioId: project.portfolio_id,
          before: { name: project.name },
          after: { name: 'Renamed' },
        });
        // The second write breaks a constraint (health must be one of three values).
        await trx
          .updateTable('projects')
          // @ts-expect-error: deliberately invalid to make the transaction fail halfway
          .set({ health: 'unknown' })
          .where('id', '=', project.id)
          .execute();
      }),
    ).rejects.toThrow(/check constraint/i);
    const after = await db
      .selectFrom('projects')
      .select('name')
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    expect(after.name).toBe('Newborn Supply Kits');
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
  });
});
