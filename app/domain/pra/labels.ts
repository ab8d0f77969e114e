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
  needs_clearance: 'Needs clearance',
  covered: 'Covered by a clearance',
  clearance_expired: 'Clearance expired',
};

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
