import { describe, expect, it } from 'vitest';
import { changePoc } from '~/commands/portfolios';
import { getPhaseHistory, getMyReviews } from '#db/queries/phases';
import { applyGateEvent } from '~/commands/phases';
import { agencyId, demoDb, projectId, userFor } from '../helpers';

const YOUNG_FAMILIES = 'Supporting young families: ideas from international models';

async function setup() {
  const db = await demoDb();
  const id = await projectId(db, YOUNG_FAMILIES);
  const [HHS, USDA] = [await agencyId(db, 'HHS'), await agencyId(db, 'USDA')];
  return { db, id, HHS, USDA };
}

describe('phase gate, applied to the database', () => {
  it('a request, two concurrences (one with comments) and the project moves to Design', async () => {
    const { db, id, HHS, USDA } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    const usdaPoc = await userFor(db, 'agency.poc@example.gov');

    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: team,
        event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
      }),
    ).toMatchObject({ ok: true, result: 'requested' });
    expect((await getMyReviews(db, hhsPoc)).pending).toHaveLength(1);
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: hhsPoc,
        event: { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' },
      }),
    ).toMatchObject({ ok: true, result: 'answered', waitingFor: [USDA] });
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: usdaPoc,
        event: {
          type: 'answer',
          agencyId: USDA,
          answer: 'concur_with_comments',
          comment: 'Include WIC clinics',
        },
      }),
    ).toMatchObject({ ok: true, result: 'advanced', toPhase: 'design' });

    const project = await db
      .selectFrom('projects')
      .select(['phase', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(project).toEqual({ phase: 'design', version: 2 });
    const [request] = await getPhaseHistory(db, id);
    expect(request).toMatchObject({
      status: 'advanced',
      from_phase: 'discovery',
      to_phase: 'design',
    });
    expect(request!.answers.map((a) => [a.code, a.answer, a.comment])).toEqual([
      ['HHS', 'concur', ''],
      ['USDA', 'concur_with_comments', 'Include WIC clinics'],
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('project_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'phase_requested',
      'phase_answered',
      'phase_answered',
      'phase_advanced',
    ]);
    expect((await getMyReviews(db, hhsPoc)).pending).toHaveLength(0);
  });

  it('a double-submitted answer is refused and changes nothing', async () => {
    const { db, id, HHS } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'x' },
    });
    const answer = { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' } as const;
    await applyGateEvent(db, { projectId: id, user: hhsPoc, event: answer });
    const before = await db.selectFrom('audit_log').select('id').execute();
    await expect(
      applyGateEvent(db, { projectId: id, user: hhsPoc, event: answer }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.selectFrom('audit_log').select('id').execute()).toEqual(before);
  });

  it('when the POC changes mid-review, the pending answer passes to the new POC', async () => {
    const { db, id, HHS, USDA } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const omb = await userFor(db, 'omb.lead@example.gov');
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'x' },
    });
    await applyGateEvent(db, {
      projectId: id,
      user: await userFor(db, 'agency.poc@example.gov'),
      event: { type: 'answer', agencyId: USDA, answer: 'concur', comment: '' },
    });

    const portfolio = await db
      .selectFrom('portfolios')
      .select('id')
      .where('slug', '=', 'having-a-child')
      .executeTakeFirstOrThrow();
    const newPoc = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'portfolio.lead@example.gov')
      .executeTakeFirstOrThrow();
    await changePoc(db, {
      portfolioId: portfolio.id,
      agencyId: HHS,
      personId: newPoc.id,
      actorId: omb.personId,
    });

    const formerPoc = await userFor(db, 'hhs.poc@example.gov');
    await expect(
      applyGateEvent(db, {
        projectId: id,
        user: formerPoc,
        event: { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const successor = await userFor(db, 'portfolio.lead@example.gov');
    expect((await getMyReviews(db, successor)).pending).toHaveLength(1);
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: successor,
        event: { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' },
      }),
    ).toMatchObject({ ok: true, result: 'advanced' });
    const history = await db
      .selectFrom('agency_pocs')
      .select(['person_id', 'ended_at'])
      .where('agency_id', '=', HHS)
      .where('portfolio_id', '=', portfolio.id)
      .orderBy('id')
      .execute();
    expect(history).toHaveLength(2);
    expect(history[0]!.ended_at).not.toBeNull();
    expect(history[1]).toEqual({ person_id: newPoc.id, ended_at: null });
  });

  it('a non-concur holds the project until a new request; an OMB lead can override with a reason', async () => {
    const { db, id, HHS } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const omb = await userFor(db, 'omb.lead@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'x' },
    });
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: hhsPoc,
        event: {
          type: 'answer',
          agencyId: HHS,
          answer: 'non_concur',
          comment: 'Need evaluation plan',
        },
      }),
    ).toMatchObject({ ok: true, result: 'held' });
    await expect(
      applyGateEvent(db, {
        projectId: id,
        user: omb,
        event: { type: 'override', decision: 'advance', reason: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'Evaluation plan attached' },
    });
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: omb,
        event: { type: 'override', decision: 'advance', reason: 'PMC agreed on 2026-11-20' },
      }),
    ).toMatchObject({ ok: true, result: 'advanced', by: 'override' });
    const history = await getPhaseHistory(db, id);
    expect(history.map((h) => [h.status, h.override_reason])).toEqual([
      ['advanced', 'PMC agreed on 2026-11-20'],
      ['held', null],
    ]);
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: omb,
        event: { type: 'move_back', toPhase: 'discovery', reason: 'Scope changed' },
      }),
    ).toMatchObject({ ok: true, result: 'moved_back' });
    const p = await db
      .selectFrom('projects')
      .select('phase')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(p.phase).toBe('discovery');
  });
  it('an OMB override, advance or hold, writes its own audit row with the reason', async () => {
    const { db, id } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const omb = await userFor(db, 'omb.lead@example.gov');
    const request = (evidence: string) =>
      applyGateEvent(db, {
        projectId: id,
        user: team,
        event: { type: 'request', toPhase: 'design', evidence },
      });
    const lastAudit = async () => {
      const row = await db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'entity_type', 'entity_id', 'project_id', 'changes'])
        .where('project_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { ...row, changes: JSON.parse(row.changes) as unknown };
    };

    await request('First try');
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: omb,
        event: { type: 'override', decision: 'hold', reason: 'Evaluation plan missing' },
      }),
    ).toMatchObject({ ok: true, result: 'held', by: 'override' });
    expect(await lastAudit()).toEqual({
      action: 'phase_override_hold',
      actor_id: omb.personId,
      entity_type: 'project_phase',
      entity_id: String(id),
      project_id: id,
      changes: {
        request: { before: 'pending', after: 'held' },
        reason: { before: null, after: 'Evaluation plan missing' },
      },
    });

    await request('Evaluation plan attached');
    expect(
      await applyGateEvent(db, {
        projectId: id,
        user: omb,
        event: { type: 'override', decision: 'advance', reason: '  PMC agreed on 2026-11-20  ' },
      }),
    ).toMatchObject({ ok: true, result: 'advanced', by: 'override' });
    expect(await lastAudit()).toEqual({
      action: 'phase_override_advance',
      actor_id: omb.personId,
      entity_type: 'project_phase',
      entity_id: String(id),
      project_id: id,
      changes: {
        phase: { before: 'discovery', after: 'design' },
        reason: { before: null, after: 'PMC agreed on 2026-11-20' },
      },
    });
  });

  it('a former POC whose session predates the POC change cannot answer', async () => {
    const { db, id, HHS } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const omb = await userFor(db, 'omb.lead@example.gov');
    // Loaded while still the HHS POC: the session says so until it is reloaded.
    const formerPoc = await userFor(db, 'hhs.poc@example.gov');
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'x' },
    });
    const portfolio = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const successor = await userFor(db, 'portfolio.lead@example.gov');
    await changePoc(db, {
      portfolioId: portfolio.portfolio_id,
      agencyId: HHS,
      personId: successor.personId,
      actorId: omb.personId,
    });
    expect(formerPoc.pocFor.some((p) => p.agencyId === HHS)).toBe(true);
    const before = await db.selectFrom('audit_log').select('id').execute();
    await expect(
      applyGateEvent(db, {
        projectId: id,
        user: formerPoc,
        event: { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.selectFrom('phase_answers').select('id').execute()).toEqual([]);
    expect((await db.selectFrom('audit_log').select('id').execute()).length).toBe(before.length);
  });
});

describe('phase gate notifications, written with the change', () => {
  const told = (db: Awaited<ReturnType<typeof demoDb>>, personId: number) =>
    db
      .selectFrom('notifications')
      .select(['kind', 'title', 'link', 'email_status', 'read_at'])
      .where('person_id', '=', personId)
      .orderBy('id')
      .execute();

  it('the POCs hear of the request; the person who asked hears of each answer and the decision', async () => {
    const { db, id, HHS, USDA } = await setup();
    const team = await userFor(db, 'team.member@example.gov');
    const hhsPoc = await userFor(db, 'hhs.poc@example.gov');
    const usdaPoc = await userFor(db, 'agency.poc@example.gov');
    await applyGateEvent(db, {
      projectId: id,
      user: team,
      event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
    });
    for (const poc of [hhsPoc, usdaPoc])
      expect(await told(db, poc.personId)).toEqual([
        expect.objectContaining({
          kind: 'phase_request_waiting',
          link: `/projects/${id}/phase`,
          email_status: 'pending',
          read_at: null,
        }),
      ]);
    expect(await told(db, team.personId)).toEqual([]);
    await applyGateEvent(db, {
      projectId: id,
      user: hhsPoc,
      event: { type: 'answer', agencyId: HHS, answer: 'concur', comment: '' },
    });
    await applyGateEvent(db, {
      projectId: id,
      user: usdaPoc,
      event: { type: 'answer', agencyId: USDA, answer: 'concur', comment: '' },
    });
    expect((await told(db, team.personId)).map((n) => [n.kind, n.title])).toEqual([
      [
        'phase_request_answered',
        `${YOUNG_FAMILIES}: Department of Health and Human Services concurred`,
      ],
      ['phase_request_decided', `${YOUNG_FAMILIES} moved to Design: every agency concurred`],
    ]);
  });

  it('a refused event tells no one', async () => {
    const { db, id } = await setup();
    const viewer = await userFor(db, 'viewer@example.gov');
    await expect(
      applyGateEvent(db, {
        projectId: id,
        user: viewer,
        event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
      }),
    ).rejects.toThrow();
    const count = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
