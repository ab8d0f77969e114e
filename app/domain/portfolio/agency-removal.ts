/**
 * Taking agencies out of a portfolio asks first (issue 16, point 8; decision 022): an agency that
 * leaves ends its point of contact's role and its PMC seat, so saving the edit form with an
 * agency unchecked shows what ends before anything changes. Adding agencies does not ask.
 */
import type { Removal } from '~/domain/removal';

/** A participating agency as the confirmation names it. */
export interface ParticipatingAgency {
  id: number;
  code: string;
  name: string;
  pocName: string | null;
  pmcName: string | null;
}

/**
 * The ids of `current` that `submitted` leaves out, in `current`'s order (each once). Ids only
 * in `submitted` are additions and never count.
 */
export function agenciesBeingRemoved(current: number[], submitted: number[]): number[] {
  const kept = new Set(submitted);
  return [...new Set(current)].filter((id) => !kept.has(id));
}

/** What removing these agencies ends, in the words of the dialog and the confirmation page. */
export function describeAgencyRemoval(agencies: ParticipatingAgency[]): Removal {
  const one = agencies.length === 1 ? agencies[0] : undefined;
  const takes = agencies.map((a) => {
    const ends = [
      a.pocName ? `${a.pocName} stops being its point of contact` : 'it has no point of contact',
      a.pmcName ? `${a.pmcName} leaves the PMC` : 'it has no PMC member',
    ];
    return `${a.name} (${a.code}): ${ends.join('; ')}.`;
  });
  return {
    what: one
      ? `${one.name} (${one.code}) from this portfolio`
      : `${agencies.length} agencies from this portfolio`,
    takes,
    confirm: one ? `Yes, remove ${one.code}` : `Yes, remove ${agencies.length} agencies`,
  };
}
