/**
 * Holistic burden (A-11 280.12; OMB M-22-10; ICR supporting statements, item 12).
 *
 *   hours = respondents × responses per respondent × hours per response
 *   cost  = hours × hourly wage (× a loaded-wage multiplier, if any) + out-of-pocket money
 *
 * Out-of-pocket money is added, never multiplied by the wage. Everything is exact: inputs are
 * integers (people, hundredths of an occurrence, seconds, cents, basis points, thousandths) and
 * the arithmetic is BigInt over fixed denominators, so no total ever drifts. Rounding happens only
 * when a figure is displayed, in `display.ts`.
 *
 * Psychological costs (stress, stigma, frustration, loss of autonomy) are rated 1–5; they count
 * as time and money only where a time-equivalent was estimated.
 */

export type BurdenCategory = 'learning' | 'compliance' | 'psychological';
export const CATEGORIES: readonly BurdenCategory[] = ['learning', 'compliance', 'psychological'];

/** U.S. resident population, Census Bureau Vintage 2024 estimate for July 1, 2024. */
export const US_POPULATION = 340_110_988;
export const MINUTES_PER_YEAR = 525_600;

/**
 * True when one person's time on an item in a year, occurrences × seconds per occurrence (× a
 * segment's percentage of them), is more than a year has (525,600 minutes). Occurrences in
 * hundredths, seconds whole, the percentage whole.
 */
export function exceedsYear(
  occurrencesHundredths: number,
  secondsPerOccurrence: number,
  timePercent = 100,
): boolean {
  return (
    BigInt(occurrencesHundredths) * BigInt(secondsPerOccurrence) * BigInt(timePercent) >
    BigInt(MINUTES_PER_YEAR) * 60n * 100n * 100n
  );
}

/** The name of the share of people no segment covers. */
export const EVERYONE_ELSE = 'Everyone else';

export interface BurdenItemInput {
  id: number;
  category: BurdenCategory;
  stepId: number | null;
  peoplePerYear: number;
  /** Occurrences per person per year, in hundredths (1 = 100). */
  occurrencesHundredths: number;
  /** Time per occurrence, in seconds (learning, compliance; 0 for psychological). */
  secondsPerOccurrence: number;
  outOfPocketCents: number;
  /** Psychological only: the estimated time-equivalent per occurrence, in seconds. */
  timeEquivalentSeconds: number | null;
  ratings: {
    stress: number | null;
    stigma: number | null;
    frustration: number | null;
    autonomy: number | null;
  };
}

export interface SegmentInput {
  id: number;
  /** Kept by a to-be copy, so a segment can be matched with its as-is (null: match by name). */
  key?: string | null;
  name: string;
  /** Share of the people affected, in basis points (100% = 10,000). Segments do not overlap. */
  shareBp: number;
  /** The segment's own wage, in cents per hour; null uses the assessment's. */
  wageCents: number | null;
  /**
   * The segment's time on every learning and compliance item as a whole percentage of the base
   * item's (100 = the same, 160 = 60% more, 80 = 20% less); absent means 100. It follows the base
   * item, so an edit to the item carries into the segment. An override's own minutes win.
   */
  timePercent?: number;
  /** Item id → the segment's own time or money where they differ. */
  overrides: ReadonlyMap<
    number,
    { secondsPerOccurrence: number | null; outOfPocketCents: number | null }
  >;
}

export interface WageInput {
  /** Hourly wage, in cents. */
  wageCents: number;
  /** Loaded-wage multiplier in thousandths (1.6 = 1,600; none = 1,000). */
  multiplierMilli: number;
}

/**
 * An exact amount of burden. Time is in units of 1/100,000,000 second (people carry basis points,
 * occurrences hundredths, and time per occurrence hundredths of a second, so a segment's whole
 * percentage of an item's seconds stays exact); money in units of 1/MONEY_PER_CENT cent.
 */
export interface Burden {
  time: bigint;
  /** The monetized time (time × wage). */
  timeMoney: bigint;
  outOfPocket: bigint;
}

/** Time per occurrence is counted in hundredths of a second (seconds × a whole percentage). */
export const PER_OCCURRENCE_PER_SECOND = 100n;
/** Occurrences are people × basis points × hundredths. */
export const OCCURRENCES_PER_ONE = 1_000_000n;
export const TIME_PER_SECOND = OCCURRENCES_PER_ONE * PER_OCCURRENCE_PER_SECOND;
export const MONEY_PER_CENT = TIME_PER_SECOND * 3_600n * 1_000n; // per hour, per thousandth of the multiplier

export const ZERO: Burden = { time: 0n, timeMoney: 0n, outOfPocket: 0n };

export function add(a: Burden, b: Burden): Burden {
  return {
    time: a.time + b.time,
    timeMoney: a.timeMoney + b.timeMoney,
    outOfPocket: a.outOfPocket + b.outOfPocket,
  };
}

export function subtract(a: Burden, b: Burden): Burden {
  return {
    time: a.time - b.time,
    timeMoney: a.timeMoney - b.timeMoney,
    outOfPocket: a.outOfPocket - b.outOfPocket,
  };
}

export const totalMoney = (b: Burden): bigint => b.timeMoney + b.outOfPocket;

/** The part of a segment `itemBurden` reads: its time percentage and its own figures per item. */
export type SegmentFigures = Pick<SegmentInput, 'timePercent' | 'overrides'>;

/**
 * The time an item counts per occurrence for a segment (or for everyone else, with none), in
 * hundredths of a second: a psychological time-equivalent; else the segment's own minutes for
 * the item where given; else the base item's seconds × the segment's percentage (M-22-10).
 */
export function countedHundredthSeconds(item: BurdenItemInput, segment?: SegmentFigures): number {
  if (item.category === 'psychological') return (item.timeEquivalentSeconds ?? 0) * 100;
  const own = segment?.overrides.get(item.id)?.secondsPerOccurrence;
  if (own !== null && own !== undefined) return own * 100;
  return item.secondsPerOccurrence * (segment?.timePercent ?? 100);
}

/** The out-of-pocket cents an item costs a segment per occurrence: its own, else the item's. */
export function countedCents(item: BurdenItemInput, segment?: SegmentFigures): number {
  return segment?.overrides.get(item.id)?.outOfPocketCents ?? item.outOfPocketCents;
}

/**
 * The burden of one item on a share of its people (basis points), with the wage given and the
 * segment's time and money (its percentage of the base time, or its own figures) where they differ.
 */
export function itemBurden(
  item: BurdenItemInput,
  shareBp: number,
  wage: WageInput,
  segment?: SegmentFigures,
): Burden {
  const occurrences =
    BigInt(item.peoplePerYear) * BigInt(shareBp) * BigInt(item.occurrencesHundredths);
  const time = occurrences * BigInt(countedHundredthSeconds(item, segment));
  const timeMoney = time * BigInt(wage.wageCents) * BigInt(wage.multiplierMilli);
  const outOfPocket =
    occurrences * BigInt(countedCents(item, segment)) * (MONEY_PER_CENT / OCCURRENCES_PER_ONE);
  return { time, timeMoney, outOfPocket };
}

export interface SegmentResult {
  /** null for everyone else: the share no segment covers, at the base figures. */
  id: number | null;
  key: string | null;
  name: string;
  shareBp: number;
  /** 100 for everyone else. */
  timePercent: number;
  burden: Burden;
  /** The time tax on one person of this segment (not weighted). */
  perPerson: PerPerson;
}

export interface AssessmentResult {
  total: Burden;
  byCategory: Record<BurdenCategory, Burden>;
  /** Step id (or null: not on a step) → burden. */
  byStep: Map<number | null, Burden>;
  byItem: Map<number, Burden>;
  /** Per segment, and "everyone else" (id null) for the share no segment covers. */
  bySegment: SegmentResult[];
  /**
   * The per-person time tax, population-weighted: Σ segment share × the segment's figure, the
   * base figures counting for the share no segment covers (docs/rules.md#holistic-burden).
   */
  perPerson: PerPerson;
  /** The time tax on one person in no segment: the base items' own figures. */
  basePerPerson: PerPerson;
  /** The weighted time tax split by category, by step and by item (they add up to `perPerson`). */
  perPersonByCategory: Record<BurdenCategory, PerPerson>;
  perPersonByStep: Map<number | null, PerPerson>;
  perPersonByItem: Map<number, PerPerson>;
  psychological: {
    items: number;
    averages: Record<'stress' | 'stigma' | 'frustration' | 'autonomy', number | null>;
  };
}

/**
 * The "time tax" on one person who goes through every item as often as the item says in a year:
 * Σ occurrences per person × time per occurrence, and the same in money (monetized time plus
 * out-of-pocket). It is worked out as the burden of one person (split into the segments' shares
 * when weighted), so it is in the same exact units as `Burden`: time per TIME_PER_SECOND, money
 * per MONEY_PER_CENT.
 */
export interface PerPerson {
  time: bigint;
  money: bigint;
}
export const PER_PERSON_TIME_PER_SECOND = TIME_PER_SECOND;
export const PER_PERSON_MONEY_PER_CENT = MONEY_PER_CENT;

export const NO_TIME_TAX: PerPerson = { time: 0n, money: 0n };

export function addPerPerson(a: PerPerson, b: PerPerson): PerPerson {
  return { time: a.time + b.time, money: a.money + b.money };
}

export function subtractPerPerson(a: PerPerson, b: PerPerson): PerPerson {
  return { time: a.time - b.time, money: a.money - b.money };
}

/** One item's time tax on a share (basis points) of one person: exact, never divided. */
function itemPerPerson(
  item: BurdenItemInput,
  shareBp: number,
  wage: WageInput,
  segment?: SegmentFigures,
): PerPerson {
  const b = itemBurden({ ...item, peoplePerYear: 1 }, shareBp, wage, segment);
  return { time: b.time, money: totalMoney(b) };
}

/** A group of people with one set of figures: a segment, or everyone else (no segment). */
interface Group {
  segment: SegmentInput | undefined;
  shareBp: number;
  wage: WageInput;
}

/** The segments and everyone else, with each one's wage (a segment's own, or the assessment's). */
function groupsOf(wage: WageInput, segments: readonly SegmentInput[]): Group[] {
  const covered = segments.reduce((s, seg) => s + seg.shareBp, 0);
  return [
    ...segments.map((seg) => ({
      segment: seg,
      shareBp: seg.shareBp,
      wage: { ...wage, wageCents: seg.wageCents ?? wage.wageCents },
    })),
    { segment: undefined, shareBp: Math.max(0, 10_000 - covered), wage },
  ];
}

/**
 * The population-weighted time tax per person (docs/rules.md#holistic-burden): Σ over the
 * segments and everyone else of share × that group's time tax, exact. 82% at 130 minutes and 18%
 * at 205 minutes is 106.6 + 36.9 = 143.5 minutes.
 */
export function weightedPerPerson(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[] = [],
): PerPerson {
  let sum = NO_TIME_TAX;
  for (const g of groupsOf(wage, segments))
    for (const item of items)
      sum = addPerPerson(sum, itemPerPerson(item, g.shareBp, g.wage, g.segment));
  return sum;
}

/** The time tax on one person of a group (a segment, or none: the base), not weighted. */
function groupPerPerson(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segment?: SegmentInput,
): PerPerson {
  return items.reduce(
    (sum, item) => addPerPerson(sum, itemPerPerson(item, 10_000, wage, segment)),
    NO_TIME_TAX,
  );
}

/** Burden of an assessment: totals by category, step, item and segment, and per person. */
export function assess(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[] = [],
): AssessmentResult {
  const byCategory = { learning: ZERO, compliance: ZERO, psychological: ZERO } as Record<
    BurdenCategory,
    Burden
  >;
  const byStep = new Map<number | null, Burden>();
  const byItem = new Map<number, Burden>();
  const perPersonByCategory = {
    learning: NO_TIME_TAX,
    compliance: NO_TIME_TAX,
    psychological: NO_TIME_TAX,
  } as Record<BurdenCategory, PerPerson>;
  const perPersonByStep = new Map<number | null, PerPerson>();
  const perPersonByItem = new Map<number, PerPerson>();
  const groups = groupsOf(wage, segments);
  const groupTotals = groups.map(() => ZERO);
  let total = ZERO;
  let weighted = NO_TIME_TAX;
  for (const item of items) {
    let b = ZERO;
    let p = NO_TIME_TAX;
    groups.forEach((g, i) => {
      const gb = itemBurden(item, g.shareBp, g.wage, g.segment);
      groupTotals[i] = add(groupTotals[i]!, gb);
      b = add(b, gb);
      p = addPerPerson(p, itemPerPerson(item, g.shareBp, g.wage, g.segment));
    });
    byItem.set(item.id, b);
    byCategory[item.category] = add(byCategory[item.category], b);
    byStep.set(item.stepId, add(byStep.get(item.stepId) ?? ZERO, b));
    total = add(total, b);
    weighted = addPerPerson(weighted, p);
    perPersonByItem.set(item.id, p);
    perPersonByCategory[item.category] = addPerPerson(perPersonByCategory[item.category], p);
    perPersonByStep.set(
      item.stepId,
      addPerPerson(perPersonByStep.get(item.stepId) ?? NO_TIME_TAX, p),
    );
  }
  const psych = items.filter((i) => i.category === 'psychological');
  const avg = (key: keyof BurdenItemInput['ratings']) => {
    const values = psych.map((i) => i.ratings[key]).filter((v): v is number => v !== null);
    return values.length === 0
      ? null
      : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  };
  const basePerPerson = groupPerPerson(items, wage);
  return {
    total,
    byCategory,
    byStep,
    byItem,
    bySegment:
      segments.length === 0
        ? []
        : groups.map((g, i) => ({
            id: g.segment?.id ?? null,
            key: g.segment ? (g.segment.key ?? null) : null,
            name: g.segment?.name ?? EVERYONE_ELSE,
            shareBp: g.shareBp,
            timePercent: g.segment?.timePercent ?? 100,
            burden: groupTotals[i]!,
            perPerson: g.segment ? groupPerPerson(items, g.wage, g.segment) : basePerPerson,
          })),
    perPerson: weighted,
    basePerPerson,
    perPersonByCategory,
    perPersonByStep,
    perPersonByItem,
    psychological: {
      items: psych.length,
      averages: {
        stress: avg('stress'),
        stigma: avg('stigma'),
        frustration: avg('frustration'),
        autonomy: avg('autonomy'),
      },
    },
  };
}

/** Savings of `after` against `before` (positive = less burden), in total and by key. */
export function savings(before: Burden, after: Burden): Burden {
  return subtract(before, after);
}

/**
 * The total of an assessment without segments, from two exact sums over its items:
 * Σ people × occurrences (hundredths) × counted seconds, and Σ people × occurrences × cents.
 * Equal to `assess(...).total` for the same items (a property test); lets the portfolio rollup
 * sum in the database instead of loading every item.
 */
export function burdenFromSums(timeSum: bigint, outOfPocketSum: bigint, wage: WageInput): Burden {
  const time = timeSum * 10_000n * PER_OCCURRENCE_PER_SECOND;
  return {
    time,
    timeMoney: time * BigInt(wage.wageCents) * BigInt(wage.multiplierMilli),
    outOfPocket: outOfPocketSum * 10_000n * (MONEY_PER_CENT / OCCURRENCES_PER_ONE),
  };
}

/** Burden in one journey stage: hours and money, split by category, and the weighted time tax. */
export interface StageBurden {
  /** The stage's name; null for items on no step (or on a step the mapping does not know). */
  stage: string | null;
  burden: Burden;
  byCategory: Record<BurdenCategory, Burden>;
  perPerson: PerPerson;
}

/**
 * Burden by journey stage, summed exactly from the items' own figures (segments included).
 * `stageOfStep` maps each step id to its stage's name, in the journey's order; stages come out in
 * that order, followed by items on no step. Only stages with at least one item are listed.
 */
export function burdenByStage(
  items: readonly Pick<BurdenItemInput, 'id' | 'category' | 'stepId'>[],
  result: Pick<AssessmentResult, 'byItem' | 'perPersonByItem'>,
  stageOfStep: ReadonlyMap<number, string>,
): StageBurden[] {
  const stages = new Map<string | null, StageBurden>(
    [...new Set(stageOfStep.values()), null].map((stage) => [
      stage,
      {
        stage,
        burden: ZERO,
        byCategory: { learning: ZERO, compliance: ZERO, psychological: ZERO },
        perPerson: NO_TIME_TAX,
      },
    ]),
  );
  const used = new Set<string | null>();
  for (const item of items) {
    const key = item.stepId === null ? null : (stageOfStep.get(item.stepId) ?? null);
    const s = stages.get(key)!;
    const b = result.byItem.get(item.id) ?? ZERO;
    s.burden = add(s.burden, b);
    s.byCategory[item.category] = add(s.byCategory[item.category], b);
    s.perPerson = addPerPerson(s.perPerson, result.perPersonByItem.get(item.id) ?? NO_TIME_TAX);
    used.add(key);
  }
  return [...stages.values()].filter((s) => used.has(s.stage));
}

/**
 * A 0–4 heat level per step, in fifths of the worst step's hours: below 20% of the worst is 0,
 * 80% or more is 4. Compared exactly; steps with no time are 0. Items on no step are left out.
 */
export function heatLevels(byStep: ReadonlyMap<number | null, Burden>): Map<number, number> {
  let worst = 0n;
  for (const [stepId, b] of byStep) if (stepId !== null && b.time > worst) worst = b.time;
  const levels = new Map<number, number>();
  for (const [stepId, b] of byStep) {
    if (stepId === null) continue;
    const fifths = worst === 0n || b.time <= 0n ? 0n : (b.time * 5n) / worst;
    levels.set(stepId, Number(fifths > 4n ? 4n : fifths));
  }
  return levels;
}
