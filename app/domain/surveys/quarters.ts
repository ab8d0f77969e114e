/**
 * A collection's quarters with their figures, oldest first, each with the change in trust from
 * the fiscal quarter before (when both show a percentage). Pure: the collection's settings, its
 * standing datasets and the OMB minimum in; the figures out (rules: figures.ts).
 */
import type { Scale } from './format';
import {
  previousQuarter,
  quarterFigures,
  trustChange,
  type CollectionSettings,
  type QuarterFigures,
  type Tally,
} from './figures';

export interface CollectionForFigures {
  scale: Scale;
  likert_affirmative: string;
}

export interface DatasetForFigures {
  fiscal_year: number;
  quarter: number;
  customers_offered: number;
  volume_of_customers: number;
  tally: Tally;
}

export function likertPoints(stored: string): number[] {
  return stored
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 5);
}

export function settingsOf(c: CollectionForFigures, minimum: number): CollectionSettings {
  return { scale: c.scale, likertAffirmative: likertPoints(c.likert_affirmative), minimum };
}

export interface QuarterView<D extends DatasetForFigures = DatasetForFigures> {
  label: string;
  dataset: D;
  figures: QuarterFigures;
  /** Trust minus the quarter before, in points; null when either is not shown or is missing. */
  change: number | null;
}

export const quarterLabel = (fy: number, q: number) => `FY ${fy} Q${q}`;

/** The standing datasets of one collection, oldest quarter first, with their figures. */
export function collectionQuarters<D extends DatasetForFigures>(
  c: CollectionForFigures,
  standing: readonly D[],
  minimum: number,
): QuarterView<D>[] {
  const settings = settingsOf(c, minimum);
  const sorted = [...standing].sort(
    (a, b) => a.fiscal_year - b.fiscal_year || a.quarter - b.quarter,
  );
  const byQuarter = new Map<string, QuarterFigures>();
  return sorted.map((d) => {
    const figures = quarterFigures({ tally: d.tally, offered: d.customers_offered }, settings);
    byQuarter.set(`${d.fiscal_year}-${d.quarter}`, figures);
    const prev = previousQuarter(d.fiscal_year, d.quarter);
    const before = byQuarter.get(`${prev.fy}-${prev.q}`) ?? null;
    return {
      label: quarterLabel(d.fiscal_year, d.quarter),
      dataset: d,
      figures,
      change: trustChange(figures.trust, before?.trust ?? null),
    };
  });
}
