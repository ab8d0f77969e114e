/** Who hears of a CX Action Plan's status (app/domain/notifications/plans.ts), as a table. */
import { describe, expect, it } from 'vitest';
import { planMoved, type PlanNotice } from '~/domain/notifications/plans';

// People: 5 leads the portfolio, 6 and 7 are team members, 1 and 2 are OMB leads.
const notice = (over: Partial<PlanNotice>): PlanNotice => ({
  plan: {
    id: 4,
    title: 'Having a Child CX Action Plan',
    fiscalYear: 2027,
    portfolioId: 3,
    version: 8,
  },
  from: 'draft',
  to: 'in_review',
  team: { leadIds: [5], memberIds: [6, 7] },
  ombLeadIds: [1, 2],
  actorId: 6,
  ...over,
});

describe('a plan moves', () => {
  it.each([
    [
      'sent for review: the leads and OMB leads',
      notice({}),
      'plan_in_review',
      [5, 1, 2],
      'Having a Child CX Action Plan (FY 2027) was sent for review',
    ],
    [
      'returned to draft by a reviewer: the team',
      notice({ from: 'in_review', to: 'draft', actorId: 1 }),
      'plan_returned',
      [5, 6, 7],
      'Having a Child CX Action Plan (FY 2027) was returned to draft',
    ],
    [
      'made final by the lead: the team and OMB leads, not the lead',
      notice({ from: 'in_review', to: 'final', actorId: 5 }),
      'plan_final',
      [6, 7, 1, 2],
      'Having a Child CX Action Plan (FY 2027) is final',
    ],
    [
      'reopened by an OMB lead: the team',
      notice({ from: 'final', to: 'draft', actorId: 1 }),
      'plan_returned',
      [5, 6, 7],
      'Having a Child CX Action Plan (FY 2027) was reopened for changes',
    ],
  ] as const)('%s', (_what, n, kind, people, title) => {
    const drafts = planMoved(n);
    expect(drafts.map((d) => d.personId)).toEqual(people);
    for (const d of drafts) {
      expect(d).toMatchObject({ kind, title, link: '/plans/4', portfolioId: 3 });
      expect(d.source).toBe('action_plan:4:version:8');
    }
  });

  it('a person both lead and OMB lead is told once', () => {
    const drafts = planMoved(notice({ ombLeadIds: [5, 2] }));
    expect(drafts.map((d) => d.personId)).toEqual([5, 2]);
  });
});
