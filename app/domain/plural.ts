/**
 * Counts in words, so a page never reads "1 activities" (issue 16: every count shown is
 * pluralized). English only: the workspace has no other language.
 */

/** The noun alone in the number `count` calls for: noun(1, 'day') → "day", noun(2, 'day') → "days". */
export function noun(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

/**
 * A count with its noun, thousands separated: pluralize(1, 'activity', 'activities') →
 * "1 activity"; pluralize(0, 'activity', 'activities') → "0 activities"; pluralize(1200, 'day') →
 * "1,200 days".
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${noun(count, singular, plural)}`;
}
