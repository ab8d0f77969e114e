/**
 * Numbers as people read them (U.S. English, thousands separated). Each format is made once:
 * `toLocaleString` with options builds an `Intl.NumberFormat` on every call, about fifty times
 * what formatting with a kept one costs. The trust page formats some 170 percentages a request,
 * and that was a fifth of its server time (decision 041). ESLint refuses `toLocaleString` with
 * options for this reason.
 */
const UP_TO_ONE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const UP_TO_TWO = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const EXACTLY_ONE = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** "87.5", "90", "1,234.6": at most one decimal, no trailing zero. */
export function upToOneDecimal(value: number): string {
  return UP_TO_ONE.format(value);
}

/** "3.25", "4", "12,000.5": at most two decimals, no trailing zero. */
export function upToTwoDecimals(value: number): string {
  return UP_TO_TWO.format(value);
}

/** "1,234.0", "0.5": always one decimal, so a column of hours lines up. */
export function oneDecimal(value: number): string {
  return EXACTLY_ONE.format(value);
}
