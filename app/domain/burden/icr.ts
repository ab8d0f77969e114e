/**
 * The tables of an ICR supporting statement (OMB Form 83-I instructions; 5 CFR 1320.3(b)):
 *
 * - Item 12, the hour burden of responding: learning and compliance time. For each item,
 *   respondents × responses per respondent = total responses, × hours per response = total
 *   hours, × hourly wage = the cost of that time.
 * - Item 13, the cost burden beyond that time: out-of-pocket money (fees, postage, copies,
 *   travel), added, never multiplied by a wage.
 * - Psychological costs (stress, stigma, frustration, loss of autonomy) are not burden under the
 *   Paperwork Reduction Act: they belong in neither total. The workspace lists them beside the
 *   two tables, labelled, where a time-equivalent was estimated.
 *
 * Every row adds up on its own. Where a segment spends its own time on an item (its own minutes,
 * or a percentage of the base item's), or is paid its own wage, one row cannot hold a single
 * "hours per response" and a single wage, so the item is split into one row per segment (and one
 * for everyone else), each with that share of the people. Item 12, item 13 and the psychological
 * rows together add up exactly to the assessment's totals.
 */
import {
  add,
  countedCents,
  countedHundredthSeconds,
  EVERYONE_ELSE,
  itemBurden,
  ZERO,
  type Burden,
  type BurdenCategory,
  type BurdenItemInput,
  type SegmentInput,
  type WageInput,
} from './calc';

/** Respondents are counted in 1/10,000 of a person: people × a share in basis points. */
export const RESPONDENTS_PER_PERSON = 10_000n;
/** Responses per respondent are in hundredths, as occurrences are stored. */
export const RESPONSES_PER_RESPONSE = 100n;
/** Total responses: respondents (1/10,000) × responses per respondent (1/100). */
export const TOTAL_RESPONSES_PER_RESPONSE = RESPONDENTS_PER_PERSON * RESPONSES_PER_RESPONSE;
/** A loaded wage is wage cents × the multiplier in thousandths: 1/1,000 cent an hour. */
export const WAGE_PER_CENT = 1_000n;
/** Time per response is in hundredths of a second (a segment's percentage of whole seconds). */
export const PER_RESPONSE_PER_SECOND = 100n;

interface RowBase {
  itemId: number;
  category: BurdenCategory;
  /** The segment this row covers (or "Everyone else"); null when it covers all the item's people. */
  segment: string | null;
  /** In 1/10,000 of a person. */
  respondents: bigint;
  /** In hundredths. */
  responsesPerRespondent: bigint;
  /** respondents × responses per respondent, in 1/1,000,000 of a response. */
  totalResponses: bigint;
}

/** A row of time: item 12 (learning, compliance) or the psychological list beside it. */
export interface IcrRow extends RowBase {
  /** Hundredths of a second per response (a psychological item's estimated time-equivalent). */
  hundredthSecondsPerResponse: bigint;
  /** The loaded hourly wage, in 1/1,000 cent. */
  wage: bigint;
  /**
   * Time exactly `totalResponses × hundredthSecondsPerResponse` (calc's TIME_PER_SECOND units),
   * monetized time exactly that × `wage`. Out-of-pocket money is 0 here: it is item 13's.
   */
  burden: Burden;
}

/** A row of item 13: out-of-pocket money, per response and in total. */
export interface IcrCostRow extends RowBase {
  /** Cents per response. */
  centsPerResponse: bigint;
  /** Exactly `totalResponses × centsPerResponse`, in calc's MONEY_PER_CENT units. */
  cost: bigint;
}

const loaded = (wage: WageInput) => BigInt(wage.wageCents) * BigInt(wage.multiplierMilli);

interface Group {
  name: string;
  shareBp: number;
  wage: WageInput;
  segment: SegmentInput | undefined;
}

function groupsOf(wage: WageInput, segments: readonly SegmentInput[]): Group[] {
  const covered = segments.reduce((sum, s) => sum + s.shareBp, 0);
  return [
    ...segments.map((s) => ({
      name: s.name,
      shareBp: s.shareBp,
      wage: { ...wage, wageCents: s.wageCents ?? wage.wageCents },
      segment: s as SegmentInput | undefined,
    })),
    { name: EVERYONE_ELSE, shareBp: Math.max(0, 10_000 - covered), wage, segment: undefined },
  ].filter((g) => g.shareBp > 0);
}

function base(item: BurdenItemInput, segment: string | null, shareBp: number): RowBase {
  const respondents = BigInt(item.peoplePerYear) * BigInt(shareBp);
  const responsesPerRespondent = BigInt(item.occurrencesHundredths);
  return {
    itemId: item.id,
    category: item.category,
    segment,
    respondents,
    responsesPerRespondent,
    totalResponses: respondents * responsesPerRespondent,
  };
}

const timeOnly = (b: Burden): Burden => ({ ...b, outOfPocket: 0n });

/**
 * The rows of time of an assessment's items: one per item, or one per (item, segment) where a
 * segment's time or wage differs from everyone else's. Out-of-pocket money is left out (item 13).
 */
export function icrRows(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[] = [],
): IcrRow[] {
  const groups = groupsOf(wage, segments);
  const rows: IcrRow[] = [];
  for (const item of items) {
    const time = countedHundredthSeconds(item);
    const parts = groups.map((g) => ({
      ...g,
      time: countedHundredthSeconds(item, g.segment),
      burden: timeOnly(itemBurden(item, g.shareBp, g.wage, g.segment)),
    }));
    const row = (
      segment: string | null,
      shareBp: number,
      rowTime: number,
      rowWage: WageInput,
      burden: Burden,
    ): IcrRow => ({
      ...base(item, segment, shareBp),
      hundredthSecondsPerResponse: BigInt(rowTime),
      wage: loaded(rowWage),
      burden,
    });
    if (parts.some((p) => p.time !== time || loaded(p.wage) !== loaded(wage))) {
      for (const p of parts) rows.push(row(p.name, p.shareBp, p.time, p.wage, p.burden));
    } else {
      const shareBp = parts.reduce((sum, p) => sum + p.shareBp, 0);
      rows.push(row(null, shareBp, time, wage, icrTotal(parts)));
    }
  }
  return rows;
}

/**
 * Item 13 rows: the out-of-pocket money of learning and compliance items, one per item with any,
 * or one per (item, segment) where a segment's own money per occurrence differs.
 */
export function icrCostRows(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[] = [],
): IcrCostRow[] {
  const groups = groupsOf(wage, segments);
  const rows: IcrCostRow[] = [];
  for (const item of items) {
    if (item.category === 'psychological') continue;
    const cents = countedCents(item);
    const parts = groups.map((g) => ({
      ...g,
      cents: countedCents(item, g.segment),
      cost: itemBurden(item, g.shareBp, g.wage, g.segment).outOfPocket,
    }));
    if (parts.every((p) => p.cents === 0)) continue;
    const row = (segment: string | null, shareBp: number, c: number, cost: bigint) => ({
      ...base(item, segment, shareBp),
      centsPerResponse: BigInt(c),
      cost,
    });
    if (parts.some((p) => p.cents !== cents)) {
      for (const p of parts) rows.push(row(p.name, p.shareBp, p.cents, p.cost));
    } else {
      const shareBp = parts.reduce((sum, p) => sum + p.shareBp, 0);
      rows.push(
        row(
          null,
          shareBp,
          cents,
          parts.reduce((sum, p) => sum + p.cost, 0n),
        ),
      );
    }
  }
  return rows;
}

export interface IcrSections {
  /** Item 12: learning and compliance time (rows with no time at all are left to item 13). */
  hourBurden: IcrRow[];
  hourBurdenTotal: Burden;
  /** Item 13: out-of-pocket money of learning and compliance items. */
  costBurden: IcrCostRow[];
  costBurdenTotal: bigint;
  /** Psychological time-equivalents and money: shown, in no PRA total. */
  psychological: IcrRow[];
  /** A psychological item's own out-of-pocket money, by item id (also in no PRA total). */
  psychologicalOutOfPocket: Map<number, bigint>;
}

/**
 * An assessment split as an ICR supporting statement needs it: item 12 (hours of learning and
 * compliance time, and their cost at the wage), item 13 (out-of-pocket money), and psychological
 * costs apart, in neither total (5 CFR 1320.3(b); docs/rules.md#holistic-burden).
 */
export function icrSections(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[] = [],
): IcrSections {
  const praItems = items.filter((i) => i.category !== 'psychological');
  const psych = items.filter((i) => i.category === 'psychological');
  const timeRows = icrRows(praItems, wage, segments);
  const withTime = new Set(timeRows.filter((r) => r.burden.time > 0n).map((r) => r.itemId));
  const costBurden = icrCostRows(praItems, wage, segments);
  const hourBurden = timeRows.filter(
    (r) => withTime.has(r.itemId) || !costBurden.some((c) => c.itemId === r.itemId),
  );
  const groups = groupsOf(wage, segments);
  return {
    hourBurden,
    hourBurdenTotal: icrTotal(hourBurden),
    costBurden,
    costBurdenTotal: costBurden.reduce((sum, r) => sum + r.cost, 0n),
    psychological: icrRows(psych, wage, segments),
    psychologicalOutOfPocket: new Map(
      psych.map((item) => [
        item.id,
        groups.reduce(
          (sum, g) => sum + itemBurden(item, g.shareBp, g.wage, g.segment).outOfPocket,
          0n,
        ),
      ]),
    ),
  };
}

/** The sum of rows of time, for a table's total line. */
export function icrTotal(rows: readonly { burden: Burden }[]): Burden {
  return rows.reduce((sum, r) => add(sum, r.burden), ZERO);
}
