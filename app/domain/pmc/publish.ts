/**
 * What an OMB lead is warned of before freezing a quarter's PMC update: that the quarter has not
 * ended (the update would miss what happens before its end), which targets have no highlights,
 * and which missed milestones carry no note explaining them. Warnings, not refusals: the lead may
 * publish anyway, having read them.
 */
import { formatDate } from '~/domain/portfolio/labels';
import type { QuarterBucket } from './quarter';

export interface PublishCheckInput {
  /** Today, as YYYY-MM-DD. */
  today: string;
  label: string;
  /** The quarter's last day, as YYYY-MM-DD. */
  end: string;
  programHighlights: boolean;
  portfolios: readonly {
    name: string;
    highlights: boolean;
    milestones: readonly { key: string; title: string; buckets: readonly QuarterBucket[] }[];
    annotations: Readonly<Record<string, string>>;
  }[];
}

export interface PublishWarning {
  kind: 'quarter_open' | 'no_highlights' | 'missed_without_note';
  text: string;
  /** What it names, one by one (portfolios, milestones). */
  items: string[];
}

export function publishWarnings(input: PublishCheckInput): PublishWarning[] {
  const warnings: PublishWarning[] = [];
  if (input.today <= input.end)
    warnings.push({
      kind: 'quarter_open',
      text: `${input.label} has not ended: it ends ${formatDate(input.end)}. Published now, the update will not show what happens until then.`,
      items: [],
    });
  const silent = [
    ...(input.programHighlights ? [] : ['The program']),
    ...input.portfolios.filter((p) => !p.highlights).map((p) => p.name),
  ];
  if (silent.length > 0)
    warnings.push({
      kind: 'no_highlights',
      text:
        silent.length === 1
          ? 'One part of the update has no highlights:'
          : `${silent.length} parts of the update have no highlights:`,
      items: silent,
    });
  const unexplained = input.portfolios.flatMap((p) =>
    p.milestones
      .filter((m) => m.buckets.includes('missed') && !(p.annotations[m.key] ?? '').trim())
      .map((m) => `${m.title} (${p.name})`),
  );
  if (unexplained.length > 0)
    warnings.push({
      kind: 'missed_without_note',
      text:
        unexplained.length === 1
          ? 'One missed milestone has no note saying why or what comes next:'
          : `${unexplained.length} missed milestones have no note saying why or what comes next:`,
      items: unexplained,
    });
  return warnings;
}
