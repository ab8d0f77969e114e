/**
 * The search index's rows (issue 23), derived from the records. Every change the workspace makes
 * writes an audit row in its own transaction (db/audit.ts); recordAudit calls `reindexRecord`
 * there, so the index changes with the record, in the same transaction, whatever command made
 * the change (a form, the live editor's store, an archive). `rebuildSearchIndex` writes it all
 * again: `npm run db:reindex`, after a copy between databases, and at start when the seeds added
 * records or the index was never built.
 *
 * What is indexed: portfolios (and charters), projects, milestones, CX Action Plans section by
 * section, journey maps and their steps, burden assessments and their items, research activities
 * (title, purpose, questions; never anything about participants), success measures, evaluation
 * plans and PMC updates (the highlights and notes OMB wrote). The audit log never.
 */
import type { Insertable } from 'kysely';
import type { EntityType } from '~/domain/audit';
import type { SearchAudience, SearchKind } from '~/domain/search/kinds';
import { planSectionTexts, sectionAnchor } from '~/domain/search/plan-sections';
import { docText, indexText, parsedJson } from '~/domain/search/text';
import { updateName } from '~/domain/pmc/standing';
import type { DB } from './client';
import type { Database } from './schema';

type Entry = Insertable<Database['search_entries']>;

/** The audited records that own entries, and the audit entity types that name them. */
export type IndexedRecord =
  | 'portfolio'
  | 'project'
  | 'milestone'
  | 'journey_map'
  | 'burden_assessment'
  | 'research_activity'
  | 'action_plan'
  | 'pmc_update'
  | 'success_measure'
  | 'evaluation_plan';

const OWNER_OF: Partial<Record<EntityType, IndexedRecord>> = {
  portfolio: 'portfolio',
  charter: 'portfolio',
  project: 'project',
  project_phase: 'project',
  milestone: 'milestone',
  journey_map: 'journey_map',
  burden_assessment: 'burden_assessment',
  research_activity: 'research_activity',
  action_plan: 'action_plan',
  pmc_update: 'pmc_update',
  success_measure: 'success_measure',
  evaluation_plan: 'evaluation_plan',
};

/** The ids of the records to build: one record's, or a batch of a rebuild. */
type Ids = readonly number[];

function entry(
  owner: IndexedRecord,
  ownerId: number,
  e: {
    kind: SearchKind;
    recordId: number;
    portfolioId: number | null;
    projectId: number | null;
    title: string;
    body: (string | null | undefined)[];
    context: string;
    url: string;
    updatedAt: string;
    archived?: boolean;
    audience?: SearchAudience;
  },
): Entry {
  return {
    kind: e.kind,
    record_id: e.recordId,
    owner_type: owner,
    owner_id: ownerId,
    portfolio_id: e.portfolioId,
    project_id: e.projectId,
    title: indexText(e.title) || '(untitled)',
    body: indexText(...e.body),
    context: e.context,
    url: e.url,
    audience: e.audience ?? 'signed_in',
    archived: e.archived ? 1 : 0,
    updated_at: e.updatedAt,
  };
}

const BUILDERS: Record<IndexedRecord, (db: DB, ids: Ids) => Promise<Entry[]>> = {
  async portfolio(db, ids) {
    const q = db
      .selectFrom('portfolios')
      .select(['id', 'slug', 'name', 'description', 'charter_text', 'updated_at'])
      .where('id', 'in', ids);
    return (await q.execute()).map((p) =>
      entry('portfolio', p.id, {
        kind: 'portfolio',
        recordId: p.id,
        portfolioId: p.id,
        projectId: null,
        title: p.name,
        body: [p.description, p.charter_text],
        context: 'Life Experience portfolio',
        url: `/portfolios/${p.slug}`,
        updatedAt: p.updated_at,
      }),
    );
  },

  async project(db, ids) {
    const q = db
      .selectFrom('projects as p')
      .innerJoin('portfolios as f', 'f.id', 'p.portfolio_id')
      .select([
        'p.id',
        'p.portfolio_id',
        'p.name',
        'p.summary',
        'p.pain_points',
        'p.outcomes_short_term',
        'p.outcomes_long_term',
        'p.theory_of_change',
        'p.updated_at',
        'f.name as portfolio',
      ])
      .where('p.id', 'in', ids);
    return (await q.execute()).map((p) =>
      entry('project', p.id, {
        kind: 'project',
        recordId: p.id,
        portfolioId: p.portfolio_id,
        projectId: p.id,
        title: p.name,
        body: [
          p.summary,
          p.pain_points,
          p.outcomes_short_term,
          p.outcomes_long_term,
          p.theory_of_change,
        ],
        context: `Project in ${p.portfolio}`,
        url: `/projects/${p.id}`,
        updatedAt: p.updated_at,
      }),
    );
  },

  async milestone(db, ids) {
    const q = db
      .selectFrom('milestones as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select([
        'm.id',
        'm.project_id',
        'm.title',
        'm.owner',
        'm.notes',
        'm.updated_at',
        'p.portfolio_id',
        'p.name as project',
      ])
      .where('m.id', 'in', ids);
    return (await q.execute()).map((m) =>
      entry('milestone', m.id, {
        kind: 'milestone',
        recordId: m.id,
        portfolioId: m.portfolio_id,
        projectId: m.project_id,
        title: m.title,
        body: [m.owner, m.notes],
        context: `Milestone of ${m.project}`,
        url: `/projects/${m.project_id}#milestone-${m.id}`,
        updatedAt: m.updated_at,
      }),
    );
  },

  async action_plan(db, ids) {
    const q = db
      .selectFrom('action_plans as a')
      .innerJoin('portfolios as f', 'f.id', 'a.portfolio_id')
      .select([
        'a.id',
        'a.portfolio_id',
        'a.title',
        'a.doc',
        'a.fiscal_year',
        'a.updated_at',
        'f.name as portfolio',
      ])
      .where('a.id', 'in', ids);
    return (await q.execute()).flatMap((a) =>
      planSectionTexts(parsedJson(a.doc)).map((s) =>
        entry('action_plan', a.id, {
          kind: 'plan',
          recordId: a.id,
          portfolioId: a.portfolio_id,
          projectId: null,
          title: s.number === 0 ? a.title : `${s.title} (${a.title})`,
          body: [s.text],
          context: `CX Action Plan, FY ${a.fiscal_year}, ${a.portfolio}`,
          url: s.number === 0 ? `/plans/${a.id}` : `/plans/${a.id}#${sectionAnchor(s.number)}`,
          updatedAt: a.updated_at,
        }),
      ),
    );
  },

  async journey_map(db, ids) {
    const maps = db
      .selectFrom('journey_maps as j')
      .innerJoin('portfolios as f', 'f.id', 'j.portfolio_id')
      .select([
        'j.id',
        'j.portfolio_id',
        'j.project_id',
        'j.title',
        'j.personas',
        'j.description',
        'j.version_name',
        'j.archived_at',
        'j.updated_at',
        'f.name as portfolio',
      ])
      .where('j.id', 'in', ids);
    const found = await maps.execute();
    if (found.length === 0) return [];
    const byId = new Map(found.map((m) => [m.id, m]));
    const steps = db
      .selectFrom('journey_steps as s')
      .innerJoin('journey_stages as g', 'g.id', 's.stage_id')
      .select([
        's.id',
        's.map_id',
        's.title',
        's.actors',
        's.channel',
        's.touchpoint',
        's.pain_points',
        's.opportunities',
        's.notes',
        'g.name as stage',
      ])
      .where('s.map_id', 'in', ids);
    const out = found.map((m) =>
      entry('journey_map', m.id, {
        kind: 'journey',
        recordId: m.id,
        portfolioId: m.portfolio_id,
        projectId: m.project_id,
        title: m.title,
        body: [m.description, m.personas, m.version_name],
        context: `Journey map in ${m.portfolio}`,
        url: `/journeys/${m.id}`,
        updatedAt: m.updated_at,
        archived: m.archived_at !== null,
      }),
    );
    for (const s of await steps.execute()) {
      const m = byId.get(s.map_id);
      if (!m) continue;
      const actors = parsedJson(s.actors);
      out.push(
        entry('journey_map', m.id, {
          kind: 'step',
          recordId: s.id,
          portfolioId: m.portfolio_id,
          projectId: m.project_id,
          title: s.title,
          body: [
            s.touchpoint,
            s.channel,
            s.pain_points,
            s.opportunities,
            s.notes,
            Array.isArray(actors) ? actors.filter((a) => typeof a === 'string').join(', ') : '',
          ],
          context: `Step in ${s.stage}, journey map ${m.title}`,
          url: `/journeys/${m.id}#step-${s.id}`,
          updatedAt: m.updated_at,
          archived: m.archived_at !== null,
        }),
      );
    }
    return out;
  },

  async burden_assessment(db, ids) {
    const q = db
      .selectFrom('burden_assessments as b')
      .select([
        'b.id',
        'b.portfolio_id',
        'b.title',
        'b.service_name',
        'b.archived_at',
        'b.updated_at',
      ])
      .where('b.id', 'in', ids);
    const found = await q.execute();
    if (found.length === 0) return [];
    const byId = new Map(found.map((b) => [b.id, b]));
    const items = db
      .selectFrom('burden_items')
      .select(['id', 'assessment_id', 'description'])
      .where('assessment_id', 'in', ids);
    const out = found.map((b) =>
      entry('burden_assessment', b.id, {
        kind: 'burden',
        recordId: b.id,
        portfolioId: b.portfolio_id,
        projectId: null,
        title: b.title,
        body: [b.service_name],
        context: `Burden assessment of ${b.service_name}`,
        url: `/burden/${b.id}`,
        updatedAt: b.updated_at,
        archived: b.archived_at !== null,
      }),
    );
    for (const i of await items.execute()) {
      const b = byId.get(i.assessment_id);
      if (!b) continue;
      out.push(
        entry('burden_assessment', b.id, {
          kind: 'burden_item',
          recordId: i.id,
          portfolioId: b.portfolio_id,
          projectId: null,
          title: i.description,
          body: [],
          context: `Burden item in ${b.title}`,
          url: `/burden/${b.id}#item-${i.id}`,
          updatedAt: b.updated_at,
          archived: b.archived_at !== null,
        }),
      );
    }
    return out;
  },

  async research_activity(db, ids) {
    const q = db
      .selectFrom('research_activities as r')
      .innerJoin('projects as p', 'p.id', 'r.project_id')
      .select([
        'r.id',
        'r.project_id',
        'r.title',
        'r.purpose',
        'r.questions',
        'r.archived_at',
        'r.updated_at',
        'p.portfolio_id',
        'p.name as project',
      ])
      .where('r.id', 'in', ids);
    return (await q.execute()).map((r) =>
      entry('research_activity', r.id, {
        kind: 'research',
        recordId: r.id,
        portfolioId: r.portfolio_id,
        projectId: r.project_id,
        title: r.title,
        body: [r.purpose, r.questions],
        context: `Research for ${r.project}`,
        url: `/research/${r.id}`,
        updatedAt: r.updated_at,
        archived: r.archived_at !== null,
      }),
    );
  },

  async success_measure(db, ids) {
    const q = db
      .selectFrom('success_measures as m')
      .innerJoin('projects as p', 'p.id', 'm.project_id')
      .select([
        'm.id',
        'm.project_id',
        'm.name',
        'm.definition',
        'm.data_source',
        'm.unit',
        'm.updated_at',
        'p.portfolio_id',
        'p.name as project',
      ])
      .where('m.id', 'in', ids);
    return (await q.execute()).map((m) =>
      entry('success_measure', m.id, {
        kind: 'measure',
        recordId: m.id,
        portfolioId: m.portfolio_id,
        projectId: m.project_id,
        title: m.name,
        body: [m.definition, m.data_source, m.unit],
        context: `Success measure of ${m.project}`,
        url: `/measures/${m.id}`,
        updatedAt: m.updated_at,
      }),
    );
  },

  async evaluation_plan(db, ids) {
    const q = db
      .selectFrom('evaluation_plans as v')
      .innerJoin('projects as p', 'p.id', 'v.project_id')
      .select([
        'v.id',
        'v.project_id',
        'v.title',
        'v.questions',
        'v.design_detail',
        'v.population',
        'v.decision_rule',
        'v.findings',
        'v.updated_at',
        'p.portfolio_id',
        'p.name as project',
      ])
      .where('v.id', 'in', ids);
    return (await q.execute()).map((v) =>
      entry('evaluation_plan', v.id, {
        kind: 'evaluation',
        recordId: v.id,
        portfolioId: v.portfolio_id,
        projectId: v.project_id,
        title: v.title,
        body: [v.questions, v.design_detail, v.population, v.decision_rule, v.findings],
        context: `Evaluation plan of ${v.project}`,
        url: `/evaluations/${v.id}`,
        updatedAt: v.updated_at,
      }),
    );
  },

  async pmc_update(db, ids) {
    const q = db
      .selectFrom('pmc_updates')
      .select([
        'id',
        'fiscal_year',
        'quarter',
        'status',
        'corrects_id',
        'highlights',
        'annotations',
        'correction_note',
        'withdrawn_reason',
        'updated_at',
      ])
      .where('id', 'in', ids);
    return (await q.execute()).map((u) => {
      const highlights = parsedJson(u.highlights);
      const notes = parsedJson(u.annotations);
      const texts = (v: unknown) =>
        v && typeof v === 'object' ? Object.values(v as Record<string, unknown>) : [];
      return entry('pmc_update', u.id, {
        kind: 'pmc_update',
        recordId: u.id,
        portfolioId: null,
        projectId: null,
        title: `PMC update ${updateName({ fiscalYear: u.fiscal_year, quarter: u.quarter, status: u.status, correctsId: u.corrects_id })}`,
        body: [
          ...texts(highlights).map((d) =>
            d && typeof d === 'object' ? docText((d as { content?: [] }).content) : '',
          ),
          ...texts(notes).filter((n): n is string => typeof n === 'string'),
          u.correction_note,
          u.withdrawn_reason,
        ],
        context:
          u.status === 'draft'
            ? 'Quarterly update to the PMC, draft'
            : 'Quarterly update to the PMC',
        url: `/pmc/${u.id}`,
        updatedAt: u.updated_at,
        audience: u.status === 'draft' ? 'pmc_draft' : 'signed_in',
      });
    });
  },
};

/** Rows per insert: 14 values each, well under both databases' limits on bound parameters. */
const ROWS_PER_INSERT = 500;

async function insertEntries(db: DB, entries: Entry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT)
    await db
      .insertInto('search_entries')
      .values(entries.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

/**
 * Rewrites the entries of the record an audit row names. Call it inside the change's
 * transaction (recordAudit does). A record that is gone (deleted for good) leaves no entry.
 */
export async function reindexRecord(
  db: DB,
  entityType: EntityType,
  entityId: string | number,
): Promise<void> {
  const owner = OWNER_OF[entityType];
  const id = Number(entityId);
  if (!owner || !Number.isSafeInteger(id)) return;
  await db
    .deleteFrom('search_entries')
    .where('owner_type', '=', owner)
    .where('owner_id', '=', id)
    .execute();
  await insertEntries(db, await BUILDERS[owner](db, [id]));
}

/** The table of each kind of record, whose ids a rebuild walks. */
const TABLES = {
  portfolio: 'portfolios',
  project: 'projects',
  milestone: 'milestones',
  journey_map: 'journey_maps',
  burden_assessment: 'burden_assessments',
  research_activity: 'research_activities',
  action_plan: 'action_plans',
  pmc_update: 'pmc_updates',
  success_measure: 'success_measures',
  evaluation_plan: 'evaluation_plans',
} as const satisfies Record<IndexedRecord, keyof Database>;

/** Records built at a time by a rebuild: memory stays small whatever the workspace's size. */
const RECORDS_PER_BATCH = 200;

/**
 * Writes the index again from the records, in one transaction, a batch of records at a time;
 * returns the entries written. With `only`, just those kinds of record (what a seed added).
 */
export async function rebuildSearchIndex(
  db: DB,
  only: readonly IndexedRecord[] = Object.keys(TABLES) as IndexedRecord[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let count = 0;
    for (const owner of only) {
      await trx.deleteFrom('search_entries').where('owner_type', '=', owner).execute();
      const ids = (await trx.selectFrom(TABLES[owner]).select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      for (let i = 0; i < ids.length; i += RECORDS_PER_BATCH) {
        const entries = await BUILDERS[owner](trx, ids.slice(i, i + RECORDS_PER_BATCH));
        await insertEntries(trx, entries);
        count += entries.length;
      }
    }
    return count;
  });
}

/** Whether the index holds nothing while there are records to find (never built). */
export async function searchIndexMissing(db: DB): Promise<boolean> {
  const [entries, portfolios] = await Promise.all([
    db.selectFrom('search_entries').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('portfolios').select('id').limit(1).executeTakeFirst(),
  ]);
  return !entries && !!portfolios;
}
