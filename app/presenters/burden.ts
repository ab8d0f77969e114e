/**
 * Burden pages' view models: an assessment's rows and its exact figures (app/domain/burden/calc,
 * 5 CFR 1320.3(b)) turned into the strings and numbers its page, its item page and the
 * before-and-after comparison show. Pure: no database, no request.
 */
import {
  CATEGORIES,
  NO_TIME_TAX,
  totalMoney,
  type Burden,
  type PerPerson,
} from '~/domain/burden/calc';
import { compareAssessments, type BurdenChange } from '~/domain/burden/compare';
import {
  cents,
  dollars,
  hours,
  hoursNumber,
  percent,
  perPersonDollars,
  perPersonMinutes,
} from '~/domain/burden/display';
import { CATEGORY_LABELS } from '~/domain/burden/labels';
import { fromScaled, minutesText } from '~/domain/burden/units';
import { pluralize } from '~/domain/plural';
import type { Removal } from '~/domain/removal';
import type { AssessmentDetail } from '#db/queries/burden';

/** Hours and money of one row of a breakdown. */
export const burdenRow = (b: Burden) => ({
  hours: hours(b.time),
  hoursNumber: hoursNumber(b.time),
  timeMoney: dollars(b.timeMoney),
  outOfPocket: dollars(b.outOfPocket),
  total: dollars(totalMoney(b)),
  totalCents: cents(totalMoney(b)),
});

/** The time tax of one person, in minutes and dollars. */
export const perPersonView = (p: PerPerson) => ({
  minutes: perPersonMinutes(p),
  dollars: perPersonDollars(p),
});

/** What removing a segment takes away: its share, and its own figures on items. */
export const segmentRemoval = (s: { name: string; share: string; overrides: number }): Removal => ({
  what: `the segment “${s.name}”`,
  takes: [
    `its share of the people affected (${s.share}%), which goes back to the base figures`,
    ...(s.overrides > 0 ? [`its own figures on ${pluralize(s.overrides, 'item')}`] : []),
  ],
  confirm: 'Yes, remove the segment',
});

/** What removing an item takes away: the segments' own figures for it go with it. */
export const itemRemoval = (
  item: { description: string },
  segmentsWithFigures: string[],
): Removal => ({
  what: `the burden item “${item.description}”`,
  takes:
    segmentsWithFigures.length > 0
      ? [
          `its own figures for ${pluralize(segmentsWithFigures.length, 'segment')}: ${segmentsWithFigures.join(', ')}`,
        ]
      : [],
  confirm: 'Yes, remove the item',
});

/** An item's minutes as its row shows them: a psychological item's time-equivalent, if any. */
export function itemMinutes(i: {
  category: 'learning' | 'compliance' | 'psychological';
  seconds_per_occurrence: number;
  time_equivalent_seconds: number | null;
}): string {
  if (i.category !== 'psychological') return minutesText(i.seconds_per_occurrence);
  return i.time_equivalent_seconds === null
    ? '—'
    : `${minutesText(i.time_equivalent_seconds)} (estimate)`;
}

/** The assessment page: its totals, every breakdown, its items and segments. */
export function assessmentView(detail: AssessmentDetail) {
  const { assessment, items, segments, steps, wage, defaultWage, result, byStage } = detail;
  const stepTitle = new Map(steps.map((s) => [s.id, `${s.stage}: ${s.title}`]));
  return {
    assessment,
    wage: {
      cents: wage.wageCents,
      multiplier: wage.multiplierMilli,
      isDefault: assessment.wage_cents === null,
      defaultWage,
    },
    total: burdenRow(result.total),
    // Population-weighted: Σ segment share × segment figure, the base for the share no segment covers.
    perPerson: perPersonView(result.perPerson),
    weighted: result.bySegment.length > 0,
    byCategory: CATEGORIES.map((c) => ({
      category: c,
      ...burdenRow(result.byCategory[c]),
      perPerson: perPersonView(result.perPersonByCategory[c]),
    })),
    byStep: [...result.byStep.entries()].map(([id, b]) => ({
      id,
      title: id === null ? 'Not on a step' : (stepTitle.get(id) ?? 'Step removed'),
      ...burdenRow(b),
      perPerson: perPersonView(result.perPersonByStep.get(id) ?? NO_TIME_TAX),
    })),
    byStage: byStage.map((s) => ({
      stage: s.stage ?? 'Not on a step',
      ...burdenRow(s.burden),
      perPerson: perPersonView(s.perPerson),
    })),
    // Hours by stage and category, for the chart: each figure rounded from its exact sum.
    stageChart: byStage
      .filter((s) => s.burden.time > 0n)
      .map((s) => ({
        label: s.stage ?? 'Not on a step',
        values: CATEGORIES.map((c) => hoursNumber(s.byCategory[c].time)),
      })),
    // Each segment's own time tax, then everyone else (the base figures).
    bySegment: result.bySegment.map((s) => ({
      id: s.id,
      name: s.name,
      burden: burdenRow(s.burden),
      share: fromScaled(s.shareBp, 2),
      timePercent: s.timePercent,
      perPerson: perPersonView(s.perPerson),
    })),
    psychological: result.psychological,
    items: items.map((i) => ({
      id: i.id,
      category: i.category,
      description: i.description,
      step: i.step_id === null ? '—' : (stepTitle.get(i.step_id) ?? '—'),
      people: i.people_per_year.toLocaleString('en-US'),
      occurrences: fromScaled(i.occurrences_hundredths, 2),
      minutes: itemMinutes(i),
      oopPerOccurrence: dollars(BigInt(i.out_of_pocket_cents), 1n),
      ...burdenRow(result.byItem.get(i.id)!),
    })),
    segments: segments.map((s) => ({
      id: s.id,
      name: s.name,
      share: fromScaled(s.share_bp, 2),
      timePercent: s.time_percent,
      overrides: s.overrides.size,
    })),
    steps: steps.map((s) => ({ id: s.id, title: s.title, stage: s.stage })),
  };
}
export type AssessmentView = ReturnType<typeof assessmentView>;

type Item = AssessmentDetail['items'][number];

/** The item page: the item's form values, and each segment's own figures for it. */
export function itemPageView(detail: AssessmentDetail, item: Item) {
  const a = detail.assessment;
  return {
    // An archived assessment is read, not edited: the page says so and offers Restore (decision 024).
    archived: a.archived_at !== null,
    assessment: {
      id: a.id,
      title: a.title,
      version: a.version,
      portfolio_slug: a.portfolio_slug,
      portfolio_name: a.portfolio_name,
    },
    item,
    steps: detail.steps.map((s) => ({ id: s.id, title: s.title, stage: s.stage })),
    segments: detail.segments.map((s) => segmentFigures(s, item)),
  };
}

/** One segment's own figures for an item, and what it follows when it has none. */
export function segmentFigures(
  s: {
    id: number;
    name: string;
    time_percent: number;
    overrides: ReadonlyMap<
      number,
      { secondsPerOccurrence: number | null; outOfPocketCents: number | null }
    >;
  },
  item: { id: number; category: string; seconds_per_occurrence: number },
) {
  const o = s.overrides.get(item.id);
  // Without its own minutes, a segment takes its percentage of the item's: minutes × 1,000 is
  // seconds × percent / 6, whole for minutes typed with one decimal (6-second steps).
  const followed = fromScaled(Math.round((item.seconds_per_occurrence * s.time_percent) / 6), 3);
  return {
    id: s.id,
    name: s.name,
    followsBase:
      item.category === 'psychological'
        ? null
        : `Empty: ${s.time_percent}% of the item’s minutes, now ${followed} minutes.`,
    minutes: o?.secondsPerOccurrence == null ? '' : minutesText(o.secondsPerOccurrence),
    dollars: o?.outOfPocketCents == null ? '' : fromScaled(o.outOfPocketCents, 2),
  };
}

/** The item form's values as stored: minutes and dollars typed back as text. */
export function itemDefaults(i: Item) {
  return {
    category: i.category,
    description: i.description,
    stepId: i.step_id === null ? '' : String(i.step_id),
    peoplePerYear: String(i.people_per_year),
    occurrencesPerPerson: fromScaled(i.occurrences_hundredths, 2),
    minutesPerOccurrence:
      i.category === 'psychological' ? '' : minutesText(i.seconds_per_occurrence),
    outOfPocketDollars: i.out_of_pocket_cents ? fromScaled(i.out_of_pocket_cents, 2) : '',
    stress: i.stress === null ? '' : String(i.stress),
    stigma: i.stigma === null ? '' : String(i.stigma),
    frustration: i.frustration === null ? '' : String(i.frustration),
    autonomy: i.autonomy === null ? '' : String(i.autonomy),
    timeEquivalentMinutes:
      i.time_equivalent_seconds === null ? '' : minutesText(i.time_equivalent_seconds),
  };
}

/** One row of a before-and-after table: hours, money and the per-person time saved. */
export const changeRow = (c: BurdenChange) => ({
  beforeHours: hours(c.before.time),
  afterHours: hours(c.after.time),
  savedHours: hours(c.saved.time),
  savedHoursPct: percent(c.saved.time, c.before.time),
  beforeCost: dollars(totalMoney(c.before)),
  afterCost: dollars(totalMoney(c.after)),
  savedCost: dollars(totalMoney(c.saved)),
  savedCostPct: percent(totalMoney(c.saved), totalMoney(c.before)),
  savedMinutes: perPersonMinutes(c.perPersonSaved),
  savedMinutesPct: percent(c.perPersonSaved.time, c.perPersonBefore.time),
});

/** Steps are matched by their key, which a to-be journey keeps from its as-is. */
function stepsOf(d: AssessmentDetail) {
  const byId = new Map(
    d.steps.map((s) => [s.id, { key: s.step_key, title: `${s.stage}: ${s.title}` }]),
  );
  return (stepId: number | null) =>
    stepId === null
      ? { key: '', title: 'Not on a step' }
      : (byId.get(stepId) ?? { key: `gone-${stepId}`, title: 'Step removed' });
}

/** The comparison page: an assessment `b` (before) against `a` (after, its to-be). */
export function comparisonView(b: AssessmentDetail, a: AssessmentDetail) {
  const beforeSteps = stepsOf(b);
  const afterSteps = stepsOf(a);
  // The to-be's title of a step wins, where both have it.
  const titles = new Map(
    [
      ...[...b.result.byStep.keys()].map(beforeSteps),
      ...[...a.result.byStep.keys()].map(afterSteps),
    ].map((s) => [s.key, s.title]),
  );
  const comparison = compareAssessments(b.result, a.result, {
    before: (stepId) => beforeSteps(stepId).key,
    after: (stepId) => afterSteps(stepId).key,
  });
  return {
    before: {
      id: b.assessment.id,
      title: b.assessment.title,
      slug: b.assessment.portfolio_slug,
      portfolio: b.assessment.portfolio_name,
    },
    after: { id: a.assessment.id, title: a.assessment.title },
    total: changeRow(comparison.total),
    perPerson: {
      before: perPersonMinutes(comparison.total.perPersonBefore),
      after: perPersonMinutes(comparison.total.perPersonAfter),
      weighted: comparison.bySegment.length > 0,
    },
    // Each segment's own time tax before and after (a side without it: its base figures).
    bySegment: comparison.bySegment.map((s) => {
      const side = (x: { shareBp: number; timePercent: number } | null) =>
        x ? `${fromScaled(x.shareBp, 2)}%` : 'not a segment';
      return {
        key: s.key,
        name: s.name,
        share: `${side(s.before)} → ${side(s.after)}`,
        before: perPersonMinutes(s.perPersonBefore),
        after: perPersonMinutes(s.perPersonAfter),
        saved: perPersonMinutes(s.perPersonSaved),
        savedPct: percent(s.perPersonSaved.time, s.perPersonBefore.time),
        savedDollars: perPersonDollars(s.perPersonSaved),
        savedHours: s.saved ? hours(s.saved.time) : '—',
      };
    }),
    byCategory: CATEGORIES.map((c) => ({ category: c, ...changeRow(comparison.byCategory[c]) })),
    byStep: comparison.byStep.map((s) => ({
      key: s.key,
      title: titles.get(s.key) ?? '',
      ...changeRow(s.change),
    })),
    chart: CATEGORIES.flatMap((c) => [
      {
        label: `${CATEGORY_LABELS[c]}, before`,
        values: [hoursNumber(comparison.byCategory[c].before.time)],
      },
      {
        label: `${CATEGORY_LABELS[c]}, after`,
        values: [hoursNumber(comparison.byCategory[c].after.time)],
      },
    ]),
  };
}
export type ComparisonView = ReturnType<typeof comparisonView>;
