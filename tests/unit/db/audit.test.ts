import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeAuditRows } from '~/presenters/history.server';
import { recordAudit } from '#db/audit';
import { auditFilterOptions, listAudit, type AuditFilter } from '#db/queries/audit';
import { getJourney } from '#db/queries/journeys';
import { createJourney, editJourney, journeyEdits } from '~/commands/journeys';
import { getProject } from '#db/queries/projects';
import { updateProject } from '~/commands/projects';
import type { Database } from '#db/schema';
import { parseAuditFilters } from '~/schemas/audit';
import {
  agencyId,
  demoDb,
  freshDb,
  onPostgres,
  projectId,
  projectValues,
  userFor,
} from '../helpers';
import type { EntityType } from '~/domain/audit';

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

  it('a hand-written transaction that fails halfway leaves neither the change nor its audit row', async () => {
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

/**
 * Makes every audit write fail, as a full disk or a lost connection would at that moment: the
 * mutation's own writes have already run in the transaction when the error comes.
 */
async function failAuditWrites(db: Kysely<Database>): Promise<void> {
  if (onPostgres) {
    await sql`create function fail_audit_write() returns trigger language plpgsql as $$
      begin raise exception 'audit write failed'; end $$`.execute(db);
    await sql`create trigger fail_audit_write before insert on audit_log
      for each row execute function fail_audit_write()`.execute(db);
  } else {
    await sql`create trigger fail_audit_write before insert on audit_log
      begin select raise(abort, 'audit write failed'); end`.execute(db);
  }
}

describe('a real mutation that fails halfway', () => {
  it('updateProject: a failed audit write leaves neither the project change nor its audit row', async () => {
    const db = await demoDb();
    const id = await projectId(db, 'Newborn Supply Kits');
    const team = await userFor(db, 'team.member@example.gov');
    const base = await projectValues(db, id);
    const before = await getProject(db, id);
    const auditBefore = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
    const hhs = await agencyId(db, 'HHS');
    // A change that touches the project row and its agency links before the audit write.
    const agencies = base.agencies.includes(hhs)
      ? base.agencies.filter((a) => a !== hhs)
      : [...base.agencies, hhs];
    await failAuditWrites(db);
    await expect(
      updateProject(db, {
        projectId: id,
        actorId: team.personId,
        version: before!.project.version,
        values: {
          ...base,
          name: 'Renamed halfway',
          health: 'at_risk',
          healthReason: 'Supplier delay',
          agencies,
        },
      }),
    ).rejects.toThrow(/audit write failed/);
    expect(await getProject(db, id)).toEqual(before);
    expect(await db.selectFrom('audit_log').select('id').orderBy('id').execute()).toEqual(
      auditBefore,
    );
  });

  it('editVersioned (a journey map edit): a failed audit write leaves neither the edit, the version bump nor an audit row', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const portfolio = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const mapId = await createJourney(db, {
      portfolioId: portfolio.id,
      actorId: team.personId,
      details: {
        title: 'Birth registration',
        personas: '',
        description: '',
        versionLabel: 'as_is',
        versionName: '',
      },
    });
    const before = await getJourney(db, mapId);
    const auditBefore = await db.selectFrom('audit_log').select('id').orderBy('id').execute();
    await failAuditWrites(db);
    await expect(
      editJourney(
        db,
        { mapId, version: before!.map.version, actorId: team.personId, action: 'add_stage' },
        (trx, map) => journeyEdits.addStage(trx, map, 'At the hospital'),
      ),
    ).rejects.toThrow(/audit write failed/);
    const after = await getJourney(db, mapId);
    expect(after!.stages).toEqual([]);
    expect(after!.map.version).toBe(before!.map.version);
    expect(after).toEqual(before);
    expect(await db.selectFrom('audit_log').select('id').orderBy('id').execute()).toEqual(
      auditBefore,
    );
  });
});

describe('browsing the audit log', () => {
  /** Two people, each changing two records; project 1 and milestone 1 share an id. */
  async function setup() {
    const db = await demoDb();
    await db.deleteFrom('audit_log').execute();
    const lead = await userFor(db, 'omb.lead@example.gov');
    const team = await userFor(db, 'team.member@example.gov');
    const write = (actorId: number, entityType: EntityType, entityId: string, at: string) =>
      recordAudit(db, {
        actorId,
        action: 'update',
        entityType,
        entityId,
        portfolioId: null,
        before: { note: 'before' },
        after: { note: `${entityType} ${entityId} at ${at}` },
        at,
      });
    await write(lead.personId, 'project', '1', '2026-01-01T10:00:00.000Z');
    await write(team.personId, 'project', '1', '2026-01-02T10:00:00.000Z');
    await write(lead.personId, 'project', '2', '2026-01-03T10:00:00.000Z');
    await write(team.personId, 'milestone', '1', '2026-01-04T10:00:00.000Z');
    await write(lead.personId, 'milestone', '1', '2026-01-05T10:00:00.000Z');
    const list = async (filter: Omit<AuditFilter, 'limit'>, limit = 50) => {
      const page = await listAudit(db, { ...filter, limit });
      return {
        rows: page.rows.map((r) => `${r.actor_name}: ${r.entity_type} ${r.entity_id} ${r.at}`),
        hasMore: page.hasMore,
      };
    };
    return { db, lead, team, list, names: { lead: lead.name, team: team.name } };
  }

  it('with no filter, lists every entry newest first', async () => {
    const { list, names } = await setup();
    expect((await list({})).rows).toEqual([
      `${names.lead}: milestone 1 2026-01-05T10:00:00.000Z`,
      `${names.team}: milestone 1 2026-01-04T10:00:00.000Z`,
      `${names.lead}: project 2 2026-01-03T10:00:00.000Z`,
      `${names.team}: project 1 2026-01-02T10:00:00.000Z`,
      `${names.lead}: project 1 2026-01-01T10:00:00.000Z`,
    ]);
  });

  it('by kind of record, leaves out the other kinds', async () => {
    const { list, names } = await setup();
    expect((await list({ entityType: 'milestone' })).rows).toEqual([
      `${names.lead}: milestone 1 2026-01-05T10:00:00.000Z`,
      `${names.team}: milestone 1 2026-01-04T10:00:00.000Z`,
    ]);
  });

  it('by one record (kind and id), leaves out other records and the same id of another kind', async () => {
    const { list, names } = await setup();
    expect((await list({ entityType: 'project', entityId: '1' })).rows).toEqual([
      `${names.team}: project 1 2026-01-02T10:00:00.000Z`,
      `${names.lead}: project 1 2026-01-01T10:00:00.000Z`,
    ]);
    expect((await list({ entityType: 'project', entityId: '3' })).rows).toEqual([]);
  });

  it('by person, leaves out everyone else', async () => {
    const { list, team, names } = await setup();
    expect((await list({ actorId: team.personId })).rows).toEqual([
      `${names.team}: milestone 1 2026-01-04T10:00:00.000Z`,
      `${names.team}: project 1 2026-01-02T10:00:00.000Z`,
    ]);
  });

  it('by record and person together', async () => {
    const { list, lead, names } = await setup();
    expect(
      (await list({ entityType: 'project', entityId: '1', actorId: lead.personId })).rows,
    ).toEqual([`${names.lead}: project 1 2026-01-01T10:00:00.000Z`]);
  });

  it('pages back with the filter kept', async () => {
    const { db, list, lead, names } = await setup();
    const first = await list({ actorId: lead.personId }, 2);
    expect(first).toEqual({
      rows: [
        `${names.lead}: milestone 1 2026-01-05T10:00:00.000Z`,
        `${names.lead}: project 2 2026-01-03T10:00:00.000Z`,
      ],
      hasMore: true,
    });
    const last = await db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', '2')
      .executeTakeFirstOrThrow();
    expect(await list({ actorId: lead.personId, beforeId: last.id }, 2)).toEqual({
      rows: [`${names.lead}: project 1 2026-01-01T10:00:00.000Z`],
      hasMore: false,
    });
  });

  it('offers the kinds of record and the people that appear in the log', async () => {
    const { db, lead, team } = await setup();
    const options = await auditFilterOptions(db);
    expect(options.entityTypes).toEqual(['milestone', 'project']);
    expect(options.actors.map((a) => a.id).sort((a, b) => a - b)).toEqual(
      [lead.personId, team.personId].sort((a, b) => a - b),
    );
  });
});

describe('audit filters from the query string', () => {
  const parse = (query: string) => parseAuditFilters(new URLSearchParams(query));

  it('reads good values', () => {
    expect(parse('entity=journey_map&record=12&person=3&before=40')).toEqual({
      values: { entity: 'journey_map', record: '12', person: 3, before: 40 },
      errors: {},
    });
    expect(parse('entity=calendar&record=2026:pmc_due').values.record).toBe('2026:pmc_due');
    expect(parse('entity=workspace&record=demo-accounts').values.record).toBe('demo-accounts');
  });

  it('treats empty fields as no filter', () => {
    expect(parse('entity=&record=&person=')).toEqual({ values: {}, errors: {} });
  });

  it('gives each bad value a message and leaves it out of the filter', () => {
    expect(parse('entity=DROP%20TABLE&record=1%27%20or%201=1&person=abc')).toEqual({
      values: {},
      errors: {
        entity: 'Choose a kind of record from the list.',
        record: 'Enter the record’s id as an entry’s details show it, for example 12.',
        person: 'Choose a person from the list.',
      },
    });
    expect(parse(`entity=project&record=${'9'.repeat(101)}`).errors.record).toMatch(
      /entry’s details/,
    );
    expect(parse('person=-1').errors.person).toBe('Choose a person from the list.');
    expect(parse('person=99999999999').errors.person).toBe('Choose a person from the list.');
  });

  it.each([
    ['entity=journey_map', { entity: 'journey_map' }, {}],
    ['entity=widget', {}, { entity: 'Choose a kind of record from the list.' }],
    ['person=3', { person: 3 }, {}],
    ['person=4', {}, { person: 'Choose a person from the list.' }],
    // An unlisted kind is what to fix first; the id waits for it.
    ['entity=widget&record=12', {}, { entity: 'Choose a kind of record from the list.' }],
  ])('with the lists offered, %s filters by %o, refusing %o', (query, values, errors) => {
    const listed = { kinds: ['journey_map', 'project'], people: [3, 7] };
    expect(parseAuditFilters(new URLSearchParams(query), listed)).toEqual({ values, errors });
  });

  it('needs a kind of record for a record id (ids repeat across kinds)', () => {
    expect(parse('record=12')).toEqual({
      values: {},
      errors: { record: 'Choose a kind of record to look up a record by its id.' },
    });
    // A bad kind already says what to fix; the id waits for it.
    expect(parse('entity=Bad&record=12')).toEqual({
      values: {},
      errors: { entity: 'Choose a kind of record from the list.' },
    });
  });
});

describe('audit rows as sentences, with the names they mention', () => {
  it('names the actor with their agency, the agency answered for, the project and its link', async () => {
    const db = await demoDb();
    const poc = await userFor(db, 'agency.poc@example.gov');
    const id = await projectId(db, 'Newborn Supply Kits');
    const project = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const usda = await agencyId(db, 'USDA');
    await recordAudit(db, {
      actorId: poc.personId,
      action: 'phase_answered',
      entityType: 'project_phase',
      entityId: id,
      portfolioId: project.portfolio_id,
      projectId: id,
      before: null,
      after: { agency_id: usda, answer: 'concur', comment: '' },
    });
    await recordAudit(db, {
      actorId: null,
      action: 'change_poc',
      entityType: 'portfolio_agency',
      entityId: `${project.portfolio_id}:${usda}`,
      portfolioId: project.portfolio_id,
      before: { poc_person_id: null },
      after: { poc_person_id: poc.personId },
    });
    const { rows } = await listAudit(db, { limit: 2 });
    const [poc_change, answer] = await describeAuditRows(db, rows);
    expect(answer).toMatchObject({
      who: 'Luis Ortega (USDA)',
      sentence:
        'Luis Ortega (USDA) answered for USDA on the phase request of project “Newborn Supply Kits”: Concur.',
      target: { href: `/projects/${id}/phase` },
    });
    expect(poc_change!.sentence).toBe(
      'The workspace made Luis Ortega USDA’s point of contact for portfolio “Having a Child and Early Childhood”.',
    );
    expect(poc_change!.target?.href).toMatch(/^\/portfolios\/[a-z-]+\/people$/);
  });
});
