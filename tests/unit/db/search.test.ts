/**
 * The search index on whichever database this run uses (`TEST_DATABASE=postgres` for
 * PostgreSQL): both find the same records for stems, phrases and exclusions, never fail on a
 * hostile query, keep a draft PMC update from those who may not read it, and follow every
 * audited change in its own transaction.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { updateProject } from '~/commands/projects';
import { createUpdate, publishUpdate } from '~/commands/pmc';
import { textsDigest } from '~/domain/pmc/texts';
import { parseQuery, toFts5, toWebsearch } from '~/domain/search/query';
import { snippetParts } from '~/domain/search/text';
import type { SearchAudience } from '~/domain/search/kinds';
import { rebuildSearchIndex } from '#db/search-index';
import { searchCounts, searchPage, searchSnippets, searchTopOfEachKind } from '#db/queries/search';
import type { Database } from '#db/schema';
import { demoDb, projectId, projectValues, userFor } from '../helpers';

const EX_PARTE = 'Automated ex parte Medicaid renewals';
const PAYROLL = 'Consent-based verification of payroll data';

let db: Kysely<Database>;
beforeAll(async () => {
  db = await demoDb();
  await rebuildSearchIndex(db);
});

function ask(text: string) {
  const q = parseQuery(text);
  return { fts5: toFts5(q)!, websearch: toWebsearch(q)! };
}

async function titles(text: string, audiences: SearchAudience[] = ['signed_in']) {
  const hits = await searchPage(db, ask(text), { audiences }, { limit: 100, offset: 0 });
  return hits.map((h) => h.title);
}

describe('finding records', () => {
  it.each([
    // English stemming: "shares" finds "share", "renewing" finds "renewals".
    ['shares payroll', PAYROLL, true],
    ['renewing medicaid', EX_PARTE, true],
    // A phrase must appear as written; the words apart do not match it.
    ['"ex parte"', EX_PARTE, true],
    ['"parte ex"', EX_PARTE, false],
    // An exclusion leaves out what has the word.
    ['medicaid -payroll', PAYROLL, false],
    ['medicaid -payroll', EX_PARTE, true],
  ])('%s → %s: %s', async (text, title, found) => {
    expect((await titles(text)).includes(title)).toBe(found);
  });

  it.each([
    'a OR b',
    'NEAR(a b)',
    '"unclosed',
    '*',
    "'; drop table projects; --",
    'title:x ^y',
    '(a & !b) | c <-> d',
    '\\\\ %_ \u0000',
    'ﬁnancial ＡＢＣ',
    'x'.repeat(60),
  ])('answers %j without an error', async (text) => {
    const q = parseQuery(text);
    const fts5 = toFts5(q);
    if (!fts5) return;
    await expect(
      searchPage(
        db,
        { fts5, websearch: toWebsearch(q)! },
        { audiences: ['signed_in'] },
        { limit: 5, offset: 0 },
      ),
    ).resolves.toBeInstanceOf(Array);
  });

  it('counts by kind, and shows the best of each kind, under the same filters', async () => {
    const q = ask('medicaid');
    const counts = await searchCounts(db, q, { audiences: ['signed_in'] });
    expect(counts.get('project')).toBeGreaterThanOrEqual(2);
    expect(counts.get('milestone')).toBeGreaterThanOrEqual(1);
    const top = await searchTopOfEachKind(db, q, { audiences: ['signed_in'] }, 1);
    expect(top.filter((h) => h.kind === 'project')).toHaveLength(1);
    expect(new Set(top.map((h) => h.kind)).size).toBe(counts.size);
    const phase = await searchCounts(db, q, { audiences: ['signed_in'], phase: 'measurement' });
    const projects = await db
      .selectFrom('projects')
      .select('phase')
      .where('name', '=', EX_PARTE)
      .executeTakeFirstOrThrow();
    expect(
      (phase.get('project') ?? 0) < counts.get('project')! || projects.phase === 'measurement',
    ).toBe(true);
  });

  it('marks the words found in a snippet', async () => {
    const hits = await searchPage(
      db,
      ask('payroll'),
      { audiences: ['signed_in'], kind: 'project' },
      { limit: 5, offset: 0 },
    );
    const snippets = await searchSnippets(
      db,
      ask('payroll'),
      hits.map((h) => h.id),
    );
    const parts = snippetParts(snippets.get(hits[0]!.id)!.snippet);
    const title = snippetParts(snippets.get(hits[0]!.id)!.title);
    expect(title.some((p) => p.hit && p.text.toLowerCase() === 'payroll')).toBe(true);
    expect(parts.some((p) => p.hit && p.text.toLowerCase() === 'payroll')).toBe(true);
  });
});

describe('following changes', () => {
  it('rewrites a record’s entry in the transaction of its change', async () => {
    const id = await projectId(db, PAYROLL);
    const lead = await userFor(db, 'portfolio.lead@example.gov');
    const values = await projectValues(db, id);
    const { version } = await db
      .selectFrom('projects')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(await titles('zeppelinwords')).toEqual([]);
    await updateProject(db, {
      projectId: id,
      actorId: lead.personId,
      version,
      values: { ...values, summary: `${values.summary} Zeppelinwords.` },
    });
    expect(await titles('zeppelinwords')).toEqual([PAYROLL]);
  });

  it('keeps a draft PMC update from those who may not read drafts, until it is published', async () => {
    const omb = await userFor(db, 'omb.lead@example.gov');
    const id = await createUpdate(db, { fy: 2031, q: 1, actorId: omb.personId });
    const highlights = JSON.stringify({
      program: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quokkaword progress.' }] }],
      },
    });
    await db.updateTable('pmc_updates').set({ highlights }).where('id', '=', id).execute();
    await rebuildSearchIndex(db);
    expect(await titles('quokkaword')).toEqual([]);
    expect(await titles('quokkaword', ['signed_in', 'pmc_draft'])).toEqual([
      'PMC update FY 2031 Q1',
    ]);
    const u = await db
      .selectFrom('pmc_updates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await publishUpdate(db, {
      id,
      version: u.version,
      texts: textsDigest(u.highlights, u.annotations),
      actorId: omb.personId,
    });
    expect(await titles('quokkaword')).toEqual(['PMC update FY 2031 Q1']);
  });
});
