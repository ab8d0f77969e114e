/**
 * Success measures (issue 20): adding and editing one (versioned, the owner agency checked),
 * recording and removing actual values, each audited in words. SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import { addActual, createMeasure, removeActual, updateMeasure } from '~/commands/measures';
import { createCollection, importDataset } from '~/commands/surveys';
import { DRIVER_COLUMNS } from '~/domain/surveys/format';
import { getMeasure, measureActuals, measuresOf } from '#db/queries/measures';
import { measureSummary } from '~/presenters/measures';
import type { MeasureInput } from '~/schemas/measure';
import { auditSentences, demoDb, projectId, userFor } from '../helpers';

const VALUES: MeasureInput = {
  name: 'Renewals decided within 30 days',
  definition: 'Share of Medicaid renewals decided within 30 days of the renewal date.',
  unit: '%',
  direction: 'higher',
  baselineValue: 60,
  baselineDate: '2025-10-01',
  targetValue: 80,
  targetDate: '2026-10-01',
  dataSource: 'State eligibility systems (administrative data)',
  cadence: 'quarterly',
  tolerance: 25,
  ownerAgencyId: undefined,
  sourceKind: 'manual',
  sourceCollectionId: undefined,
  sourceAssessmentId: undefined,
};

describe('success measures', () => {
  it('adds, edits and records values, audited in plain words', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const project = await projectId(db, 'Newborn Supply Kits');
    const { portfolio_id: portfolioId } = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', project)
      .executeTakeFirstOrThrow();
    const scope = { projectId: project, portfolioId, actorId: team.personId };
    const id = await createMeasure(db, { ...scope, values: VALUES });
    expect(await getMeasure(db, id)).toMatchObject({ tolerance: 0.25, version: 1 });

    await expect(
      createMeasure(db, { ...scope, values: { ...VALUES, ownerAgencyId: 999_999 } }),
    ).rejects.toThrow('Choose an agency from the list.');
    await updateMeasure(db, {
      ...scope,
      measureId: id,
      version: 1,
      values: { ...VALUES, tolerance: undefined },
    });
    // A form opened before that save is refused, not applied over it.
    await expect(
      updateMeasure(db, { ...scope, measureId: id, version: 1, values: VALUES }),
    ).rejects.toThrow();
    expect((await getMeasure(db, id))!.tolerance).toBeNull();

    await addActual(db, { ...scope, measureId: id, value: 76, onDate: '2026-06-30', note: '' });
    await addActual(db, { ...scope, measureId: id, value: 40, onDate: '2026-03-31', note: 'Q2' });
    const actuals = await measureActuals(db, id);
    expect(actuals.map((a) => a.value)).toEqual([40, 76]);
    await removeActual(db, { ...scope, measureId: id, actualId: actuals[0]!.id });
    await expect(
      removeActual(db, { ...scope, measureId: id, actualId: actuals[0]!.id }),
    ).rejects.toThrow('That value is already removed. Reload the page.');

    const [measure] = await measuresOf(db, [project]);
    expect(measureSummary(measure!, '2026-07-15')).toMatchObject({
      status: 'on_track',
      latest: '76% (June 30, 2026)',
    });

    const sentences = (await auditSentences(db, 'success_measure')).map((r) => r.said.sentence);
    expect(sentences).toHaveLength(5);
    expect(sentences[0]).toMatch(/ added success measure “Renewals decided within 30 days”/);
    expect(sentences[1]).toMatch(/ changed .*tolerance.* of success measure/);
    expect(sentences[2]).toMatch(
      / recorded an actual value for success measure “Renewals decided within 30 days”: 76 on June 30, 2026\.$/,
    );
    expect(sentences[4]).toMatch(
      / removed an actual value of success measure .*: 40 on March 31, 2026\.$/,
    );
  });

  it('reads a survey-sourced measure from the collection, in percent', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const project = await projectId(db, 'Newborn Supply Kits');
    const { portfolio_id: portfolioId } = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', project)
      .executeTakeFirstOrThrow();
    const agency = await db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
    const collectionId = await createCollection(db, {
      portfolioId,
      actorId: team.personId,
      values: {
        serviceName: 'Kit pickup',
        agencyId: agency.id,
        surveyTitle: 'Pickup survey',
        channel: 'in person',
        serviceStage: 'end',
        scale: 'thumbs',
        trustQuestionText: 'I trust the program.',
        ombControlNumber: '',
        likertAffirmative: [4, 5],
        journeyStepId: undefined,
        projectIds: [project],
      },
    });
    const header = ['question_1', ...DRIVER_COLUMNS].join(',');
    const rows = Array.from({ length: 40 }, (_, i) =>
      [i < 34 ? 1 : 0, ...DRIVER_COLUMNS.map(() => '')].join(','),
    );
    await importDataset(db, {
      collectionId,
      actorId: team.personId,
      fileName: 'q2.csv',
      text: [header, ...rows].join('\n'),
      values: {
        fy: 2026,
        q: 2,
        volumeOfCustomers: 100,
        customersOffered: 80,
        openText: false,
        replace: false,
      },
    });
    const scope = { projectId: project, portfolioId, actorId: team.personId };
    const sourced = { ...VALUES, unit: 'kits', sourceKind: 'survey_trust' as const };
    await expect(
      createMeasure(db, { ...scope, values: { ...sourced, sourceCollectionId: 999_999 } }),
    ).rejects.toThrow('Choose a survey collection of this portfolio from the list.');
    const id = await createMeasure(db, {
      ...scope,
      values: { ...sourced, sourceCollectionId: collectionId, sourceAssessmentId: 5 },
    });
    expect(await getMeasure(db, id)).toMatchObject({
      unit: '%',
      source_kind: 'survey_trust',
      source_collection_id: collectionId,
      source_assessment_id: null,
    });
    const measure = (await measuresOf(db, [project])).find((m) => m.id === id)!;
    expect(measure.actuals).toEqual([expect.objectContaining({ value: 85, date: '2026-03-31' })]);
  });
});
