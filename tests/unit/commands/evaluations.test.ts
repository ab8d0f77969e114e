/**
 * Evaluation plans (issue 20, point 2): a draft's design is edited and linked to the project's
 * own research; approving asks for every part; an approved design is kept; the findings are
 * recorded when reported; every move is audited in words. SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluation, moveEvaluation, updateEvaluation } from '~/commands/evaluations';
import { evaluationActivities, getEvaluation } from '#db/queries/evaluations';
import type { EvaluationInput } from '~/schemas/evaluation';
import { auditSentences, demoDb, projectId, userFor } from '../helpers';

const DRAFT: EvaluationInput = {
  title: 'Do kits reach families sooner?',
  questions: 'Did the median days from enrollment to delivery fall?',
  design: 'pre_post',
  designDetail: '',
  population: 'Families enrolled in the pilot states',
  sample: '',
  analysisPlan: '',
  decisionRule: '',
  activityIds: [],
};

describe('evaluation plans', () => {
  it('moves a plan from draft to reported, its design set before the data arrives', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const project = await projectId(db, 'Newborn Supply Kits');
    const { portfolio_id: portfolioId } = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', project)
      .executeTakeFirstOrThrow();
    const scope = { projectId: project, portfolioId, actorId: team.personId };
    const activity = async (projectOf: number, title: string) =>
      (
        await db
          .insertInto('research_activities')
          .values({
            project_id: projectOf,
            title,
            method: 'interviews',
            purpose: 'How long delivery took',
            questions: '',
            screening_questions: '',
            incentive_kind: '',
            decision: '{}',
            phase: 'measurement',
            created_at: 'now',
            updated_at: 'now',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const elsewhere = await db
      .selectFrom('projects')
      .select('id')
      .where('id', '!=', project)
      .executeTakeFirstOrThrow();
    const other = await activity(elsewhere.id, 'Another project’s survey');
    await expect(
      createEvaluation(db, { ...scope, values: { ...DRAFT, activityIds: [other] } }),
    ).rejects.toThrow('Choose research activities of this project from the list.');

    const id = await createEvaluation(db, { ...scope, values: DRAFT });
    const move = async (m: 'approve' | 'reopen' | 'start' | 'report', findings?: string) =>
      moveEvaluation(db, {
        ...scope,
        planId: id,
        version: (await getEvaluation(db, id))!.version,
        move: m,
        ...(findings === undefined ? {} : { findings }),
      });
    await expect(move('approve')).rejects.toThrow(
      'Before approving, write how the design is carried out, the sample, the analysis plan and the decision rule to scale, iterate or stop',
    );
    await expect(move('start')).rejects.toThrow('The plan is draft;');

    const own = await activity(project, 'Delivery survey of enrolled families');
    await updateEvaluation(db, {
      ...scope,
      planId: id,
      version: 1,
      values: {
        ...DRAFT,
        designDetail: 'Enrollments before the pilot against enrollments during it.',
        sample: 'All enrollments, January to June.',
        analysisPlan: 'Median days to delivery, with its interquartile range.',
        decisionRule: 'Scale if the median falls below 30 days; stop if it rises.',
        activityIds: [own],
      },
    });
    expect((await evaluationActivities(db, id)).map((a) => a.id)).toEqual([own]);
    await move('approve');
    await expect(
      updateEvaluation(db, { ...scope, planId: id, version: 3, values: DRAFT }),
    ).rejects.toThrow('This plan is approved: its design is set before the data arrives.');
    await move('reopen');
    await move('approve');
    await move('start');
    await expect(move('report', '  ')).rejects.toThrow('Write the findings before reporting');
    await move('report', 'The median fell from 41 to 22 days: scale.');
    expect(await getEvaluation(db, id)).toMatchObject({
      status: 'reported',
      findings: 'The median fell from 41 to 22 days: scale.',
    });

    const said = (await auditSentences(db, 'evaluation_plan')).map((r) => r.said.did);
    expect(said).toEqual([
      'added',
      expect.stringMatching(/^changed /),
      'approved',
      'took back to draft',
      'approved',
      'started',
      'reported the findings of',
    ]);
  });
});
