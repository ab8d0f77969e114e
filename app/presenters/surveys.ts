/**
 * Post-transaction survey figures as pages and exports show them (issue 20, point 3): one row
 * per quarter with trust, the drivers, the response rate and the change from the quarter
 * before, suppressed under the OMB lead's minimum. Pure: rows in, what is shown out; the rules
 * are app/domain/surveys/figures.ts.
 */
import { DRIVERS, DRIVER_LABELS, type Scale } from '~/domain/surveys/format';
import {
  previousQuarter,
  quarterFigures,
  trustChange,
  type CollectionSettings,
  type QuarterFigures,
  type Share,
  type Tally,
} from '~/domain/surveys/figures';

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

const percentOrNull = (s: Share) => (s.shown ? Math.round(s.percent * 10) / 10 : null);

/** The export's column names, the same in CSV and JSON. */
export const FIGURE_COLUMNS = [
  'service_name',
  'survey_title',
  'agency',
  'fiscal_year',
  'quarter',
  'volume_of_customers',
  'volume_of_customers_provided_survey_opportunity',
  'volume_of_respondents',
  'response_rate_percent',
  'trust_percent',
  'trust_affirmative',
  'trust_change_points',
  ...DRIVERS.flatMap((d) => [`positive_${d}_percent`, `negative_${d}_percent`]),
  'minimum_respondents',
  'suppressed',
  'illustrative',
] as const;

export type FigureRecord = Record<
  (typeof FIGURE_COLUMNS)[number],
  string | number | boolean | null
>;

/** One export record per quarter; a suppressed percentage is null and named in `suppressed`. */
export function figureRecords(
  c: CollectionForFigures & {
    service_name: string;
    survey_title: string;
    agency_code: string;
    illustrative: number;
  },
  quarters: readonly QuarterView[],
  minimum: number,
): FigureRecord[] {
  return quarters.map(({ dataset: d, figures: f, change }) => {
    const suppressed: string[] = [];
    const pct = (name: string, s: Share) => {
      if (!s.shown) suppressed.push(name);
      return percentOrNull(s);
    };
    const record: Record<string, string | number | boolean | null> = {
      service_name: c.service_name,
      survey_title: c.survey_title,
      agency: c.agency_code,
      fiscal_year: d.fiscal_year,
      quarter: d.quarter,
      volume_of_customers: d.volume_of_customers,
      volume_of_customers_provided_survey_opportunity: d.customers_offered,
      volume_of_respondents: f.respondents,
      response_rate_percent: pct('response_rate_percent', f.responseRate),
      trust_percent: pct('trust_percent', f.trust),
      trust_affirmative: f.trustRule,
      trust_change_points: change,
    };
    for (const dr of DRIVERS) {
      record[`positive_${dr}_percent`] = pct(`positive_${dr}_percent`, f.drivers[dr].positive);
      record[`negative_${dr}_percent`] = pct(`negative_${dr}_percent`, f.drivers[dr].negative);
    }
    record.minimum_respondents = minimum;
    record.suppressed = suppressed.join(' ');
    record.illustrative = c.illustrative === 1;
    return record as FigureRecord;
  });
}

/** The drivers' positive shares per quarter, for the drivers chart. */
export function driverSeries(quarters: readonly QuarterView[]) {
  return DRIVERS.map((d) => ({
    name: DRIVER_LABELS[d],
    points: quarters.map((q) => ({ label: q.label, share: q.figures.drivers[d].positive })),
  }));
}
