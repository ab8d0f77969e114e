/**
 * What the hardening tests visit: every route of app/routes.ts with its parameters filled from
 * the e2e database (rows in the Having a Child portfolio, made here when the other tests left
 * none), and a fingerprint of the database to prove a refused request changed nothing.
 */
import type { Kysely } from 'kysely';
import { openDatabase } from '#db/client';
import { assessmentEdits, createAssessment, editAssessment } from '~/commands/burden';
import { createEvaluation } from '~/commands/evaluations';
import { createMeasure } from '~/commands/measures';
import { createCollection } from '~/commands/surveys';
import { createPlan } from '~/commands/plans';
import { createUpdate, publishUpdate } from '~/commands/pmc';
import { textsDigest } from '~/domain/pmc/texts';
import { createActivity, createClearance } from '~/commands/research';
import { requestAccess } from '~/commands/access';
import type { Database } from '#db/schema';
import { describeSchema } from '#db/schema-check';
import { ActivitySchema } from '~/schemas/research';
import routes from '../../../app/routes';
import { E2E_DATABASE } from '../../../playwright.config';

export type Route = { id: string; path: string };

/** Every route, keyed by its id (the file, or the id given in routes.ts). */
export function allRoutes(): Route[] {
  return routes.map((r) => ({
    id: r.id ?? r.file.replace(/^routes\//, '').replace(/\.tsx?$/, ''),
    path: r.index ? '/' : `/${r.path ?? ''}`,
  }));
}

export type Params = Record<string, string>;

let db: Kysely<Database> | undefined;
export function database(): Kysely<Database> {
  db ??= openDatabase(E2E_DATABASE, { poolSize: 2 });
  return db;
}

let params: Promise<Params> | undefined;

/** Ids of real rows for every route parameter (looked up, or made, once per worker). */
export function routeParams(): Promise<Params> {
  // Workers look up (or make) the rows at the same time: when another worker made one first, a
  // unique rule refuses this worker's copy, and a second look finds the other's.
  params ??= findOrMakeParams().catch(() => findOrMakeParams());
  return params;
}

async function findOrMakeParams(): Promise<Params> {
  const db = database();
  const portfolio = await db
    .selectFrom('portfolios')
    .select('id')
    .where('slug', '=', 'having-a-child')
    .executeTakeFirstOrThrow();
  const lead = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'omb.lead@example.gov')
    .executeTakeFirstOrThrow();
  const project = await db
    .selectFrom('projects')
    .select('id')
    // By prefix: the stored-content test appends payloads to names.
    .where('name', 'like', 'Newborn Supply Kits%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const milestone = await db
    .selectFrom('milestones')
    .select('id')
    .where('project_id', '=', project.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  let measure = await db
    .selectFrom('success_measures')
    .select('id')
    .where('project_id', '=', project.id)
    .orderBy('id')
    .executeTakeFirst();
  measure ??= {
    id: await createMeasure(db, {
      projectId: project.id,
      portfolioId: portfolio.id,
      actorId: lead.id,
      values: {
        name: 'Hardening measure',
        definition: 'Kits delivered within 30 days of enrollment, as a share of enrollments.',
        unit: '%',
        direction: 'higher',
        baselineValue: 40,
        baselineDate: '2025-10-01',
        targetValue: 80,
        targetDate: '2026-09-30',
        dataSource: 'Program delivery records',
        cadence: 'quarterly',
        tolerance: undefined,
        ownerAgencyId: undefined,
        sourceKind: 'manual',
        sourceCollectionId: undefined,
        sourceAssessmentId: undefined,
      },
    }),
  };
  let collection = await db
    .selectFrom('survey_collections')
    .select('id')
    .where('portfolio_id', '=', portfolio.id)
    .orderBy('id')
    .executeTakeFirst();
  collection ??= {
    id: await createCollection(db, {
      portfolioId: portfolio.id,
      actorId: lead.id,
      values: {
        serviceName: 'Hardening survey',
        agencyId: (await db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id,
        surveyTitle: 'Hardening post-transaction survey',
        channel: 'online',
        serviceStage: 'end',
        scale: 'thumbs',
        trustQuestionText: 'I trust the agency to fulfill its duty.',
        ombControlNumber: '',
        likertAffirmative: [4, 5],
        journeyStepId: undefined,
        projectIds: [],
      },
    }),
  };
  let evaluation = await db
    .selectFrom('evaluation_plans')
    .select('id')
    .where('project_id', '=', project.id)
    .orderBy('id')
    .executeTakeFirst();
  evaluation ??= {
    id: await createEvaluation(db, {
      projectId: project.id,
      portfolioId: portfolio.id,
      actorId: lead.id,
      values: {
        title: 'Hardening evaluation plan',
        questions: 'Do kits arrive sooner?',
        design: 'pre_post',
        designDetail: '',
        population: '',
        sample: '',
        analysisPlan: '',
        decisionRule: '',
        activityIds: [],
      },
    }),
  };
  const map = await db
    .selectFrom('journey_maps')
    .select('id')
    .where('portfolio_id', '=', portfolio.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const step = await db
    .selectFrom('journey_steps')
    .select('id')
    .where('map_id', '=', map.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();

  let assessment = await db
    .selectFrom('burden_assessments')
    .select('id')
    .where('portfolio_id', '=', portfolio.id)
    .orderBy('id')
    .executeTakeFirst();
  assessment ??= {
    id: await createAssessment(db, {
      portfolioId: portfolio.id,
      actorId: lead.id,
      title: 'Hardening assessment',
      journeyMapId: map.id,
      serviceName: '',
      wageCents: null,
      wageSource: '',
      multiplierMilli: 1000,
    }),
  };
  let item = await db
    .selectFrom('burden_items')
    .select('id')
    .where('assessment_id', '=', assessment.id)
    .orderBy('id')
    .executeTakeFirst();
  if (!item) {
    const { version } = await db
      .selectFrom('burden_assessments')
      .select('version')
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    await editAssessment(
      db,
      { id: assessment.id, version, actorId: lead.id, action: 'add_item' },
      (trx, a) =>
        assessmentEdits.addItem(trx, a, {
          category: 'compliance',
          description: 'Fill in the application',
          step_id: null,
          people_per_year: 1000,
          occurrences_hundredths: 100,
          seconds_per_occurrence: 1200,
          out_of_pocket_cents: 0,
          stress: null,
          stigma: null,
          frustration: null,
          autonomy: null,
          time_equivalent_seconds: null,
        }),
    );
    item = await db
      .selectFrom('burden_items')
      .select('id')
      .where('assessment_id', '=', assessment.id)
      .executeTakeFirstOrThrow();
  }

  let segment = await db
    .selectFrom('burden_segments')
    .select('id')
    .where('assessment_id', '=', assessment.id)
    .orderBy('id')
    .executeTakeFirst();
  if (!segment) {
    const { version } = await db
      .selectFrom('burden_assessments')
      .select('version')
      .where('id', '=', assessment.id)
      .executeTakeFirstOrThrow();
    // A small share, so the other tests' segments on this assessment still fit in 100%.
    await editAssessment(
      db,
      { id: assessment.id, version, actorId: lead.id, action: 'add_segment' },
      (trx, a) =>
        assessmentEdits.addSegment(trx, a, {
          name: 'Hardening segment',
          shareBp: 100,
          wageCents: null,
          timePercent: 150,
        }),
    );
    segment = await db
      .selectFrom('burden_segments')
      .select('id')
      .where('assessment_id', '=', assessment.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
  }

  const activity = await db
    .selectFrom('research_activities as a')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .select('a.id')
    .where('p.portfolio_id', '=', portfolio.id)
    .orderBy('a.id')
    .executeTakeFirst();
  const activityId =
    activity?.id ??
    (await createActivity(db, {
      projectId: project.id,
      portfolioId: portfolio.id,
      actorId: lead.id,
      values: ActivitySchema.parse({
        title: 'Hardening interviews',
        method: 'interviews',
        purpose: 'Learn what parents need',
        phase: 'discovery',
      }),
    }));

  // Two workers may make it at once: each then edits its own, which is fine for these tests.
  const clearance: { id: number } =
    (await db
      .selectFrom('pra_clearances')
      .select('id')
      .where('portfolio_id', '=', portfolio.id)
      .orderBy('id')
      .executeTakeFirst()) ??
    (await createClearance(db, {
      portfolioId: portfolio.id,
      actorId: lead.id,
      title: 'Hardening clearance',
      kind: 'generic',
      controlNumber: null,
      expiresOn: null,
    }).then((id) => ({ id })));

  // A draft: the user-flow tests may have made other plans of the portfolio final (read-only).
  const firstPlan = () =>
    db
      .selectFrom('action_plans')
      .select('id')
      .where('portfolio_id', '=', portfolio.id)
      .where('status', '=', 'draft')
      .orderBy('id')
      .executeTakeFirst();
  // Two workers may make it at once on a fresh database: the second reads the first's.
  const plan =
    (await firstPlan()) ??
    (await createPlan(db, {
      portfolioId: portfolio.id,
      fiscalYear: 2029,
      title: 'Hardening plan',
      actorId: lead.id,
    }).then(
      (id) => ({ id }),
      async () => (await firstPlan())!,
    ));
  // A draft: a published update is frozen, so its editing pages answer 404 to everyone.
  let update = await db
    .selectFrom('pmc_updates')
    .select('id')
    .where('status', '=', 'draft')
    .orderBy('id')
    .executeTakeFirst();
  update ??= { id: await createUpdate(db, { fy: 2030, q: 2, actorId: lead.id }) };
  let published = await db
    .selectFrom('pmc_updates')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirst();
  if (!published) {
    const id = await createUpdate(db, { fy: 2028, q: 4, actorId: lead.id });
    await publishUpdate(db, {
      id,
      version: 1,
      texts: textsDigest('{}', '{}'),
      actorId: lead.id,
    });
    published = { id };
  }

  const firstRequest = () =>
    db
      .selectFrom('access_requests')
      .select('id')
      .where('portfolio_id', '=', portfolio.id)
      .orderBy('id')
      .executeTakeFirst();
  const agency = await db
    .selectFrom('agencies')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const accessRequest =
    (await firstRequest()) ??
    (await requestAccess(db, {
      identity: {
        issuer: 'https://hardening.example.gov',
        subject: 'hardening-asker',
        email: 'hardening.asker@hhs.gov',
      },
      request: {
        name: 'Hardening Asker',
        agencyId: agency.id,
        portfolioId: portfolio.id,
        role: 'viewer',
        reason: 'Hardening the access request page.',
      },
    }).then(
      (id) => ({ id }),
      async () => (await firstRequest())!,
    ));

  return {
    slug: 'having-a-child',
    requestId: String(accessRequest.id),
    projectId: String(project.id),
    milestoneId: String(milestone.id),
    measureId: String(measure.id),
    evaluationId: String(evaluation.id),
    collectionId: String(collection.id),
    mapId: String(map.id),
    stepId: String(step.id),
    assessmentId: String(assessment.id),
    itemId: String(item.id),
    segmentId: String(segment.id),
    activityId: String(activityId),
    clearanceId: String(clearance.id),
    planId: String(plan.id),
    updateId: String(update.id),
    target: 'program',
    // Query strings of the compare pages (an update compared with itself is allowed).
    burdenCompare: `?before=${assessment.id}&after=${assessment.id}`,
    pmcCompare: `?a=${published.id}&b=${published.id}`,
    journeyCompare: `?before=${map.id}&after=${map.id}`,
    token: await unsubscribeToken(db, lead.id),
    '*': 'no/such/page',
  };
}

/** An unsubscribe link's token: the OMB lead's (illustrative) notification, made if none. */
async function unsubscribeToken(db: ReturnType<typeof database>, personId: number) {
  const token = 'hardeningUnsubscribeToken-000000';
  await db
    .insertInto('notifications')
    .values({
      person_id: personId,
      kind: 'plan_in_review',
      source: 'hardening:unsubscribe',
      title: 'Illustrative notification for the hardening tests',
      body: 'Illustrative.',
      link: '/notifications',
      portfolio_id: null,
      created_at: new Date().toISOString(),
      read_at: new Date().toISOString(),
      email_status: 'off',
      unsubscribe_token: token,
    })
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'source']).doNothing())
    .execute();
  return token;
}

export function fill(path: string, params: Params): string {
  return path
    .replace(/:(\w+)/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
      return value;
    })
    .replace('*', params['*']!);
}

/**
 * The database's state, in a form two states can be compared by: every table's row count and
 * the newest audit id (every change writes an audit row in its transaction).
 */
export async function fingerprint(): Promise<string> {
  const db = database();
  const parts: string[] = [];
  for (const table of Object.keys(await describeSchema(db))) {
    // Signing in is not a change of the workspace's data (nor is a sign-in under way).
    if (table === 'sessions' || table === 'sign_in_flows') continue;
    // Nor are the reminders each server writes on the hour from the calendar: a notification a
    // request causes comes with its change's audit row, which the newest audit id below counts.
    if (table === 'notifications') continue;
    const row = await db
      .selectFrom(table as 'projects')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    parts.push(`${table}=${Number(row.n)}`);
  }
  const newest = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('action', 'not in', ['sign_in', 'sign_out'])
    .executeTakeFirstOrThrow();
  parts.push(`audit=${Number(newest.id)}`);
  return parts.join(' ');
}
