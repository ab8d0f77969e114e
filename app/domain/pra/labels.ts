import type { CollectionStatus, Method } from './rules';

export const METHOD_LABELS: Record<Method, string> = {
  interviews: 'Interviews',
  focus_group: 'Focus group',
  usability_test: 'Usability test',
  card_sort: 'Card sort',
  survey: 'Survey',
  listening_session: 'Listening session',
  observation: 'Observation',
  recruitment_screener: 'Recruitment screener',
  post_transaction_survey: 'Post-transaction survey',
};

export const STATUS_LABELS: Record<CollectionStatus, string> = {
  clear: 'Clear',
  approaching: 'Approaching the limit',
  at_limit: 'At the limit',
  needs_clearance: 'Needs clearance',
  covered: 'Covered by a clearance',
  clearance_expired: 'Clearance expired',
};

export const CLEARANCE_KIND_LABELS = {
  generic: 'Generic or umbrella',
  standard: 'Standard',
  fast_track: 'Fast-track',
  emergency: 'Emergency',
} as const;

/** Days from `today` to `date` (both YYYY-MM-DD); negative once past. */
export function daysUntil(date: string, today: string): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

/** The expiry warning for a clearance: 90 and 30 days ahead, and once expired. */
export function expiryWarning(
  expiresOn: string | null,
  today: string,
): { level: 'expired' | '30' | '90'; days: number } | null {
  if (!expiresOn) return null;
  const days = daysUntil(expiresOn, today);
  if (days < 0) return { level: 'expired', days };
  if (days <= 30) return { level: '30', days };
  if (days <= 90) return { level: '90', days };
  return null;
}

/** How many days are left, in words: "12 days left", "Expires today", "Expired 3 days ago". */
export function daysLeftText(days: number): string {
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'} left`;
  if (days === 0) return 'Expires today';
  return `Expired ${-days} ${days === -1 ? 'day' : 'days'} ago`;
}

/**
 * The clearances to act on: those expired and those expiring within 90 days, soonest expiry
 * first, each with its warning. Pending clearances (no expiration date) are not listed.
 */
export function expiringClearances<C extends { expires_on: string | null }>(
  clearances: readonly C[],
  today: string,
): (C & { warning: NonNullable<ReturnType<typeof expiryWarning>> })[] {
  return clearances
    .flatMap((c) => {
      const warning = expiryWarning(c.expires_on, today);
      return warning ? [{ ...c, warning }] : [];
    })
    .sort((a, b) => a.warning.days - b.warning.days);
}

/** The questions pra.digital.gov asks, in the order the decision record shows them. */
export const DECISION_QUESTIONS = {
  tenOrMore: 'Ten or more people in 12 months?',
  membersOfPublic: 'Are they members of the public?',
  sameQuestions: 'Are the same questions asked of each person?',
  observationOnly: 'Direct observation or open conversation only?',
} as const;
export type DecisionQuestion = keyof typeof DECISION_QUESTIONS;

/** A saved decision record: the answers, the outcome, and who reviewed it when. */
export interface DecisionRecord {
  tenOrMore?: 'yes' | 'no';
  membersOfPublic?: 'yes' | 'no';
  sameQuestions?: 'yes' | 'no';
  observationOnly?: 'yes' | 'no';
  outcome?: string;
  reviewed_by?: string;
  reviewed_by_id?: number;
  reviewed_on?: string;
}

/** The recorded answers, read-only: each question with "Yes", "No" or "Not answered". */
export function decisionAnswers(
  record: DecisionRecord,
): { key: DecisionQuestion; question: string; answer: string }[] {
  return (Object.keys(DECISION_QUESTIONS) as DecisionQuestion[]).map((key) => ({
    key,
    question: DECISION_QUESTIONS[key],
    answer: record[key] === 'yes' ? 'Yes' : record[key] === 'no' ? 'No' : 'Not answered',
  }));
}
