/**
 * What the workspace tells people of (issue 22; docs/rules.md, "Notifications"), each kind with
 * the words a person reads when choosing how to hear of it.
 */
export const NOTIFICATION_KINDS = [
  'phase_request_waiting',
  'phase_request_answered',
  'phase_request_decided',
  'phase_override',
  'phase_request_reminder',
  'phase_request_overdue',
  'access_request_waiting',
  'access_request_decided',
  'account_turned_off',
  'plan_in_review',
  'plan_returned',
  'plan_final',
  'plan_comment',
  'research_limit',
  'clearance_expiring',
  'a11_due',
  'pmc_published',
  'pmc_withdrawn',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const KIND_LABELS: Record<NotificationKind, string> = {
  phase_request_waiting: 'A phase request waits for your agency’s answer',
  phase_request_answered: 'An agency answered your phase request',
  phase_request_decided: 'Your phase request was decided',
  phase_override: 'An OMB lead decided a phase request without every answer',
  phase_request_reminder: 'A phase request still waits for your agency’s answer (reminders)',
  phase_request_overdue: 'A phase request in a portfolio you lead is overdue',
  access_request_waiting: 'Someone asks for access to a portfolio you lead',
  access_request_decided: 'Your access request was approved',
  account_turned_off: 'An account in a portfolio you lead was turned off',
  plan_in_review: 'A CX Action Plan was sent for review',
  plan_returned: 'A CX Action Plan you write was returned to draft',
  plan_final: 'A CX Action Plan was marked final',
  plan_comment: 'A review comment on a CX Action Plan you write',
  research_limit: 'A research collection reaches 8, or the limit of 9, members of the public',
  clearance_expiring: 'A PRA clearance in your portfolio expires within 90 or 30 days',
  a11_due: 'An A-11 Section 280 date is 14 or 3 business days away',
  pmc_published: 'A PMC quarterly update was published',
  pmc_withdrawn: 'A PMC quarterly update was withdrawn',
};

/** The kinds under the headings the email choices page shows them in; every kind once. */
export const KIND_GROUPS: { heading: string; kinds: readonly NotificationKind[] }[] = [
  {
    heading: 'Phase gates',
    kinds: [
      'phase_request_waiting',
      'phase_request_reminder',
      'phase_request_answered',
      'phase_request_decided',
      'phase_override',
      'phase_request_overdue',
    ],
  },
  {
    heading: 'CX Action Plans',
    kinds: ['plan_in_review', 'plan_comment', 'plan_returned', 'plan_final'],
  },
  {
    heading: 'Research and the Paperwork Reduction Act',
    kinds: ['research_limit', 'clearance_expiring'],
  },
  { heading: 'A-11 dates and PMC updates', kinds: ['a11_due', 'pmc_published', 'pmc_withdrawn'] },
  {
    heading: 'Access',
    kinds: ['access_request_waiting', 'access_request_decided', 'account_turned_off'],
  },
];

/** One notification to write: who is told of what, and where it leads. */
export interface NotificationDraft {
  personId: number;
  kind: NotificationKind;
  /** What caused it (`phase_request:12`): a person is told of one thing once. */
  source: string;
  title: string;
  body: string;
  /** A path within the workspace. */
  link: string;
  portfolioId: number | null;
  /**
   * Emailed even if the person chose no email for this kind (a request waiting for an agency
   * whose only POC they are: app/domain/notifications/preferences.ts).
   */
  required?: boolean;
}

/** Drafts without repeats (one person, one kind, one source), and never to the person who acted. */
export function addressed(
  drafts: readonly NotificationDraft[],
  actorId: number,
): NotificationDraft[] {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.personId}|${d.kind}|${d.source}`;
    if (d.personId === actorId || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
