import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '#db/errors';
import {
  fingerprint,
  getActivity,
  getClearance,
  parseDecision,
  portfolioPraStatus,
} from '#db/queries/research';
import {
  activityEdits,
  createActivity,
  createClearance,
  editActivity,
  editClearance,
} from '~/commands/research';
import { can } from '~/domain/policy';
import { ClearanceEditSchema } from '~/schemas/research';
import { demoDb, projectId, userFor } from '../helpers';
import type { AuditAction } from '~/domain/audit';

const values = {
  title: 'Interviews',
  method: 'interviews' as const,
  purpose: 'Learn how parents use the kit',
  questions: '1. What did you use first?',
  unscripted: false,
  phase: 'development' as const,
  screeningQuestions: '',
  incentiveDollars: null,
  incentiveKind: '',
  counselApproved: false,
};

async function setup() {
  const db = await demoDb();
  const user = await userFor(db, 'team.member@example.gov');
  const pid = await projectId(db, 'Newborn Supply Kits');
  const project = await db
    .selectFrom('projects')
    .select('portfolio_id')
    .where('id', '=', pid)
    .executeTakeFirstOrThrow();
  const id = await createActivity(db, {
    projectId: pid,
    portfolioId: project.portfolio_id,
    actorId: user.personId,
    values,
  });
  return { db, user, id, portfolioId: project.portfolio_id };
}

const publicPeople = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}-${i}`, category: 'public' as const }));

describe('research sessions and the PRA guard in the database', () => {
  it('the guard refuses the tenth person inside the transaction and nothing is written', async () => {
    const { db, user, id, portfolioId } = await setup();
    let version = 1;
    const add = (date: string, participants: ReturnType<typeof publicPeople>) =>
      editActivity(db, { id, version, actorId: user.personId, action: 'add_session' }, (trx, a) =>
        activityEdits.addSession(trx, a, { heldOn: date, participants, actorId: user.personId }),
      ).then(() => version++);
    await add('2026-09-01', publicPeople('A', 8));
    await add('2026-10-01', [{ code: 'A-8', category: 'public' }]);
    // The team heard at 8 and at the limit, each once; never the person who logged them.
    const heard = await db
      .selectFrom('notifications')
      .select(['source', 'person_id'])
      .where('kind', '=', 'research_limit')
      .execute();
    expect([...new Set(heard.map((h) => h.source))]).toEqual([
      `research_activity:${id}:count:8`,
      `research_activity:${id}:count:9`,
    ]);
    expect(heard.some((h) => h.person_id === user.personId)).toBe(false);
    expect(heard.length).toBeGreaterThan(0);
    const before = await db.selectFrom('audit_log').select('id').execute();
    await expect(add('2026-10-15', publicPeople('B', 1))).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(before);
    expect((await getActivity(db, id))!.sessions).toHaveLength(2);
    const status = await portfolioPraStatus(db, portfolioId, '2026-11-22');
    // Nine in the window around today: the limit, until a year after the first session.
    expect(status.reports[0]).toMatchObject({
      status: 'at_limit',
      count: 9,
      remaining: 0,
      nextAllowedOn: '2027-09-01',
    });
    // The cached status follows every change: a session a year later is allowed and shows.
    await add('2027-10-15', publicPeople('C', 3));
    const after = await portfolioPraStatus(db, portfolioId, '2026-11-22');
    expect(after.reports[0]).toMatchObject({ status: 'at_limit', count: 9 });
    expect(after.activities[0]!.sessions).toHaveLength(3);
  });

  it('editing an activity so two collections join past nine is refused; nothing changes', async () => {
    const { db, user, id, portfolioId } = await setup();
    const projectIdOf = (await getActivity(db, id))!.activity.project_id;
    const other = await createActivity(db, {
      projectId: projectIdOf,
      portfolioId,
      actorId: user.personId,
      values: {
        ...values,
        title: 'Usability test',
        purpose: 'Test the sign-up form',
        questions: '',
      },
    });
    const log = (activity: number, prefix: string, n: number) =>
      editActivity(
        db,
        { id: activity, version: 1, actorId: user.personId, action: 'add_session' },
        (trx, a) =>
          activityEdits.addSession(trx, a, {
            heldOn: '2026-10-01',
            participants: publicPeople(prefix, n),
          }),
      );
    await log(id, 'A', 7);
    await log(other, 'B', 5);
    const audit = await db.selectFrom('audit_log').select('id').execute();
    const merge = { ...values, title: 'Usability test', purpose: values.purpose, questions: '' };
    await expect(
      editActivity(
        db,
        { id: other, version: 2, actorId: user.personId, action: 'update' },
        (trx, a) => activityEdits.update(trx, a, merge),
      ),
    ).rejects.toMatchObject({ code: 'conflict', field: 'purpose' });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(audit);
    expect((await getActivity(db, other))!.activity).toMatchObject({
      purpose: 'Test the sign-up form',
      version: 2,
    });
    // With an OMB lead's override recorded on it, the same change is saved and audited.
    const omb = await userFor(db, 'omb.lead@example.gov');
    await editActivity(
      db,
      { id: other, version: 2, actorId: omb.personId, action: 'override' },
      (trx, a) =>
        activityEdits.override(
          trx,
          a,
          'Counsel determined the usability test is not a collection.',
          omb.personId,
        ),
    );
    await editActivity(
      db,
      { id: other, version: 3, actorId: user.personId, action: 'update' },
      (trx, a) => activityEdits.update(trx, a, merge),
    );
    expect((await getActivity(db, other))!.activity).toMatchObject({
      purpose: values.purpose,
      version: 4,
    });
    const rows = await db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'research_activity')
      .where('entity_id', '=', String(other))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'add_session', 'override', 'update']);
    expect(rows[2]!.changes).toContain('Counsel determined');
  });

  it('stores no names or contacts of participants: codes and categories only', async () => {
    const { db } = await setup();
    const tables = await db.introspection.getTables();
    const table = tables.find((t) => t.name === 'research_participants');
    expect(table?.columns.map((c) => c.name).sort()).toEqual([
      'category',
      'code',
      'id',
      'session_id',
    ]);
  });

  it('a clearance needs its control number and expiration date together', async () => {
    const { db, portfolioId } = await setup();
    await expect(
      db
        .insertInto('pra_clearances')
        .values({
          portfolio_id: portfolioId,
          title: 'x',
          kind: 'generic',
          omb_control_number: '1090-0011',
          expires_on: null,
          created_at: '2026-11-22',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/i);
  });
});

const auditRows = (db: Awaited<ReturnType<typeof demoDb>>, type: string, id: number) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'portfolio_id', 'changes'])
    .where('entity_type', '=', type)
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

describe('the decision record of an activity', () => {
  it('stores the answers, the outcome and the reviewer, with an audit row', async () => {
    const { db, user, id, portfolioId } = await setup();
    await editActivity(
      db,
      { id, version: 1, actorId: user.personId, action: 'decision' },
      (trx, a) =>
        activityEdits.decision(
          trx,
          a,
          {
            tenOrMore: 'yes',
            membersOfPublic: 'yes',
            sameQuestions: 'no',
            observationOnly: 'no',
            outcome: 'Under ten people per purpose; no clearance needed yet.',
          },
          { personId: user.personId, name: user.name, on: '2026-11-22' },
        ),
    );
    const { activity } = (await getActivity(db, id))!;
    expect(activity.version).toBe(2);
    expect(parseDecision(activity.decision)).toEqual({
      tenOrMore: 'yes',
      membersOfPublic: 'yes',
      sameQuestions: 'no',
      observationOnly: 'no',
      outcome: 'Under ten people per purpose; no clearance needed yet.',
      reviewed_by: user.name,
      reviewed_by_id: user.personId,
      reviewed_on: '2026-11-22',
    });
    const rows = await auditRows(db, 'research_activity', id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'decision']);
    expect(rows[1]).toMatchObject({ actor_id: user.personId, portfolio_id: portfolioId });
    const changes = JSON.parse(rows[1]!.changes) as Record<
      string,
      { before: unknown; after: Record<string, unknown> }
    >;
    expect(changes.decision!.before).toEqual({});
    expect(changes.decision!.after).toMatchObject({
      tenOrMore: 'yes',
      outcome: 'Under ten people per purpose; no clearance needed yet.',
      reviewed_by: user.name,
    });
  });

  it('a record that is not an object reads as empty', () => {
    expect(parseDecision('{}')).toEqual({});
    expect(parseDecision('[]')).toEqual({});
    expect(parseDecision('null')).toEqual({});
  });
});

describe('the stored question-set fingerprint', () => {
  const base = '1. How did you apply?\n2. What was hard?';
  it.each([
    {
      name: 'spacing and blank lines',
      text: '  1.   How did you   apply?\n\n2.  What was hard?  ',
    },
    { name: 'other numbering', text: 'a) How did you apply\nb) What was hard' },
    { name: 'bullets and case', text: '- how did you apply?\n* WHAT WAS HARD?' },
    { name: 'Windows line ends', text: '1) How did you apply?\r\n2) What was hard?' },
  ])('is the same for reworded $name', ({ text }) => {
    expect(fingerprint(text)).toBe(fingerprint(base));
  });

  it.each([
    { name: 'a different question', text: '1. How did you apply?\n2. What was easy?' },
    { name: 'a question more', text: `${base}\n3. Who helped you?` },
    { name: 'a question fewer', text: '1. How did you apply?' },
  ])('differs for $name', ({ text }) => {
    expect(fingerprint(text)).not.toBe(fingerprint(base));
  });

  it('is a SHA-256 hex digest, and null for no questions', () => {
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint('')).toBeNull();
    expect(fingerprint(' \n 1. \n')).toBeNull();
  });

  it('is what an activity stores, so reworded questions join one collection', async () => {
    const { db, user, id, portfolioId } = await setup();
    const { activity } = (await getActivity(db, id))!;
    const other = await createActivity(db, {
      projectId: activity.project_id,
      portfolioId,
      actorId: user.personId,
      values: { ...values, purpose: 'A different purpose', questions: 'a) what did you use first' },
    });
    expect((await getActivity(db, other))!.activity.questions_fingerprint).toBe(
      activity.questions_fingerprint,
    );
    const status = await portfolioPraStatus(db, portfolioId, '2026-11-22');
    expect(status.reports.find((r) => r.activityIds.includes(id))!.activityIds.sort()).toEqual(
      [id, other].sort(),
    );
  });
});

describe('editing a clearance', () => {
  async function withClearance() {
    const s = await setup();
    const lead = await userFor(s.db, 'portfolio.lead@example.gov');
    const clearanceId = await createClearance(s.db, {
      portfolioId: s.portfolioId,
      actorId: lead.personId,
      title: 'Fast-track clearance for kit feedback',
      kind: 'fast_track',
      controlNumber: null,
      expiresOn: null,
    });
    return { ...s, lead, clearanceId };
  }
  const edit = (over: Record<string, unknown>) =>
    ClearanceEditSchema.parse({
      title: 'Fast-track clearance for kit feedback',
      kind: 'fast_track',
      ...over,
    });

  it('is for the roles that may record one: OMB and portfolio leads, not the team', async () => {
    const { db, portfolioId, user, lead } = await withClearance();
    const omb = await userFor(db, 'omb.lead@example.gov');
    const viewer = await userFor(db, 'viewer@example.gov');
    expect(can(lead, 'clearance.edit', { portfolioId })).toBe(true);
    expect(can(omb, 'clearance.edit', { portfolioId })).toBe(true);
    expect(can(user, 'clearance.edit', { portfolioId })).toBe(false);
    expect(can(viewer, 'clearance.edit', { portfolioId })).toBe(false);
  });

  it('a pending clearance gets its number and date; versioned and audited', async () => {
    const { db, portfolioId, lead, clearanceId } = await withClearance();
    await editClearance(db, {
      portfolioId,
      actorId: lead.personId,
      values: edit({
        clearanceId,
        version: 1,
        title: 'A-11 Section 280 fast-track clearance',
        controlNumber: '1090-0011',
        expiresOn: '2027-06-30',
      }),
    });
    const { clearance } = (await getClearance(db, portfolioId, clearanceId))!;
    expect(clearance).toMatchObject({
      title: 'A-11 Section 280 fast-track clearance',
      kind: 'fast_track',
      omb_control_number: '1090-0011',
      expires_on: '2027-06-30',
      version: 2,
    });
    const rows = await auditRows(db, 'pra_clearance', clearanceId);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
    expect(rows[1]).toMatchObject({ actor_id: lead.personId, portfolio_id: portfolioId });
    expect(JSON.parse(rows[1]!.changes)).toEqual({
      title: {
        before: 'Fast-track clearance for kit feedback',
        after: 'A-11 Section 280 fast-track clearance',
      },
      omb_control_number: { before: null, after: '1090-0011' },
      expires_on: { before: null, after: '2027-06-30' },
    });
  });

  it('a number without a date (or a date without a number) is refused next to the field', () => {
    const number = ClearanceEditSchema.safeParse({
      clearanceId: 1,
      version: 1,
      title: 'x',
      kind: 'generic',
      controlNumber: '1090-0011',
    });
    expect(number.error?.issues).toEqual([
      expect.objectContaining({
        path: ['expiresOn'],
        message: 'A control number comes with its expiration date.',
      }),
    ]);
    const date = ClearanceEditSchema.safeParse({
      clearanceId: 1,
      version: 1,
      title: 'x',
      kind: 'generic',
      expiresOn: '2027-06-30',
    });
    expect(date.error?.issues).toEqual([
      expect.objectContaining({
        path: ['controlNumber'],
        message: 'An expiration date comes with its OMB control number.',
      }),
    ]);
  });

  it('a stale form is refused with the saved values; nothing changes', async () => {
    const { db, portfolioId, lead, clearanceId } = await withClearance();
    await editClearance(db, {
      portfolioId,
      actorId: lead.personId,
      values: edit({
        clearanceId,
        version: 1,
        controlNumber: '1090-0011',
        expiresOn: '2027-06-30',
      }),
    });
    const audit = await db.selectFrom('audit_log').select('id').execute();
    const refused = editClearance(db, {
      portfolioId,
      actorId: lead.personId,
      values: edit({ clearanceId, version: 1, title: 'Someone else’s title' }),
    });
    await expect(refused).rejects.toBeInstanceOf(StaleWriteError);
    await expect(refused).rejects.toMatchObject({
      currentVersion: 2,
      current: {
        title: 'Fast-track clearance for kit feedback',
        kind: 'fast_track',
        omb_control_number: '1090-0011',
        expires_on: '2027-06-30',
      },
    });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(audit);
    expect((await getClearance(db, portfolioId, clearanceId))!.clearance).toMatchObject({
      title: 'Fast-track clearance for kit feedback',
      version: 2,
    });
  });

  it('another portfolio’s clearance is not found', async () => {
    const { db, portfolioId, lead, clearanceId } = await withClearance();
    const other = await db
      .selectFrom('portfolios')
      .select('id')
      .where('id', '!=', portfolioId)
      .executeTakeFirstOrThrow();
    expect(await getClearance(db, other.id, clearanceId)).toBeUndefined();
    await expect(
      editClearance(db, {
        portfolioId: other.id,
        actorId: lead.personId,
        values: edit({ clearanceId, version: 1 }),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('unlinks an activity: its sessions count again; an activity not linked is refused', async () => {
    const { db, user, id, portfolioId, lead, clearanceId } = await withClearance();
    await editClearance(db, {
      portfolioId,
      actorId: lead.personId,
      values: edit({
        clearanceId,
        version: 1,
        controlNumber: '1090-0011',
        expiresOn: '2027-06-30',
      }),
    });
    let version = 1;
    const change = (action: AuditAction, fn: Parameters<typeof editActivity>[2]) =>
      editActivity(db, { id, version, actorId: user.personId, action }, fn).then(() => version++);
    await change('link_clearance', (trx, a) => activityEdits.linkClearance(trx, a, clearanceId));
    await change('add_session', (trx, a) =>
      activityEdits.addSession(trx, a, {
        heldOn: '2026-10-01',
        participants: publicPeople('A', 12),
      }),
    );
    expect((await portfolioPraStatus(db, portfolioId, '2026-11-22')).reports[0]).toMatchObject({
      status: 'covered',
    });
    expect((await getClearance(db, portfolioId, clearanceId))!.activities).toEqual([
      { id, title: 'Interviews', project_name: 'Newborn Supply Kits' },
    ]);

    // An id that is not linked: refused, and nothing changes.
    const audit = await db.selectFrom('audit_log').select('id').execute();
    await expect(
      editClearance(db, {
        portfolioId,
        actorId: lead.personId,
        values: edit({ clearanceId, version: 2, unlink: [String(id + 1000)] }),
      }),
    ).rejects.toMatchObject({ code: 'invalid', field: 'unlink' });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(audit);

    await editClearance(db, {
      portfolioId,
      actorId: lead.personId,
      values: edit({
        clearanceId,
        version: 2,
        controlNumber: '1090-0011',
        expiresOn: '2027-06-30',
        unlink: [String(id)],
      }),
    });
    expect((await getClearance(db, portfolioId, clearanceId))!.activities).toEqual([]);
    // The cached status follows: twelve people, no clearance any more.
    expect((await portfolioPraStatus(db, portfolioId, '2026-11-22')).reports[0]).toMatchObject({
      status: 'needs_clearance',
      count: 12,
    });
    const rows = await auditRows(db, 'pra_clearance', clearanceId);
    expect(JSON.parse(rows.at(-1)!.changes)).toEqual({
      activities: { before: [`Interviews (#${id})`], after: [] },
    });
  });

  it('the table still refuses a number without a date, whatever the caller', async () => {
    const { db, portfolioId, clearanceId } = await withClearance();
    await expect(
      db
        .updateTable('pra_clearances')
        .set({ omb_control_number: '1090-0011' })
        .where('id', '=', clearanceId)
        .where('portfolio_id', '=', portfolioId)
        .execute(),
    ).rejects.toThrow(/check constraint/i);
  });
});
