/**
 * Success measures as pages show them (issue 20): the status with its reason, the figures in the
 * measure's unit, the chart's points and the table beside it, and a portfolio's roll-up by
 * status. Pure: rows in, what the page shows out; the rule is app/domain/measures/status.ts.
 */
import {
  expectedOn,
  figure,
  measureStatus,
  STATUS_LABELS,
  type Cadence,
  type MeasureStatus,
  type Point,
} from '~/domain/measures/status';
import { formatDate } from '~/domain/portfolio/labels';

export const CADENCE_LABELS: Record<Cadence, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Twice a year',
  annual: 'Yearly',
};

export interface MeasureRow {
  id: number;
  project_id: number;
  name: string;
  definition: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline_value: number;
  baseline_date: string;
  target_value: number;
  target_date: string;
  data_source: string;
  cadence: Cadence;
  tolerance: number | null;
}

function ruleInput(m: MeasureRow, actuals: readonly Point[]) {
  return {
    direction: m.direction,
    baseline: { value: m.baseline_value, date: m.baseline_date },
    target: { value: m.target_value, date: m.target_date },
    cadence: m.cadence,
    tolerance: m.tolerance,
    unit: m.unit,
    actuals,
  };
}

/** A measure in a list: its name, status and why, baseline and target in words. */
export function measureSummary(m: MeasureRow & { actuals: readonly Point[] }, today: string) {
  const result = measureStatus(ruleInput(m, m.actuals), today);
  const f = (v: number) => figure(v, m.unit);
  return {
    id: m.id,
    name: m.name,
    status: result.status,
    statusLabel: STATUS_LABELS[result.status],
    reason: result.reason,
    latest: result.latest ? `${f(result.latest.value)} (${formatDate(result.latest.date)})` : '—',
    goal: `${f(m.baseline_value)} (${formatDate(m.baseline_date)}) to ${f(m.target_value)} (${formatDate(m.target_date)}), ${m.direction === 'higher' ? 'higher' : 'lower'} is better`,
  };
}

/** How many measures stand in each status, in the order a roll-up lists them. */
export function measureRollup(summaries: readonly { status: MeasureStatus }[]) {
  const order: MeasureStatus[] = ['on_track', 'at_risk', 'off_track', 'no_recent_data'];
  return order.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    count: summaries.filter((s) => s.status === status).length,
  }));
}

/**
 * A measure's own page: the summary, the line from baseline to target with the actual values as
 * a chart (dates as day numbers, for the SVG) and as a table (each actual beside what the line
 * expected on its date).
 */
export function measureDetail(
  m: MeasureRow,
  actuals: readonly { id: number; value: number; on_date: string; note: string }[],
  today: string,
) {
  const points = actuals.map((a) => ({ value: a.value, date: a.on_date }));
  const f = (v: number) => figure(v, m.unit);
  const rows = actuals.map((a) => ({
    id: a.id,
    date: formatDate(a.on_date),
    actual: f(a.value),
    expected: f(Math.round(expectedOn(ruleInput(m, points), a.on_date) * 100) / 100),
    note: a.note,
  }));
  return {
    summary: measureSummary({ ...m, actuals: points }, today),
    definition: m.definition,
    dataSource: m.data_source,
    cadence: CADENCE_LABELS[m.cadence],
    tolerance: figure((m.tolerance ?? 0.1) * 100, '%'),
    rows,
    chart: {
      unit: m.unit,
      line: [
        { date: m.baseline_date, value: m.baseline_value },
        { date: m.target_date, value: m.target_value },
      ],
      actuals: points,
    },
  };
}
