/**
 * Post-transaction survey figures as pages and exports show them (issue 20, point 3): one row
 * per quarter with trust, the drivers, the response rate and the change from the quarter
 * before, suppressed under the OMB lead's minimum. Pure: rows in, what is shown out; the rules
 * are app/domain/surveys/figures.ts.
 */
import { DRIVERS } from '~/domain/surveys/format';
import type { Share } from '~/domain/surveys/figures';
import type { CollectionForFigures, QuarterView } from '~/domain/surveys/quarters';

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

/** A collection's latest quarter of trust, as lists show it (app/presenters/measurement.server.ts). */
export interface TrustRow {
  id: number;
  service: string;
  title: string;
  agency: string;
  illustrative: boolean;
  /** The latest standing quarter, or null before any import. */
  quarter: string | null;
  respondents: number | null;
  trust: string | null;
  rule: string | null;
  change: string | null;
}
