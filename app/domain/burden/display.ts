/**
 * The one place burden figures are rounded, for display and export. Halves round away from zero.
 */
import {
  MONEY_PER_CENT,
  PER_PERSON_MONEY_PER_CENT,
  PER_PERSON_TIME_PER_SECOND,
  TIME_PER_SECOND,
  totalMoney,
  type Burden,
  type PerPerson,
} from './calc';
import {
  PER_RESPONSE_PER_SECOND,
  RESPONDENTS_PER_PERSON,
  RESPONSES_PER_RESPONSE,
  TOTAL_RESPONSES_PER_RESPONSE,
  WAGE_PER_CENT,
  type IcrCostRow,
  type IcrRow,
} from './icr';

/** a / b rounded to the nearest integer, halves away from zero. */
export function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r * 2n >= b) return q + 1n;
  if (r * 2n <= -b) return q - 1n;
  return q;
}

/** Hours with two decimals, as a string: "650.00". */
export function hours(time: bigint, perSecond = TIME_PER_SECOND): string {
  const hundredths = divRound(time * 100n, perSecond * 3600n);
  return fixed2(hundredths);
}

/** Minutes with one decimal: "25.0". */
export function minutes(time: bigint, perSecond = TIME_PER_SECOND): string {
  const tenths = divRound(time * 10n, perSecond * 60n);
  const sign = tenths < 0n ? '-' : '';
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${group(abs / 10n)}.${abs % 10n}`;
}

/** Dollars and cents: "$18,915.00". */
export function dollars(money: bigint, perCent = MONEY_PER_CENT): string {
  const cents = divRound(money, perCent);
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}$${group(abs / 100n)}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Cents (rounded) as a number, for charts and CSV. */
export function cents(money: bigint, perCent = MONEY_PER_CENT): number {
  return Number(divRound(money, perCent));
}

/** Hours (rounded to hundredths) as a number, for charts. */
export function hoursNumber(time: bigint, perSecond = TIME_PER_SECOND): number {
  return Number(divRound(time * 100n, perSecond * 3600n)) / 100;
}

export function totalDollars(b: Burden): string {
  return dollars(totalMoney(b));
}

export function perPersonMinutes(p: PerPerson): string {
  return minutes(p.time, PER_PERSON_TIME_PER_SECOND);
}

export function perPersonDollars(p: PerPerson): string {
  return dollars(p.money, PER_PERSON_MONEY_PER_CENT);
}

/** Percent change of `saved` against `base`, one decimal: "12.5%"; "—" when base is zero. */
export function percent(saved: bigint, base: bigint): string {
  if (base === 0n) return '—';
  const tenths = divRound(saved * 1000n, base);
  const sign = tenths < 0n ? '-' : '';
  const abs = tenths < 0n ? -tenths : tenths;
  return `${sign}${abs / 10n}.${abs % 10n}%`;
}

function fixed2(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${group(abs / 100n)}.${String(abs % 100n).padStart(2, '0')}`;
}

function group(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Plain dollars and cents from exact money, for CSV: no grouping, no sign for positives. */
export function plainMoney(money: bigint, perCent = MONEY_PER_CENT): string {
  return fixed2(divRound(money, perCent)).replaceAll(',', '');
}

/** Hours with two decimals and no grouping, for CSV: "1529.17". */
export function plainHours(time: bigint, perSecond = TIME_PER_SECOND): string {
  return hours(time, perSecond).replaceAll(',', '');
}

/**
 * An exact decimal, not rounded: `value / scale` where scale is a power of ten, with trailing
 * zeros dropped and no grouping. (15n, 10n) → "1.5"; (1000n, 1n) → "1000".
 */
export function exactDecimal(value: bigint, scale: bigint): string {
  const places = scale.toString().length - 1;
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = (abs / scale).toString();
  const fraction = places === 0 ? '' : (abs % scale).toString().padStart(places, '0');
  const trimmed = fraction.replace(/0+$/, '');
  return `${sign}${whole}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * Hours per response with four decimals: 300 seconds → "0.0833". Only for showing; totals are
 * worked out from the exact seconds (ICR 202306-1902-004 printed 0.083 h for 5 minutes).
 * `perSecond` is the time's unit (100n for hundredths of a second).
 */
export function hoursPerResponse(time: bigint, perSecond = 1n): string {
  const tenThousandths = divRound(time * 10_000n, 3_600n * perSecond);
  return `${tenThousandths / 10_000n}.${String(tenThousandths % 10_000n).padStart(4, '0')}`;
}

function respondentCells(row: Omit<IcrRow, 'burden' | 'wage' | 'hundredthSecondsPerResponse'>) {
  return {
    respondents: exactDecimal(row.respondents, RESPONDENTS_PER_PERSON),
    responsesPerRespondent: exactDecimal(row.responsesPerRespondent, RESPONSES_PER_RESPONSE),
    totalResponses: exactDecimal(row.totalResponses, TOTAL_RESPONSES_PER_RESPONSE),
  };
}

/** The text cells of one ICR row of time (item 12, or a psychological row), as the CSV shows them. */
export function icrCells(row: IcrRow) {
  return {
    ...respondentCells(row),
    hoursPerResponse: hoursPerResponse(row.hundredthSecondsPerResponse, PER_RESPONSE_PER_SECOND),
    totalHours: plainHours(row.burden.time),
    wage: plainMoney(row.wage, WAGE_PER_CENT),
    costOfTime: plainMoney(row.burden.timeMoney),
    totalCost: plainMoney(totalMoney(row.burden)),
  };
}

/** The text cells of one ICR item 13 row (out-of-pocket money), as the CSV shows them. */
export function icrCostCells(row: IcrCostRow) {
  return {
    ...respondentCells(row),
    costPerResponse: plainMoney(row.centsPerResponse, 1n),
    totalCost: plainMoney(row.cost),
  };
}
