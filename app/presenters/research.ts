/**
 * Research pages' view models: a research activity with its PRA collection, and a portfolio's
 * PRA status page (A-11 280.8: nine or fewer members of the public in 12 months), from the rows
 * and the status the reads return. Pure: no database, no request.
 */
import { planningCheck } from '~/domain/pra/rules';
import { expiringClearances } from '~/domain/pra/labels';
import { pluralize } from '~/domain/plural';
import { formatDate } from '~/domain/portfolio/labels';
import type { Removal } from '~/domain/removal';
import { PlanningSchema } from '~/schemas/research';
import type { PraStatusResult } from '#db/queries/research';

/** What removing a session takes away: its participants, who stop counting for the PRA. */
export const sessionRemoval = (s: {
  held_on: string;
  participants: { code: string; category: string }[];
}): Removal => ({
  what: `the session of ${formatDate(s.held_on)}`,
  takes:
    s.participants.length > 0
      ? [
          `its ${pluralize(s.participants.length, 'participant')} (${s.participants.map((p) => p.code).join(', ')}), who no longer count toward the Paperwork Reduction Act limit`,
        ]
      : [],
  confirm: 'Yes, remove the session',
});

/** A session's participant codes of one category, or a dash. */
export const codesOf = (participants: { code: string; category: string }[], category: string) =>
  participants
    .filter((p) => p.category === category)
    .map((p) => p.code)
    .join(', ') || '—';

/**
 * An activity's place in its portfolio's PRA status: the report of the collection it counts in,
 * the other activities counted with it, and the clearances it could still be attached to.
 */
export function activityPraView<C extends { id: number }>(
  activityId: number,
  status: Pick<PraStatusResult, 'reports' | 'rows'>,
  linked: readonly { id: number }[],
  allClearances: readonly C[],
) {
  const report = status.reports.find((r) => r.activityIds.includes(activityId)) ?? null;
  return {
    otherClearances: allClearances.filter((c) => !linked.some((l) => l.id === c.id)),
    report,
    grouped: report
      ? status.rows.filter((r) => report.activityIds.includes(r.id) && r.id !== activityId)
      : [],
  };
}

/** How many activities a collection names; the rest are a count. */
export const ACTIVITIES_SHOWN = 5;

/**
 * The PRA status page: each collection (its first few activities named), and the clearances
 * expired or expiring within 90 days with how many activities they cover.
 */
export function praStatusView(
  status: Pick<PraStatusResult, 'rows' | 'reports' | 'clearances' | 'activities' | 'settings'>,
  today: string,
) {
  const titles = new Map(
    status.rows.map((r) => [r.id, { title: r.title, project: r.project_name }]),
  );
  return {
    today,
    settings: status.settings,
    // Each collection names its first few activities; the rest are a count (a large portfolio
    // has hundreds, all reachable from their projects).
    collections: status.reports.map((r) => ({
      key: r.activityIds.join('-'),
      status: r.status,
      count: r.count,
      explanation: r.explanation,
      activities: r.activityIds
        .slice(0, ACTIVITIES_SHOWN)
        .map((id) => ({ id, ...titles.get(id)! })),
      more: Math.max(0, r.activityIds.length - ACTIVITIES_SHOWN),
    })),
    clearances: status.clearances,
    expiring: expiringClearances(status.clearances, today).map((c) => ({
      ...c,
      activities: status.activities.filter((a) => a.clearanceIds.includes(c.id)).length,
    })),
  };
}

type ActivityRow = { id: number; title: string; project_name: string };
type Choices = { project: string; activities: { id: number; title: string }[] }[];

/** Choices already sorted, by the rows of a kept PRA status (db/cache.ts); read, never changed. */
const sortedChoices = new WeakMap<readonly ActivityRow[], Choices>();

/** The planning check's choice of activity: under their projects, each in name order. */
function choicesByProject(rows: readonly ActivityRow[]): Choices {
  let choices = sortedChoices.get(rows);
  if (!choices) sortedChoices.set(rows, (choices = sortChoices(rows)));
  return choices;
}

function sortChoices(rows: readonly ActivityRow[]): Choices {
  const byProject = new Map<string, { id: number; title: string }[]>();
  for (const r of [...rows].sort((a, b) => a.title.localeCompare(b.title))) {
    let list = byProject.get(r.project_name);
    if (!list) byProject.set(r.project_name, (list = []));
    list.push({ id: r.id, title: r.title });
  }
  return [...byProject]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([project, activities]) => ({ project, activities }));
}

/** The planning check's word for an activity that is not one of the portfolio's. */
export const CHOOSE_ACTIVITY = 'Choose an activity from the list.';

/**
 * The planning check, "can we talk to N more people about this?", from the GET form's query:
 * the activities to choose from, and nothing asked, the answer, or the form's errors by field.
 */
export function planningView(
  status: Pick<PraStatusResult, 'rows' | 'activities' | 'clearanceMap' | 'settings'>,
  search: URLSearchParams,
  today: string,
) {
  const input = {
    activity: search.get('activity') ?? '',
    n: search.get('n') ?? '',
    date: search.get('date') ?? today,
  };
  let plan: {
    n: number;
    answer: { allowed: boolean; remaining: number | null; explanation: string };
  } | null = null;
  let errors: Record<string, string[]> = {};
  if (search.has('activity')) {
    const parsed = PlanningSchema.safeParse({
      activity: search.get('activity'),
      n: search.get('n'),
      date: search.get('date') || today,
    });
    if (parsed.success && !status.rows.some((r) => r.id === parsed.data.activity)) {
      errors = { activity: [CHOOSE_ACTIVITY] };
    } else if (parsed.success) {
      const answer = planningCheck(status.activities, status.clearanceMap, status.settings, {
        activityId: parsed.data.activity,
        date: parsed.data.date,
        n: parsed.data.n,
      });
      plan = {
        n: parsed.data.n,
        answer: {
          ...answer,
          remaining: Number.isFinite(answer.remaining) ? answer.remaining : null,
        },
      };
    } else {
      errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]]));
    }
  }
  return {
    activityChoices: choicesByProject(status.rows),
    plan,
    planErrors: errors,
    planInput: input,
  };
}
