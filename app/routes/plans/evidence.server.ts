import { savings, totalMoney } from '~/domain/burden/calc';
import { dollars, hours, percent } from '~/domain/burden/display';
import { STATUS_LABELS as PRA_STATUS } from '~/domain/pra/labels';
import { SCORE_LABELS } from '~/domain/journey/types';
import type { DB } from '#db/client';
import { getAssessment } from '#db/queries/burden';
import { portfolioPraStatus } from '#db/queries/research';

export interface CitationView {
  id: number;
  section: number;
  note: string;
  label: string;
  href: string;
  /** The current figures, computed when the plan is read. */
  figures: string;
}

/** The plan's citations with the figures they cite as they are today. */
export async function citationViews(
  db: DB,
  portfolioId: number,
  citations: { id: number; section: number; kind: string; ref_id: number; note: string }[],
): Promise<CitationView[]> {
  if (citations.length === 0) return [];
  const today = new Date().toISOString().slice(0, 10);
  const pra = citations.some((c) => c.kind === 'research_activity')
    ? await portfolioPraStatus(db, portfolioId, today)
    : null;
  const out: CitationView[] = [];
  for (const c of citations) {
    if (c.kind === 'journey_step') {
      const step = await db
        .selectFrom('journey_steps as s')
        .innerJoin('journey_maps as m', 'm.id', 's.map_id')
        .select(['s.title', 's.score', 's.pain_points', 'm.id as map_id', 'm.title as map_title'])
        .where('s.id', '=', c.ref_id)
        .executeTakeFirst();
      if (!step) continue;
      out.push({
        id: c.id,
        section: c.section,
        note: c.note,
        label: `${step.map_title}: ${step.title}`,
        href: `/journeys/${step.map_id}`,
        figures: `Experience score ${SCORE_LABELS[step.score]}. Pain points: ${step.pain_points}`,
      });
    } else if (c.kind === 'research_activity') {
      const row = pra?.rows.find((r) => r.id === c.ref_id);
      const report = pra?.reports.find((r) => r.activityIds.includes(c.ref_id));
      if (!row) continue;
      out.push({
        id: c.id,
        section: c.section,
        note: c.note,
        label: `${row.title} (${row.project_name})`,
        href: `/research/${row.id}`,
        figures: report
          ? `PRA: ${PRA_STATUS[report.status]}; ${report.count} ${report.count === 1 ? 'member' : 'members'} of the public counted.`
          : '',
      });
    } else {
      const after = await getAssessment(db, c.ref_id);
      const before = after?.assessment.baseline_id
        ? await getAssessment(db, after.assessment.baseline_id)
        : undefined;
      if (!after || !before) continue;
      const s = savings(before.result.total, after.result.total);
      out.push({
        id: c.id,
        section: c.section,
        note: c.note,
        label: after.assessment.title,
        href: `/burden/compare?before=${before.assessment.id}&after=${after.assessment.id}`,
        figures: `Saves ${hours(s.time)} hours (${percent(s.time, before.result.total.time)}) and ${dollars(totalMoney(s))} a year against ${before.assessment.title}.`,
      });
    }
  }
  return out;
}
