/**
 * Post-transaction survey data (issue 20): a collection added, a quarter imported only when the
 * whole file is good (errors by line, nothing saved), replaced only when asked and kept in the
 * history, open text masked, the figures computed from what was stored, the OMB minimum set.
 * SQLite and PostgreSQL alike.
 */
import { describe, expect, it } from 'vitest';
import {
  createCollection,
  importDataset,
  setSurveyMinimum,
  updateCollection,
} from '~/commands/surveys';
import { REQUIRED_COLUMNS } from '~/domain/surveys/format';
import { collectionQuarters } from '~/domain/surveys/quarters';
import { datasetsOf, getCollection, getSurveyMinimum } from '#db/queries/surveys';
import type { ImportInput } from '~/schemas/survey';
import { auditSentences, demoDb, kitPickupCollection, projectId, userFor } from '../helpers';

const HEADER = [...REQUIRED_COLUMNS, 'question_4'].join(',');
/** `n` rows: question_1 from `q1`, positive_ease from `ease`, open text `text`. */
function csv(rows: { q1: number; ease?: string; text?: string }[]): string {
  const drivers = REQUIRED_COLUMNS.length - 1;
  return [
    HEADER,
    ...rows.map((r) => {
      const cells = Array.from({ length: drivers }, () => '');
      cells[2] = r.ease ?? ''; // positive_ease
      return [String(r.q1), ...cells, r.text ? `"${r.text}"` : ''].join(',');
    }),
  ].join('\n');
}
const many = (n: number, q1: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => ({ q1: q1(i), ease: i % 2 ? '1' : '0' }));

const QUARTER: ImportInput = {
  fy: 2026,
  q: 1,
  volumeOfCustomers: 1000,
  customersOffered: 400,
  openText: false,
  replace: false,
};

describe('survey collections', () => {
  it('imports whole files only, replaces with history, and masks open text', async () => {
    const db = await demoDb();
    const team = await userFor(db, 'team.member@example.gov');
    const project = await projectId(db, 'Newborn Supply Kits');
    const { portfolio_id: portfolioId } = await db
      .selectFrom('projects')
      .select('portfolio_id')
      .where('id', '=', project)
      .executeTakeFirstOrThrow();
    const agency = await db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
    const values = kitPickupCollection(agency.id, project);
    const id = await createCollection(db, { portfolioId, actorId: team.personId, values });
    await expect(
      createCollection(db, {
        portfolioId,
        actorId: team.personId,
        values: { ...values, projectIds: [999_999] },
      }),
    ).rejects.toThrow('Choose projects of this portfolio from the list.');
    const base = { collectionId: id, actorId: team.personId, fileName: 'q1.csv' };

    // A bad file: every bad row named by its line; nothing stored.
    const bad = csv([{ q1: 5 }, { q1: 0 }, { q1: 4, ease: 'y' }]);
    const refused = await importDataset(db, { ...base, values: QUARTER, text: bad });
    expect(refused).toEqual({
      status: 'invalid',
      badRows: 2,
      errors: [
        "Line 3: question_1 is “0”; on this collection's Likert scale it is 1 to 5.",
        'Line 4: positive_ease is “y”; it is 1, 0 or blank.',
      ],
    });
    expect(await datasetsOf(db, [id])).toHaveLength(0);

    // A good file: 40 responses, half 4–5.
    const good = csv(many(40, (i) => (i % 2 ? 5 : 2)));
    const first = await importDataset(db, { ...base, values: QUARTER, text: good });
    expect(first).toMatchObject({ status: 'imported', respondents: 40, replaced: false });
    const stored = await db
      .selectFrom('survey_responses')
      .select(['line', 'question_1', 'positive_ease', 'positive_effectiveness', 'question_4'])
      .orderBy('line')
      .execute();
    expect(stored).toHaveLength(40);
    expect(stored[0]).toEqual({
      line: 2,
      question_1: 2,
      positive_ease: 0,
      positive_effectiveness: null,
      question_4: null,
    });

    // The same quarter again: asked first, replaced only when told, the old kept.
    const withText = csv([
      ...many(30, () => 4),
      { q1: 1, text: 'Call me at (202) 555-0143 or mail a.b@example.com' },
    ]);
    const asked = await importDataset(db, { ...base, values: QUARTER, text: withText });
    expect(asked).toMatchObject({ status: 'exists', existing: { respondents: 40 } });
    const replaced = await importDataset(db, {
      ...base,
      values: { ...QUARTER, replace: true, openText: true },
      text: withText,
    });
    expect(replaced).toMatchObject({ status: 'imported', respondents: 31, replaced: true });
    const all = await datasetsOf(db, [id]);
    expect(all.map((d) => [d.respondents, d.replaced_at === null])).toEqual([
      [31, true],
      [40, false],
    ]);
    const texts = await db
      .selectFrom('survey_responses')
      .select('question_4')
      .where('question_4', 'is not', null)
      .execute();
    expect(texts).toEqual([{ question_4: 'Call me at [phone removed] or mail [email removed]' }]);

    // Figures from what was stored: 30 of 31 answered 4; trust 96.8 %.
    const collection = (await getCollection(db, id))!;
    const standing = all.filter((d) => d.replaced_at === null);
    const [q] = collectionQuarters(collection, standing, 30);
    expect(q!.figures.trust).toMatchObject({ shown: true, count: 30, of: 31 });
    // Counting only 5 as agreeing (an edit of the collection) needs no re-import.
    await updateCollection(db, {
      collectionId: id,
      portfolioId,
      actorId: team.personId,
      version: 1,
      values: { ...values, likertAffirmative: [5] },
    });
    const edited = (await getCollection(db, id))!;
    expect(collectionQuarters(edited, standing, 30)[0]!.figures.trust).toMatchObject({
      count: 0,
      of: 31,
    });
    // Under the OMB minimum, the count stands in for the percentage.
    expect(collectionQuarters(edited, standing, 40)[0]!.figures.trust.shown).toBe(false);

    const sentences = (await auditSentences(db, 'survey_collection')).map((r) => r.said.sentence);
    expect(sentences).toHaveLength(4);
    expect(sentences[1]).toMatch(
      / imported FY 2026 Q1 data into survey collection “Newborn kit pickup: Kit pickup survey” \(40 responses\)\.$/,
    );
    expect(sentences[2]).toMatch(
      / replaced the FY 2026 Q1 data of survey collection .* \(31 responses\); the 40 responses before are kept as history\.$/,
    );
  });

  it('sets the minimum, refusing a stale form', async () => {
    const db = await demoDb();
    const omb = await userFor(db, 'omb.lead@example.gov');
    expect(await getSurveyMinimum(db)).toEqual({ minimum: 30, version: 0 });
    await setSurveyMinimum(db, { minimum: 50, version: 0, actorId: omb.personId });
    expect(await getSurveyMinimum(db)).toEqual({ minimum: 50, version: 1 });
    await setSurveyMinimum(db, { minimum: 20, version: 1, actorId: omb.personId });
    await expect(
      setSurveyMinimum(db, { minimum: 10, version: 1, actorId: omb.personId }),
    ).rejects.toThrow();
    expect((await getSurveyMinimum(db)).minimum).toBe(20);
  });
});
