import type { Kysely } from 'kysely';
import crypto from 'node:crypto';
import { inject } from 'vitest';
import { migrateToLatest, openDatabase } from '#db/client';
import { getProject } from '#db/queries/projects';
import { listAudit } from '#db/queries/audit';
import { describeAuditRows } from '~/presenters/history.server';
import { insertSession } from '~/commands/sessions';
import { applyGateEvent } from '~/commands/phases';
import { findSessionUser, type SessionUser } from '#db/queries/sessions';
import type { Database } from '#db/schema';
import { seedReferenceData, syncDemoAccounts } from '#seeds/index';
import type { ProjectInput } from '~/schemas/project';
import type { CollectionInput } from '~/schemas/survey';
import { textsDigest } from '~/domain/pmc/texts';
import { createDatabase } from '../../scripts/pg-cluster.mjs';
import { TEMPLATES } from './global-setup';

/** The PostgreSQL server of this run (TEST_DATABASE=postgres), or '' for SQLite. */
const pgBase = inject('pgBase');
export const onPostgres = pgBase !== '';

/**
 * A database of this test's own: SQLite in memory, or on PostgreSQL a new database copied from
 * one of the templates tests/unit/global-setup.ts prepared (empty, migrated, seeded, demo).
 */
export async function testDatabase(
  template: keyof typeof TEMPLATES = 'empty',
  options: Parameters<typeof openDatabase>[1] = {},
): Promise<Kysely<Database>> {
  if (!onPostgres) return openDatabase(':memory:', options);
  return openDatabase(await newPostgresDatabase(template), { poolSize: 4, ...options });
}

/** The URL of a new PostgreSQL database copied from `template` (TEST_DATABASE=postgres only). */
export async function newPostgresDatabase(template: keyof typeof TEMPLATES): Promise<string> {
  const name = `t_${crypto.randomBytes(8).toString('hex')}`;
  return createDatabase(`${pgBase}postgres`, name, TEMPLATES[template]);
}

/** A fresh database migrated from nothing, optionally with the reference seeds. */
export async function freshDb(options: { seed?: boolean } = {}): Promise<Kysely<Database>> {
  if (onPostgres) return testDatabase(options.seed ? 'seeded' : 'fresh');
  const db = openDatabase(':memory:');
  await migrateToLatest(db);
  if (options.seed) await seedReferenceData(db);
  return db;
}

/** A seeded database with the demo accounts. */
export async function demoDb(): Promise<Kysely<Database>> {
  if (onPostgres) return testDatabase('demo');
  const db = await freshDb({ seed: true });
  await syncDemoAccounts(db, true);
  return db;
}

/** The person with `email` as the session loader would see them (roles loaded fresh). */
export async function userFor(db: Kysely<Database>, email: string): Promise<SessionUser> {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const idHash = crypto.randomBytes(16).toString('hex');
  await insertSession(db, {
    idHash,
    personId: person.id,
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  const user = await findSessionUser(db, idHash, new Date().toISOString());
  if (!user) throw new Error(`no session user for ${email}`);
  return user;
}

export async function projectId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A burden item row as the tests use it: 1,000 people once a year, 45 minutes and $12.50 each
 * (750 hours; $12,500 out of pocket).
 */
export const FORM_ITEM = {
  description: 'Fill in the form',
  people_per_year: 1000,
  occurrences_hundredths: 100,
  seconds_per_occurrence: 2700,
  out_of_pocket_cents: 1250,
  stress: null,
  stigma: null,
  frustration: null,
  autonomy: null,
  time_equivalent_seconds: null,
};

/** A post-transaction survey collection's form values: newborn kit pickup, on a Likert scale. */
export function kitPickupCollection(agencyId: number, projectId: number): CollectionInput {
  return {
    serviceName: 'Newborn kit pickup',
    agencyId,
    surveyTitle: 'Kit pickup survey',
    channel: 'in person',
    serviceStage: 'end',
    scale: 'likert',
    trustQuestionText: 'This visit increased my trust in the program.',
    ombControlNumber: '1234-5678',
    likertAffirmative: [4, 5],
    journeyStepId: undefined,
    projectIds: [projectId],
  };
}

export async function agencyId(db: Kysely<Database>, code: string): Promise<number> {
  const row = await db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A project's current values as its edit form would submit them. */
export async function projectValues(db: Kysely<Database>, id: number): Promise<ProjectInput> {
  const { project, agencies } = (await getProject(db, id))!;
  return {
    name: project.name,
    summary: project.summary,
    painPoints: project.pain_points,
    outcomesShortTerm: project.outcomes_short_term,
    outcomesLongTerm: project.outcomes_long_term,
    theoryOfChange: project.theory_of_change,
    agencies: agencies.map((a) => a.id),
    ownerAgencyId: project.owner_agency_id ?? undefined,
    health: project.health,
    healthReason: project.health_reason ?? '',
  };
}

/** The fingerprint of a PMC update's words as stored: what a page showing it would publish with. */
export async function storedWords(db: Kysely<Database>, id: number): Promise<string> {
  const u = await db
    .selectFrom('pmc_updates')
    .select(['highlights', 'annotations'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return textsDigest(u.highlights, u.annotations);
}

/**
 * Every audited change to records of one kind, oldest first, each with its plain-language
 * sentence, read as the audit log page reads them (listAudit, then describeAuditRows).
 */
export async function auditSentences(db: Kysely<Database>, entityType: string) {
  const { rows } = await listAudit(db, { entityType, limit: 1000 });
  const oldestFirst = rows.reverse();
  const sentences = await describeAuditRows(db, oldestFirst);
  return oldestFirst.map((r, i) => ({
    action: r.action,
    entityId: r.entity_id,
    said: sentences[i]!,
  }));
}

/**
 * The demo workspace with a team member's request to move "Supporting young families" (HHS and
 * USDA involved: two POCs to tell) to Design.
 */
export async function designRequested() {
  const db = await demoDb();
  const id = await projectId(db, 'Supporting young families: ideas from international models');
  const team = await userFor(db, 'team.member@example.gov');
  await applyGateEvent(db, {
    projectId: id,
    user: team,
    event: { type: 'request', toPhase: 'design', evidence: 'Workshop findings' },
  });
  return { db, id, team };
}
