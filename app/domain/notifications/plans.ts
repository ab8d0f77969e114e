/**
 * Who hears of a CX Action Plan's status (A-11 280.15; issue 22, point 1):
 *
 * - sent for review: the portfolio's leads and the OMB leads, who review it;
 * - returned to draft, or reopened after it was final: the portfolio's team (leads and members),
 *   who write it;
 * - final: the team and the OMB leads.
 *
 * Never the person who moved it.
 */
import type { PlanStatus } from '~/domain/plans/status';
import { addressed, type NotificationDraft } from './kinds';

export interface PlanNotice {
  plan: { id: number; title: string; fiscalYear: number; portfolioId: number; version: number };
  from: PlanStatus;
  to: PlanStatus;
  team: { leadIds: readonly number[]; memberIds: readonly number[] };
  ombLeadIds: readonly number[];
  actorId: number;
}

/** A plan's title, with its fiscal year unless the title already says it. */
export function planName(plan: { title: string; fiscalYear: number }): string {
  return plan.title.includes(`FY ${plan.fiscalYear}`)
    ? plan.title
    : `${plan.title} (FY ${plan.fiscalYear})`;
}

export function planMoved(notice: PlanNotice): NotificationDraft[] {
  const { plan, from, to, team } = notice;
  const name = planName(plan);
  const writers = [...team.leadIds, ...team.memberIds];
  let told: readonly number[];
  let kind: NotificationDraft['kind'] = 'plan_in_review';
  let title = '';
  let body = '';
  if (to === 'in_review') {
    told = [...team.leadIds, ...notice.ombLeadIds];
    kind = 'plan_in_review';
    title = `${name} was sent for review`;
    body = `${name} is ready for review. Read it and leave comments by section on the plan’s page.`;
  } else if (to === 'draft') {
    told = writers;
    kind = 'plan_returned';
    title = from === 'final' ? `${name} was reopened for changes` : `${name} was returned to draft`;
    body = `${name} is a draft again: read the review comments on the plan’s page and revise it.`;
  } else {
    told = [...writers, ...notice.ombLeadIds];
    kind = 'plan_final';
    title = `${name} is final`;
    body = `${name} was marked final. It is read-only now; its Word export is what OMB receives.`;
  }
  return addressed(
    told.map((personId) => ({
      personId,
      kind,
      source: `action_plan:${plan.id}:version:${plan.version}`,
      title,
      body,
      link: `/plans/${plan.id}`,
      portfolioId: plan.portfolioId,
    })),
    notice.actorId,
  );
}

export interface CommentNotice {
  plan: { id: number; title: string; fiscalYear: number; portfolioId: number };
  commentId: number;
  section: string;
  body: string;
  /** The plan's writers: the portfolio's leads and team members. */
  writerIds: readonly number[];
  actorId: number;
}

/**
 * A review comment on a section: the plan's writers hear of it, since the workspace does not
 * assign sections to people and every writer may revise any section.
 */
export function planCommented(n: CommentNotice): NotificationDraft[] {
  const name = planName(n.plan);
  const excerpt = n.body.length > 200 ? `${n.body.slice(0, 199)}…` : n.body;
  return addressed(
    n.writerIds.map((personId) => ({
      personId,
      kind: 'plan_comment',
      source: `action_plan_comment:${n.commentId}`,
      title: `A review comment on “${n.section}” in ${name}`,
      body: `“${excerpt}”`,
      link: `/plans/${n.plan.id}#comment-${n.commentId}`,
      portfolioId: n.plan.portfolioId,
    })),
    n.actorId,
  );
}
