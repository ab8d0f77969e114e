/**
 * The rows of an ICR supporting statement's item 12 table (OMB Form 83-I instructions): for each
 * item, respondents × responses per respondent = total responses, × hours per response = total
 * hours, × hourly wage = cost. Out-of-pocket money is carried beside it (item 13), not multiplied.
 *
 * Every row adds up on its own. Where a segment spends its own time on an item, or is paid its own
 * wage, one row cannot hold a single "hours per response" and a single wage, so the item is split
 * into one row per segment (and one for everyone else), each with that share of the people. The
 * rows of an assessment add up exactly to its totals.
 */
import {
  add,
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

export interface IcrRow {
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
  /** Whole seconds (a psychological item's estimated time-equivalent). */
  secondsPerResponse: bigint;
  /** The loaded hourly wage, in 1/1,000 cent. */
  wage: bigint;
  /**
   * Time exactly `totalResponses × secondsPerResponse` (total responses are in 1/1,000,000, the
   * same as calc's TIME_PER_SECOND), monetized time exactly that × `wage`, and the out-of-pocket
   * money of the same people.
   */
  burden: Burden;
}

/** The seconds a row counts per response: an item's time, or a psychological time-equivalent. */
function secondsFor(item: BurdenItemInput, segment?: SegmentInput): number {
  if (item.category === 'psychological') return item.timeEquivalentSeconds ?? 0;
  return segment?.overrides.get(item.id)?.secondsPerOccurrence ?? item.secondsPerOccurrence;
}

const loaded = (wage: WageInput) => BigInt(wage.wageCents) * BigInt(wage.multiplierMilli);

/**
 * The item 12 rows of an assessment: one per item, or one per (item, segment) where a segment's
 * own minutes or wage differ from everyone else's. Shares, wages and overrides as in `assess`.
 */
export function icrRows(
  items: readonly BurdenItemInput[],
  wage: WageInput,
  segments: readonly SegmentInput[] = [],
): IcrRow[] {
  const covered = segments.reduce((sum, s) => sum + s.shareBp, 0);
  const groups = [
    ...segments.map((s) => ({
      name: s.name,
      shareBp: s.shareBp,
      wage: { ...wage, wageCents: s.wageCents ?? wage.wageCents },
      segment: s as SegmentInput | undefined,
    })),
    { name: EVERYONE_ELSE, shareBp: Math.max(0, 10_000 - covered), wage, segment: undefined },
  ].filter((g) => g.shareBp > 0);

  const rows: IcrRow[] = [];
  for (const item of items) {
    const seconds = secondsFor(item);
    const parts = groups.map((g) => ({
      ...g,
      seconds: secondsFor(item, g.segment),
      burden: itemBurden(item, g.shareBp, g.wage, g.segment?.overrides.get(item.id)),
    }));
    const split = parts.some((p) => p.seconds !== seconds || loaded(p.wage) !== loaded(wage));
    const row = (
      segment: string | null,
      shareBp: number,
      rowSeconds: number,
      rowWage: WageInput,
      burden: Burden,
    ): IcrRow => {
      const respondents = BigInt(item.peoplePerYear) * BigInt(shareBp);
      const responsesPerRespondent = BigInt(item.occurrencesHundredths);
      return {
        itemId: item.id,
        category: item.category,
        segment,
        respondents,
        responsesPerRespondent,
        totalResponses: respondents * responsesPerRespondent,
        secondsPerResponse: BigInt(rowSeconds),
        wage: loaded(rowWage),
        burden,
      };
    };
    if (split) {
      for (const p of parts) rows.push(row(p.name, p.shareBp, p.seconds, p.wage, p.burden));
    } else {
      rows.push(
        row(
          null,
          parts.reduce((sum, p) => sum + p.shareBp, 0),
          seconds,
          wage,
          parts.reduce((sum, p) => add(sum, p.burden), ZERO),
        ),
      );
    }
  }
  return rows;
}

/** The sum of ICR rows, for the table's total line (equal to the assessment's total). */
export function icrTotal(rows: readonly IcrRow[]): Burden {
  return rows.reduce((sum, r) => add(sum, r.burden), ZERO);
}
