/**
 * The charts of a PMC update, as data: milestones by status and projects by phase per portfolio,
 * and burden reduced quarter by quarter. The page draws them as SVG with a table beside
 * (components/charts/bar-chart.tsx); the Word and slide exports draw the same SVG as images, so
 * every output shows the same figures with the same words.
 */
import { MILESTONE_STATUS_LABELS, PHASE_LABELS, PHASES } from '~/domain/portfolio/labels';
import type { Phase } from '~/domain/portfolio/types';
import { quarterLabel } from './pmc';
import { upToOneDecimal } from '~/domain/numbers';

export interface ChartSpec {
  title: string;
  description: string;
  series: { name: string; color: string }[];
  rows: { label: string; values: number[] }[];
  /** What a row is, the first column's heading in the chart's table. */
  rowHeading: string;
  /** The figures' form: whole numbers, or hours with one decimal. */
  kind: 'count' | 'hours';
  unit: string;
}

/** A chart's figure as it is written: 12, or 1,234.5 (hours). */
export function chartValue(kind: ChartSpec['kind'], value: number): string {
  return kind === 'hours' ? upToOneDecimal(value) : String(value);
}

const STATUSES = ['completed', 'in_progress', 'planned', 'missed'] as const;
const STATUS_COLORS: Record<(typeof STATUSES)[number], string> = {
  completed: '#216e1f',
  in_progress: '#005ea2',
  planned: '#71767a',
  missed: '#b50909',
};
const PHASE_COLORS = ['#73b3e7', '#2378c3', '#1a4480', '#162e51'];

export function updateCharts(input: {
  portfolios: readonly {
    name: string;
    milestonesByStatus: Record<string, number>;
    byPhase: Record<Phase, number>;
  }[];
  /** Each earlier published update's burden reduced, oldest first. */
  published: readonly { label: string; hours: number }[];
  fiscalYear: number;
  quarter: number;
  programReducedHours: number;
}): ChartSpec[] {
  return [
    {
      title: 'Milestones by status',
      description: 'Milestones of each portfolio by status.',
      series: STATUSES.map((s) => ({ name: MILESTONE_STATUS_LABELS[s], color: STATUS_COLORS[s] })),
      rows: input.portfolios.map((p) => ({
        label: p.name,
        values: STATUSES.map((s) => p.milestonesByStatus[s] ?? 0),
      })),
      rowHeading: 'Portfolio',
      kind: 'count',
      unit: 'milestones',
    },
    {
      title: 'Projects by phase',
      description: 'Projects of each portfolio by phase.',
      series: PHASES.map((ph, i) => ({ name: PHASE_LABELS[ph], color: PHASE_COLORS[i]! })),
      rows: input.portfolios.map((p) => ({
        label: p.name,
        values: PHASES.map((ph) => p.byPhase[ph]),
      })),
      rowHeading: 'Portfolio',
      kind: 'count',
      unit: 'projects',
    },
    {
      title: 'Burden reduced so far, quarter by quarter',
      description:
        'Hours a year of burden reduced by planned redesigns across the program, at each published update and now.',
      series: [{ name: 'Hours reduced', color: '#005ea2' }],
      rows: [
        ...input.published.map((u) => ({ label: u.label, values: [u.hours] })),
        {
          label: quarterLabel(input.fiscalYear, input.quarter),
          values: [input.programReducedHours],
        },
      ],
      rowHeading: 'Quarter',
      kind: 'hours',
      unit: 'hours a year',
    },
  ];
}

/**
 * What a chart shows, in words, for a reader who cannot see it (an image's alt text): its
 * description, then each row's figures.
 */
export function chartAltText(chart: ChartSpec): string {
  const rows = chart.rows.map((r) => {
    const parts =
      chart.series.length === 1
        ? chartValue(chart.kind, r.values[0] ?? 0)
        : chart.series
            .map((s, i) => `${s.name} ${chartValue(chart.kind, r.values[i] ?? 0)}`)
            .join(', ');
    return `${r.label}: ${parts}`;
  });
  return `${chart.title} (${chart.unit}). ${chart.description} ${rows.join('; ')}.`;
}

/**
 * A chart's figures as the table the exports put beside it, in words: the heading row (what a
 * row is, each series, and a total when bars are stacked), then one row per bar.
 */
export function chartTable(chart: ChartSpec): { head: string[]; rows: string[][] } {
  const totals = chart.series.length > 1;
  const value = (x: number) => chartValue(chart.kind, x);
  return {
    head: [chart.rowHeading, ...chart.series.map((s) => s.name), ...(totals ? ['Total'] : [])],
    rows: chart.rows.map((r) => [
      r.label,
      ...r.values.map(value),
      ...(totals ? [value(r.values.reduce((a, b) => a + b, 0))] : []),
    ]),
  };
}
