import { describe, expect, it } from 'vitest';
import { planCommented } from '~/domain/notifications/plans';
import { pmcChanged } from '~/domain/notifications/pmc';
import { collectionNotifications } from '~/domain/notifications/research';

describe('a research collection nearing the PRA limit', () => {
  const notice = {
    activity: { id: 9, title: 'Kit delivery interviews' },
    portfolioId: 2,
    teamIds: [5, 6, 7],
    actorId: 6,
  };
  it.each([
    { before: 5, after: 7, sources: [] },
    { before: 7, after: 8, sources: ['research_activity:9:count:8'] },
    { before: 8, after: 9, sources: ['research_activity:9:count:9'] },
    // Straight past 8 to the limit: only the limit is announced.
    { before: 6, after: 9, sources: ['research_activity:9:count:9'] },
    { before: 9, after: 9, sources: [] },
    { before: 0, after: 0, sources: [] }, // a collection that does not count
  ])('$before → $after', ({ before, after, sources }) => {
    const drafts = collectionNotifications({ ...notice, before, after });
    expect([...new Set(drafts.map((d) => d.source))]).toEqual(sources);
    // Never the person who logged the session.
    if (sources.length) expect(drafts.map((d) => d.personId)).toEqual([5, 7]);
  });

  it('says what the limit means', () => {
    const [d] = collectionNotifications({ ...notice, before: 8, after: 9 });
    expect(d!.title).toBe(
      '“Kit delivery interviews” reached 9 members of the public: the next needs a PRA clearance',
    );
    expect(d!.link).toBe('/research/9');
  });
});

describe('a review comment', () => {
  it('tells the plan’s writers but the commenter, linking to the comment', () => {
    const drafts = planCommented({
      plan: { id: 4, title: 'Having a Child plan', fiscalYear: 2027, portfolioId: 2 },
      commentId: 31,
      section: 'Next year’s priorities',
      body: 'x'.repeat(250),
      writerIds: [5, 6, 8],
      actorId: 8,
    });
    expect(drafts.map((d) => `${d.personId} ${d.kind} ${d.source} ${d.link}`)).toEqual([
      '5 plan_comment action_plan_comment:31 /plans/4#comment-31',
      '6 plan_comment action_plan_comment:31 /plans/4#comment-31',
    ]);
    expect(drafts[0]!.title).toBe(
      'A review comment on “Next year’s priorities” in Having a Child plan (FY 2027)',
    );
    expect(drafts[0]!.body).toHaveLength(202); // 199 characters, an ellipsis, two quotes
  });
});

describe('a PMC update published or withdrawn', () => {
  it.each([
    {
      event: 'published',
      kind: 'pmc_published',
      title: 'The PMC update for FY 2027 Q1 was published',
    },
    {
      event: 'withdrawn',
      kind: 'pmc_withdrawn',
      title: 'The PMC update for FY 2027 Q1 was withdrawn',
    },
  ] as const)('$event', ({ event, kind, title }) => {
    const drafts = pmcChanged({
      update: { id: 3, fiscalYear: 2027, quarter: 1 },
      event,
      reason: 'A figure was wrong',
      audienceIds: [1, 2, 3],
      actorId: 1,
    });
    expect(drafts.map((d) => `${d.personId} ${d.kind} ${d.source}`)).toEqual([
      `2 ${kind} pmc_update:3:${event}`,
      `3 ${kind} pmc_update:3:${event}`,
    ]);
    expect(drafts[0]!.title).toBe(title);
  });
});
