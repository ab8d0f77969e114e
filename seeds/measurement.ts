/**
 * The Measurement phase's seed (issue 20, point 5):
 *
 * - success measures of the seeded pilots, from what the PMA CX priority area's highlights
 *   report (../shared/reference/pma-cx-priority-area.txt), each naming its source. Where the
 *   source gives a result or a target but not the rest (a baseline, a date), the measure's
 *   data source says which parts are illustrative;
 * - the evaluation of the Federal Forum on Serving Older Adults, reported with the finding the
 *   November 2024 highlights give;
 * - post-transaction survey collections with generated responses, marked illustrative (the
 *   pages and exports say so): no agency's survey data is public at the respondent level.
 *
 * Idempotent: a project that has measures, or a portfolio that has collections, is left alone.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '#db/audit';
import type { Database } from '#db/schema';
import { createCollection, importDataset } from '~/commands/surveys';
import { REQUIRED_COLUMNS } from '~/domain/surveys/format';

const PMA_NOV_2024 = 'PMA CX priority area highlights, November 2024 (performance.gov)';
const PMA_MAY_2023 = 'PMA CX priority area highlights, May 2023 (performance.gov)';

interface SeedMeasure {
  project: string;
  name: string;
  definition: string;
  unit: string;
  baseline: [number, string];
  target: [number, string];
  source: string;
  cadence: 'monthly' | 'quarterly' | 'semiannual' | 'annual';
  owner: string;
  actuals: { value: number; date: string; note: string }[];
}

export const MEASURES: SeedMeasure[] = [
  {
    project: 'Increasing Access to Decision-Making Support for Older Adults',
    name: 'Forum participants whose access to materials and tools increased',
    definition:
      'Share of survey respondents among community-based organization staff at the Federal Forum on Serving Older Adults who agree that participating increased their access to materials and tools that help older adults make informed retirement decisions.',
    unit: '%',
    baseline: [0, '2024-04-01'],
    target: [90, '2024-09-30'],
    source: `Forum participant survey, as reported in the ${PMA_NOV_2024}: 97 % of respondents agreed. The baseline (before the first forum) and the 90 % target are illustrative; the source reports the result only.`,
    cadence: 'annual',
    owner: 'ACL',
    actuals: [{ value: 97, date: '2024-09-30', note: 'Third and final forum, September 2024.' }],
  },
  {
    project: 'Increasing Access to Decision-Making Support for Older Adults',
    name: 'Community-based organization staff taking part in the forums',
    definition:
      'Staff of community-based organizations who took part in the forum series’ peer-to-peer networking and conversations with federal officials, counted over the pilot.',
    unit: '',
    baseline: [0, '2024-04-01'],
    target: [300, '2024-09-30'],
    source: `Forum attendance, as reported in the ${PMA_NOV_2024} (“more than 380 staff”). The target of 300 is illustrative.`,
    cadence: 'annual',
    owner: 'ACL',
    actuals: [{ value: 380, date: '2024-09-30', note: 'More than 380 over the pilot.' }],
  },
  {
    project: 'Newborn Supply Kits',
    name: 'States where Newborn Supply Kits are distributed',
    definition:
      'States with a hospital partner distributing Newborn Supply Kits to mothers and families.',
    unit: ' states',
    baseline: [0, '2023-01-01'],
    target: [10, '2025-09-30'],
    source: `${PMA_MAY_2023} (launched in Arkansas, Louisiana and New Mexico) and ${PMA_NOV_2024} (10 states). The baseline and target dates are illustrative.`,
    cadence: 'semiannual',
    owner: 'HHS',
    actuals: [{ value: 3, date: '2023-06-30', note: 'Arkansas, Louisiana and New Mexico.' }],
  },
  {
    project: 'Newborn Supply Kits',
    name: 'Newborn Supply Kits delivered',
    definition: 'Kits delivered to mothers and families, counted from the program’s start.',
    unit: ' kits',
    baseline: [0, '2023-01-01'],
    target: [10000, '2025-09-30'],
    source: `${PMA_NOV_2024} (“on track to deliver 10,000 Newborn Supply Kits”). No delivered count is public yet; the dates are illustrative.`,
    cadence: 'quarterly',
    owner: 'HHS',
    actuals: [],
  },
  {
    project: 'Trauma-Informed Disaster Response course',
    name: 'FEMA frontline staff trained in trauma-informed practices',
    definition: 'FEMA frontline staff who completed the Trauma-Informed Disaster Response course.',
    unit: ' staff',
    baseline: [0, '2024-07-01'],
    target: [300, '2025-09-30'],
    source: `${PMA_NOV_2024} (“on track to train over 300 FEMA frontline staff”). No count is public yet; the dates are illustrative.`,
    cadence: 'quarterly',
    owner: 'FEMA',
    actuals: [],
  },
  {
    project: 'Automated ex parte Medicaid renewals',
    name: 'People whose Medicaid coverage is renewed automatically',
    definition:
      'People whose Medicaid coverage is renewed ex parte, from data the state already has, in the prototype states.',
    unit: ' people',
    baseline: [0, '2023-07-01'],
    target: [5_000_000, '2025-09-30'],
    source: `${PMA_NOV_2024} (“automatically renew Medicaid coverage for over 5 million Americans”). No count is public yet; the dates are illustrative.`,
    cadence: 'quarterly',
    owner: 'CMS',
    actuals: [],
  },
];

const FORUM_EVALUATION = {
  project: 'Increasing Access to Decision-Making Support for Older Adults',
  title: 'Federal Forum on Serving Older Adults: did it equip community organizations?',
  questions:
    'Did taking part in the forum series increase community-based organization staff’s access to materials and tools that help older adults make informed retirement decisions?',
  design: 'case_study' as const,
  design_detail:
    'Three forums (April to September 2024) with peer-to-peer networking and conversations with federal officials; participants surveyed after taking part. Illustrative wording: the public page reports the result, not the method.',
  population: 'Staff of community-based organizations serving older adults.',
  sample: 'Forum participants who answered the survey (more than 380 staff took part).',
  analysis_plan:
    'Share of respondents agreeing that participating increased their access to materials and tools.',
  decision_rule:
    'Scale the resources (the Federal Decision Support Guide and its webpage) if most respondents agree; iterate on the forum format otherwise.',
  findings: `97 % of respondents agreed that participating increased their access to materials and tools that will help the older adults they serve make informed retirement decisions (${PMA_NOV_2024}).`,
};

/** Illustrative survey collections: generated responses, said so wherever they show. */
const COLLECTIONS = [
  {
    portfolio: 'having-a-child',
    project: 'Newborn Supply Kits',
    serviceName: 'Newborn Supply Kit pickup',
    agency: 'HHS',
    surveyTitle: 'Kit pickup post-transaction survey (illustrative)',
    channel: 'in person',
    serviceStage: 'end',
    scale: 'likert' as const,
    trustQuestionText: 'This interaction increased my trust in the program.',
    quarters: [
      { fy: 2026, q: 2, n: 180, offered: 900, trusting: 0.71 },
      { fy: 2026, q: 3, n: 240, offered: 1100, trusting: 0.76 },
      { fy: 2026, q: 4, n: 260, offered: 1150, trusting: 0.8 },
    ],
  },
  {
    portfolio: 'having-a-child',
    project: 'Alumni Peer Navigator Services',
    serviceName: 'Peer navigator check-in',
    agency: 'HRSA',
    surveyTitle: 'Peer navigator check-in survey (illustrative)',
    channel: 'phone',
    serviceStage: 'middle',
    scale: 'thumbs' as const,
    trustQuestionText: 'I trust the program to help me find the support I need.',
    quarters: [{ fy: 2026, q: 4, n: 18, offered: 40, trusting: 0.83 }],
  },
];

/** A small deterministic generator, so every seeded workspace shows the same figures. */
function generator(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** `n` responses: `trusting` of them affirmative; drivers shown to about four in five. */
function responsesCsv(n: number, trusting: number, scale: 'thumbs' | 'likert', seed: number) {
  const random = generator(seed);
  const lines = [REQUIRED_COLUMNS.join(',')];
  for (let i = 0; i < n; i++) {
    const agrees = i < Math.round(n * trusting);
    const q1 =
      scale === 'thumbs'
        ? agrees
          ? 1
          : 0
        : agrees
          ? 4 + Math.round(random())
          : 1 + Math.floor(random() * 3);
    const cells = [String(q1)];
    for (let d = 0; d < 7; d++) {
      const shown = random() < 0.8;
      const positive = shown ? (random() < (agrees ? 0.6 : 0.15) ? '1' : '0') : '';
      const negative = shown ? (random() < (agrees ? 0.05 : 0.5) ? '1' : '0') : '';
      cells.push(positive, negative);
    }
    lines.push(cells.join(','));
  }
  return lines.join('\n');
}

export async function seedMeasurement(db: Kysely<Database>, now = new Date()): Promise<number> {
  const at = now.toISOString();
  const projects = new Map(
    (await db.selectFrom('projects').select(['id', 'name', 'portfolio_id']).execute()).map((p) => [
      p.name,
      p,
    ]),
  );
  const agencies = new Map(
    (await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]),
  );
  let added = 0;
  await db.transaction().execute(async (trx) => {
    const seeded = new Set(
      (await trx.selectFrom('success_measures').select('project_id').execute()).map(
        (m) => m.project_id,
      ),
    );
    for (const m of MEASURES) {
      const project = projects.get(m.project);
      if (!project || seeded.has(project.id)) continue;
      const row = await trx
        .insertInto('success_measures')
        .values({
          project_id: project.id,
          name: m.name,
          definition: m.definition,
          unit: m.unit,
          direction: 'higher',
          baseline_value: m.baseline[0],
          baseline_date: m.baseline[1],
          target_value: m.target[0],
          target_date: m.target[1],
          data_source: m.source,
          cadence: m.cadence,
          tolerance: null,
          owner_agency_id: agencies.get(m.owner) ?? null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (m.actuals.length > 0)
        await trx
          .insertInto('measure_actuals')
          .values(
            m.actuals.map((a) => ({
              measure_id: row.id,
              value: a.value,
              on_date: a.date,
              note: a.note,
              created_at: at,
            })),
          )
          .execute();
      added++;
    }
    const forum = projects.get(FORUM_EVALUATION.project);
    if (forum && !seeded.has(forum.id)) {
      const { project: _p, ...plan } = FORUM_EVALUATION;
      await trx
        .insertInto('evaluation_plans')
        .values({
          project_id: forum.id,
          ...plan,
          status: 'reported',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    if (added > 0)
      await recordAudit(trx, {
        actorId: null,
        action: 'seed',
        entityType: 'workspace',
        entityId: 'measurement',
        portfolioId: null,
        before: null,
        after: { success_measures: added },
        at,
      });
  });

  // The illustrative survey data, through the import itself.
  for (const [i, c] of COLLECTIONS.entries()) {
    const project = projects.get(c.project);
    const agencyId = agencies.get(c.agency);
    if (!project || agencyId === undefined) continue;
    const exists = await db
      .selectFrom('survey_collections')
      .select('id')
      .where('portfolio_id', '=', project.portfolio_id)
      .where('service_name', '=', c.serviceName)
      .executeTakeFirst();
    if (exists) continue;
    const id = await createCollection(db, {
      portfolioId: project.portfolio_id,
      actorId: null,
      illustrative: true,
      values: {
        serviceName: c.serviceName,
        agencyId,
        surveyTitle: c.surveyTitle,
        channel: c.channel,
        serviceStage: c.serviceStage,
        scale: c.scale,
        trustQuestionText: c.trustQuestionText,
        ombControlNumber: '',
        likertAffirmative: [4, 5],
        journeyStepId: undefined,
        projectIds: [project.id],
      },
    });
    for (const [j, q] of c.quarters.entries()) {
      const outcome = await importDataset(db, {
        collectionId: id,
        actorId: null,
        fileName: `illustrative-fy${q.fy}-q${q.q}.csv`,
        text: responsesCsv(q.n, q.trusting, c.scale, 280 + i * 10 + j),
        values: {
          fy: q.fy,
          q: q.q,
          volumeOfCustomers: q.offered * 2,
          customersOffered: q.offered,
          openText: false,
          replace: false,
        },
      });
      if (outcome.status !== 'imported')
        throw new Error(`The illustrative survey seed did not import: ${JSON.stringify(outcome)}`);
    }
    added++;
  }
  return added;
}
